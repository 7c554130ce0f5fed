// docs/source-map.md names every source file, one line each, and nothing that is gone: a newcomer's
// map of the tree stays true.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const MAPPED = ['src', 'templates', 'bin', 'scripts', 'bench'];
const CODE = /\.(ts|tsx|js|mjs|html|css)$/;

const files = MAPPED.flatMap((dir) => readdirSync(dir, { recursive: true, encoding: 'utf8' }).filter((f) => CODE.test(f)).map((f) => path.posix.join(dir, f.split(path.sep).join('/'))));
const map = readFileSync('docs/source-map.md', 'utf8');
/** Every path the map names in its first column (`a`, or `a`, `b` for files sharing a line; a bare name continues the folder before it). */
const named = map.split('\n').flatMap((line) => {
  const cell = /^\| (.+?) \|/.exec(line)?.[1];
  if (!cell) return [];
  const names = [...cell.matchAll(/`([^`]+)`/g)].map((m) => m[1]!);
  const dir = names[0]?.includes('/') ? path.posix.dirname(names[0]) : '';
  return names.map((n) => (n.includes('/') ? n : path.posix.join(dir, n)));
});

describe('docs/source-map.md', () => {
  it('has a line for every file', () => {
    const covered = (f: string) => named.some((n) => n === f || (n.endsWith('/') && f.startsWith(n)));
    expect(files.filter((f) => !covered(f))).toEqual([]);
  });

  it('names no file that does not exist', () => {
    expect(named.filter((n) => !n.endsWith('/') && !existsSync(n))).toEqual([]);
  });
});
