// Content hashes for the build cache. A thread's key covers everything its outputs depend on:
// the loaded thread (its text, options, and the bytes of every image, avatar, logo and font it
// names), a template file's source and the local files it imports, the CLI's size/template/theme, the formats, and the tool
// itself (its version and the locked versions of its dependencies).
import { createHash, type Hash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { packageFile } from '../package-root.ts';

/** Keys skipped when hashing: `dataUri` repeats `bytes`. */
const SKIP = new Set(['dataUri']);

/** Feeds any value into a hash, objects with sorted keys, byte arrays as bytes. */
export function hashInto(h: Hash, value: unknown): void {
  if (value === undefined) return void h.update('u;');
  if (value === null || typeof value !== 'object') return void h.update(`${typeof value}:${JSON.stringify(value)};`);
  if (value instanceof ArrayBuffer) return void h.update(`b${value.byteLength}:`).update(new Uint8Array(value));
  if (ArrayBuffer.isView(value)) {
    h.update(`b${value.byteLength}:`);
    return void h.update(new Uint8Array(value.buffer, value.byteOffset, value.byteLength));
  }
  if (Array.isArray(value)) {
    h.update(`[${value.length}`);
    for (const v of value) hashInto(h, v);
    return void h.update(']');
  }
  h.update('{');
  for (const key of Object.keys(value).sort()) {
    if (SKIP.has(key) || typeof (value as Record<string, unknown>)[key] === 'function') continue;
    h.update(`${JSON.stringify(key)}=`);
    hashInto(h, (value as Record<string, unknown>)[key]);
  }
  h.update('}');
}

export function hashValue(...values: unknown[]): string {
  const h = createHash('sha256');
  for (const v of values) hashInto(h, v);
  return h.digest('hex');
}

export const sha256 = (data: Uint8Array | string): string => createHash('sha256').update(data).digest('hex');

let fingerprint: Promise<string> | undefined;

/**
 * The tool's identity for the cache: its version and the locked versions of its dependencies, so
 * an upgrade invalidates old entries. (Editing threadeck's own source in a checkout does not: use
 * --force then.)
 */
export function toolFingerprint(): Promise<string> {
  fingerprint ??= (async () => {
    const h = createHash('sha256');
    for (const f of ['package.json', 'package-lock.json']) h.update(`${f}\0`).update(await readFile(packageFile(f)).catch(() => ''));
    return h.digest('hex');
  })();
  return fingerprint;
}
