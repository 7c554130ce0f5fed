// A recogniser's draft → a thread file's content: the author decided, replies removed (or kept as
// quotes), "1/" markers stripped, images resolved, the title and the missing pieces filled in — each
// guess said in a warning.
import type { ThreadInput } from '../load/schema.ts';
import { MAX_POSTS } from '../load/schema.ts';
import { parseAuthor } from './from-json.ts';
import { localImage, takeImages } from './images.ts';
import { leadingMarker, stripLeadingMarker, stripTrailingMarker, trailingMarker } from './markers.ts';
import { clip } from './post-text.ts';
import { titleFromPost } from './title.ts';
import type { Draft, DraftAuthor, DraftPost, ImportLog, ImportOptions } from './types.ts';

type PostInput = ThreadInput['posts'][number];

export interface Finished {
  /** Undefined when no post was found. */
  thread?: ThreadInput;
  postLines: number[];
}

const HANDLE_OK = /^[A-Za-z0-9_.-]{1,64}$/;

export async function finishDraft(draft: Draft, log: ImportLog, opts: ImportOptions & { baseDir: string; outDir: string }): Promise<Finished> {
  const author: DraftAuthor = { ...draft.author };
  if (opts.author) Object.assign(author, parseAuthor(opts.author));
  if (author.handle && !HANDLE_OK.test(author.handle)) delete author.handle;

  const isOwn = (p: DraftPost) => !p.author || sameAuthor(p.author, author);
  const role = roles(draft.posts, isOwn, author, Boolean(draft.conversation));

  // "1/", "(2/9)"… markers the author typed: the cards number the posts themselves. Counted over the
  // thread's own posts, so a reply in between does not shift them.
  if (!draft.exact) {
    const mine = draft.posts.filter((p) => role.get(p) === 'thread');
    mine.forEach((p, i) => {
      const lead = stripLeadingMarker(p.text, i + 1);
      if (lead !== p.text) log.remove(p.line, p.text.slice(0, p.text.length - lead.length), 'post number marker');
      const trail = stripTrailingMarker(lead, i + 1, mine.length);
      if (trail !== lead) log.remove(p.line + lead.slice(0, trail.length).split('\n').length - 1, lead.slice(trail.length), 'post number marker');
      p.text = trail.trim();
    });
  }

  // Replies: posts whose header names someone other than the thread's author; and the author's
  // answers to them, which do not continue the thread.
  const own: DraftPost[] = [];
  const answers: DraftPost[] = [];
  for (const post of draft.posts) {
    if (role.get(post) === 'thread') {
      own.push(post);
      continue;
    }
    if (role.get(post) === 'answer') {
      if (opts.keepReplies) own.push(post);
      else {
        answers.push(post);
        removeLines(post, log, `the author's answer to a reply, not part of the thread (--keep-replies keeps it)`);
      }
      continue;
    }
    const who = post.author?.handle ? `@${post.author.handle}` : (post.author?.name ?? 'someone else');
    if (opts.keepReplies) {
      own.push({ ...post, text: `Reply from ${who}:`, images: [], quote: { author: post.author!, text: post.text }, author: undefined });
      continue;
    }
    removeLines(post, log, `reply by ${who} (--keep-replies keeps it)`);
  }

  const posts: PostInput[] = [];
  const postLines: number[] = [];
  for (const p of own) {
    takeImages(p, log);
    const out: { text: string; image?: string; alt?: string; quote?: { author: { name: string; handle?: string }; text: string } } = { text: p.text };
    for (const img of p.images) {
      if (out.image) {
        log.warn(img.line, `post ${posts.length + 1} has another image, ${img.src}; a post shows one image, so it was left out`);
        continue;
      }
      const found = await localImage(img.src, opts.baseDir, opts.outDir);
      if ('path' in found) {
        out.image = found.path;
        if (img.alt) out.alt = img.alt;
      } else log.warn(img.line, `post ${posts.length + 1}: image ${clip(img.src, 100)} ${found.why}`, 'import-image');
    }
    if (p.quote) {
      const q = p.quote;
      const name = q.author.name ?? q.author.handle;
      if (name && q.text.trim()) {
        out.quote = { author: { name, ...(q.author.handle && HANDLE_OK.test(q.author.handle) && { handle: `@${q.author.handle}` }) }, text: q.text.trim() };
      } else if (q.text.trim()) {
        out.text = `${out.text}\n\n> ${q.text.trim().split('\n').join('\n> ')}`.trim();
        log.warn(p.line, `post ${posts.length + 1}: the quoted post names no author; its text was kept as a > quote in the post`);
      }
    }
    if (!out.text) {
      if (out.image) {
        out.text = out.alt || '📷';
        log.warn(p.line, `post ${posts.length + 1} is only an image; its text was set to ${out.alt ? 'the image description' : '"📷"'}`);
      } else if (out.quote) out.text = '↪';
      else continue;
    }
    posts.push(out.image || out.quote || out.alt ? out : out.text);
    postLines.push(p.line);
  }

  if (answers.length) {
    const at = answers.map((p) => p.line).join(', ');
    log.warn(answers[0]!.line, `left out ${answers.length === 1 ? 'a post' : `${answers.length} posts`} by the thread's author that ${answers.length === 1 ? 'answers' : 'answer'} other people's replies (line${answers.length === 1 ? '' : 's'} ${at}) rather than continue the thread; --keep-replies keeps ${answers.length === 1 ? 'it' : 'them'}`, 'import-unsure');
  }
  if (posts.length === 0) return { postLines };
  const threadPosts = own.filter((p) => role.get(p) === 'thread' && (p.text || p.quote || p.images.length)).length;
  if (draft.expected && draft.expected.count !== threadPosts && !opts.keepReplies) {
    log.warn(draft.expected.line, `the page says "${draft.expected.text}" but ${threadPosts} post${threadPosts === 1 ? ' was' : 's were'} found: check that no post was split in two or run into the next`);
  }
  if (posts.length > MAX_POSTS) log.warn(undefined, `${posts.length} posts found; a thread holds at most ${MAX_POSTS}`);

  const first = own[0]!;
  let title = opts.title?.trim() || draft.title?.trim() || titleFromPost(first.text);
  if (!title) title = 'Untitled thread';
  // A post header elsewhere on the page (a reply of theirs) may give the name the page's top leaves out.
  if (!author.name && author.handle) author.name = draft.posts.find((p) => p.author?.name && p.author.handle?.toLowerCase() === author.handle!.toLowerCase())?.author?.name;
  if (!author.name) {
    if (author.handle) {
      author.name = author.handle;
      log.warn(undefined, `the input names the author only by the handle @${author.handle}; author.name is set to "${author.handle}" — put the real name there (or pass --author "Name @${author.handle}")`, 'import-author');
    } else {
      author.name = 'Unknown author';
      log.warn(undefined, 'the input does not name the author; author.name is set to "Unknown author" — put the real name there (or pass --author "Name @handle")', 'import-author');
    }
  }
  const thread: ThreadInput = { title, author: { name: author.name, ...(author.handle && { handle: `@${author.handle}` }) }, posts };
  if (draft.avatar) {
    const found = await localImage(draft.avatar.src, opts.baseDir, opts.outDir);
    if ('path' in found) thread.author.avatar = found.path;
    else log.warn(draft.avatar.line, `avatar ${clip(draft.avatar.src, 100)} ${found.why}`, 'import-image');
  }
  const date = draft.date ?? first.date;
  if (date) thread.date = date;
  const source = draft.source ?? first.url;
  if (source && /^https?:\/\/\S+$/.test(source)) thread.source = source;
  return { thread, postLines };
}

