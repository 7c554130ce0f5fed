// Any input `threadeck build` accepts → a Thread: thread files (YAML/JSON) load as before; raw
// inputs (.txt, .md, .html, a JSON array of posts) are imported on the fly, with the importer's warnings.
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { ThreadeckError, type Diagnostic } from '../diagnostics.ts';
import type { Thread } from '../model/index.ts';
import { parseThread, threadFromInput } from '../load/load-thread.ts';
import { RAW_EXTENSIONS, isRawInput, rawSlug } from './raw-input.ts';
import { noteRead } from '../assets/file-reads.ts';
import { importThread } from './import-thread.ts';
import type { ImportResult } from './types.ts';

export { RAW_EXTENSIONS, isRawInput, rawSlug };

export interface LoadedInput {
  thread: Thread;
  /** The importer's warnings (raw inputs only). */
  warnings: Diagnostic[];
}

export async function loadInput(file: string): Promise<LoadedInput> {
  let text: string;
  noteRead(file);
  try {
    text = await readFile(file, 'utf8');
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    const why = code === 'ENOENT' ? 'file not found' : code === 'EISDIR' ? 'is a folder, not a thread file' : `cannot read (${code ?? String(err)})`;
    throw new ThreadeckError('IO', [{ severity: 'error', rule: 'io', file, message: why }]);
  }
  const baseDir = path.dirname(file);
  const jsonPosts = path.extname(file).toLowerCase() === '.json' && /^\s*(\[|window\.YTD\.)/.test(text.replace(/^\uFEFF/, ''));
  if (!isRawInput(file) && !jsonPosts) return { thread: await parseThread(text, { file, baseDir }), warnings: [] };
  const result = await importThread(text, { file, baseDir });
  const thread = await threadFromImport(result, { file, baseDir, slug: rawSlug(file) });
  return { thread, warnings: result.warnings };
}

/** Validates an import as a thread file is validated; diagnostics point at the input's lines. */
export function threadFromImport(result: ImportResult, opts: { file: string; baseDir: string; slug?: string }): Promise<Thread> {
  return threadFromInput(result.thread, {
    ...opts,
    locate: (at) => ({ line: at[0] === 'posts' && typeof at[1] === 'number' ? (result.postLines[at[1]] ?? 1) : 1, column: 1 }),
  });
}
