// `/files/<path>`: images and thread files inside the thread's folder, for the page (no traversal,
// no symlink out of it: safe-path.ts; nothing but the types below).
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { resolveInside } from '../safe-path.ts';
import { TEXT, reply } from './reply.ts';
import type { Route } from './route.ts';

const MIME: Record<string, string> = {
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.webp': 'image/webp',
  '.gif': 'image/gif',
  '.yaml': TEXT,
  '.yml': TEXT,
  '.json': TEXT,
};

export const filesRoute: Route = async (_req, res, pathname, { session }) => {
  const m = /^\/files\/(.+)$/.exec(pathname);
  if (!m) return false;
  const safe = await resolveInside(session.dir, m[1]!);
  if (!safe.ok) return (reply(res, safe.status, TEXT, safe.reason), true);
  const type = MIME[path.extname(safe.file).toLowerCase()];
  if (!type) reply(res, 403, TEXT, 'only images and thread files are served');
  else reply(res, 200, type, await readFile(safe.file), 'no-cache');
  return true;
};
