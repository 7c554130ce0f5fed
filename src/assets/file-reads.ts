// Which local files loading a thread read (the thread file, its images, fonts, logo, theme file):
// collected per call chain with AsyncLocalStorage, so threads loading at the same time keep their
// own lists. The build cache records them with their hashes to tell an unchanged thread without
// loading it again (batch/sources.ts).
import { AsyncLocalStorage } from 'node:async_hooks';
import path from 'node:path';

const reads = new AsyncLocalStorage<Set<string>>();

/** Runs `fn`, collecting the absolute paths of the files it notes as read. */
export async function recordReads<T>(fn: () => Promise<T>): Promise<{ value: T; files: string[] }> {
  const files = new Set<string>();
  const value = await reads.run(files, fn);
  return { value, files: [...files].sort() };
}

/** Notes that `file` was read by whatever is being recorded (nothing when nothing is). */
export function noteRead(file: string): void {
  reads.getStore()?.add(path.resolve(file));
}
