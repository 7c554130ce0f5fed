// The build cache on disk: one small JSON manifest per thread in `<out>/.threadeck-cache/<slug>.json`,
// recording the key its outputs were built from and each file's size and hash. A thread is skipped
// only when its key matches and every file is still there at its recorded size; the manifest is
// removed before a thread's files are replaced and written after the last one, so an interrupted
// write is never mistaken for a complete one.
import { readFile, rm, stat } from 'node:fs/promises';
import path from 'node:path';
import type { Diagnostic } from '../diagnostics.ts';
import type { FileReport } from './reports.ts';
import { writeFileAtomic } from '../write/atomic.ts';
import type { Source } from './sources.ts';

export const CACHE_DIR = '.threadeck-cache';
const VERSION = 1;

export interface CachedFile extends FileReport {
  sha256: string;
  /** A card file's card key (render/card-key.ts): a later build reuses the file for a card with the same key. */
  card?: string;
}

export interface Manifest {
  version: number;
  key: string;
  input: string;
  title: string | null;
  cards: number;
  files: CachedFile[];
  warnings: Diagnostic[];
  /** The files the build read, with their hashes, and a hash of its settings: the quick up-to-date check (sources.ts). */
  sources?: Source[];
  settings?: string;
}

export const manifestPath = (outDir: string, slug: string): string => path.join(outDir, CACHE_DIR, `${slug}.json`);

export async function readManifest(outDir: string, slug: string): Promise<Manifest | undefined> {
  try {
    const m = JSON.parse(await readFile(manifestPath(outDir, slug), 'utf8')) as Manifest;
    return m.version === VERSION && typeof m.key === 'string' && Array.isArray(m.files) ? m : undefined;
  } catch {
    return undefined;
  }
}

/** True when every file the manifest lists is on disk at its recorded size. */
export async function outputsIntact(m: Manifest): Promise<boolean> {
  const sizes = await Promise.all(m.files.map((f) => stat(f.path).then((s) => s.size, () => -1)));
  return sizes.every((size, i) => size === m.files[i]!.bytes);
}

export function writeManifest(outDir: string, slug: string, m: Omit<Manifest, 'version'>): Promise<void> {
  return writeFileAtomic(manifestPath(outDir, slug), `${JSON.stringify({ version: VERSION, ...m })}\n`);
}

export function removeManifest(outDir: string, slug: string): Promise<void> {
  return rm(manifestPath(outDir, slug), { force: true });
}
