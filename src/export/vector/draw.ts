// The translator: satori's SVG elements → PDF operators on a canvas. Handles groups, transforms,
// opacity, clip paths, masks (simple ones as clips, the rest as luminosity soft masks), unblurred
// flood filters (satori's hard shadows), shapes with colour/gradient/pattern fills and strokes;
// text and images have their own modules. Anything else throws Unsupported (drawn as an image).
import { Canvas, parseTransform } from './canvas.ts';
import { parseColor, type Rgba } from './color.ts';
import type { Env } from './env.ts';
import { formXObject } from './form.ts';
import { drawImage } from './image.ts';
import { gradientShading } from './paint.ts';
import { boundingBox } from './shapes.ts';
import { inherit } from './style.ts';
import { DEFINITIONS, elements, num, refTarget, type Element } from './svg-dom.ts';
import { drawTextChain, textChains } from './text.ts';
import { Unsupported } from './unsupported.ts';

export async function drawChildren(parent: Element, canvas: Canvas, env: Env): Promise<void> {
  for (const chain of textChains(elements(parent))) await drawElement(chain[0]!, canvas, env, chain);
}

/** Draws an element; `chain`: the line of <text> siblings it starts (see textChains), drawn together. */
export async function drawElement(el: Element, canvas: Canvas, env: Env, chain: readonly Element[] = [el]): Promise<void> {
  if (DEFINITIONS.has(el.name)) return;
  if (el.attribs.display === 'none' || el.attribs.visibility === 'hidden') return;
  const opacity = Math.min(1, Math.max(0, num(el, 'opacity', 1)));
  if (opacity <= 0) return;
  const local: Env = { ...env, style: inherit(env.style, el) };
  canvas.q();
  const t = parseTransform(el.attribs.transform);
  if (t) canvas.transform(t);
  const clip = refTarget(env.doc, el.attribs['clip-path']);
  if (clip) applyClip(clip, canvas, local);
  const filter = refTarget(env.doc, el.attribs.filter);
  if (filter) local.flood = floodColor(filter);
  const mask = refTarget(env.doc, el.attribs.mask);
  const paint = (c: Canvas, e: Env) => (el.name === 'text' ? drawTextChain(chain, c, e) : drawOwn(el, c, e));
  if (mask && !clipForMask(mask, canvas, local)) await drawSoftMasked(mask, canvas, local, opacity, paint);
  else if (opacity < 1 && el.name === 'g' && elements(el).length > 1) await drawGroup(canvas, local, opacity, paint);
  else await paint(canvas, { ...local, alpha: local.alpha * opacity });
  canvas.Q();
}

async function drawOwn(el: Element, canvas: Canvas, env: Env): Promise<void> {
  switch (el.name) {
    case 'g':
    case 'svg':
    case 'a':
    case 'switch':
      return drawChildren(el, canvas, env);
    case 'rect':
    case 'path':
    case 'circle':
    case 'ellipse':
    case 'line':
    case 'polyline':
    case 'polygon':
      return drawShape(el, canvas, env);
    case 'text':
      return drawTextChain([el], canvas, env);
    case 'image':
      return drawImage(el, canvas, env, drawChildren);
    default:
      throw new Unsupported(`<${el.name}>`);
  }
}

/** Draws into a transparency group, then paints the group with the given opacity. */
async function drawGroup(canvas: Canvas, env: Env, opacity: number, paint: (c: Canvas, e: Env) => Promise<void>): Promise<void> {
  const inner = new Canvas();
  await paint(inner, { ...env, alpha: 1 });
  const ref = formXObject(env.vdoc.pdf, inner, env.box);
  canvas.graphicsState(canvas.name('ExtGState', env.vdoc.alpha(env.alpha * opacity)));
  canvas.op(`${canvas.name('XObject', ref)} Do`);
}

// ---- clipping and masks ----

function applyClip(clip: Element, canvas: Canvas, env: Env): void {
  const outer = refTarget(env.doc, clip.attribs['clip-path']);
  if (outer && outer !== clip) applyClip(outer, canvas, env);
  if (clip.attribs.clipPathUnits === 'objectBoundingBox') throw new Unsupported('a clip path in bounding-box units');
  let any = false;
  let evenOdd = false;
  for (const child of elements(clip)) {
    if (DEFINITIONS.has(child.name)) continue;
    if (child.attribs['clip-path']) throw new Unsupported('a clip path inside a clip path');
    if (child.name === 'text' || child.name === 'use' || child.name === 'g') throw new Unsupported(`a <${child.name}> clip path`);
    any = canvas.shape(child, parseTransform(child.attribs.transform)) || any;
    evenOdd ||= (child.attribs['clip-rule'] ?? clip.attribs['clip-rule']) === 'evenodd';
  }
  if (!any) canvas.rect(0, 0, 0, 0);
  canvas.op(evenOdd ? 'W* n' : 'W n');
}

