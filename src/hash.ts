// Content hashing, in one low module: any value fed into a hash (objects with sorted keys, bytes as
// bytes); the tool's fingerprint (its version and locked dependencies) for the build cache; and a card's identity for reuse: the hash of everything its picture depends on — the element tree
// the template draws (text, colours, images, the card's size), the fonts satori is given, and a
// salt from the caller (the tool's version). Two cards with the same key render to the same bytes,
// so a build can reuse last time's PNG/SVG of an unchanged card instead of rendering it again.
import { createHash, type Hash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import type { JSXNode } from 'satori/jsx';
import type { CardSize, FontFace } from './model/index.ts';
import { packageFile } from './package-root.ts';

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

/** Font bytes are hashed once per buffer, not once per card. */
const fontHashes = new WeakMap<Buffer, string>();

function fontHash(face: FontFace): string {
  let h = fontHashes.get(face.data);
  if (!h) fontHashes.set(face.data, (h = sha256(face.data)));
  return h;
}

export function cardKey(element: JSXNode, size: CardSize, fonts: readonly FontFace[], salt = ''): string {
  const h = createHash('sha256');
  hashInto(h, { salt, size: { width: size.width, height: size.height } });
  for (const f of fonts) hashInto(h, [f.name, f.weight, f.style, f.lang, fontHash(f)]);
  hashInto(h, element);
  return h.digest('hex');
}

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
