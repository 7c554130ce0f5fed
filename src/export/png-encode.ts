// PNG encoding of resvg's pixels. resvg-js's asPng() deflates at a fixed, slow setting (≈ 19 ms for
// a 1080×1350 card); an opaque card encoded here — rows unfiltered, Node's native zlib at level 3 —
// takes ≈ 10 ms and comes out the same size (`node bin/run-ts.js scratch`-style check over the
// source thread: 107.9 KB vs 109.5 KB a card). Pixels with any transparency go through asPng(),
// which un-premultiplies them (resvg's pixels are premultiplied).
import zlib from 'node:zlib';

export interface RenderedPixels {
  width: number;
  height: number;
  /** RGBA, premultiplied alpha. */
  readonly pixels: Uint8Array;
  asPng(): Uint8Array;
}

const SIGNATURE = Uint8Array.of(137, 80, 78, 71, 13, 10, 26, 10);
const LEVEL = 3;
/** zlib.crc32 arrived in Node 20.15; older Node 20s use resvg's encoder. */
const crc32 = (zlib as { crc32?: (data: Uint8Array, value?: number) => number }).crc32;

/** True when every pixel's alpha is 255. */
export function isOpaque(rgba: Uint8Array): boolean {
  if (rgba.byteOffset % 4 === 0) {
    const words = new Uint32Array(rgba.buffer, rgba.byteOffset, rgba.byteLength >> 2);
    // Little-endian: alpha is the top byte of each word.
    for (let i = 0; i < words.length; i++) if (words[i]! < 0xff000000) return false;
    return true;
  }
  for (let i = 3; i < rgba.length; i += 4) if (rgba[i] !== 255) return false;
  return true;
}

function chunk(type: string, data: Uint8Array): Uint8Array {
  const out = Buffer.alloc(12 + data.length);
  out.writeUInt32BE(data.length, 0);
  out.write(type, 4, 'latin1');
  out.set(data, 8);
  out.writeUInt32BE(crc32!(out.subarray(4, 8 + data.length)) >>> 0, 8 + data.length);
  return out;
}

/** An opaque RGBA image as PNG (colour type 6, 8 bits): the same pixels a decoder reads back. */
export function encodeOpaqueRgba(rgba: Uint8Array, width: number, height: number): Uint8Array {
  const stride = width * 4;
  const raw = Buffer.allocUnsafe((stride + 1) * height);
  for (let y = 0, o = 0; y < height; y++, o += stride + 1) {
    raw[o] = 0; // filter: none — a flat card deflates as well unfiltered, and faster
    raw.set(rgba.subarray(y * stride, (y + 1) * stride), o + 1);
  }
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(width, 0);
  ihdr.writeUInt32BE(height, 4);
  ihdr[8] = 8;
  ihdr[9] = 6;
  const idat = zlib.deflateSync(raw, { level: LEVEL });
  return Buffer.concat([SIGNATURE, chunk('IHDR', ihdr), chunk('IDAT', idat), chunk('IEND', new Uint8Array(0))]);
}

/** `rgba`: image.pixels when the caller already has them (each read of the getter copies). */
export function encodePng(image: RenderedPixels, rgba?: Uint8Array): Uint8Array {
  if (crc32) {
    rgba ??= image.pixels;
    if (isOpaque(rgba)) return encodeOpaqueRgba(rgba, image.width, image.height);
  }
  const png = image.asPng();
  return new Uint8Array(png.buffer, png.byteOffset, png.byteLength);
}