/** satori's overflow masks are one opaque white rectangle (perhaps masked in turn): a clip does it exactly. */
function clipForMask(mask: Element, canvas: Canvas, env: Env): boolean {
  const kids = elements(mask);
  const rect = kids[0];
  if (kids.length !== 1 || rect?.name !== 'rect' || rect.attribs.transform || rect.attribs['clip-path'] || rect.attribs.filter) return false;
  const fill = parseColor(rect.attribs.fill ?? 'black');
  if (!fill || fill.r < 1 || fill.g < 1 || fill.b < 1 || fill.a < 1) return false;
  if (num(rect, 'opacity', 1) < 1 || num(rect, 'fill-opacity', 1) < 1) return false;
  const inner = refTarget(env.doc, rect.attribs.mask);
  if (inner && !clipForMask(inner, canvas, env)) return false;
  if (!canvas.shape(rect)) canvas.rect(0, 0, 0, 0);
  canvas.op('W n');
  return true;
}

/** A general mask: its content, drawn as a luminosity soft mask, over the element drawn as a group. */
async function drawSoftMasked(mask: Element, canvas: Canvas, env: Env, opacity: number, paint: (c: Canvas, e: Env) => Promise<void>): Promise<void> {
  if (mask.attribs.maskContentUnits === 'objectBoundingBox') throw new Unsupported('a mask in bounding-box units');
  const content = new Canvas();
  await drawChildren(mask, content, { ...env, style: {}, alpha: 1, flood: undefined });
  const group = formXObject(env.vdoc.pdf, content, env.box);
  const smask = env.vdoc.gstate({ SMask: { Type: 'Mask', S: 'Luminosity', G: group } }, `smask ${group.toString()}`);
  canvas.op(`${canvas.name('ExtGState', smask)} gs`);
  await drawGroup(canvas, env, opacity, paint);
}

/** satori's box-shadow without blur: blur 0, flood colour, composited into the shape. A real blur is not vector. */
function floodColor(filter: Element): Rgba {
  const steps = elements(filter);
  const names = steps.map((s) => s.name).join(' ');
  const blur = steps.find((s) => s.name === 'feGaussianBlur');
  const flood = steps.find((s) => s.name === 'feFlood');
  const composite = steps.find((s) => s.name === 'feComposite');
  if (blur && Number.parseFloat(blur.attribs.stdDeviation ?? '0') > 0) throw new Unsupported('a blurred shadow (filter)');
  if (!flood || !composite || composite.attribs.operator !== 'in' || steps.length > 3 || (blur === undefined && steps.length > 2)) {
    throw new Unsupported(`a filter (${names})`);
  }
  const color = parseColor(flood.attribs['flood-color'] ?? 'black');
  if (!color) throw new Unsupported('a filter colour');
  return { ...color, a: color.a * num(flood, 'flood-opacity', 1) };
}

// ---- shapes ----

type PaintSpec = { kind: 'color'; color: Rgba } | { kind: 'server'; target: Element } | null;

