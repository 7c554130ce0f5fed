// The output folder, made and proved writable before anything renders: made one level at a time
// (Node's recursive mkdir spins forever under a pseudo file system such as /proc), then a probe
// file written and removed. A file in the way, a read-only or pseudo file system, no permission:
// a ThreadeckError('IO') naming the folder and what to do, in well under a second.
import { randomBytes } from 'node:crypto';
import { mkdir, rm, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { ThreadeckError } from '../diagnostics.ts';

const FIXES: Record<string, string> = {
  ENOENT: 'it cannot be created there (a pseudo or missing file system?): choose another --out folder',
  EACCES: 'permission denied: choose another --out folder or fix its permissions',
  EPERM: 'permission denied: choose another --out folder or fix its permissions',
  EROFS: 'the file system is read-only: choose another --out folder',
  ENOTDIR: 'a file is in the way: move it or choose another --out folder',
  EEXIST: 'a file is in the way: move it or choose another --out folder',
  ENOSPC: 'the disk is full: free some space and build again',
  EDQUOT: 'the disk quota is used up: free some space and build again',
};

/** Makes `dir` and its missing parents, one level at a time; throws the system error. */
export async function makeDir(dir: string): Promise<void> {
  const missing: string[] = [];
  for (let d = path.resolve(dir); ; d = path.dirname(d)) {
    const info = await stat(d).catch((err: NodeJS.ErrnoException) => {
      if (err.code === 'ENOENT') return undefined;
      throw err;
    });
    if (info) {
      if (!info.isDirectory()) throw Object.assign(new Error(`ENOTDIR: not a directory, mkdir '${d}'`), { code: 'ENOTDIR', path: d });
      break;
    }
    missing.push(d);
    if (path.dirname(d) === d) break;
  }
  for (const d of missing.reverse()) {
    await mkdir(d).catch(async (err: NodeJS.ErrnoException) => {
      if (err.code !== 'EEXIST' || !(await stat(d)).isDirectory()) throw err;
    });
  }
}

/** Makes the output folder and checks a file can be written in it; ThreadeckError('IO') if not. */
export async function ensureWritableDir(dir: string): Promise<void> {
  const probe = path.join(dir, `.threadeck-probe-${process.pid}-${randomBytes(4).toString('hex')}`);
  try {
    await makeDir(dir);
    await writeFile(probe, '');
    await rm(probe, { force: true });
  } catch (err) {
    await rm(probe, { force: true }).catch(() => undefined);
    const code = (err as NodeJS.ErrnoException).code ?? '';
    const fix = FIXES[code] ?? (err instanceof Error ? err.message : String(err));
    throw new ThreadeckError('IO', [{ severity: 'error', rule: 'io', file: dir, message: `the output folder cannot be written${code ? ` (${code})` : ''}: ${fix}` }]);
  }
}
