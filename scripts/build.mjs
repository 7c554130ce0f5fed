#!/usr/bin/env node
// Compiles threadeck into dist/ with esbuild: the CLI, the library API, the template kit and the
// render worker as ES modules (shared code split into chunks, packages left as imports), the
// built-in templates inside them, and the preview page's script bundled for the browser with
// CodeMirror. Run by `npm run build`, and by npm itself on `npm ci`/`npm install` (prepare) and
// `npm pack`. Plain JavaScript, so it needs nothing but esbuild.
import { copyFile, mkdir, rename, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const final = path.join(root, 'dist');
// Built beside dist/ and swapped in at the end: a process running from dist/ meanwhile keeps working.
const dist = `${final}.tmp-${process.pid}`;
const started = performance.now();

await rm(dist, { recursive: true, force: true });
await build({
  absWorkingDir: root,
  entryPoints: {
    cli: 'src/cli/main.ts',
    index: 'src/index.ts',
    template: 'src/template.ts',
    worker: 'src/batch/render-worker.ts',
    'serve-child': 'src/serve/child-entry.ts',
    'cluster-processor': 'src/cluster/processor-entry.ts',
  },
  outdir: dist,
  bundle: true,
  splitting: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  packages: 'external',
  jsx: 'automatic',
  jsxImportSource: 'satori/jsx',
  chunkNames: 'chunks/[name]-[hash]',
  sourcemap: 'linked',
  legalComments: 'none',
  logLevel: 'warning',
});

// The preview page: its script and CodeMirror in one file for the browser, next to its HTML and CSS.
const client = path.join(root, 'src/preview/client');
await mkdir(path.join(dist, 'client'), { recursive: true });
await build({
  entryPoints: [path.join(client, 'main.ts')],
  outfile: path.join(dist, 'client', 'main.js'),
  bundle: true,
  format: 'esm',
  platform: 'browser',
  target: 'es2022',
  minify: true,
  legalComments: 'none',
  logLevel: 'warning',
});
await Promise.all(['style.css', 'index.html'].map((f) => copyFile(path.join(client, f), path.join(dist, 'client', f))));
await writeFile(path.join(dist, 'package.json'), '{ "type": "module" }\n');
// The declarations of scripts/build-types.mjs stay (npm pack runs prepack, which makes them, then prepare).
await rename(path.join(final, 'types'), path.join(dist, 'types')).catch(() => undefined);
const old = `${final}.old-${process.pid}`;
await rename(final, old).catch(() => undefined);
await rename(dist, final);
await rm(old, { recursive: true, force: true });
console.error(`threadeck: compiled src/ into dist/ in ${Math.round(performance.now() - started)} ms`);
