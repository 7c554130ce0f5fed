// Input text → numbered lines (BOM, CRLF and trailing blanks cleaned), and small helpers over them.
import type { Line } from './types.ts';

export function toLines(text: string): Line[] {
  const raw = text.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n').split('\n');
  let hardBreak = false;
  return raw.map((t, i) => {
    const line: Line = { n: i + 1, text: t.replace(/[ \t\u00a0]+$/, '') };
    // "text  " + "  ": a hard break and a spaces-only line, a clipper's paragraph break inside a post.
    if (line.text === '' && t !== '' && hardBreak) line.soft = true;
    hardBreak = / {2,}$/.test(t);
    return line;
  });
}

/** Whether the input has clipper paragraph breaks (spaces-only lines after hard breaks) anywhere. */
export const hasSoftBreaks = (lines: readonly Line[]): boolean => lines.some((l) => l.soft);

export const isBlank = (l: Line | undefined): boolean => !l || l.text.trim() === '';

/** A blank line that ends a block: not a clipper's paragraph break inside a post. */
export const isHardBlank = (l: Line | undefined): boolean => isBlank(l) && !l?.soft;

/** Lines without the blank lines at both ends. */
export function trimBlank(lines: readonly Line[]): Line[] {
  let a = 0;
  let b = lines.length;
  while (a < b && isBlank(lines[a])) a++;
  while (b > a && isBlank(lines[b - 1])) b--;
  return lines.slice(a, b);
}

/** Joins lines into post text: at most one blank line in a row, no blank ends. */
export function joinLines(lines: readonly Line[]): string {
  return trimBlank(lines)
    .map((l) => l.text)
    .join('\n')
    .replace(/\n{3,}/g, '\n\n');
}

/** Opening or closing line of a fenced code block (``` or ~~~). */
export const FENCE = /^\s{0,3}(`{3,}|~{3,})/;

/** For each line, whether it lies inside (or on) a fenced code block. */
export function fencedLines(lines: readonly Line[]): boolean[] {
  const out: boolean[] = [];
  let open: string | undefined;
  for (const l of lines) {
    const m = FENCE.exec(l.text);
    if (open) {
      out.push(true);
      if (m && m[1]![0] === open[0] && m[1]!.length >= open.length && l.text.trim() === m[1]) open = undefined;
    } else if (m) {
      open = m[1];
      out.push(true);
    } else out.push(false);
  }
  return out;
}
