// Atomic file writes: bytes go to a temp file in the same folder, then a rename puts them in place,
// so a final path never holds a truncated file, whatever happens to the process. Several files can
// be staged first and committed together (a thread's outputs: all new or all old on a write error).
import { randomBytes } from 'node:crypto';
import { open, readdir, rename, rm } from 'node:fs/promises';
import path from 'node:path';
import { makeDir } from './out-dir.ts';

export async function writeFileAtomic(file: string, data: Uint8Array | string): Promise<void> {
  await (await stageFile(file, data)).commit();
}

/** A file written in full under a temp name, waiting to be renamed into place (or dropped). */
export interface StagedFile {
  file: string;
  commit(): Promise<void>;
  abort(): Promise<void>;
}

/**
 * Writes `data` to a temp file next to `file` (synced). Staging every file of a thread before
 * committing any lets a failure (a full disk) leave the previous outputs all untouched.
 */
export async function stageFile(file: string, data: Uint8Array | string): Promise<StagedFile> {
  const dir = path.dirname(file);
  await makeDir(dir).catch((err: unknown) => {
    throw explainWriteError(err, file);
  });
  const tmp = path.join(dir, `.${path.basename(file)}.tmp-${process.pid}-${randomBytes(4).toString('hex')}`);
  const handle = await open(tmp, 'w').catch((err: unknown) => {
    throw explainWriteError(err, file);
  });
  try {
    await handle.writeFile(data);
    await handle.sync();
  } catch (err) {
    await handle.close().catch(() => {});
    await rm(tmp, { force: true });
    throw explainWriteError(err, file);
  }
  await handle.close();
  return {
    file,
    commit: async () => {
      try {
        await rename(tmp, file);
      } catch (err) {
        await rm(tmp, { force: true });
        throw explainWriteError(err, file);
      }
    },
    abort: () => rm(tmp, { force: true }),
  };
}

/** What to do about a failed write, by error code. */
const WRITE_FIXES: Record<string, string> = {
  ENOSPC: 'the disk is full: free some space and build again',
  EDQUOT: 'the disk quota is used up: free some space and build again',
  EACCES: 'permission denied: choose another --out folder or fix its permissions',
  EPERM: 'permission denied: choose another --out folder or fix its permissions',
  EROFS: 'the file system is read-only: choose another --out folder',
  EEXIST: 'a file is in the way of an output folder: move it or choose another --out folder',
  ENOTDIR: 'a file is in the way of an output folder: move it or choose another --out folder',
  EISDIR: 'a folder is in the way of an output file: move it or choose another --out folder',
};

/**
 * The same I/O error, its message naming the output file it was writing and what to do (a write
 * error from the system names no file: "ENOSPC: no space left on device, write").
 */
export function explainWriteError(err: unknown, file: string): unknown {
  const e = err as NodeJS.ErrnoException;
  if (!e || typeof e.code !== 'string' || !(err instanceof Error)) return err;
  const fix = WRITE_FIXES[e.code];
  e.message = `${e.message} (writing ${file})${fix ? `; ${fix}` : ''}`;
  return e;
}

/** Removes files in `dir` for which `stale(name)` is true; a missing folder is fine. */
export async function removeStale(dir: string, stale: (name: string) => boolean): Promise<void> {
  let names: string[];
  try {
    names = await readdir(dir);
  } catch {
    return;
  }
  await Promise.all(names.filter(stale).map((n) => rm(path.join(dir, n), { force: true })));
}