/** Lists a left-out post's lines: where they came from when the recogniser says, else counted from its start. */
function removeLines(post: DraftPost, log: ImportLog, reason: string): void {
  if (post.source?.length) for (const l of post.source) log.remove(l.n, l.text, reason);
  else post.text.split('\n').forEach((l, i) => log.remove(post.line + i, l, reason));
}

type Role = 'thread' | 'reply' | 'answer';

/**
 * Each post's part: the thread's own, a reply by someone else, or the author's answer to a reply. In a
 * page's conversation order, once another account has replied, the author's posts continue the
 * thread only when their number says so ("5/", "… 5/9"); anywhere, a post headed "Replying to
 * @someone-else" (or opening with that @mention) answers them, unless numbered on.
 */
function roles(posts: readonly DraftPost[], isOwn: (p: DraftPost) => boolean, author: DraftAuthor, conversation: boolean): Map<DraftPost, Role> {
  const out = new Map<DraftPost, Role>();
  const me = author.handle?.toLowerCase();
  const other = (h: string) => h.toLowerCase() !== me;
  let othersSeen = false;
  let count = 0;
  for (const p of posts) {
    if (!isOwn(p)) {
      out.set(p, 'reply');
      othersSeen = true;
      continue;
    }
    const headed = Boolean(p.author);
    const mention = headed ? /^@([A-Za-z0-9_]{1,30})\b/.exec(p.text)?.[1] : undefined;
    const answering = headed && me !== undefined && ((p.replyTo ?? []).some(other) || (mention !== undefined && other(mention)));
    if ((conversation && othersSeen) || answering) {
      const lead = leadingMarker(p.text);
      const trail = trailingMarker(p.text);
      const numbered = (lead?.style === 'slash' && lead.n === count + 1) || trail?.n === count + 1;
      if (!numbered) {
        out.set(p, 'answer');
        continue;
      }
    }
    out.set(p, 'thread');
    count++;
  }
  return out;
}

function sameAuthor(a: DraftAuthor, thread: DraftAuthor): boolean {
  if (a.handle && thread.handle) return a.handle.toLowerCase() === thread.handle.toLowerCase();
  if (a.name && thread.name) return a.name === thread.name;
  return true;
}
