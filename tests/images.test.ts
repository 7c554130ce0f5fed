// Image loading: header checks before decoding, WebP/GIF → PNG, EXIF rotation, downscaling, errors, one real card.
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { PNG } from 'pngjs';
import sharp from 'sharp';
import { imageFromBytes, loadImage, ImageError, IMAGE_LIMITS } from '../src/assets/images.ts';
import { readImageHeader, readJpegOrientation } from '../src/assets/image-check.ts';
import { loadThread } from '../src/load/load-thread.ts';
import { renderThread } from '../src/pipeline.ts';

const png = readFileSync('tests/fixtures/threads/images/maya-avatar.png');
const fx = (name: string) => readFileSync(`tests/fixtures/images/${name}`);
/** RGBA of one pixel of a PNG. */
const pngPixel = (bytes: Uint8Array, x: number, y: number) => {
  const img = PNG.sync.read(Buffer.from(bytes));
  const i = (y * img.width + x) * 4;
  return [...img.data.subarray(i, i + 4)];
};

describe('image checks', () => {
  it('reads PNG type and size from the header and passes the bytes through', async () => {
    expect(readImageHeader(png)).toEqual({ mime: 'image/png', width: 256, height: 256 });
    const asset = await imageFromBytes(png, 'a.png');
    expect(asset.dataUri.startsWith('data:image/png;base64,')).toBe(true);
    expect(Buffer.compare(Buffer.from(asset.bytes), png)).toBe(0);
    expect(asset.original).toEqual({ mime: 'image/png', width: 256, height: 256 });
  });

  it('reads a baseline JPEG size from its SOF segment', () => {
    // SOI, APP0 (length 16), SOF0 with height 300 and width 400, EOI.
    const app0 = [0xff, 0xe0, 0x00, 0x10, 0x4a, 0x46, 0x49, 0x46, 0x00, 0x01, 0x01, 0x00, 0x00, 0x01, 0x00, 0x01, 0x00, 0x00];
    const sof0 = [0xff, 0xc0, 0x00, 0x11, 0x08, 0x01, 0x2c, 0x01, 0x90, 0x03, 0x01, 0x22, 0x00, 0x02, 0x11, 0x01, 0x03, 0x11, 0x01];
    const jpeg = new Uint8Array([0xff, 0xd8, ...app0, ...sof0, 0xff, 0xd9]);
    expect(readImageHeader(jpeg)).toEqual({ mime: 'image/jpeg', width: 400, height: 300 });
    expect(readJpegOrientation(jpeg)).toBe(1);
    // The same with a big-endian ("MM") EXIF segment holding orientation 8: read without decoding.
    const tiff = [0x4d, 0x4d, 0x00, 0x2a, 0, 0, 0, 8, 0x00, 0x01, 0x01, 0x12, 0x00, 0x03, 0, 0, 0, 1, 0x00, 0x08, 0, 0, 0, 0, 0, 0, 0, 0];
    const app1 = [0xff, 0xe1, 0x00, 2 + 6 + tiff.length, ...Buffer.from('Exif\0\0', 'latin1'), ...tiff];
    const exif = new Uint8Array([0xff, 0xd8, ...app1, ...sof0, 0xff, 0xd9]);
    expect(readImageHeader(exif)).toEqual({ mime: 'image/jpeg', width: 400, height: 300 });
    expect(readJpegOrientation(exif)).toBe(8);
  });

  it('refuses text named .png, a truncated PNG and an oversized header', async () => {
    await expect(imageFromBytes(new TextEncoder().encode('not an image at all, just text'), 'fake.png')).rejects.toThrow(
      /"fake\.png" is not a PNG, JPEG, WebP or GIF image \(it starts with "not an image"\); save it in one of those formats/,
    );
    await expect(imageFromBytes(png.subarray(0, png.length - 20), 'cut.png')).rejects.toThrow(/"cut\.png" is a damaged PNG \(.*truncated\)/);
    const huge = Buffer.from(png);
    huge.writeUInt32BE(100_000, 16);
    huge.writeUInt32BE(100_000, 20);
    await expect(imageFromBytes(huge, 'huge.png')).rejects.toThrow(/100000×100000 pixels; the limit is 16384 per side/);
  });

  it('refuses URLs and paths outside the thread folder', async () => {
    await expect(loadImage('https://example.com/a.webp', 'tests/fixtures/images')).rejects.toThrow(/is a URL/);
    await expect(loadImage('../threads/images/maya-avatar.png', 'tests/fixtures/images')).rejects.toThrow(/outside the thread's folder; copy the file into the thread's folder/);
  });
});

