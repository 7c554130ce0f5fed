// Whether a path lies inside a folder: the one check the watcher, the template-deps scan and the
// preview's file server all make.
import path from 'node:path';

/** True when `file` is `root` itself or inside it (either may be relative to the working folder). */
export function isInside(root: string, file: string): boolean {
  const rel = path.relative(path.resolve(root), path.resolve(file));
  return rel === '' || (!rel.startsWith('..') && !path.isAbsolute(rel));
}
