// Checks on image bytes before anything decodes them: type and size read from the header, a PNG's
// chunks and CRCs, a JPEG's scan and end marker, EXIF orientation, a WebP's kind; the limits; ImageError.
import { crc32 } from 'node:zlib';
import type { ImageAsset } from '../model/index.ts';

export const IMAGE_LIMITS = {
  maxBytes: 20 * 1024 * 1024,
  /** satori reads PNG sizes as 16-bit numbers; stay well inside. */
  maxSide: 16384,
  maxPixels: 40_000_000,
  /** Long side of what is embedded; larger images are downscaled (a 1080 px card never needs more). */
  maxEmbedSide: 2160,
};

export class ImageError extends Error {}

export type SourceMime = NonNullable<ImageAsset['original']>['mime'];

export interface ImageHeader {
  mime: SourceMime;
  width: number;
  height: number;
}

const ascii = (b: Uint8Array, at: number, n: number) => Buffer.from(b.subarray(at, at + n)).toString('latin1');

/** A WebP with a lossy (VP8) bitstream and no alpha: a photo, best re-encoded as JPEG. */
export function isOpaqueLossyWebp(b: Uint8Array): boolean {
  if (ascii(b, 0, 4) !== 'RIFF' || ascii(b, 8, 4) !== 'WEBP') return false;
  const first = ascii(b, 12, 4);
  if (first === 'VP8 ') return true;
  if (first !== 'VP8X' || (b[20]! & 0x10) !== 0) return false;
  // Extended format without alpha: lossy when a 'VP8 ' chunk follows (after ICCP/EXIF/… chunks).
  for (let at = 30; at + 8 <= b.length; ) {
    const id = ascii(b, at, 4);
    if (id === 'VP8 ') return true;
    if (id === 'VP8L' || id === 'ANIM') return false;
    const size = b[at + 4]! | (b[at + 5]! << 8) | (b[at + 6]! << 16) | (b[at + 7]! << 24);
    at += 8 + size + (size & 1);
  }
  return false;
}

/** Why bytes are no image we read: a known signature cut short, or something else entirely (its first bytes shown). */
export function notAnImage(b: Uint8Array, label: string): string {
  const kinds: [string, boolean][] = [
    ['PNG', b[0] === 0x89 && ascii(b, 1, 3) === 'PNG'],
    ['JPEG', b[0] === 0xff && b[1] === 0xd8],
    ['WebP', ascii(b, 0, 4) === 'RIFF' && ascii(b, 8, 4) === 'WEBP'],
    ['GIF', ascii(b, 0, 4) === 'GIF8'],
  ];
  const kind = kinds.find(([, is]) => is)?.[0];
  if (kind) return `"${label}" starts like a ${kind} but is truncated or damaged (its header cannot be read); export or download it again`;
  if (b.length === 0) return `"${label}" is empty (0 bytes); expected a PNG, JPEG, WebP or GIF image`;
  const start = Buffer.from(b.subarray(0, 12)).toString('latin1').replace(/[^\x20-\x7e]/g, '.');
  return `"${label}" is not a PNG, JPEG, WebP or GIF image (it starts with "${start}"); save it in one of those formats`;
}

/**
 * What is wrong with a PNG's chunk structure, if anything: IHDR first, every chunk inside the file with a
 * matching CRC, image data present, IEND last. A cut-off or bit-flipped file never reaches the renderer,
 * which would silently draw nothing.
 */
export function pngDamage(b: Uint8Array): string | undefined {
  const dv = new DataView(b.buffer, b.byteOffset, b.byteLength);
  let at = 8;
  let idat = false;
  for (let first = true; ; first = false) {
    if (at + 12 > b.length) return 'it ends in the middle of a chunk: the file is truncated';
    const len = dv.getUint32(at);
    const type = ascii(b, at + 4, 4);
    if (first && type !== 'IHDR') return 'it does not start with an IHDR chunk';
    if (len > b.length - at - 12) return `its ${type.replace(/[^\x20-\x7e]/g, '?')} chunk runs past the end: the file is truncated`;
    const crc = dv.getUint32(at + 8 + len);
    if (crc32(b.subarray(at + 4, at + 8 + len)) !== crc) return `the checksum of its ${type.replace(/[^\x20-\x7e]/g, '?')} chunk is wrong`;
    if (type === 'IDAT') idat = true;
    at += 12 + len;
    if (type === 'IEND') return idat ? undefined : 'it has no image data (IDAT)';
  }
}

