// Export: SVG → pixels with resvg (bundled fonts only; satori already turned text into paths),
// encoded as PNG and/or kept as raw RGB for the PDF.
import { Resvg } from '@resvg/resvg-js';
import { encodePng } from './png-encode.ts';

export interface Raster {
  width: number;
  height: number;
  png?: Uint8Array;
  /** Raw 8-bit RGB, alpha composited over white; for the PDF. */
  rgb?: Uint8Array;
}

export function rasterize(svg: string, want: { png?: boolean; rgb?: boolean } = { png: true }): Raster {
  const image = new Resvg(svg, {
    fitTo: { mode: 'original' },
    font: { loadSystemFonts: false },
    shapeRendering: 2,
    textRendering: 1,
    imageRendering: 0,
  }).render();
  const out: Raster = { width: image.width, height: image.height };
  const pixels = image.pixels;
  if (want.png) out.png = encodePng(image, pixels);
  if (want.rgb) out.rgb = rgbaToRgb(pixels);
  return out;
}

export function svgToPng(svg: string): Uint8Array {
  return rasterize(svg, { png: true }).png!;
}

/** Drops alpha by compositing resvg's premultiplied RGBA over white. */
export function rgbaToRgb(rgba: Uint8Array): Uint8Array {
  const n = rgba.length >> 2;
  const rgb = new Uint8Array(n * 3);
  for (let i = 0, j = 0, k = 0; i < n; i++, j += 4, k += 3) {
    const a = rgba[j + 3]!;
    if (a === 255) {
      rgb[k] = rgba[j]!;
      rgb[k + 1] = rgba[j + 1]!;
      rgb[k + 2] = rgba[j + 2]!;
    } else {
      const w = 255 - a;
      rgb[k] = rgba[j]! + w;
      rgb[k + 1] = rgba[j + 1]! + w;
      rgb[k + 2] = rgba[j + 2]! + w;
    }
  }
  return rgb;
}
