// The importer's entry: input text → a thread file's content, with what was removed and warnings.
// Detects the format (or takes --from), runs its recogniser, then finishes the draft.
import path from 'node:path';
import { ThreadeckError } from '../diagnostics.ts';
import { detectFormat, detectTextFormat } from './detect.ts';
import { finishDraft } from './finish.ts';
import { fromHtml } from './from-html.ts';
import { fromJson } from './from-json.ts';
import { fromMarkdownClipping } from './from-markdown.ts';
import { fromNumbered } from './from-numbered.ts';
import { fromPlain } from './from-plain.ts';
import { fromSeedPage } from './from-seed-page.ts';
import { readFrontMatter } from './front-matter.ts';
import { toLines } from './lines.ts';
import { applyPageHints, pageKind } from './page-hints.ts';
import { ImportLog, type Draft, type ImportContext, type ImportFormat, type ImportOptions, type ImportResult, type Line } from './types.ts';

export const FORMAT_NAMES: Record<ImportFormat, string> = {
  seed: 'reader page',
  markdown: 'Markdown clipping',
  numbered: 'numbered posts',
  plain: 'plain text',
  json: 'JSON',
  html: 'HTML',
};

export async function importThread(input: string, opts: ImportOptions = {}): Promise<ImportResult> {
  let text = input;
  const file = opts.file ?? '<stdin>';
  const baseDir = opts.baseDir ?? process.cwd();
  const outDir = opts.outDir ?? baseDir;
  const log = new ImportLog(file);
  let lines = toLines(text);
  if (!text.trim()) {
    throw new ThreadeckError('INVALID_THREAD', [{ severity: 'error', rule: 'import', file, line: 1, column: 1, message: 'the input is empty; nothing to import' }]);
  }
  // Front matter is metadata: read, listed as removed, and blanked (line numbers stay) before detection.
  const front = readFrontMatter(lines, log);
  if (front) {
    lines = lines.map((l, i) => (i <= front.end ? { n: l.n, text: '' } : l));
    text = lines.map((l) => l.text).join('\n');
  }
  const ctx: ImportContext = {};
  const kind = pageKind(lines, front);
  if (kind) ctx.kind = kind;
  const format = opts.from ?? detectFormat(text, lines, path.extname(file).slice(1));
  const draft = readDraft(format, text, lines, log, ctx);
  applyPageHints(draft, log, front);
  const { thread, postLines } = await finishDraft(draft, log, { ...opts, baseDir, outDir });
  if (!thread) {
    const removed = log.removed.length ? ` (${log.removed.length} lines were page text; --verbose lists them)` : '';
    throw new ThreadeckError('INVALID_THREAD', [{ severity: 'error', rule: 'import', file, line: 1, column: 1, message: `no posts found, reading it as ${FORMAT_NAMES[format]}${removed}` }]);
  }
  return { format, thread, postLines, warnings: log.warnings, removed: log.removed.sort((a, b) => a.line - b.line) };
}

function readDraft(format: ImportFormat, text: string, lines: Line[], log: ImportLog, ctx: ImportContext): Draft {
  switch (format) {
    case 'json':
      return fromJson(text, log);
    case 'html':
      return fromHtml(text, log, (textLines) => readText(detectTextFormat(textLines), textLines, log, ctx));
    default:
      return readText(format, lines, log, ctx);
  }
}

function readText(format: Exclude<ImportFormat, 'json' | 'html'>, lines: Line[], log: ImportLog, ctx: ImportContext): Draft {
  switch (format) {
    case 'seed':
      return fromSeedPage(lines, log);
    case 'markdown':
      return fromMarkdownClipping(lines, log, ctx);
    case 'numbered':
      return fromNumbered(lines, log, ctx);
    case 'plain':
      return fromPlain(lines, log, ctx);
  }
}
