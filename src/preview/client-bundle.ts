// The page's script: src/preview/client/main.ts and CodeMirror 6 (from node_modules), bundled by
// esbuild in memory the first time a preview server starts in this process, then cached. Nothing
// generated is written to disk or committed, and nothing is loaded from a CDN.
import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const clientDir = fileURLToPath(new URL('./client/', import.meta.url));

export interface ClientAssets {
  js: string;
  css: string;
  html: string;
  /** Milliseconds esbuild took (0 when cached). */
  ms: number;
}

let cached: Promise<ClientAssets> | undefined;

export function clientAssets(): Promise<ClientAssets> {
  if (!cached) {
    cached = bundle();
    cached.catch(() => {
      cached = undefined;
    });
  }
  return cached;
}

async function bundle(): Promise<ClientAssets> {
  const started = performance.now();
  const result = await build({
    entryPoints: [`${clientDir}main.ts`],
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
  const [css, html] = await Promise.all([readFile(`${clientDir}style.css`, 'utf8'), readFile(`${clientDir}index.html`, 'utf8')]);
  return { js, css, html, ms: Math.round(performance.now() - started) };
}
