// Output folder names for a batch, decided before any thread is loaded (the threads load in
// parallel): the same name the loader gives a file, made unique in input order.
import { open } from 'node:fs/promises';
import path from 'node:path';
import { isRawInput, rawSlug } from '../import/raw-input.ts';
import { slugify } from '../load/slug.ts';

/** The slug `loadInput` gives `file`: raw inputs (and JSON arrays of posts) drop a `.thread` suffix. */
export async function inputSlug(file: string): Promise<string> {
  if (isRawInput(file) || (path.extname(file).toLowerCase() === '.json' && (await isJsonPosts(file)))) return rawSlug(file);
  return slugify(path.basename(file).replace(/\.[^.]+$/, ''));
}

async function isJsonPosts(file: string): Promise<boolean> {
  const handle = await open(file, 'r').catch(() => undefined);
  if (!handle) return false;
  try {
    const { buffer, bytesRead } = await handle.read(Buffer.alloc(256), 0, 256, 0);
    return /^\s*(\[|window\.YTD\.)/.test(buffer.subarray(0, bytesRead).toString('utf8').replace(/^\uFEFF/, ''));
  } finally {
    await handle.close();
  }
}

/** Two inputs with the same file name (in different folders) must not write into one folder. */
export async function uniqueSlugs(inputs: readonly string[]): Promise<string[]> {
  const used = new Map<string, string>();
  const out: string[] = [];
  for (const input of inputs) {
    const slug = await inputSlug(input);
    let candidate = slug;
    for (let n = 2; used.has(candidate) && used.get(candidate) !== input; n++) candidate = `${slug}-${n}`;
    used.set(candidate, input);
    out.push(candidate);
  }
  return out;
}
