// SVG basic shapes (rect with rounded corners, circle, ellipse, line, polyline, polygon, path) as
// path data, and their bounding boxes (for gradients and patterns in objectBoundingBox units).
import svgpath from 'svgpath';
import { num, type Element } from './svg-dom.ts';

export interface Box {
  x: number;
  y: number;
  w: number;
  h: number;
}

export function shapePath(el: Element): string | undefined {
  switch (el.name) {
    case 'rect': {
      const w = num(el, 'width');
      const h = num(el, 'height');
      if (w <= 0 || h <= 0) return undefined;
      const x = num(el, 'x');
      const y = num(el, 'y');
      let rx = num(el, 'rx', Number.NaN);
      let ry = num(el, 'ry', Number.NaN);
      if (Number.isNaN(rx)) rx = Number.isNaN(ry) ? 0 : ry;
      if (Number.isNaN(ry)) ry = rx;
      rx = Math.min(rx, w / 2);
      ry = Math.min(ry, h / 2);
      if (rx <= 0 || ry <= 0) return `M${x},${y} H${x + w} V${y + h} H${x} Z`;
      return `M${x + rx},${y} H${x + w - rx} A${rx},${ry} 0 0 1 ${x + w},${y + ry} V${y + h - ry} A${rx},${ry} 0 0 1 ${x + w - rx},${y + h} H${x + rx} A${rx},${ry} 0 0 1 ${x},${y + h - ry} V${y + ry} A${rx},${ry} 0 0 1 ${x + rx},${y} Z`;
    }
    case 'circle':
    case 'ellipse': {
      const cx = num(el, 'cx');
      const cy = num(el, 'cy');
      const rx = el.name === 'circle' ? num(el, 'r') : num(el, 'rx');
      const ry = el.name === 'circle' ? rx : num(el, 'ry');
      if (rx <= 0 || ry <= 0) return undefined;
      return `M${cx - rx},${cy} A${rx},${ry} 0 1 0 ${cx + rx},${cy} A${rx},${ry} 0 1 0 ${cx - rx},${cy} Z`;
    }
    case 'line':
      return `M${num(el, 'x1')},${num(el, 'y1')} L${num(el, 'x2')},${num(el, 'y2')}`;
    case 'polyline':
    case 'polygon': {
      const pts = (el.attribs.points ?? '').trim().split(/[\s,]+/).map(Number);
      if (pts.length < 4 || pts.some((p) => !Number.isFinite(p))) return undefined;
      let d = `M${pts[0]},${pts[1]}`;
      for (let i = 2; i + 1 < pts.length; i += 2) d += ` L${pts[i]},${pts[i + 1]}`;
      return el.name === 'polygon' ? `${d} Z` : d;
    }
    case 'path':
      return el.attribs.d || undefined;
    default:
      return undefined;
  }
}

/** The element's box: satori writes x/y/width/height on every shape; otherwise from the path's points. */
export function boundingBox(el: Element): Box | undefined {
  if (el.attribs.width !== undefined && el.attribs.height !== undefined && el.name !== 'path') {
    return { x: num(el, 'x'), y: num(el, 'y'), w: num(el, 'width'), h: num(el, 'height') };
  }
  if (el.name === 'path' && el.attribs.x !== undefined && el.attribs.width !== undefined) {
    return { x: num(el, 'x'), y: num(el, 'y'), w: num(el, 'width'), h: num(el, 'height') };
  }
  const d = shapePath(el);
  if (!d) return undefined;
  let [x0, y0, x1, y1] = [Infinity, Infinity, -Infinity, -Infinity];
  svgpath(d)
    .abs()
    .unarc()
    .unshort()
    .iterate((seg, _i, x, y) => {
      const v = (seg as unknown as number[]).slice(1);
      const pts: Array<[number, number]> = [[x, y]];
      for (let i = 0; i + 1 < v.length; i += 2) pts.push([v[i]!, v[i + 1]!]);
      for (const [px, py] of pts) {
        x0 = Math.min(x0, px);
        y0 = Math.min(y0, py);
        x1 = Math.max(x1, px);
        y1 = Math.max(y1, py);
      }
    });
  return Number.isFinite(x0) ? { x: x0, y: y0, w: x1 - x0, h: y1 - y0 } : undefined;
}
