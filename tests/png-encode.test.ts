// The PNG encoder: an opaque card decodes to exactly resvg's pixels, at about resvg's own size;
// anything with transparency keeps its straight (un-premultiplied) colours; the raster PDF's
// RGB composites premultiplied pixels over white correctly.
import { describe, expect, it } from 'vitest';
import { Resvg } from '@resvg/resvg-js';
import { loadThread, layoutThread } from '../src/index.ts';
import { renderCardSvg } from '../src/render/render-svg.ts';
import { encodePng, isOpaque } from '../src/export/png-encode.ts';
import { rasterize } from '../src/export/png.ts';
import { decodePng } from './helpers.ts';

const RESVG = { fitTo: { mode: 'original' }, font: { loadSystemFonts: false } } as const;
const svg = (body: string, w = 4, h = 2) => `<svg xmlns="http://www.w3.org/2000/svg" width="${w}" height="${h}">${body}</svg>`;

describe('PNG encoding', () => {
  it('opaque cards decode to the very pixels resvg drew, in no more bytes than resvg\'s own PNGs', async () => {
    const deck = await layoutThread(await loadThread('threads/devops-sre-platform-engineering.yaml'));
    let ourBytes = 0;
    let theirBytes = 0;
    for (const card of deck.cards) {
      const image = new Resvg(await renderCardSvg(deck, card), RESVG).render();
      const ours = encodePng(image);
      const theirs = image.asPng();
      const a = decodePng(ours);
      const b = decodePng(theirs);
      expect([a.width, a.height]).toEqual([1080, 1350]);
      expect(Buffer.compare(a.data, b.data)).toBe(0);
      ourBytes += ours.byteLength;
      theirBytes += theirs.byteLength;
    }
    expect(ourBytes).toBeLessThan(theirBytes * 1.02);
  });

  it('keeps straight colours where the image is transparent', () => {
    const image = new Resvg(svg('<rect width="2" height="2" fill="rgb(200,100,50)" fill-opacity="0.5"/>'), RESVG).render();
    expect(isOpaque(image.pixels)).toBe(false);
    const png = decodePng(encodePng(image));
    const [r, g, b, a] = png.data;
    expect([Math.abs(r! - 200) <= 1, Math.abs(g! - 100) <= 1, Math.abs(b! - 50) <= 1, a]).toEqual([true, true, true, 128]);
    expect(png.data[3 * 4 + 3]).toBe(0); // the right half is empty
  });

  it('tells an opaque image from one with a single see-through pixel, at any alignment', () => {
    const px = new Uint8Array(4 * 9).fill(255);
    expect(isOpaque(px)).toBe(true);
    px[4 * 7 + 3] = 254;
    expect(isOpaque(px)).toBe(false);
    const odd = new Uint8Array(4 * 9 + 1).fill(255).subarray(1);
    expect(isOpaque(odd)).toBe(true);
    odd[4 * 8 + 3] = 0;
    expect(isOpaque(odd)).toBe(false);
  });

  it('the raster PDF\'s RGB puts half-transparent red on white as pink', () => {
    const r = rasterize(svg('<rect width="4" height="2" fill="rgb(255,0,0)" fill-opacity="0.5"/>'), { rgb: true });
    const [red, green, blue] = r.rgb!;
    expect(red).toBe(255);
    expect(Math.abs(green! - 128)).toBeLessThanOrEqual(1);
    expect(Math.abs(blue! - 128)).toBeLessThanOrEqual(1);
  });
});
