// Markdown clippings of thread-reader and x.com pages (and threadeck's own Markdown export): posts
// split by "---" (or "• • •", or "### n/N" headings), "**Name** @handle [date](url)" headers before
// posts, a "# Title" on top. The block structure comes from mdast; post text is the source as written.
import type { RootContent } from 'mdast';
import { toString } from 'mdast-util-to-string';
import { COMMENTS_HEADING, readComments } from './comments.ts';
import { findMarks } from './markers.ts';
import { readPreamble, type PageMeta } from './metadata.ts';
import { parseMarkdown } from './markdown-tree.ts';
import { noiseReason, removeRest } from './noise.ts';
import { readPageTitle } from './page-title.ts';
import { splitPosts } from './paragraph-posts.ts';
import { readHeader, readQuoting, type PostHeader } from './post-header.ts';
import { buildPost, clip } from './post-text.ts';
import { isBlank } from './lines.ts';
import { collectPosts } from './segments.ts';
import type { Draft, DraftPost, DraftQuote, ImportContext, ImportLog, Line } from './types.ts';
import { unescapeLine } from './unescape.ts';

interface Block {
  node: RootContent;
  lines: Line[];
}

interface Segment {
  header?: PostHeader;
  blocks: Block[];
}

const NUMBER_HEADING = /^(\d{1,3})\s*\/\s*(\d{1,3})$/;
const BULLET_BREAK = /^\s*([•·*]\s*){3,}$/;
/** MarkDownload's "> ## Excerpt" quote under the title. */
const EXCERPT = /^\s*>\s*(#{1,6}\s*)?excerpt\s*$/i;

export function fromMarkdownClipping(lines: readonly Line[], log: ImportLog, ctx: ImportContext = {}): Draft {
  const tree = parseMarkdown(lines.map((l) => l.text).join('\n'));
  const blocks: Block[] = tree.children.map((node) => ({
    node,
    lines: lines.slice(node.position!.start.line - 1, node.position!.end.line),
  }));
  const exact = numberedHeadings(blocks);
  const meta: PageMeta = { author: {} };
  const draft: Draft = { author: meta.author, posts: [] };
  if (exact) draft.exact = true;

  const segments: Segment[] = [{ blocks: [] }];
  const current = () => segments[segments.length - 1]!;
  const anyContent = () => segments.some((s) => s.blocks.length > 0);
  let byline: PostHeader | undefined;
  let comments: DraftPost[] = [];

  for (const [i, block] of blocks.entries()) {
    const { node } = block;
    const first = block.lines[0]!;
    const text = toString(node).trim();
    if (node.type === 'heading' && NUMBER_HEADING.test(text)) {
      log.remove(first.n, first.text, 'post number');
      if (exact) dropTrailingBreak(current(), log);
      segments.push({ blocks: [] });
      continue;
    }
    if (exact && segments.length === 1) {
      // Before post 1 of an export: the title, the byline, the separator.
      if (node.type === 'heading' && node.depth === 1 && !draft.title) {
        draft.title = text;
        log.remove(first.n, first.text, 'title');
      } else if (node.type === 'paragraph' && readHeader(first.text, false)) {
        byline ??= readHeader(first.text, false);
        log.remove(first.n, first.text, "thread's byline");
      } else for (const l of block.lines) log.remove(l.n, l.text, node.type === 'thematicBreak' ? 'separator' : 'before post 1');
      continue;
    }
    if (exact) {
      current().blocks.push(block);
      continue;
    }
    const rest = () => lines.slice(first.n - lines[0]!.n);
    if (node.type === 'paragraph' && BULLET_BREAK.test(first.text)) {
      // "• • •" then "Missing some Tweet…": a thread reader's end of the thread.
      const next = blocks[i + 1];
      if (ctx.kind === 'thread-reader' || (next && noiseReason(next.lines[0]!.text)?.after)) {
        log.remove(first.n, first.text, 'end of the thread');
        removeRest(rest().slice(1), log, 'reader page after the thread');
        break;
      }
    }
    if (node.type === 'thematicBreak' || (node.type === 'paragraph' && BULLET_BREAK.test(first.text))) {
      log.remove(first.n, first.text, 'separator');
      segments.push({ blocks: [] });
      continue;
    }
    if (node.type === 'heading' && noiseReason(first.text)?.feed) {
      removeRest(rest(), log, '"More from" feed');
      break;
    }
    if (node.type === 'heading' && node.depth >= 2 && COMMENTS_HEADING.test(text) && anyContent()) {
      // The replies under the post (Obsidian Web Clipper): posts by their authors, so finish keeps the thread's own.
      log.remove(first.n, first.text, 'comments section');
      comments = readComments(rest().slice(1), log);
      break;
    }
    if (node.type === 'blockquote' && EXCERPT.test(first.text) && !anyContent()) {
      for (const l of block.lines) log.remove(l.n, l.text, "clipper's excerpt");
      continue;
    }
    if (node.type === 'heading' && node.depth === 1 && !anyContent() && !draft.title) {
      const page = readPageTitle(text);
      if (page?.title) draft.title = page.title;
      else if (page) {
        meta.author.handle ??= page.author.handle;
        meta.author.name ??= page.author.name;
      }
      if (!meta.author.handle) delete meta.author.handle;
      if (!meta.author.name) delete meta.author.name;
      log.remove(first.n, first.text, page?.title ? 'title' : /^thread by @/i.test(text) ? "reader-site title (the author's handle)" : "page title (the author's name)");
      continue;
    }
    if (node.type === 'paragraph') {
      const header = readHeader(first.text, anyContent() || segments.length > 1);
      if (header) {
        log.remove(first.n, first.text, 'post header');
        segments.push({ header, blocks: [] });
        if (block.lines.length > 1) current().blocks.push({ node, lines: block.lines.slice(1) });
        continue;
      }
    }
    current().blocks.push(block);
  }
  if (exact) dropTrailingBreak(current(), log);

  // No headers and no separators between posts (a thread reader's page as Markdown, numbered
  // paragraphs): markers, blocks and images tell where posts start (paragraph-posts.ts).
  const filled = segments.filter((seg) => seg.blocks.length > 0);
  if (!exact && filled.length === 1 && !segments.some((seg) => seg.header) && ctx.kind !== 'x') {
    const seg = filled[0]!;
    const from = seg.blocks[0]!.lines[0]!.n;
    const to = seg.blocks[seg.blocks.length - 1]!.lines.at(-1)!.n;
    let body = lines.filter((l) => l.n >= from && l.n <= to);
    const marks = findMarks(body);
    if (ctx.kind === 'thread-reader' || marks.lines.length >= 2) {
      const pre = readPreamble(body, log, meta, { stopAtUnknown: true });
      body = body.slice(pre.index);
      draft.posts = collectPosts(splitPosts(body, log, { ...ctx, marks: findMarks(body) }), log);
      draft.posts.push(...comments);
      if (comments.length) draft.conversation = true;
      if (meta.date) draft.date = meta.date;
      if (meta.source) draft.source = meta.source;
      return draft;
    }
  }

  // Where every post has its author line, text before the first and after the last is the page's
  // (a clipper's note, a feed footer), not a post: left out, listed, and warned about.
  const headed = segments.flatMap((seg, k) => (seg.header && seg.blocks.length ? [k] : []));
  const consistent = headed.length > 0 && !segments.some((seg, k) => k > headed[0]! && k < headed.at(-1)! && !seg.header && seg.blocks.length);
  const outside: Line[] = [];

  let feed = false;
  for (const [k, seg] of segments.entries()) {
    if (feed) {
      removeRest(seg.blocks.flatMap((b) => b.lines), log, '"More from" feed');
      continue;
    }
    if (!exact && consistent && !seg.header && (k < headed[0]! || k > headed.at(-1)!)) {
      let content = seg.blocks.flatMap((b) => b.lines);
      if (k === 0) content = content.slice(readPreamble(content, log, meta, { stopAtUnknown: true }).index);
      const built = buildPost(content, log, { last: k === segments.length - 1 });
      feed = built.feed;
      const gone = new Set(log.removed.map((r) => r.line));
      for (const l of content) {
        if (isBlank(l) || gone.has(l.n)) continue;
        log.remove(l.n, l.text, k === 0 ? 'page text before the first post' : 'page text after the last post');
        outside.push(l);
      }
      continue;
    }
    const quote = takeQuote(seg, log);
    let content = seg.blocks.flatMap((b, j) => (j ? [{ n: b.lines[0]!.n, text: '' }, ...b.lines] : b.lines));
    if (k === 0 && !seg.header && !exact) {
      const pre = readPreamble(content, log, meta, { stopAtUnknown: true });
      content = content.slice(pre.index);
    }
    const built = buildPost(content, log, { exact, last: k === segments.length - 1 });
    feed = built.feed;
    const post: DraftPost = built.post;
    if (quote) post.quote = quote;
    if (seg.header) {
      post.author = seg.header.author;
      if (seg.header.url) post.url = seg.header.url;
      if (seg.header.date) post.date = seg.header.date;
    }
    if (post.text || post.quote) draft.posts.push(post);
    else if (seg.header && !byline && draft.posts.length === 0) byline = seg.header;
  }
  draft.posts.push(...comments);
  // x.com's page order (not a thread reader's, which shows the author's posts only).
  if ((segments.some((seg) => seg.header) && ctx.kind !== 'thread-reader') || comments.length) draft.conversation = true;
  if (outside.length) {
    const many = outside.length > 1;
    log.warn(outside[0]!.n, `left out ${many ? `${outside.length} lines` : 'a line'} outside the posts ("${clip(outside[0]!.text)}"${many ? ', …' : ''}): every post here starts with its author's name, ${many ? 'these have' : 'this has'} none; --verbose lists ${many ? 'them' : 'it'}`, 'import-unsure');
  }

  const head = draft.posts[0]?.author;
  if (byline) {
    meta.author.name ??= byline.author.name;
    meta.author.handle ??= byline.author.handle;
    if (byline.date) meta.date ??= byline.date;
    if (byline.url) draft.source = byline.url;
    if (byline.avatar) draft.avatar = { src: byline.avatar, line: 1 };
  } else if (head) {
    meta.author.name ??= head.name;
    meta.author.handle ??= head.handle;
  }
  if (meta.date) draft.date = meta.date;
  if (meta.source) draft.source ??= meta.source;
  return draft;
}

/** True when the document numbers its posts with "### 1/N" headings, 1 to N in order. */
function numberedHeadings(blocks: readonly Block[]): boolean {
  let expected = 1;
  for (const { node } of blocks) {
    if (node.type !== 'heading') continue;
    const m = NUMBER_HEADING.exec(toString(node).trim());
    if (m && Number(m[1]) === expected) expected++;
  }
  return expected > 1;
}

function dropTrailingBreak(seg: Segment, log: ImportLog): void {
  const last = seg.blocks[seg.blocks.length - 1];
  if (last?.node.type === 'thematicBreak') {
    seg.blocks.pop();
    log.remove(last.lines[0]!.n, last.lines[0]!.text, 'separator');
  }
}

/** A post ending in "Quoting **Name** @handle:" and a block quote: that is its quoted post. */
function takeQuote(seg: Segment, log: ImportLog): DraftQuote | undefined {
  // A clipper's quoted post: a block quote that opens with its author line ("> **Name** @handle [date](url)").
  for (let i = seg.blocks.length - 1; i >= 0; i--) {
    const block = seg.blocks[i]!;
    if (block.node.type !== 'blockquote') continue;
    const inner = block.lines.map((l) => ({ n: l.n, text: l.text.replace(/^\s{0,3}> ?/, '') }));
    const head = inner.find((l) => l.text.trim());
    const header = head && readHeader(head.text, true);
    if (!header) continue;
    seg.blocks.splice(i, 1);
    log.remove(head.n, head.text, 'quoted post header');
    const text = inner
      .slice(inner.indexOf(head) + 1)
      .map((l) => unescapeLine(l.text))
      .join('\n')
      .replace(/\n{3,}/g, '\n\n')
      .trim();
    return { author: header.author, text };
  }
  const [intro, quote] = seg.blocks.slice(-2);
  if (!intro || !quote || intro.node.type !== 'paragraph' || quote.node.type !== 'blockquote' || intro.lines.length !== 1) return undefined;
  const author = readQuoting(intro.lines[0]!.text);
  if (!author) return undefined;
  seg.blocks.splice(-2, 2);
  const text = quote.lines
    .map((l) => l.text.replace(/^\s{0,3}> ?/, ''))
    .join('\n')
    .trim();
  return { author, text };
}
