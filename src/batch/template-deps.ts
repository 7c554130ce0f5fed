// The files a template file is made of: the file itself and every local file it imports,
// transitively, as esbuild finds them when it compiles the template (render/compile-template.ts;
// nothing run). Packages, anything under node_modules and threadeck's own source in a checkout
// (`../src/…`; covered by the tool fingerprint) are left out. The build cache hashes these files
// and --watch watches them.
import { stat } from 'node:fs/promises';
import path from 'node:path';
import { compileTemplate } from '../render/compile-template.ts';

/** Last answer per template, with its files' mtimes: a batch of 500 threads sharing one template bundles it once. */
const memo = new Map<string, { files: string[]; mtimes: number[] }>();
const mtimes = (files: string[]) => Promise.all(files.map((f) => stat(f).then((s) => s.mtimeMs, () => -1)));

/**
 * The template file and the local files it imports, transitively: absolute paths, sorted, no
 * duplicates. When the file does not bundle (a syntax error, a missing import) just `[file]`: the
 * template loader reports the real problem. Never throws. Answered again from memory while none
 * of the files found last time has changed (an edit that adds an import changes its file).
 */
export async function templateFiles(file: string): Promise<string[]> {
  const entry = path.resolve(file);
  const known = memo.get(entry);
  if (known && (await mtimes(known.files)).every((m, i) => m === known.mtimes[i])) return known.files;
  const files = await compileTemplate(entry).then((c) => c.files, () => [entry]);
  memo.set(entry, { files, mtimes: await mtimes(files) });
  return files;
}
