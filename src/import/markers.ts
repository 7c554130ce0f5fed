// Post-number markers authors type: "1/", "1/9", "(1/9)", "[1/9]" and "1." at the start of a post,
// "… 1/9" at its end. Recognisers use them to split posts; the author's text keeps everything else.

export type MarkerStyle = 'slash' | 'dot';

export interface Marker {
  n: number;
  total?: number;
  style: MarkerStyle;
  /** Characters the marker takes at the start of the line, with the space after it. */
  length: number;
}

const SLASH = /^\s*[([]?(\d{1,3})\s*\/\s*(\d{1,3})?[)\]]?(?:\s+|$|(?=\p{Extended_Pictographic}))/u;
const DOT = /^\s*(\d{1,3})[.)](?:\s+|$)/;
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

/** Removes a trailing "n/" or "n/total" marker from the post's last line when it carries the number `n` (and the thread's post count). */
export function stripTrailingMarker(text: string, n: number, count: number): string {
  const m = TRAILING.exec(text);
  if (!m || Number(m[1]) !== n || (m[2] !== undefined && Number(m[2]) !== count)) return text;
  return text.slice(0, m.index);
}
