// Saved HTML pages: thread-reader pages (.content-tweet posts), x.com pages ([data-testid=tweetText]
// in <article>s), pages embedding posts (<blockquote class="twitter-tweet">, which become quotes, or
// the posts themselves when the page has nothing else), and any other page as text (through the
// text recognisers). Parsed with htmlparser2; entities decoded; links kept as Markdown links.
import type { AnyNode, Element } from 'domhandler';
import { findAll, findOne, getAttributeValue, textContent } from 'domutils';
import { findDate } from './dates.ts';
import { nodesToLines, parseHtml, SKIP_TAGS } from './html-to-markdown.ts';
import { parseAuthor } from './from-json.ts';
import { buildPost, clip } from './post-text.ts';
import { isTweetEmbed, readEmbed } from './tweet-embed.ts';
import type { Draft, DraftPost, ImportLog, Line } from './types.ts';

const POST_CLASSES = new Set(['content-tweet', 'tweet-text', 'tweet-content']);
const CHROME = /^(ad|ads|adsbygoogle|advert\w*|sponsor\w*|promo\w*|banner|cookie\w*|navbar|nav|menu|sidebar|share|social|related|more-from|comments?|footer|site-footer|site-header)$/i;
const LINK_CARD = /^(entity-url|card|link-card|tweet-card|card-wrapper|entity-embed)$/i;

const tokens = (el: Element) => `${el.attribs.class ?? ''} ${el.attribs.id ?? ''}`.split(/\s+/).filter(Boolean);
const isPostEl = (el: Element) => tokens(el).some((t) => POST_CLASSES.has(t)) || el.attribs['data-testid'] === 'tweetText';

export function fromHtml(html: string, log: ImportLog, importText: (lines: Line[]) => Draft): Draft {
  const starts = [0];
  for (let i = html.indexOf('\n'); i >= 0; i = html.indexOf('\n', i + 1)) starts.push(i + 1);
  const lineOf = (offset: number) => {
    let lo = 0;
    let hi = starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (starts[mid]! <= offset) lo = mid;
      else hi = mid - 1;
    }
    return lo + 1;
  };
  const doc = parseHtml(html);
  const lineOfEl = (el: AnyNode) => (el.startIndex !== null ? lineOf(el.startIndex) : 1);

  const skip = (el: Element): boolean => {
    const why = chromeReason(el);
    if (why) log.remove(lineOfEl(el), clip(textContent(el).replace(/\s+/g, ' ') || `<${el.name}>`, 100), why);
    return Boolean(why);
  };

  // Document order: posts and embeds (embeds inside a post are that post's quote).
  const found: { el: Element; kind: 'post' | 'embed' }[] = [];
  const walk = (nodes: readonly AnyNode[]) => {
    for (const n of nodes) {
      if (n.type !== 'tag') continue;
      const el = n as Element;
      if (SKIP_TAGS.has(el.name)) continue;
      if (isPostEl(el)) found.push({ el, kind: 'post' });
      else if (isTweetEmbed(el)) found.push({ el, kind: 'embed' });
      else walk(el.children);
    }
  };
  walk(doc.children);

  const draft: Draft = { author: {}, posts: [] };
  pageMeta(doc.children, draft);

  if (found.length === 0) {
    // No post markup: the page's text, through the text recognisers.
    const body = findOne((e) => e.name === 'body', doc.children, true);
    const lines = nodesToLines(body ? body.children : doc.children, { lineOf, skip });
    const fromText = importText(lines);
    return mergeMeta(fromText, draft);
  }

  const onlyEmbeds = found.every((f) => f.kind === 'embed');
  for (const { el, kind } of found) {
    const line = lineOfEl(el);
    if (kind === 'embed') {
      const embed = readEmbed(el, lineOf);
      for (const photo of embed.photos) log.warn(line, `the embedded post's photo ${photo} is not fetched`);
      if (!embed.text) continue;
      const prev = draft.posts[draft.posts.length - 1];
      if (!onlyEmbeds && prev && !prev.quote) {
        prev.quote = { author: embed.author, text: embed.text };
        log.remove(line, clip(embed.text, 100), 'embedded post (imported as the quote of the post before it)');
      } else {
        const post: DraftPost = { text: embed.text, line, images: embed.photos.map((src) => ({ src, line })), author: embed.author };
        if (embed.url) post.url = embed.url;
        if (embed.date) post.date = embed.date;
        draft.posts.push(post);
      }
      continue;
    }
    const embeds = findAll(isTweetEmbed, el.children);
    const lines = nodesToLines(el.children, { lineOf, skip: (e) => isTweetEmbed(e) || skip(e) });
    const { post } = buildPost(lines, log);
    post.line = line;
    const inner = embeds[0];
    if (inner) {
      const embed = readEmbed(inner, lineOf);
      for (const photo of embed.photos) log.warn(lineOfEl(inner), `the embedded post's photo ${photo} is not fetched; only its text is quoted`);
      if (embed.text) post.quote = { author: embed.author, text: embed.text };
    }
    Object.assign(post, articleInfo(el));
    if (post.text || post.quote) draft.posts.push(post);
  }
  if (draft.posts.some((p) => p.author)) draft.conversation = true;
  // The first post's author fills in what the page's metadata left out (same person only).
  const first = draft.posts.find((p) => p.author)?.author;
  if (first && (!draft.author.name || !first.name || first.name === draft.author.name) && (!draft.author.handle || !first.handle || first.handle.toLowerCase() === draft.author.handle.toLowerCase())) {
    draft.author.name ??= first.name;
    draft.author.handle ??= first.handle;
  }
  return draft;
}

