// Syntax highlighting of fenced code blocks, offline, with lowlight (highlight.js grammars),
// before satori sees anything: code → lines of coloured spans. lowlight's package entry imports
// all ~190 grammars (≈ 0.1 s for every process that loads the renderer), so its core is imported
// by file, and its `common` grammars (the same 37) are required only when a code block names a
// language.
import { createRequire } from 'node:module';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { createLowlight as CreateLowlight } from 'lowlight';
import type { Element, ElementContent, Root } from 'hast';
import type { Span } from '../model/index.ts';

const lowlightEntry = createRequire(import.meta.url).resolve('lowlight');
const { createLowlight } = (await import(pathToFileURL(path.join(path.dirname(lowlightEntry), 'lib', 'index.js')).href)) as { createLowlight: typeof CreateLowlight };

/** lowlight's `common` set, by name (tests/highlight.test.ts checks it still is). */
export const COMMON_GRAMMARS = [
  'arduino', 'bash', 'c', 'cpp', 'csharp', 'css', 'diff', 'go', 'graphql', 'ini', 'java', 'javascript', 'json',
  'kotlin', 'less', 'lua', 'makefile', 'markdown', 'objectivec', 'perl', 'php', 'php-template', 'plaintext',
  'python', 'python-repl', 'r', 'ruby', 'rust', 'scss', 'shell', 'sql', 'swift', 'typescript', 'vbnet', 'wasm',
  'xml', 'yaml',
];

let instance: ReturnType<typeof CreateLowlight> | undefined;
/** lowlight with the common grammars (highlight.js's CommonJS grammar files, required next to lowlight), made on first use. */
function lowlight(): ReturnType<typeof CreateLowlight> {
  if (!instance) {
    const load = createRequire(lowlightEntry);
    instance = createLowlight(Object.fromEntries(COMMON_GRAMMARS.map((name) => [name, load(`highlight.js/lib/languages/${name}`)])));
  }
  return instance;
}

/** One Dark-like colours for highlight.js classes, drawn on a dark code panel. */
export const CODE_PALETTE = {
  background: '#1F2330',
  text: '#D7DAE0',
  keyword: '#C792EA',
  string: '#A5D6A7',
  comment: '#8B93A5',
  number: '#F7B267',
  title: '#82AAFF',
  type: '#FFCB6B',
  meta: '#89DDFF',
} as const;

const CLASS_COLOURS: Record<string, string> = {
  'hljs-keyword': CODE_PALETTE.keyword,
  'hljs-selector-tag': CODE_PALETTE.keyword,
  'hljs-operator': CODE_PALETTE.meta,
  'hljs-string': CODE_PALETTE.string,
  'hljs-regexp': CODE_PALETTE.string,
  'hljs-template-string': CODE_PALETTE.string,
  'hljs-comment': CODE_PALETTE.comment,
  'hljs-quote': CODE_PALETTE.comment,
  'hljs-number': CODE_PALETTE.number,
  'hljs-literal': CODE_PALETTE.number,
  'hljs-attr': CODE_PALETTE.number,
  'hljs-attribute': CODE_PALETTE.number,
  'hljs-title': CODE_PALETTE.title,
  'hljs-title.function_': CODE_PALETTE.title,
  'hljs-function': CODE_PALETTE.title,
  'hljs-built_in': CODE_PALETTE.type,
  'hljs-type': CODE_PALETTE.type,
  'hljs-class': CODE_PALETTE.type,
  'hljs-variable': CODE_PALETTE.text,
  'hljs-meta': CODE_PALETTE.meta,
  'hljs-symbol': CODE_PALETTE.meta,
  'hljs-section': CODE_PALETTE.title,
  'hljs-name': CODE_PALETTE.keyword,
  'hljs-tag': CODE_PALETTE.meta,
  'hljs-bullet': CODE_PALETTE.meta,
};

/** Highlights `code` in `lang` (plain text when the language is unknown) as lines of spans. */
export function highlightCode(code: string, lang?: string): Span[][] {
  let tree: Root | undefined;
  const name = lang?.toLowerCase();
  if (name && lowlight().registered(name)) {
    try {
      tree = lowlight().highlight(name, code);
    } catch {
      tree = undefined;
    }
  }
  const spans: Span[] = [];
  if (tree) walk(tree.children, undefined, false, spans);
  else spans.push({ text: code, mono: true, color: CODE_PALETTE.text });
  return toLines(spans);
}

function walk(nodes: ElementContent[] | Root['children'], color: string | undefined, italic: boolean, out: Span[]): void {
  for (const node of nodes) {
    if (node.type === 'text') {
      out.push({ text: node.value, mono: true, color: color ?? CODE_PALETTE.text, ...(italic ? { italic: true } : {}) });
    } else if (node.type === 'element') {
      const classes = classList(node);
      const own = classes.map((c) => CLASS_COLOURS[c]).find(Boolean);
      const isComment = classes.includes('hljs-comment');
      walk(node.children, own ?? color, italic || isComment, out);
    }
  }
}

function classList(el: Element): string[] {
  const c: unknown = el.properties?.className;
  const list = Array.isArray(c) ? c.map(String) : typeof c === 'string' ? c.split(/\s+/) : [];
  return [...list, list.join('.')];
}

function toLines(spans: Span[]): Span[][] {
  const lines: Span[][] = [[]];
  for (const span of spans) {
    const parts = span.text.split('\n');
    parts.forEach((part, i) => {
      if (i > 0) lines.push([]);
      if (part) lines[lines.length - 1]!.push({ ...span, text: part });
    });
  }
  return lines;
}

/** Contrast pairs of the code panel (every token colour on the panel background). */
export function codeContrast(): Array<{ what: string; fg: string; bg: string }> {
  const { background, ...colours } = CODE_PALETTE;
  return Object.entries(colours).map(([name, fg]) => ({ what: `code ${name}`, fg, bg: background }));
}
