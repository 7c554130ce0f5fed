#!/usr/bin/env node
// Declaration files for the published package (dist/types/, `npm pack` runs this): tsc emits them
// from src/, then their relative imports are renamed from .ts/.tsx to .js, the names a consumer's
// TypeScript resolves next to the compiled modules.
import { execFileSync } from 'node:child_process';
import { readdir, readFile, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const tsc = createRequire(import.meta.url).resolve('typescript/bin/tsc');
execFileSync(process.execPath, [tsc, '-p', path.join(root, 'tsconfig.types.json')], { stdio: 'inherit' });
const dir = path.join(root, 'dist', 'types');
for (const entry of await readdir(dir, { recursive: true })) {
  if (!entry.endsWith('.d.ts')) continue;
  const file = path.join(dir, entry);
  const text = await readFile(file, 'utf8');
  const renamed = text.replace(/((?:from|import)\s*\(?\s*['"])(\.{1,2}\/[^'"]+?)\.tsx?(['"])/g, '$1$2.js$3');
  if (renamed !== text) await writeFile(file, renamed);
}
