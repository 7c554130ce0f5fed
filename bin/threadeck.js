#!/usr/bin/env node
// The `threadeck` command: loads the TypeScript CLI through tsx (no build step needed).
import { register } from 'tsx/esm/api';
import { fileURLToPath } from 'node:url';
import path from 'node:path';

const root = path.dirname(path.dirname(fileURLToPath(import.meta.url)));
register({ tsconfig: path.join(root, 'tsconfig.json') });
const { main } = await import('../src/cli/main.ts');
process.exitCode = await main(process.argv.slice(2));
