// SVG gradients → PDF shadings (axial for linear, radial for radial) with a stitching function
// over the colour stops; one shading object per distinct gradient in the document.
import type { PDFRef } from 'pdf-lib';
import { parseColor } from './color.ts';
import type { VectorDoc } from './doc-context.ts';
import { elements, length, outerSvg, type Element, type SvgDoc } from './svg-dom.ts';
import { parseTransform, type Matrix } from './canvas.ts';
import { Unsupported } from './unsupported.ts';

export interface Shading {
  ref: PDFRef;
  /** Stops with transparency: the same gradient of their alphas (DeviceGray), for a soft mask. */
  alpha?: PDFRef;
  /** Coordinates are fractions of the painted element's bounding box. */
  objectBoundingBox: boolean;
  transform?: Matrix;
}

interface Stop {
  offset: number;
  rgb: [number, number, number];
  alpha: number;
}

export function gradientShading(doc: SvgDoc, vdoc: VectorDoc, grad: Element): Shading {
  const objectBoundingBox = grad.attribs.gradientUnits !== 'userSpaceOnUse';
  const spread = grad.attribs.spreadMethod ?? 'pad';
  if (spread !== 'pad') throw new Unsupported(`a ${spread}ed gradient`);
  if (grad.attribs.href || grad.attribs['xlink:href']) throw new Unsupported('a gradient that inherits another');
  const transform = parseTransform(grad.attribs.gradientTransform);
  const key = outerSvg(doc, grad).replace(/\sid="[^"]*"/, '');
  let ref = vdoc.shadings.get(key);
  let alpha = vdoc.shadings.get(`alpha ${key}`);
  if (!ref) {
    const stops = readStops(grad);
    const ctx = vdoc.pdf.context;
    const unit = objectBoundingBox ? 1 : 0;
    let geometry: Record<string, unknown>;
    if (grad.name === 'linearGradient') {
      const coords = [length(grad, 'x1', 0, unit || 1), length(grad, 'y1', 0, unit || 1), length(grad, 'x2', unit ? 1 : 0, unit || 1), length(grad, 'y2', 0, unit || 1)];
      geometry = { ShadingType: 2, Coords: coords, Extend: [true, true] };
    } else {
      const cx = length(grad, 'cx', 0.5, 1);
      const cy = length(grad, 'cy', 0.5, 1);
      const r = length(grad, 'r', 0.5, 1);
      const fx = length(grad, 'fx', cx, 1);
      const fy = length(grad, 'fy', cy, 1);
      geometry = { ShadingType: 3, Coords: [fx, fy, 0, cx, cy, r], Extend: [true, true] };
    }
    const shading = (colorSpace: string, values: (s: Stop) => number[]) =>
      ctx.register(ctx.obj({ ...geometry, ColorSpace: colorSpace, Function: stitch(stops, values) } as never));
    ref = shading('DeviceRGB', (s) => s.rgb);
    vdoc.shadings.set(key, ref);
    if (stops.some((s) => s.alpha < 0.999)) {
      alpha = shading('DeviceGray', (s) => [s.alpha]);
      vdoc.shadings.set(`alpha ${key}`, alpha);
    }
  }
  return { ref, alpha, objectBoundingBox, transform };
}

function readStops(grad: Element): Stop[] {
  const stops: Stop[] = [];
  let last = 0;
  for (const s of elements(grad).filter((e) => e.name === 'stop')) {
    const style = styleMap(s.attribs.style);
    const color = parseColor(style['stop-color'] ?? s.attribs['stop-color'] ?? 'black');
    const opacity = Number.parseFloat(style['stop-opacity'] ?? s.attribs['stop-opacity'] ?? '1');
    if (!color) throw new Unsupported('a gradient stop colour');
    const offset = Math.max(last, Math.min(1, Math.max(0, length(s, 'offset', 0, 1))));
    last = offset;
    stops.push({ offset, rgb: [color.r, color.g, color.b], alpha: color.a * (Number.isFinite(opacity) ? Math.min(1, Math.max(0, opacity)) : 1) });
  }
  if (!stops.length) throw new Unsupported('a gradient without stops');
  if (stops[0]!.offset > 0) stops.unshift({ ...stops[0]!, offset: 0 });
  if (stops[stops.length - 1]!.offset < 1) stops.push({ ...stops[stops.length - 1]!, offset: 1 });
  return stops;
}

/** A type 2 function per pair of stops, stitched (type 3) over 0..1. */
function stitch(stops: Stop[], values: (s: Stop) => number[]): unknown {
  const r = (v: number) => Math.round(v * 10000) / 10000;
  const pair = (a: Stop, b: Stop) => ({ FunctionType: 2, Domain: [0, 1], C0: values(a).map(r), C1: values(b).map(r), N: 1 });
  if (stops.length === 2) return pair(stops[0]!, stops[1]!);
  const functions = [];
  const bounds: number[] = [];
  const encode: number[] = [];
  for (let i = 0; i + 1 < stops.length; i++) {
    functions.push(pair(stops[i]!, stops[i + 1]!));
    encode.push(0, 1);
    if (i > 0) bounds.push(r(stops[i]!.offset));
  }
  return { FunctionType: 3, Domain: [0, 1], Functions: functions, Bounds: bounds, Encode: encode };
}

/** `a: b; c: d` → { a: 'b', c: 'd' }. */
export function styleMap(style: string | undefined): Record<string, string> {
  const out: Record<string, string> = {};
  if (!style) return out;
  for (const decl of style.split(';')) {
    const i = decl.indexOf(':');
    if (i > 0) out[decl.slice(0, i).trim()] = decl.slice(i + 1).trim();
  }
  return out;
}
