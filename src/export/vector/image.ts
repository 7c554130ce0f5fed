// <image> → an image XObject placed like SVG places it (preserveAspectRatio meet/slice/none).
// Rasters are embedded once per document (an avatar on every card is stored once); SVG images
// (Twemoji, template art) are translated into vector form XObjects. An emoji is also text: its
// picture is marked with /ActualText around an invisible glyph, so copying and searching the PDF
// find "🚀" where the picture is (poppler's pdftotext, Acrobat, pdf.js read ActualText).
import { Canvas, n } from './canvas.ts';
import type { PlacedImage } from './doc-context.ts';
import type { DrawChildren, Env } from './env.ts';
import { formXObject } from './form.ts';
import { embedRaster } from './raster.ts';
import { num, parseSvg, type Element } from './svg-dom.ts';
import { Unsupported } from './unsupported.ts';

/** `drawChildren` draws an SVG image's content (draw.ts passes itself: the two recurse into each other). */
export async function drawImage(el: Element, canvas: Canvas, env: Env, drawChildren: DrawChildren): Promise<void> {
  const href = el.attribs.href ?? el.attribs['xlink:href'];
  const w = num(el, 'width');
  const h = num(el, 'height');
  if (!href || w <= 0 || h <= 0) return;
  const img = await loadImage(env, href, drawChildren);
  if (!img || img.width <= 0 || img.height <= 0) return;
  const emoji = env.vdoc.emoji.get(href);
  if (emoji) {
    canvas.op(`/Span <</ActualText ${utf16Hex(emoji)}>> BDC`);
    await emojiText(emoji, num(el, 'x'), num(el, 'y'), w, h, canvas, env);
  }
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
  if (emoji) canvas.op('EMC');
}

/** The emoji as text: an invisible glyph over the picture (text needs a glyph), replaced by ActualText. */
async function emojiText(text: string, x: number, y: number, w: number, h: number, canvas: Canvas, env: Env): Promise<void> {
  const fonts = env.vdoc.fonts;
  const [seg] = await fonts.segments({ text: ' ', x, y, width: w, height: h, fontSize: h, family: '', weight: 400, italic: false });
  if (!seg) return;
  const shaped = fonts.shape(seg.font, seg.text);
  canvas.op('BT');
  canvas.textState(canvas.name('Font', seg.font.ref), h, 0, 100);
  canvas.textRender(3);
  // y runs down here: the glyph's baseline near the bottom of the picture, stretched to its width.
  const scale = shaped.em > 0 ? w / (shaped.em * h) : 1;
  canvas.op(`${n(scale)} 0 0 -1 ${n(x)} ${n(y + h * 0.8)} Tm`);
  canvas.op(shaped.tj);
  canvas.op('ET');
}

/** A PDF text string in UTF-16BE with its byte-order mark, as hex. */
function utf16Hex(text: string): string {
  let hex = 'FEFF';
  for (let i = 0; i < text.length; i++) hex += text.charCodeAt(i).toString(16).padStart(4, '0').toUpperCase();
  return `<${hex}>`;
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

function loadImage(env: Env, href: string, drawChildren: DrawChildren): Promise<PlacedImage | undefined> {
  const cache = env.vdoc.images;
  let p = cache.get(href);
  if (!p) {
    p = decode(env, href, drawChildren);
    cache.set(href, p);
  }
  return p;
}

async function decode(env: Env, href: string, drawChildren: DrawChildren): Promise<PlacedImage | undefined> {
  const m = /^data:([^;,]+)((?:;[^;,]*)*),(.*)$/s.exec(href);
  if (!m) return undefined; // satori inlines every image; anything else was never drawn on the PNG either
  const mime = m[1]!.toLowerCase();
  const base64 = /;base64/i.test(m[2]!);
  const bytes = base64 ? Buffer.from(m[3]!, 'base64') : Buffer.from(decodeURIComponent(m[3]!), 'utf8');
  if (mime === 'image/svg+xml') return svgForm(env, bytes.toString('utf8'), drawChildren);
  if (!mime.startsWith('image/')) return undefined;
  return embedRaster(env.vdoc.pdf, bytes);
}

/** An SVG image as a vector form XObject in its viewBox coordinates. */
async function svgForm(env: Env, source: string, drawChildren: DrawChildren): Promise<PlacedImage> {
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
