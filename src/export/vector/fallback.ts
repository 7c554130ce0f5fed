// The way out for what has no vector form (a blurred shadow, a transparent gradient…): that one
// element, with the definitions it may use, rasterized by resvg at 2× and placed as an image
// cropped to what it paints. The rest of the page stays vector.
import { Resvg } from '@resvg/resvg-js';
import type { Canvas } from './canvas.ts';
import type { Env } from './env.ts';
import { embedRgba } from './raster.ts';
import { DEFINITIONS, elements, outerSvg, type Element } from './svg-dom.ts';

const SCALE = 2;

export function drawRasterFallback(el: Element, canvas: Canvas, env: Env, width: number, height: number): void {
  const { doc } = env;
  const defs = elements(doc.root)
    .filter((e) => DEFINITIONS.has(e.name))
    .map((e) => outerSvg(doc, e))
    .join('');
  const svg = `<svg width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" xmlns="http://www.w3.org/2000/svg">${defs}${outerSvg(doc, el)}</svg>`;
  const image = new Resvg(svg, { fitTo: { mode: 'zoom', value: SCALE }, font: { loadSystemFonts: false }, shapeRendering: 2, imageRendering: 0 }).render();
  const { pixels } = image;
  const W = image.width;
  const H = image.height;
  let [x0, y0, x1, y1] = [W, H, -1, -1];
  for (let y = 0; y < H; y++) {
    const row = y * W * 4;
    for (let x = 0; x < W; x++) {
      if (pixels[row + x * 4 + 3] === 0) continue;
      if (x < x0) x0 = x;
      if (x > x1) x1 = x;
      if (y < y0) y0 = y;
      if (y > y1) y1 = y;
    }
  }
  if (x1 < 0) return;
  const cw = x1 - x0 + 1;
  const ch = y1 - y0 + 1;
  const crop = new Uint8Array(cw * ch * 4);
  for (let y = 0; y < ch; y++) crop.set(pixels.subarray(((y0 + y) * W + x0) * 4, ((y0 + y) * W + x1 + 1) * 4), y * cw * 4);
  const { ref } = embedRgba(env.vdoc.pdf, crop, cw, ch);
  canvas.q();
  canvas.transform([cw / SCALE, 0, 0, -ch / SCALE, x0 / SCALE, (y0 + ch) / SCALE]);
  canvas.op(`${canvas.name('XObject', ref)} Do`);
  canvas.Q();
}