function paintOf(value: string | undefined, fallback: string, env: Env, opacity: number): PaintSpec {
  const v = value ?? fallback;
  if (v.trim() === 'none') return null;
  if (env.flood) return { kind: 'color', color: { ...env.flood, a: env.flood.a * opacity } };
  const target = refTarget(env.doc, v);
  if (target) return { kind: 'server', target };
  if (/^\s*url\(/.test(v)) return null; // a broken reference paints nothing
  const color = parseColor(v);
  if (color === undefined) throw new Unsupported(`the paint "${v}"`);
  if (color === null) return null;
  return { kind: 'color', color: { ...color, a: color.a * opacity } };
}

async function drawShape(el: Element, canvas: Canvas, env: Env): Promise<void> {
  const st = env.style;
  const fill = paintOf(st.fill, 'black', env, Number.parseFloat(st['fill-opacity'] ?? '1'));
  const strokeWidth = Number.parseFloat(st['stroke-width'] ?? '1');
  const stroke = strokeWidth > 0 ? paintOf(st.stroke, 'none', env, Number.parseFloat(st['stroke-opacity'] ?? '1')) : null;
  if (!fill && !stroke) return;
  if (stroke?.kind === 'server') throw new Unsupported('a stroke painted with a gradient or pattern');
  const evenOdd = st['fill-rule'] === 'evenodd';
  if (fill?.kind === 'server') {
    canvas.q();
    if (canvas.shape(el)) {
      canvas.op(evenOdd ? 'W* n' : 'W n');
      await paintServer(fill.target, el, canvas, env, env.alpha * Number.parseFloat(st['fill-opacity'] ?? '1'));
    }
    canvas.Q();
  }
  const fillColor = fill?.kind === 'color' && fill.color.a > 0 ? fill.color : undefined;
  const strokeColor = stroke?.kind === 'color' && stroke.color.a > 0 ? stroke.color : undefined;
  if (!fillColor && !strokeColor) return;
  if (fillColor) canvas.fillColor(fillColor.r, fillColor.g, fillColor.b);
  if (strokeColor) {
    canvas.strokeColor(strokeColor.r, strokeColor.g, strokeColor.b);
    strokeStyle(canvas, st, strokeWidth);
  }
  canvas.graphicsState(canvas.name('ExtGState', env.vdoc.alpha(env.alpha * (fillColor?.a ?? 1), env.alpha * (strokeColor?.a ?? 1))));
  if (!canvas.shape(el)) return;
  if (fillColor && strokeColor) canvas.op(evenOdd ? 'B*' : 'B');
  else if (fillColor) canvas.op(evenOdd ? 'f*' : 'f');
  else canvas.op('S');
}

function strokeStyle(canvas: Canvas, st: Env['style'], width: number): void {
  canvas.op(`${+width.toFixed(3)} w`);
  const cap = { butt: 0, round: 1, square: 2 }[st['stroke-linecap'] ?? 'butt'] ?? 0;
  const join = { miter: 0, round: 1, bevel: 2 }[st['stroke-linejoin'] ?? 'miter'] ?? 0;
  if (cap) canvas.op(`${cap} J`);
  if (join) canvas.op(`${join} j`);
  const miter = Number.parseFloat(st['stroke-miterlimit'] ?? '4');
  if (miter !== 10 && miter >= 1) canvas.op(`${miter} M`);
  const dash = (st['stroke-dasharray'] ?? 'none').trim();
  if (dash !== 'none' && dash) {
    let parts = dash.split(/[\s,]+/).map(Number.parseFloat).filter((v) => Number.isFinite(v) && v >= 0);
    if (parts.length % 2) parts = [...parts, ...parts];
    if (parts.some((v) => v > 0)) canvas.op(`[${parts.map((v) => +v.toFixed(3)).join(' ')}] ${+Number.parseFloat(st['stroke-dashoffset'] ?? '0').toFixed(3)} d`);
  }
}

/** Fills the current clip (the shape) with a gradient or a pattern. */
async function paintServer(target: Element, el: Element, canvas: Canvas, env: Env, alpha: number): Promise<void> {
  if (target.name === 'linearGradient' || target.name === 'radialGradient') {
    const shading = gradientShading(env.doc, env.vdoc, target);
    const box = shading.objectBoundingBox ? boundingBox(el) : undefined;
    if (shading.objectBoundingBox && (!box || box.w <= 0 || box.h <= 0)) return;
    const place = (c: Canvas) => {
      if (box) c.transform([box.w, 0, 0, box.h, box.x, box.y]);
      if (shading.transform) c.transform(shading.transform);
    };
    if (shading.alpha) {
      // Transparent stops: the alphas, as the same gradient in gray, are the luminosity soft mask.
      const mask = new Canvas();
      place(mask);
      mask.op(`${mask.name('Shading', shading.alpha)} sh`);
      const group = formXObject(env.vdoc.pdf, mask, env.box);
      canvas.op(`${canvas.name('ExtGState', env.vdoc.gstate({ SMask: { Type: 'Mask', S: 'Luminosity', G: group } }, `smask ${group.toString()}`))} gs`);
    }
    canvas.graphicsState(canvas.name('ExtGState', env.vdoc.alpha(alpha)));
    place(canvas);
    canvas.op(`${canvas.name('Shading', shading.ref)} sh`);
    return;
  }
  if (target.name === 'pattern') return drawPattern(target, el, canvas, env, alpha);
  throw new Unsupported(`a <${target.name}> paint`);
}

/** satori's background images: a pattern tile (usually one) holding a gradient rect or an image. */
async function drawPattern(pattern: Element, el: Element, canvas: Canvas, env: Env, alpha: number): Promise<void> {
  if (pattern.attribs.patternContentUnits === 'objectBoundingBox' || pattern.attribs.viewBox || pattern.attribs.href) {
    throw new Unsupported('a pattern in bounding-box units');
  }
  const box = boundingBox(el);
  if (!box || box.w <= 0 || box.h <= 0) return;
  const bbox = pattern.attribs.patternUnits !== 'userSpaceOnUse';
  const px = bbox ? box.x + num(pattern, 'x') * box.w : num(pattern, 'x');
  const py = bbox ? box.y + num(pattern, 'y') * box.h : num(pattern, 'y');
  const pw = bbox ? num(pattern, 'width') * box.w : num(pattern, 'width');
  const ph = bbox ? num(pattern, 'height') * box.h : num(pattern, 'height');
  if (pw <= 0 || ph <= 0) return;
  const i0 = Math.floor((box.x - px) / pw + 1e-6);
  const i1 = Math.ceil((box.x + box.w - px) / pw - 1e-6);
  const j0 = Math.floor((box.y - py) / ph + 1e-6);
  const j1 = Math.ceil((box.y + box.h - py) / ph - 1e-6);
  if ((i1 - i0) * (j1 - j0) > 400) throw new Unsupported('a finely repeated background');
  const transform = parseTransform(pattern.attribs.patternTransform);
  for (let j = j0; j < j1; j++) {
    for (let i = i0; i < i1; i++) {
      canvas.q();
      if (transform) canvas.transform(transform);
      canvas.rect(px + i * pw, py + j * ph, pw, ph);
      canvas.op('W n');
      canvas.transform([1, 0, 0, 1, px + i * pw, py + j * ph]);
      await drawChildren(pattern, canvas, { ...env, style: {}, alpha, flood: undefined });
      canvas.Q();
    }
  }
}
