// The reader-page format (the seed page): a line holding only the post number before each post,
// page noise (banner, title bar, views and date, menus, ads) around and between the posts.
import { readPreamble, type PageMeta } from './metadata.ts';
import type { Draft, ImportLog, Line } from './types.ts';
import { collectPosts } from './segments.ts';

const NUMBER_LINE = /^\s*(\d{1,3})\s*$/;

/** Indices of the lines that hold only the numbers 1, 2, 3, … in order (other lone numbers are text). */
export function numberLines(lines: readonly Line[]): number[] {
  const out: number[] = [];
  for (const [i, l] of lines.entries()) {
    const m = NUMBER_LINE.exec(l.text);
    if (m && Number(m[1]) === out.length + 1) out.push(i);
  }
  return out;
}

export function fromSeedPage(lines: readonly Line[], log: ImportLog): Draft {
  const marks = numberLines(lines);
  const meta: PageMeta = { author: {} };
  const pre = readPreamble(lines.slice(0, marks[0] ?? lines.length), log, meta, { stopAtUnknown: false });
  const segments = marks.map((at, k) => {
    log.remove(lines[at]!.n, lines[at]!.text, 'post number');
    return lines.slice(at + 1, marks[k + 1] ?? lines.length);
  });
  if (pre.unknown.length && segments[0]) {
    for (const l of pre.unknown) log.warn(l.n, `kept "${l.text.trim()}" (before post 1) at the start of post 1: the importer does not know this page text; delete it if it is not the author's`, 'import-unsure');
    segments[0] = [...pre.unknown, ...segments[0]];
  }
  return { author: meta.author, ...(meta.date && { date: meta.date }), ...(meta.titlePrefix && { titlePrefix: meta.titlePrefix }), posts: collectPosts(segments, log) };
}
