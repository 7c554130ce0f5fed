// The files a template file is made of: the file itself and every local file it imports,
// transitively, found by bundling it with esbuild (nothing written, nothing run). Packages
// (`satori`, `threadeck/src/…`), anything under node_modules and threadeck's own source in a
// checkout (`../src/…`; covered by the tool fingerprint) are left out. The build cache hashes these
// files and --watch watches them.
import { stat } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { build, type Plugin } from 'esbuild';
import { isInside } from '../path-inside.ts';

/** threadeck's own source folder. */
const SRC = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

/** Imports of threadeck's own source stay out of the bundle (and out of the list). */
const skipThreadeck: Plugin = {
  name: 'skip-threadeck-source',
  setup(b) {
    b.onResolve({ filter: /^(\.|\/|[a-zA-Z]:[\\/])/ }, (args) =>
      isInside(SRC, path.resolve(args.resolveDir, args.path)) ? { path: args.path, external: true } : undefined,
    );
  },
};

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
  const files = await bundleInputs(entry);
  memo.set(entry, { files, mtimes: await mtimes(files) });
  return files;
}

async function bundleInputs(entry: string): Promise<string[]> {
  const dir = path.dirname(entry);
  try {
    const { metafile } = await build({
      entryPoints: [entry],
      absWorkingDir: dir,
      bundle: true,
      write: false,
      metafile: true,
      platform: 'node',
      format: 'esm',
      packages: 'external',
      logLevel: 'silent',
      jsx: 'automatic',
      jsxImportSource: 'satori/jsx',
      plugins: [skipThreadeck],
    });
    const files = Object.keys(metafile.inputs)
      .filter((input) => !/^[a-z][\w-]+:/i.test(input)) // other namespaces (data:, …)
      .map((input) => path.resolve(dir, input))
      .filter((f) => !/[\\/]node_modules[\\/]/.test(f) && !isInside(SRC, f));
    return [...new Set([entry, ...files])].sort();
  } catch {
    return [entry];
  }
}