describe('WebP and GIF', () => {
  it.each([
    ['lossy-64x48.webp', 'VP8 ', 64, 48, 'image/jpeg'],
    ['lossless-64x48.webp', 'VP8L', 64, 48, 'image/png'],
    ['alpha-64x48.webp', 'VP8X', 64, 48, 'image/png'],
    ['two-frames-40x30.webp', 'VP8X', 40, 30, 'image/png'],
  ])('%s (%s chunk) is sized from its header and converted (opaque lossy → JPEG, else PNG)', async (name, chunk, width, height, mime) => {
    const bytes = fx(name);
    expect(bytes.subarray(12, 16).toString('latin1')).toBe(chunk);
    expect(readImageHeader(bytes)).toEqual({ mime: 'image/webp', width, height });
    const asset = await loadImage(`./${name}`, 'tests/fixtures/images');
    expect(asset).toMatchObject({ path: `./${name}`, mime, width, height, original: { mime: 'image/webp', width, height } });
    expect(asset.dataUri.startsWith(`data:${mime};base64,`)).toBe(true);
    expect(readImageHeader(asset.bytes)).toEqual({ mime, width, height });
  });

  it('an animated GIF becomes a PNG of its first frame (red, not the blue second frame)', async () => {
    const bytes = fx('two-frames-40x30.gif');
    expect(readImageHeader(bytes)).toEqual({ mime: 'image/gif', width: 40, height: 30 });
    const asset = await imageFromBytes(bytes, 'anim.gif');
    expect(asset).toMatchObject({ mime: 'image/png', width: 40, height: 30, original: { mime: 'image/gif', width: 40, height: 30 } });
    expect(pngPixel(asset.bytes, 20, 15)).toEqual([255, 0, 0, 255]);
  });

  it('an animated WebP becomes its first frame too (green)', async () => {
    const asset = await imageFromBytes(fx('two-frames-40x30.webp'), 'anim.webp');
    expect(pngPixel(asset.bytes, 20, 15)).toEqual([0, 255, 0, 255]);
  });

  it('refuses a WebP whose header claims a huge canvas, before decoding', async () => {
    // The real file's VP8X canvas patched to 100000×100000: decoding it would fail differently (canvas ≠ frame).
    const huge = Buffer.from(fx('alpha-64x48.webp'));
    huge.writeUIntLE(100_000 - 1, 24, 3);
    huge.writeUIntLE(100_000 - 1, 27, 3);
    expect(readImageHeader(huge)).toEqual({ mime: 'image/webp', width: 100_000, height: 100_000 });
    await expect(imageFromBytes(huge, 'huge.webp')).rejects.toThrow(/"huge\.webp" is 100000×100000 pixels; the limit is 16384 per side/);
  });

  it('garbage after a RIFF/WEBP header is an ImageError, never a crash', async () => {
    const riff = (body: Buffer) => {
      const head = Buffer.from('RIFF\0\0\0\0WEBP', 'latin1');
      head.writeUInt32LE(4 + body.length, 4);
      return Buffer.concat([head, body]);
    };
    const noise = Buffer.alloc(200, 0x5a);
    // A plausible VP8 frame header (64×48) followed by noise: passes the header check, fails in the decoder.
    const vp8 = Buffer.concat([Buffer.from('VP8 ', 'latin1'), Buffer.from([200, 0, 0, 0, 0x50, 0x2a, 0, 0x9d, 0x01, 0x2a, 64, 0, 48, 0]), noise]);
    expect(readImageHeader(riff(vp8))).toEqual({ mime: 'image/webp', width: 64, height: 48 });
    const decodeError = await imageFromBytes(riff(vp8), 'noise.webp').catch((e: unknown) => e);
    expect(decodeError).toBeInstanceOf(ImageError);
    expect((decodeError as Error).message).toMatch(/^"noise\.webp" could not be decoded: /);
    // An unknown first chunk, and a file cut short of its RIFF size, are refused from the header.
    await expect(imageFromBytes(riff(Buffer.concat([Buffer.from('JUNK', 'latin1'), noise])), 'junk.webp')).rejects.toThrow(
      /"junk\.webp" starts like a WebP but is truncated or damaged/,
    );
    const lossy = fx('lossy-64x48.webp');
    await expect(imageFromBytes(lossy.subarray(0, lossy.length - 10), 'cut.webp')).rejects.toThrow(/"cut\.webp" starts like a WebP but is truncated/);
  });

  it('a GIF cut in the middle of its first frame is an ImageError', async () => {
    const gif = fx('two-frames-40x30.gif');
    await expect(imageFromBytes(gif.subarray(0, 40), 'cut.gif')).rejects.toThrow(ImageError);
  });
});

