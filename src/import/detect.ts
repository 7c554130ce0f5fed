// Which format an input is in. JSON and HTML by their first characters; then, for text, the
// strongest structure wins: post-number lines or HTML residue before each post (reader pages as
// text), Markdown separators or post headers, "1/"-style markers, and otherwise blank-line blocks.
import { findMarks } from './from-numbered.ts';
import { looksLikeJson } from './from-json.ts';
import { numberLines, residueLines } from './from-seed-page.ts';
import { fencedLines } from './lines.ts';
import { readHeader } from './post-header.ts';
import type { ImportFormat, Line } from './types.ts';

const HTML_START = /^\s*(<!--[\s\S]*?-->\s*)*<(!doctype\s+html|html|head|body|div|article|section|main|blockquote|p|span|table|meta|title)\b/i;
const SEPARATOR = /^\s{0,3}((-\s*){3,}|(\*\s*){3,}|(_\s*){3,}|(•\s*){3,})$/;
const NUMBER_HEADING = /^#{1,6}\s+\d{1,3}\s*\/\s*\d{1,3}\s*$/;

/** `ext` is the file's extension (without the dot), a hint: a broken .json file is still JSON. */
export function detectFormat(text: string, lines: readonly Line[], ext = ''): ImportFormat {
  if (looksLikeJson(text) && (isJson(text) || ext.toLowerCase() === 'json' || ext.toLowerCase() === 'js')) return 'json';
  if (HTML_START.test(text.replace(/^\uFEFF/, ''))) return 'html';
  return detectTextFormat(lines);
}

export function detectTextFormat(lines: readonly Line[]): Exclude<ImportFormat, 'json' | 'html'> {
  if (residueLines(lines).length >= 1 || numberLines(lines).length >= 2) return 'seed';
  const fenced = fencedLines(lines);
  const markdown = lines.some((l, i) => !fenced[i] && (SEPARATOR.test(l.text) || NUMBER_HEADING.test(l.text) || readHeader(l.text, true) !== undefined));
  if (markdown) return 'markdown';
  if (findMarks(lines).lines.length >= 2) return 'numbered';
  return 'plain';
}

function isJson(text: string): boolean {
  const body = text.replace(/^\s*window\.YTD\.[\w.]+\s*=\s*/, '');
  try {
    JSON.parse(body);
    return true;
  } catch {
    return false;
  }
}
