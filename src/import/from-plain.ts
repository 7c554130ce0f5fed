// Plain text: every block of lines between blank lines is one post (a fenced code block counts as
// one block). Posts with blank lines inside need numbers (1/ …) or "---" separators instead.
import { fencedLines, hasSoftBreaks, isBlank } from './lines.ts';
import { readPreamble, type PageMeta } from './metadata.ts';
import { collectPosts } from './segments.ts';
import { splitPosts } from './paragraph-posts.ts';
import type { Draft, ImportContext, ImportLog, Line } from './types.ts';
import { readTitleLine } from './title.ts';

export function blankLineBlocks(lines: readonly Line[]): Line[][] {
  const fenced = fencedLines(lines);
  const blocks: Line[][] = [];
  let cur: Line[] = [];
  for (const [i, l] of lines.entries()) {
    if (isBlank(l) && !fenced[i]) {
      if (cur.length) blocks.push(cur);
      cur = [];
    } else cur.push(l);
  }
  if (cur.length) blocks.push(cur);
  return blocks;
}

export function fromPlain(lines: readonly Line[], log: ImportLog, ctx: ImportContext = {}): Draft {
  const meta: PageMeta = { author: {} };
  const title = readTitleLine(lines, log);
  if (title) Object.assign(meta.author, title.author);
  const from = title ? title.index + 1 : 0;
  const pre = readPreamble(lines.slice(from), log, meta, { stopAtUnknown: true });
  const body = lines.slice(from + pre.index);
  // A clipper's paragraph breaks inside posts, or a thread-reader page: blocks are posts, and an
  // image-only block belongs to the post before it.
  const blocks = ctx.kind === 'thread-reader' || hasSoftBreaks(body) ? splitPosts(body, log, { ...ctx, blocksArePosts: true }) : blankLineBlocks(body);
  return { author: meta.author, ...(title?.title && { title: title.title }), ...(meta.date && { date: meta.date }), ...(meta.source && { source: meta.source }), posts: collectPosts(blocks, log) };
}
