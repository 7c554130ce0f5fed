// Which file a URL path under /files/ may name: only a file inside the thread's folder. Refuses
// `..` segments (raw or percent-encoded), absolute paths, backslashes, NUL bytes, dotfiles and
// dot-folders, and symbolic links that lead out of the folder.
import { realpath, stat } from 'node:fs/promises';
import path from 'node:path';
import { isInside } from '../path-inside.ts';

export { isInside };

export type SafeFile = { ok: true; file: string } | { ok: false; status: 400 | 403 | 404; reason: string };

/** Resolves the URL-encoded `urlPath` (the part after /files/) to a regular file inside `root`. */
export async function resolveInside(root: string, urlPath: string): Promise<SafeFile> {
  let rel: string;
  try {
    rel = decodeURIComponent(urlPath);
  } catch {
    return { ok: false, status: 400, reason: 'bad percent-encoding' };
  }
  if (rel.includes('\0')) return { ok: false, status: 400, reason: 'NUL byte in path' };
  if (rel.includes('\\')) return { ok: false, status: 403, reason: 'backslash in path' };
  if (rel.startsWith('/') || path.isAbsolute(rel)) return { ok: false, status: 403, reason: 'absolute path' };
  const segments = rel.split('/');
  if (segments.some((s) => s === '..' || s === '.')) return { ok: false, status: 403, reason: 'path traversal' };
  if (segments.some((s) => s.startsWith('.'))) return { ok: false, status: 403, reason: 'hidden file' };
  const realRoot = await realpath(root);
  const file = path.resolve(realRoot, rel);
  if (!isInside(realRoot, file)) return { ok: false, status: 403, reason: 'outside the thread folder' };
  let real: string;
  try {
    real = await realpath(file);
  } catch {
    return { ok: false, status: 404, reason: 'not found' };
  }
  if (!isInside(realRoot, real)) return { ok: false, status: 403, reason: 'link out of the thread folder' };
  const info = await stat(real).catch(() => undefined);
  if (!info?.isFile()) return { ok: false, status: 404, reason: 'not a file' };
  return { ok: true, file: real };
}
