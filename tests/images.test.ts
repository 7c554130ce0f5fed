import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { imageFromBytes, readImageHeader, ImageError } from '../src/assets/images.ts';

const png = readFileSync('tests/fixtures/threads/images/maya-avatar.png');

describe('image checks', () => {
  it('reads PNG type and size from the header', () => {
    expect(readImageHeader(png)).toEqual({ mime: 'image/png', width: 256, height: 256 });
    const asset = imageFromBytes(png, 'a.png');
    expect(asset.dataUri.startsWith('data:image/png;base64,')).toBe(true);
  });

  it('reads a baseline JPEG size from its SOF segment', () => {
    // SOI, APP0 (length 16), SOF0 with height 300 and width 400, EOI.
    const app0 = [0xff, 0xe0, 0x00, 0x10, 0x4a, 0x46, 0x49, 0x46, 0x00, 0x01, 0x01, 0x00, 0x00, 0x01, 0x00, 0x01, 0x00, 0x00];
    const sof0 = [0xff, 0xc0, 0x00, 0x11, 0x08, 0x01, 0x2c, 0x01, 0x90, 0x03, 0x01, 0x22, 0x00, 0x02, 0x11, 0x01, 0x03, 0x11, 0x01];
    const jpeg = new Uint8Array([0xff, 0xd8, ...app0, ...sof0, 0xff, 0xd9]);
    expect(readImageHeader(jpeg)).toEqual({ mime: 'image/jpeg', width: 400, height: 300 });
  });

  it('refuses text named .png, a truncated PNG and an oversized header', () => {
    expect(() => imageFromBytes(new TextEncoder().encode('not an image at all, just text'), 'fake.png')).toThrow(
      /"fake\.png" is not a PNG or JPEG image/,
    );
    expect(() => imageFromBytes(png.subarray(0, png.length - 20), 'cut.png')).toThrow(ImageError);
    const huge = Buffer.from(png);
    huge.writeUInt32BE(100_000, 16);
    huge.writeUInt32BE(100_000, 20);
    expect(() => imageFromBytes(huge, 'huge.png')).toThrow(/100000×100000 pixels; the limit is 16384 per side/);
  });
});