describe('JPEG orientation and downscaling', () => {
  it('turns a JPEG with EXIF orientation 6 upright: width and height swap, red (stored on top) ends up on the right', async () => {
    const bytes = fx('orientation-6-64x48.jpg');
    expect(readImageHeader(bytes)).toEqual({ mime: 'image/jpeg', width: 64, height: 48 });
    expect(readJpegOrientation(bytes)).toBe(6);
    const asset = await imageFromBytes(bytes, 'turned.jpg');
    expect(asset).toMatchObject({ mime: 'image/jpeg', width: 48, height: 64, original: { mime: 'image/jpeg', width: 48, height: 64 } });
    expect(readJpegOrientation(asset.bytes)).toBe(1);
    const { data, info } = await sharp(asset.bytes).raw().toBuffer({ resolveWithObject: true });
    expect([info.width, info.height]).toEqual([48, 64]);
    const at = (x: number, y: number) => [...data.subarray((y * info.width + x) * info.channels, (y * info.width + x) * info.channels + 3)];
    const [r1, g1] = at(40, 32);
    const [r2, g2] = at(8, 32);
    expect(r1).toBeGreaterThan(200);
    expect(g1).toBeLessThan(60);
    expect(g2).toBeGreaterThan(200);
    expect(r2).toBeLessThan(60);
  });

  it('downscales a 3000×2000 JPEG to 2160 px on the long side, still a JPEG, and records the original size', async () => {
    const asset = await imageFromBytes(fx('big-3000x2000.jpg'), 'big.jpg');
    expect(asset).toMatchObject({ mime: 'image/jpeg', width: 2160, height: 1440, original: { mime: 'image/jpeg', width: 3000, height: 2000 } });
    expect(readImageHeader(asset.bytes)).toEqual({ mime: 'image/jpeg', width: 2160, height: 1440 });
  });

  it('downscales a large PNG to a PNG', async () => {
    const big = await sharp({ create: { width: 1000, height: 3000, channels: 3, background: '#336699' } }).png().toBuffer();
    const asset = await imageFromBytes(big, 'tall.png');
    expect(asset).toMatchObject({ mime: 'image/png', width: 720, height: IMAGE_LIMITS.maxEmbedSide, original: { width: 1000, height: 3000 } });
  });
});

describe('a WebP through the real pipeline', () => {
  it('renders a 1080×1350 card with the chart drawn on it', async () => {
    const thread = await loadThread('tests/fixtures/images/webp-image.yaml');
    expect(thread.posts[0]!.image).toMatchObject({ width: 800, height: 480 });
    const { pngs } = await renderThread(thread, { formats: ['png'] });
    const card = PNG.sync.read(Buffer.from(pngs[1]!)); // after the cover
    expect([card.width, card.height]).toEqual([1080, 1350]);
    // The chart's one green bar (#16a34a) shows on the card: the image was not silently dropped.
    let green = 0;
    for (let i = 0; i < card.data.length; i += 4) {
      if (Math.abs(card.data[i]! - 0x16) < 12 && Math.abs(card.data[i + 1]! - 0xa3) < 12 && Math.abs(card.data[i + 2]! - 0x4a) < 12) green++;
    }
    expect(green).toBeGreaterThan(1000);
  });
});
