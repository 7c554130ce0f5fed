// The page's script, style and HTML. In the compiled package they were bundled at build time
// (scripts/build.mjs → dist/client/: src/preview/client/main.ts with CodeMirror 6) and are only
// read; from source (tests, a checkout) esbuild bundles them in memory the first time a preview
// server starts in the process. Nothing is loaded from a CDN.
import { readFile } from 'node:fs/promises';
import { COMPILED, packageFile } from '../package-root.ts';

export interface ClientAssets {
  js: string;
  css: string;
  html: string;
  /** Milliseconds spent reading or bundling (0 when cached). */
  ms: number;
}

let cached: Promise<ClientAssets> | undefined;

export function clientAssets(): Promise<ClientAssets> {
  if (!cached) {
    cached = COMPILED ? read(packageFile('dist', 'client')) : bundle(packageFile('src', 'preview', 'client'));
    cached.catch(() => {
      cached = undefined;
    });
  }
  return cached;
}

async function read(dir: string): Promise<ClientAssets> {
  const started = performance.now();
  const [js, css, html] = await Promise.all(['main.js', 'style.css', 'index.html'].map((f) => readFile(`${dir}/${f}`, 'utf8')));
  return { js: js!, css: css!, html: html!, ms: Math.round(performance.now() - started) };
}

async function bundle(dir: string): Promise<ClientAssets> {
  const started = performance.now();
  const { build } = await import('esbuild');
  const result = await build({
    entryPoints: [`${dir}/main.ts`],
    bundle: true,
    write: false,
    format: 'esm',
    platform: 'browser',
    target: 'es2022',
    minify: true,
    legalComments: 'none',
    logLevel: 'silent',
  });
  const js = result.outputFiles[0]!.text;
  const [css, html] = await Promise.all([readFile(`${dir}/style.css`, 'utf8'), readFile(`${dir}/index.html`, 'utf8')]);
  return { js, css, html, ms: Math.round(performance.now() - started) };
}