function chromeReason(el: Element): string | undefined {
  const t = tokens(el);
  if (t.some((x) => LINK_CARD.test(x)) || el.attribs['data-testid'] === 'card.wrapper') return 'link card';
  if (el.name === 'nav') return 'page menu';
  if (el.name === 'img' && /profile_images|avatar/i.test(`${el.attribs.src ?? ''} ${el.attribs.class ?? ''}`)) return 'profile picture';
  if (t.some((x) => CHROME.test(x)) || ['header', 'footer', 'aside'].includes(el.name)) return 'page chrome';
  return undefined;
}

/** x.com keeps a post's author, time and link in the <article> around its text. */
function articleInfo(el: Element): Partial<DraftPost> {
  let article: Element | null = el.parent as Element | null;
  while (article && article.name !== 'article') article = article.parent as Element | null;
  if (!article) return {};
  const out: Partial<DraftPost> = {};
  const user = findOne((e) => e.attribs['data-testid'] === 'User-Name', article.children, true);
  if (user) {
    const parts = findAll((e) => e.name === 'span' && e.children.every((c) => c.type === 'text'), user.children).map((s) => textContent(s).trim()).filter(Boolean);
    const handle = parts.find((p) => /^@[A-Za-z0-9_]{1,30}$/.test(p));
    const name = parts.find((p) => p !== handle && p !== '·' && !findDate(p) && !/^\d+[smhd]$/.test(p));
    out.author = { ...(name && { name }), ...(handle && { handle: handle.slice(1) }) };
  }
  const time = findOne((e) => e.name === 'time', article.children, true);
  const date = time && findDate(getAttributeValue(time, 'datetime') ?? textContent(time));
  if (date) out.date = date;
  const link = time?.parent && (time.parent as Element).name === 'a' ? getAttributeValue(time.parent as Element, 'href') : undefined;
  if (link) out.url = /^https?:/.test(link) ? link : `https://x.com${link}`;
  return out;
}

/** <title>, <meta> and <link rel=canonical>: the author, date and address of the page. */
function pageMeta(nodes: AnyNode[], draft: Draft): void {
  const meta = (key: string) => {
    const el = findOne((e) => e.name === 'meta' && (e.attribs.name === key || e.attribs.property === key), nodes, true);
    return el?.attribs.content?.trim() || undefined;
  };
  const title = findOne((e) => e.name === 'title', nodes, true);
  const titleText = title ? textContent(title).trim() : '';
  const by = /thread by @([A-Za-z0-9_]{1,30})/i.exec(titleText);
  if (by) draft.author.handle = by[1]!;
  const onX = /^(.+?) on (?:X|Twitter): /.exec(titleText);
  if (onX) draft.author.name = onX[1]!.trim();
  const creator = meta('twitter:creator');
  if (creator && /^@?[A-Za-z0-9_]{1,30}$/.test(creator)) draft.author.handle ??= creator.replace(/^@/, '');
  const author = meta('author');
  if (author) {
    const a = parseAuthor(author);
    draft.author.name ??= a.name;
    draft.author.handle ??= a.handle;
  }
  const canonical = findOne((e) => e.name === 'link' && (e.attribs.rel ?? '').split(/\s+/).includes('canonical'), nodes, true);
  const url = canonical?.attribs.href ?? meta('og:url');
  if (url && /^https?:\/\//.test(url)) draft.source = url;
  const published = meta('article:published_time') ?? meta('date');
  const date = published && findDate(published);
  if (date) draft.date = date;
}

function mergeMeta(fromText: Draft, page: Draft): Draft {
  return {
    ...fromText,
    author: { ...page.author, ...fromText.author },
    ...((fromText.date ?? page.date) && { date: fromText.date ?? page.date }),
    ...((fromText.source ?? page.source) && { source: fromText.source ?? page.source }),
  };
}
