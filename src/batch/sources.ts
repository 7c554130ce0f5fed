// The quick up-to-date check: the files a thread's build read (the thread file, its images, fonts,
// logo, and its template file with the local files it imports) are recorded in its manifest with
// their hashes, with a hash of the settings it was built with. When none of them changed, the
// thread is up to date without loading it again (no YAML, schema, Markdown, importer or renderer).
import { readFile } from 'node:fs/promises';
import { sha256 } from '../hash.ts';

export interface Source {
  path: string;
  sha256: string;
}

/** Each file with the hash of its bytes now (a file that cannot be read gets an empty hash, which never matches). */
export function hashSources(files: readonly string[]): Promise<Source[]> {
  return Promise.all([...new Set(files)].sort().map(async (path) => ({ path, sha256: await readFile(path).then(sha256, () => '') })));
}

/** True when every recorded source still has the recorded bytes. */
export async function sourcesUnchanged(sources: readonly Source[] | undefined): Promise<boolean> {
  if (!sources?.length) return false;
  const now = await hashSources(sources.map((s) => s.path));
  return now.length === sources.length && now.every((s, i) => s.sha256 !== '' && s.path === sources[i]!.path && s.sha256 === sources[i]!.sha256);
}
