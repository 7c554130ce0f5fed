// A render child's entry when threadeck runs from source (tests, a checkout): registers tsx (a dev
// dependency), then runs child-entry.ts. The compiled package forks dist/serve-child.js instead.
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { register } from 'tsx/esm/api';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
register({ tsconfig: path.join(root, 'tsconfig.json') });
await import('./child-entry.ts');
