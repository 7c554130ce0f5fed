// Numbered posts in plain text: "1/ …", "2/ …" (also "1/9", "(1/9)", "[1/9]", or "1." at the start
// of a paragraph). A post runs from its marker to the next one, blank lines included.
import { fencedLines, isBlank } from './lines.ts';
import { leadingMarker, type MarkerStyle } from './markers.ts';
import { readPreamble, type PageMeta } from './metadata.ts';
import { collectPosts } from './segments.ts';
import type { Draft, ImportLog, Line } from './types.ts';
import { readTitleLine } from './title.ts';

export interface NumberedMarks {
  style: MarkerStyle;
  /** Index of each marker's line, for posts 1, 2, 3, … */
  lines: number[];
}

/** The marker style that numbers the most posts in sequence from 1 ("1/" styles win ties over "1."). */
export function findMarks(lines: readonly Line[]): NumberedMarks {
  const fenced = fencedLines(lines);
  let best: NumberedMarks = { style: 'slash', lines: [] };
  for (const style of ['slash', 'dot'] as const) {
    const found: number[] = [];
    for (const [i, l] of lines.entries()) {
      if (fenced[i]) continue;
      const m = leadingMarker(l.text);
      if (!m || m.style !== style || m.n !== found.length + 1) continue;
      // "1." must open a paragraph, so a numbered list inside a post is not taken for posts.
      if (style === 'dot' && i > 0 && !isBlank(lines[i - 1])) continue;
      found.push(i);
    }
    if (found.length > best.lines.length) best = { style, lines: found };
  }
  return best;
}

export function fromNumbered(lines: readonly Line[], log: ImportLog): Draft {
  const marks = findMarks(lines);
  const meta: PageMeta = { author: {} };
  let start = 0;
  const title = readTitleLine(lines, log);
  if (title) start = title.index + 1;
  const pre = readPreamble(lines.slice(start, marks.lines[0] ?? lines.length), log, meta, { stopAtUnknown: false });
  const segments = marks.lines.map((at, k) => {
    const line = lines[at]!;
    const marker = leadingMarker(line.text)!;
    const rest = line.text.slice(marker.length);
    log.remove(line.n, line.text.slice(0, marker.length), 'post number marker');
    return [{ n: line.n, text: rest }, ...lines.slice(at + 1, marks.lines[k + 1] ?? lines.length)];
  });
  if (pre.unknown.length && segments[0]) {
    for (const l of pre.unknown) log.warn(l.n, `kept "${l.text.trim()}" (before post 1) at the start of post 1: it is not numbered; delete it if it is not the author's`, 'import-unsure');
    segments[0] = [...pre.unknown, ...segments[0]];
  }
  return { author: meta.author, ...(title && { title: title.title }), ...(meta.date && { date: meta.date }), posts: collectPosts(segments, log) };
}
