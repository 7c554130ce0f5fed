// Plain text: every block of lines between blank lines is one post (a fenced code block counts as
// one block). Posts with blank lines inside need numbers (1/ …) or "---" separators instead.
import { fencedLines, isBlank } from './lines.ts';
import { readPreamble, type PageMeta } from './metadata.ts';
import { collectPosts } from './segments.ts';
import type { Draft, ImportLog, Line } from './types.ts';
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

export function fromPlain(lines: readonly Line[], log: ImportLog): Draft {
  const meta: PageMeta = { author: {} };
  const title = readTitleLine(lines, log);
  const from = title ? title.index + 1 : 0;
  const pre = readPreamble(lines.slice(from), log, meta, { stopAtUnknown: true });
  const blocks = blankLineBlocks(lines.slice(from + pre.index));
  return { author: meta.author, ...(title && { title: title.title }), ...(meta.date && { date: meta.date }), posts: collectPosts(blocks, log) };
}
