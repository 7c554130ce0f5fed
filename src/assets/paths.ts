// Resolving a file named in a thread or theme file: relative to that file, never outside its folder.
import { realpath, stat } from 'node:fs/promises';
import path from 'node:path';
import { noteRead } from './file-reads.ts';

type ErrorClass = new (message: string) => Error;

/** The real path of `ref` under `baseDir`, or an `errorClass` error saying why not. */
export async function resolveInside(ref: string, baseDir: string, what: string, errorClass: ErrorClass): Promise<string> {
  if (/^[a-z][a-z0-9+.-]*:/i.test(ref) && !/^[a-z]:[\\/]/i.test(ref)) {
    throw new errorClass(`"${ref}" is a URL; ${what} files must sit next to the thread (nothing is fetched)`);
  }
  if (path.isAbsolute(ref)) throw new errorClass(`"${ref}" is an absolute path; write it relative to the file that names it`);
  const base = await realpath(baseDir);
  const full = path.resolve(base, ref);
  let real: string;
  try {
    real = await realpath(full);
  } catch {
    throw new errorClass(`${what} "${ref}" not found (looked for ${full}); check the name: paths are relative to the file that names them`);
  }
  const rel = path.relative(base, real);
  if (rel.startsWith('..') || path.isAbsolute(rel)) throw new errorClass(
      `${what} "${ref}" lies outside the thread's folder${real !== full ? ' (through a symbolic link)' : ''}; copy the file into the thread's folder or a subfolder and name it relative to the thread file`,
    );
  const info = await stat(real);
  if (info.isDirectory()) throw new errorClass(`${what} "${ref}" is a folder, not a file; name the ${what} file itself`);
  if (!info.isFile()) throw new errorClass(`${what} "${ref}" is not a regular file (a pipe, socket or device); name the ${what} file itself`);
  noteRead(real);
  return real;
}