/** A JPEG must have a scan (SOS) and end it with an end-of-image marker; a cut-off download has no EOI. */
export function jpegDamage(b: Uint8Array): string | undefined {
  let sos = -1;
  for (let i = 2; i + 1 < b.length; ) {
    if (b[i] !== 0xff) return 'its segments are broken';
    const marker = b[i + 1]!;
    if (marker === 0xff) {
      i++;
      continue;
    }
    if (marker === 0xda) {
      sos = i;
      break;
    }
    if (marker === 0xd9) return 'it ends before any image data';
    if (marker === 0x01 || (marker >= 0xd0 && marker <= 0xd8)) {
      i += 2;
      continue;
    }
    i += 2 + ((b[i + 2]! << 8) | b[i + 3]!);
  }
  if (sos < 0) return 'it has no image data: the file is truncated';
  for (let i = b.length - 2; i > sos; i--) if (b[i] === 0xff && b[i + 1] === 0xd9) return undefined;
  return 'it has no end-of-image marker: the file is truncated';
}

/** Reads type and size from the header only (no decoding). WebP gives its canvas size, GIF its logical screen. */
export function readImageHeader(b: Uint8Array): ImageHeader | undefined {
  const dv = new DataView(b.buffer, b.byteOffset, b.byteLength);
  // PNG: signature, then the IHDR chunk.
  if (b.length >= 33 && b[0] === 0x89 && b[1] === 0x50 && b[2] === 0x4e && b[3] === 0x47 && b[12] === 0x49 && b[13] === 0x48) {
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
    return undefined;
  }
  // WebP: RIFF container (its size must fit in the bytes: a cut-off file is refused), then the first chunk.
  if (b.length >= 30 && ascii(b, 0, 4) === 'RIFF' && ascii(b, 8, 4) === 'WEBP') {
    if (dv.getUint32(4, true) + 8 > b.length) return undefined;
    const chunk = ascii(b, 12, 4);
    // Lossy: key-frame tag, start code 9d 01 2a, then 14-bit width and height.
    if (chunk === 'VP8 ' && (b[20]! & 1) === 0 && b[23] === 0x9d && b[24] === 0x01 && b[25] === 0x2a) {
      return { mime: 'image/webp', width: dv.getUint16(26, true) & 0x3fff, height: dv.getUint16(28, true) & 0x3fff };
    }
    // Lossless: signature 0x2f, then width-1 and height-1 in 14 bits each.
    if (chunk === 'VP8L' && b[20] === 0x2f) {
      const v = dv.getUint32(21, true);
      return { mime: 'image/webp', width: (v & 0x3fff) + 1, height: ((v >>> 14) & 0x3fff) + 1 };
    }
    // Extended: flags, 3 reserved bytes, then canvas width-1 and height-1 in 24 bits each.
    if (chunk === 'VP8X') {
      const u24 = (at: number) => b[at]! | (b[at + 1]! << 8) | (b[at + 2]! << 16);
      return { mime: 'image/webp', width: u24(24) + 1, height: u24(27) + 1 };
    }
    return undefined;
  }
  // GIF: signature, then the logical screen size.
  if (b.length >= 13 && (ascii(b, 0, 6) === 'GIF87a' || ascii(b, 0, 6) === 'GIF89a')) {
    return { mime: 'image/gif', width: dv.getUint16(6, true), height: dv.getUint16(8, true) };
  }
  return undefined;
}

/** EXIF orientation of a JPEG (1–8; 1 when absent or unreadable), from its APP1 segment, without decoding. */
export function readJpegOrientation(b: Uint8Array): number {
  const dv = new DataView(b.buffer, b.byteOffset, b.byteLength);
  let i = 2;
  while (i + 4 <= b.length && b[i] === 0xff) {
    const marker = b[i + 1]!;
    if (marker === 0xff) {
      i++;
      continue;
    }
    if (marker === 0xda || marker === 0xd9) break; // start of scan: no metadata after this
    const len = dv.getUint16(i + 2);
    const end = Math.min(i + 2 + len, b.length);
    if (marker === 0xe1 && ascii(b, i + 4, 6) === 'Exif\0\0') {
      const tiff = i + 10;
      if (tiff + 8 > end) return 1;
      const order = dv.getUint16(tiff);
      if (order !== 0x4949 && order !== 0x4d4d) return 1;
      const le = order === 0x4949;
      const ifd = tiff + dv.getUint32(tiff + 4, le);
      if (ifd + 2 > end) return 1;
      const count = dv.getUint16(ifd, le);
      for (let e = ifd + 2; e + 12 <= end && e < ifd + 2 + 12 * count; e += 12) {
        if (dv.getUint16(e, le) !== 0x0112) continue;
        const v = dv.getUint16(e + 8, le);
        return v >= 1 && v <= 8 ? v : 1;
      }
      return 1;
    }
    i += 2 + len;
  }
  return 1;
}
