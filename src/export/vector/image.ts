// <image> → an image XObject placed like SVG places it (preserveAspectRatio meet/slice/none).
// Rasters are embedded once per document (an avatar on every card is stored once); SVG images
// (Twemoji, template art) are translated into vector form XObjects.
import { Canvas } from './canvas.ts';
import type { PlacedImage } from './doc-context.ts';
import type { Env } from './env.ts';
import { drawChildren } from './draw.ts';
import { formXObject } from './form.ts';
import { embedRaster } from './raster.ts';
import { num, parseSvg, type Element } from './svg-dom.ts';
import { Unsupported } from './unsupported.ts';

export async function drawImage(el: Element, canvas: Canvas, env: Env): Promise<void> {
  const href = el.attribs.href ?? el.attribs['xlink:href'];
  const w = num(el, 'width');
  const h = num(el, 'height');
  if (!href || w <= 0 || h <= 0) return;
  const img = await loadImage(env, href);
  if (!img || img.width <= 0 || img.height <= 0) return;
  const x = num(el, 'x');
  const y = num(el, 'y');
  const [align, slice] = aspect(el.attribs.preserveAspectRatio);
  let [dw, dh] = [w, h];
  if (align !== 'none') {
    const s = slice ? Math.max(w / img.width, h / img.height) : Math.min(w / img.width, h / img.height);
    [dw, dh] = [img.width * s, img.height * s];
  }
  const dx = x + offset(align, 'x', w - dw);
  const dy = y + offset(align, 'y', h - dh);
  canvas.q();
  if (slice && align !== 'none') {
    canvas.rect(x, y, w, h);
    canvas.op('W n');
  }
  canvas.graphicsState(canvas.name('ExtGState', env.vdoc.alpha(env.alpha)));
  if (img.svg) {
    const sx = dw / img.width;
    const sy = dh / img.height;
    canvas.transform([sx, 0, 0, sy, dx - (img.x ?? 0) * sx, dy - (img.y ?? 0) * sy]);
  } else {
    // Image space has its first row at the top of the unit square; user space here runs downwards.
    canvas.transform([dw, 0, 0, -dh, dx, dy + dh]);
  }
  canvas.op(`${canvas.name('XObject', img.ref)} Do`);
  canvas.Q();
}

function aspect(value: string | undefined): [string, boolean] {
  const parts = (value ?? 'xMidYMid meet').trim().split(/\s+/);
  return [parts[0] ?? 'xMidYMid', parts[1] === 'slice'];
}

function offset(align: string, axis: 'x' | 'y', free: number): number {
  const key = axis === 'x' ? align.slice(0, 4) : align.slice(4);
  if (/Min$/.test(key)) return 0;
  if (/Max$/.test(key)) return free;
  return free / 2;
}

function loadImage(env: Env, href: string): Promise<PlacedImage | undefined> {
  const cache = env.vdoc.images;
  let p = cache.get(href);
  if (!p) {
    p = decode(env, href);
    cache.set(href, p);
  }
  return p;
}

async function decode(env: Env, href: string): Promise<PlacedImage | undefined> {
  const m = /^data:([^;,]+)((?:;[^;,]*)*),(.*)$/s.exec(href);
  if (!m) return undefined; // satori inlines every image; anything else was never drawn on the PNG either
  const mime = m[1]!.toLowerCase();
  const base64 = /;base64/i.test(m[2]!);
  const bytes = base64 ? Buffer.from(m[3]!, 'base64') : Buffer.from(decodeURIComponent(m[3]!), 'utf8');
  if (mime === 'image/svg+xml') return svgForm(env, bytes.toString('utf8'));
  if (!mime.startsWith('image/')) return undefined;
  return embedRaster(env.vdoc.pdf, bytes);
}

/** An SVG image as a vector form XObject in its viewBox coordinates. */
async function svgForm(env: Env, source: string): Promise<PlacedImage> {
  const doc = parseSvg(source);
  const root = doc.root;
  const vb = (root.attribs.viewBox ?? '').trim().split(/[\s,]+/).map(Number);
  const [x, y, width, height] = vb.length === 4 && vb.every(Number.isFinite) ? vb : [0, 0, num(root, 'width'), num(root, 'height')];
  if (!(width! > 0 && height! > 0)) throw new Unsupported('an SVG image without a size');
  const box = { x: x!, y: y!, w: width!, h: height! };
  const canvas = new Canvas();
  // Clip to the viewBox, as a nested SVG viewport does.
  canvas.rect(box.x, box.y, box.w, box.h);
  canvas.op('W n');
  await drawChildren(root, canvas, { doc, vdoc: env.vdoc, style: {}, alpha: 1, box });
  return { ref: formXObject(env.vdoc.pdf, canvas, box), width: box.w, height: box.h, x: box.x, y: box.y, svg: true };
}
