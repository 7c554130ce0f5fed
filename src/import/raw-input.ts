// Which inputs are raw (imported, not loaded as thread files), and the output folder they get:
// known from the file name alone, so a batch names its folders without loading the importers.
import path from 'node:path';
import { slugify } from '../load/slug.ts';

/** Extensions imported rather than loaded as thread files. */
export const RAW_EXTENSIONS = ['txt', 'md', 'markdown', 'html', 'htm'];

export const isRawInput = (file: string): boolean => RAW_EXTENSIONS.includes(path.extname(file).slice(1).toLowerCase());

/** "threads/x.thread.md" → "x": the output folder of a raw input. */
export function rawSlug(file: string): string {
  return slugify(path.basename(file).replace(/\.[^.]+$/, '').replace(/\.thread$/i, ''));
}
