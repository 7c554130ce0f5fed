// Backslash escapes clippers (turndown) put into Markdown: `mlx\_vlm`, `1\. First`, `\[1/5\]`.
// A tweet is plain text, so an escape is dropped wherever the line reads the same without it (the
// cards parse the same Markdown); numbering and bullets at a line's start become what any text
// import makes of them. Code spans keep theirs (there, a backslash is text).
import { toString } from 'mdast-util-to-string';
import { parseMarkdown } from './markdown-tree.ts';

const ESCAPE = /\\[!"#$%&'()*+,\-./:;<=>?@[\\\]^_`{|}~]/g;

export function unescapeLine(text: string): string {
  if (!text.includes('\\')) return text;
  let s = text.replace(/^(\s*)(\d{1,3})\\([.)])(?=\s|$)/, '$1$2$3').replace(/^(\s*)\\([-+*])(?=\s)/, '$1$2');
  // Inside a word (and outside code) an underscore is never emphasis ("mlx\_vlm"): no parse needed.
  s = s
    .split(/(`+[^`]*`+)/)
    .map((part, i) => (i % 2 ? part : part.replace(/(?<=[\p{L}\p{N}])\\_(?=[\p{L}\p{N}])/gu, '_')))
    .join('');
  if (!s.match(ESCAPE)) return s;
  const want = plain(s);
  const at = [...s.matchAll(ESCAPE)].map((m) => m.index!);
  for (const i of at.reverse()) {
    const next = s.slice(0, i) + s.slice(i + 1);
    if (plain(next) === want) s = next;
  }
  return s;
}

function plain(md: string): string {
  return toString(parseMarkdown(md));
}
