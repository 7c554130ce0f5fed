// Markdown clippings of thread-reader and x.com pages (and threadeck's own Markdown export): posts
// split by "---" (or "• • •", or "### n/N" headings), "**Name** @handle [date](url)" headers before
// posts, a "# Title" on top. The block structure comes from mdast; post text is the source as written.
import type { RootContent } from 'mdast';
import { toString } from 'mdast-util-to-string';
import { readPreamble, type PageMeta } from './metadata.ts';
import { parseMarkdown } from './markdown-tree.ts';
import { noiseReason } from './noise.ts';
import { readHeader, readQuoting, type PostHeader } from './post-header.ts';
import { buildPost } from './post-text.ts';
import type { Draft, DraftPost, DraftQuote, ImportLog, Line } from './types.ts';

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

export function fromMarkdownClipping(lines: readonly Line[], log: ImportLog): Draft {
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
    if (node.type === 'thematicBreak' || (node.type === 'paragraph' && BULLET_BREAK.test(first.text))) {
      log.remove(first.n, first.text, 'separator');
      segments.push({ blocks: [] });
      continue;
    }
    if (node.type === 'heading' && noiseReason(first.text)?.feed) {
      for (const rest of blocks.slice(i)) for (const l of rest.lines) log.remove(l.n, l.text, '"More from" feed');
      break;
    }
    if (node.type === 'heading' && node.depth === 1 && !anyContent() && !draft.title) {
      const by = /^thread by @([A-Za-z0-9_]{1,30})/i.exec(text);
      if (by) meta.author.handle ??= by[1]!;
      else draft.title = text;
      log.remove(first.n, first.text, by ? "reader-site title (the author's handle)" : 'title');
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

  let feed = false;
  for (const [k, seg] of segments.entries()) {
    if (feed) {
      for (const b of seg.blocks) for (const l of b.lines) log.remove(l.n, l.text, '"More from" feed');
      continue;
    }
    const quote = takeQuote(seg);
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
function takeQuote(seg: Segment): DraftQuote | undefined {
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
