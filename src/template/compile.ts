// A user's template file (TSX/TS/JSX/JS) compiled with esbuild when it is loaded, as Vite bundles a
// config file: the file and its local imports in one ES module, JSX on satori's runtime, `threadeck`
// and `threadeck/template` bound to the running threadeck (so no copy of it, and no tsx, at run
// time). The module is written under the system temp folder, named by its content hash, and
// imported from there; `import.meta.url`, `__dirname` and `__filename` keep their original values.
import { createHash } from 'node:crypto';
import { mkdir, readFile, rename, stat, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { tmpdir, userInfo } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Plugin } from 'esbuild';
import { COMPILED, packageFile } from '../package-root.ts';

/** The running threadeck's entry for each specifier a template may import it by. */
function threadeckEntries(): Record<string, string> {
  const file = (name: string) => pathToFileURL(COMPILED ? packageFile('dist', `${name}.js`) : packageFile('src', `${name}.ts`)).href;
  return { threadeck: file('index'), 'threadeck/template': file('template') };
}

/** node_modules folders holding threadeck's own dependencies (satori's JSX runtime), searched after the template's. */
function ownNodeModules(): string[] {
  const satori = path.dirname(createRequire(import.meta.url).resolve('satori/package.json'));
  return [...new Set([path.dirname(satori), packageFile('node_modules')])];
}

const LOCAL_CODE = /\.(tsx|ts|jsx|js|mjs|mts|cjs|cts)$/;

function plugins(): Plugin[] {
  const entries = threadeckEntries();
  return [
    {
      name: 'threadeck-itself',
      setup(b) {
        b.onResolve({ filter: /^threadeck(\/.*)?$/ }, (args) => {
          const url = entries[args.path];
          return url ? { path: url, external: true } : { errors: [{ text: `"${args.path}" is not an entry of threadeck; import from "threadeck/template" (the template kit) or "threadeck"` }] };
        });
      },
    },
    {
      // Vite's trick for config files: each local module keeps its own import.meta.url and __dirname.
      name: 'original-location',
      setup(b) {
        b.onLoad({ filter: LOCAL_CODE }, async (args) => {
          if (/[\\/]node_modules[\\/]/.test(args.path)) return undefined;
          const source = await readFile(args.path, 'utf8');
          const url = JSON.stringify(pathToFileURL(args.path).href);
          const prelude = `const __threadeck_url = ${url}, __threadeck_dirname = ${JSON.stringify(path.dirname(args.path))}, __threadeck_filename = ${JSON.stringify(args.path)};`;
          const ext = path.extname(args.path).slice(1);
          const loader = ext === 'tsx' || ext === 'jsx' ? ext : ext === 'ts' || ext === 'mts' || ext === 'cts' ? 'ts' : 'js';
          // The prelude goes on the first line, so the file's own line numbers stay as written.
          return { contents: `${prelude}${source}`, loader };
        });
      },
    },
  ];
}

export interface CompiledTemplate {
  /** The ES module's source. */
  code: string;
  /** The template file and every local file it imports (absolute, sorted): not packages, not threadeck's own source. */
  files: string[];
}

/** Last compile per template file, with its files' mtimes: the cache key (template-deps.ts), the main thread's check and its import share one compile. */
const memo = new Map<string, { compiled: CompiledTemplate; mtimes: number[] }>();
const mtimes = (files: string[]) => Promise.all(files.map((f) => stat(f).then((s) => s.mtimeMs, () => -1)));

/**
 * Bundles a template file, again only when one of the files it was made of changed. Throws
 * esbuild's error (its message names file, line and column) when it does not compile.
 */
export async function compileTemplate(file: string): Promise<CompiledTemplate> {
  const entry = path.resolve(file);
  const known = memo.get(entry);
  if (known && (await mtimes(known.compiled.files)).every((m, i) => m === known.mtimes[i])) return known.compiled;
  const compiled = await bundle(entry);
  memo.set(entry, { compiled, mtimes: await mtimes(compiled.files) });
  return compiled;
}

async function bundle(entry: string): Promise<CompiledTemplate> {
  const { build } = await import('esbuild');
  const dir = path.dirname(entry);
  const result = await build({
    entryPoints: [entry],
    absWorkingDir: dir,
    bundle: true,
    write: false,
    metafile: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    jsx: 'automatic',
    jsxImportSource: 'satori/jsx',
    nodePaths: ownNodeModules(),
    define: { 'import.meta.url': '__threadeck_url', __dirname: '__threadeck_dirname', __filename: '__threadeck_filename' },
    logLevel: 'silent',
    sourcemap: 'inline',
    plugins: plugins(),
  });
  const src = packageFile('src');
  const files = Object.keys(result.metafile.inputs)
    .filter((input) => !/^[a-z][\w-]+:/i.test(input))
    .map((input) => path.resolve(dir, input))
    .filter((f) => !/[\\/]node_modules[\\/]/.test(f) && path.relative(src, f).startsWith('..'));
  return { code: result.outputFiles[0]!.text, files: [...new Set([entry, ...files])].sort() };
}

const compiledDir = () => path.join(tmpdir(), `threadeck-templates-${userInfo().uid}`);

/** Compiles a template file and writes the module where it can be imported (once per content); resolves to its file URL. */
export async function compiledTemplateUrl(file: string): Promise<string> {
  const { code } = await compileTemplate(file);
  const dir = compiledDir();
  const out = path.join(dir, `${path.basename(file).replace(/[^\w.-]/g, '_')}-${createHash('sha256').update(code).digest('hex').slice(0, 16)}.mjs`);
  if (!(await stat(out).catch(() => undefined))?.isFile()) {
    // One level under the temp folder: a recursive mkdir can spin forever under an odd TMPDIR (/proc/self).
    await mkdir(dir, { mode: 0o700 }).catch((err: NodeJS.ErrnoException) => {
      if (err.code !== 'EEXIST') throw err;
    });
    const tmp = `${out}.tmp-${process.pid}-${Math.random().toString(36).slice(2)}`;
    await writeFile(tmp, code, { mode: 0o600 });
    await rename(tmp, out);
  }
  return pathToFileURL(out).href;
}
