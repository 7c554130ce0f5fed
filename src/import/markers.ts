// Post-number markers authors type: "1/", "1/9", "(1/9)", "[1/9]" and "1." at the start of a post,
// "… 1/9" at its end. Recognisers use them to split posts; the author's text keeps everything else.
import { fencedLines, isBlank } from './lines.ts';
import type { Line } from './types.ts';

export type MarkerStyle = 'slash' | 'dot';

export interface Marker {
  n: number;
  total?: number;
  style: MarkerStyle;
  /** Characters the marker takes at the start of the line, with the space after it. */
  length: number;
}

// A clipper may have escaped them: "1\\. ", "\\[1/9\\]".
const SLASH = /^\s*\\?[([]?(\d{1,3})\s*\/\s*(\d{1,3})?\\?[)\]]?(?:\s+|$|(?=\p{Extended_Pictographic}))/u;
const DOT = /^\s*(\d{1,3})\\?[.)](?:\s+|$)/;
const TRAILING = /\s+[([]?(\d{1,3})\/(\d{1,3})?[)\]]?\s*$/;

export function leadingMarker(line: string): Marker | undefined {
  const s = SLASH.exec(line);
  if (s) return { n: Number(s[1]), ...(s[2] ? { total: Number(s[2]) } : {}), style: 'slash', length: s[0].length };
  const d = DOT.exec(line);
  if (d) return { n: Number(d[1]), style: 'dot', length: d[0].length };
  return undefined;
}

/** Removes a leading "n/…" marker (slash style only) when it carries the number `n`. */
export function stripLeadingMarker(text: string, n: number): string {
  const m = leadingMarker(text);
  if (!m || m.style !== 'slash' || m.n !== n) return text;
  return text.slice(m.length).replace(/^\n+/, '');
}

/** The number of a trailing "… n/" or "… n/total" marker, if the text ends with one. */
export function trailingMarker(text: string): { n: number; total?: number } | undefined {
  const m = TRAILING.exec(text);
  return m ? { n: Number(m[1]), ...(m[2] !== undefined && { total: Number(m[2]) }) } : undefined;
}

/** Removes a trailing "n/" or "n/total" marker from the post's last line when it carries the number `n` (and the thread's post count). */
export function stripTrailingMarker(text: string, n: number, count: number): string {
  const m = TRAILING.exec(text);
  if (!m || Number(m[1]) !== n || (m[2] !== undefined && Number(m[2]) !== count)) return text;
  return text.slice(0, m.index);
}

export interface NumberedMarks {
  style: MarkerStyle;
  /** Index of each marker's line, for posts 1, 2, 3, … (or 2, 3, …) */
  lines: number[];
  /** The first marker's number: 1, or 2 when the first post has none. */
  first?: number;
}

/**
 * The marker style that numbers the most posts in sequence from 1 — or from 2, when the first post
 * goes unnumbered ("1/" styles win ties over "1.", a start at 1 over a start at 2).
 */
export function findMarks(lines: readonly Line[]): NumberedMarks {
  const fenced = fencedLines(lines);
  let best: NumberedMarks = { style: 'slash', lines: [] };
  for (const style of ['slash', 'dot'] as const) {
    for (const first of [1, 2]) {
      const found: number[] = [];
      for (const [i, l] of lines.entries()) {
        if (fenced[i]) continue;
        const m = leadingMarker(l.text);
        if (!m || m.style !== style || m.n !== found.length + first) continue;
        // "1." must open a paragraph, so a numbered list inside a post is not taken for posts.
        if (style === 'dot' && i > 0 && !isBlank(lines[i - 1])) continue;
        found.push(i);
      }
      if (found.length > best.lines.length && (first === 1 || found.length >= 2)) best = { style, lines: found, first };
    }
  }
  return best;
}
