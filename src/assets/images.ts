// Reads images named in a thread file and checks their bytes (type, header size, limits) before
// anything downstream sees them. satori and resvg drop images that fail to load silently, so every
// image is loaded here and handed on as checked bytes, never as a path or URL.
import { readFile, realpath, stat } from 'node:fs/promises';
import path from 'node:path';
import type { ImageAsset } from '../model.ts';

export const IMAGE_LIMITS = {
  maxBytes: 20 * 1024 * 1024,
  /** satori reads PNG sizes as 16-bit numbers; stay well inside. */
  maxSide: 16384,
  maxPixels: 40_000_000,
};

export class ImageError extends Error {}

/** Loads an image path written in a thread file, relative to that file's folder. */
export async function loadImage(ref: string, threadDir: string): Promise<ImageAsset> {
  if (/^[a-z][a-z0-9+.-]*:/i.test(ref) && !/^[a-z]:[\\/]/i.test(ref)) {
    throw new ImageError(`"${ref}" is a URL; images must be files next to the thread (remote images are not fetched)`);
  }
  if (path.isAbsolute(ref)) {
    throw new ImageError(`"${ref}" is an absolute path; write it relative to the thread file`);
  }
  const base = await realpath(threadDir);
  const full = path.resolve(base, ref);
  let real: string;
  try {
    real = await realpath(full);
  } catch {
    throw new ImageError(`image "${ref}" not found (looked for ${full})`);
  }
  const rel = path.relative(base, real);
  if (rel.startsWith('..') || path.isAbsolute(rel)) {
    throw new ImageError(`image "${ref}" lies outside the thread's folder`);
  }
  const info = await stat(real);
  if (!info.isFile()) throw new ImageError(`image "${ref}" is not a file`);
  if (info.size > IMAGE_LIMITS.maxBytes) {
    throw new ImageError(`image "${ref}" is ${(info.size / 1048576).toFixed(1)} MB; the limit is ${IMAGE_LIMITS.maxBytes / 1048576} MB`);
  }
  const bytes = new Uint8Array(await readFile(real));
  return imageFromBytes(bytes, ref);
}

/** Checks image bytes and wraps them as an ImageAsset. */
export function imageFromBytes(bytes: Uint8Array, label: string): ImageAsset {
  const header = readImageHeader(bytes);
  if (!header) throw new ImageError(`"${label}" is not a PNG or JPEG image (or it is truncated)`);
  const { width, height, mime } = header;
  if (width < 1 || height < 1) throw new ImageError(`"${label}" has an empty size ${width}×${height}`);
  if (width > IMAGE_LIMITS.maxSide || height > IMAGE_LIMITS.maxSide || width * height > IMAGE_LIMITS.maxPixels) {
    throw new ImageError(
      `"${label}" is ${width}×${height} pixels; the limit is ${IMAGE_LIMITS.maxSide} per side and ${IMAGE_LIMITS.maxPixels / 1e6} megapixels`,
    );
  }
  const dataUri = `data:${mime};base64,${Buffer.from(bytes).toString('base64')}`;
  return { path: label, mime, width, height, bytes, dataUri };
}

interface ImageHeader {
  mime: ImageAsset['mime'];
  width: number;
  height: number;
}

/** Reads type and size from the header only (no decoding). */
export function readImageHeader(b: Uint8Array): ImageHeader | undefined {
  const dv = new DataView(b.buffer, b.byteOffset, b.byteLength);
  // PNG: signature, then the IHDR chunk.
  if (b.length >= 33 && b[0] === 0x89 && b[1] === 0x50 && b[2] === 0x4e && b[3] === 0x47 && b[12] === 0x49 && b[13] === 0x48) {
    // A PNG must at least end with an IEND chunk; a cut-off file is refused here.
    const tail = Buffer.from(b.subarray(b.length - 8, b.length - 4)).toString('latin1');
    if (tail !== 'IEND') return undefined;
    return { mime: 'image/png', width: dv.getUint32(16), height: dv.getUint32(20) };
  }
  // JPEG: walk the segments to the first SOFn marker.
  if (b.length >= 4 && b[0] === 0xff && b[1] === 0xd8) {
    let i = 2;
    while (i + 9 < b.length) {
      if (b[i] !== 0xff) return undefined;
      const marker = b[i + 1]!;
      if (marker === 0xff) {
        i++;
        continue;
      }
      const len = dv.getUint16(i + 2);
      const isSof = marker >= 0xc0 && marker <= 0xcf && marker !== 0xc4 && marker !== 0xc8 && marker !== 0xcc;
      if (isSof) return { mime: 'image/jpeg', height: dv.getUint16(i + 5), width: dv.getUint16(i + 7) };
      i += 2 + len;
    }
  }
  return undefined;
}
