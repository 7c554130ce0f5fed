// A PDF content stream being written: operators as text, plus the resources (fonts, images,
// graphics states, shadings) it names. Coordinates are SVG user units; the page flips y once.
import { PDFName, type PDFDict, type PDFDocument, type PDFRef } from 'pdf-lib';
import svgpath from 'svgpath';
import { num, type Element } from './svg-dom.ts';
import { shapePath } from './shapes.ts';

export type Matrix = [number, number, number, number, number, number];

type ResourceKind = 'Font' | 'XObject' | 'ExtGState' | 'Shading';
const PREFIX: Record<ResourceKind, string> = { Font: 'F', XObject: 'X', ExtGState: 'G', Shading: 'S' };

/** Numbers as PDF wants them: no exponent, at most 3 decimals, no "-0". */
export function n(v: number): string {
  if (!Number.isFinite(v)) return '0';
  const r = Math.round(v * 1000) / 1000;
  return Object.is(r, -0) || r === 0 ? '0' : String(r);
}

/** Graphics state this canvas has set, so repeated colours, fonts and alphas are written once. */
interface State {
  fill: string;
  stroke: string;
  gs: string;
  font: string;
  tc: number;
  tz: number;
  tr: string;
}

const INITIAL: State = { fill: '0 0 0 rg', stroke: '0 0 0 RG', gs: '', font: '', tc: 0, tz: 100, tr: '0 Tr' };

export interface Mark {
  ops: number;
  depth: number;
  state: State;
}

export class Canvas {
  readonly ops: string[] = [];
  private state: State = { ...INITIAL };
  private readonly stack: State[] = [];

  q(): void {
    this.ops.push('q');
    this.stack.push({ ...this.state });
  }

  Q(): void {
    this.ops.push('Q');
    this.state = this.stack.pop() ?? { ...INITIAL };
  }

  /** Where the stream is now, to roll back an element that turned out not drawable. */
  mark(): Mark {
    return { ops: this.ops.length, depth: this.stack.length, state: { ...this.state } };
  }

  rollback(m: Mark): void {
    this.ops.length = m.ops;
    this.stack.length = m.depth;
    this.state = m.state;
  }

  fillColor(r: number, g: number, b: number): void {
    const op = `${n(r)} ${n(g)} ${n(b)} rg`;
    if (op !== this.state.fill) this.ops.push((this.state.fill = op));
  }

  strokeColor(r: number, g: number, b: number): void {
    const op = `${n(r)} ${n(g)} ${n(b)} RG`;
    if (op !== this.state.stroke) this.ops.push((this.state.stroke = op));
  }

  /** Sets a graphics state (by resource name) unless it is the current one. */
  graphicsState(name: string): void {
    if (name !== this.state.gs) this.ops.push(`${(this.state.gs = name)} gs`);
  }

  /** Text rendering mode (0 fill, 2 fill and stroke with the given line width, 3 invisible). */
  textRender(mode: 0 | 2 | 3, lineWidth = 0): void {
    const op = mode === 2 ? `${n(lineWidth)} w 2 Tr` : `${mode} Tr`;
    if (op !== this.state.tr) this.ops.push((this.state.tr = op));
  }

  /** Text state inside BT…ET: font and size, character spacing, horizontal scaling. */
  textState(font: string, size: number, tc: number, tz: number): void {
    const tf = `${font} ${n(size)} Tf`;
    if (tf !== this.state.font) this.ops.push((this.state.font = tf));
    if (n(tc) !== n(this.state.tc)) this.ops.push(`${n((this.state.tc = tc))} Tc`);
    if (n(tz) !== n(this.state.tz)) this.ops.push(`${n((this.state.tz = tz))} Tz`);
  }
  private readonly names: Record<ResourceKind, Map<string, [string, PDFRef]>> = {
    Font: new Map(),
    XObject: new Map(),
    ExtGState: new Map(),
    Shading: new Map(),
  };

  op(line: string): void {
    this.ops.push(line);
  }

  /** The resource name for an object (one name per object per stream). */
  name(kind: ResourceKind, ref: PDFRef): string {
    const map = this.names[kind];
    const key = ref.toString();
    let entry = map.get(key);
    if (!entry) map.set(key, (entry = [`${PREFIX[kind]}${map.size + 1}`, ref]));
    return `/${entry[0]}`;
  }

  transform(m: Matrix): void {
    if (m[0] === 1 && m[1] === 0 && m[2] === 0 && m[3] === 1 && m[4] === 0 && m[5] === 0) return;
    this.op(`${m.map(n).join(' ')} cm`);
  }

  /** The outline of a basic shape element as a path (optionally transformed); false when it has none. */
  shape(el: Element, m?: Matrix): boolean {
    if (!m && el.name === 'rect' && !el.attribs.rx && !el.attribs.ry) {
      const w = num(el, 'width');
      const h = num(el, 'height');
      if (w <= 0 || h <= 0) return false;
      this.rect(num(el, 'x'), num(el, 'y'), w, h);
      return true;
    }
    const d = shapePath(el);
    return d ? this.path(d, m) : false;
  }

  /** Appends a path (no painting operator). */
  path(d: string, m?: Matrix): boolean {
    let any = false;
    let cx = 0;
    let cy = 0;
    let sx = 0;
    let sy = 0;
    let p = svgpath(d);
    if (m) p = p.matrix(m);
    p.abs()
      .unarc()
      .unshort()
      .iterate((seg) => {
        const s = seg as unknown as (string | number)[];
        const c = s[0] as string;
        const v = s.slice(1) as number[];
        switch (c) {
          case 'M': this.op(`${n(v[0]!)} ${n(v[1]!)} m`); [cx, cy, sx, sy] = [v[0]!, v[1]!, v[0]!, v[1]!]; any = true; break;
          case 'L': this.op(`${n(v[0]!)} ${n(v[1]!)} l`); [cx, cy] = [v[0]!, v[1]!]; break;
          case 'H': this.op(`${n(v[0]!)} ${n(cy)} l`); cx = v[0]!; break;
          case 'V': this.op(`${n(cx)} ${n(v[0]!)} l`); cy = v[0]!; break;
          case 'C': this.op(`${v.map(n).join(' ')} c`); [cx, cy] = [v[4]!, v[5]!]; break;
          case 'Q': {
            // Quadratic → cubic: control points at 2/3 towards the quadratic one.
            const [qx, qy, x, y] = v as [number, number, number, number];
            this.op(`${n(cx + (2 / 3) * (qx - cx))} ${n(cy + (2 / 3) * (qy - cy))} ${n(x + (2 / 3) * (qx - x))} ${n(y + (2 / 3) * (qy - y))} ${n(x)} ${n(y)} c`);
            [cx, cy] = [x, y];
            break;
          }
          case 'Z': case 'z': this.op('h'); [cx, cy] = [sx, sy]; break;
        }
      });
    return any;
  }

  rect(x: number, y: number, w: number, h: number): void {
    this.op(`${n(x)} ${n(y)} ${n(w)} ${n(h)} re`);
  }

  /** The /Resources dictionary for what this stream names. */
  resources(pdf: PDFDocument): PDFDict {
    const dict = pdf.context.obj({});
    for (const kind of Object.keys(this.names) as ResourceKind[]) {
      const map = this.names[kind];
      if (!map.size) continue;
      const sub = pdf.context.obj({});
      for (const [name, ref] of map.values()) sub.set(PDFName.of(name), ref);
      dict.set(PDFName.of(kind), sub);
    }
    return dict;
  }

  content(): string {
    return this.ops.join('\n');
  }
}

/** `transform="…"` → a matrix (SVG order: a b c d e f). */
export function parseTransform(value: string | undefined): Matrix | undefined {
  if (!value) return undefined;
  let m: Matrix = [1, 0, 0, 1, 0, 0];
  for (const [, fn, args] of value.matchAll(/(matrix|translate|scale|rotate|skewX|skewY)\s*\(([^)]*)\)/g)) {
    const a = args!.split(/[\s,]+/).filter(Boolean).map(Number);
    let t: Matrix;
    switch (fn) {
      case 'matrix': t = [a[0] ?? 1, a[1] ?? 0, a[2] ?? 0, a[3] ?? 1, a[4] ?? 0, a[5] ?? 0]; break;
      case 'translate': t = [1, 0, 0, 1, a[0] ?? 0, a[1] ?? 0]; break;
      case 'scale': t = [a[0] ?? 1, 0, 0, a[1] ?? a[0] ?? 1, 0, 0]; break;
      case 'rotate': {
        const r = ((a[0] ?? 0) * Math.PI) / 180;
        const [cx, cy] = [a[1] ?? 0, a[2] ?? 0];
        t = multiply(multiply([1, 0, 0, 1, cx, cy], [Math.cos(r), Math.sin(r), -Math.sin(r), Math.cos(r), 0, 0]), [1, 0, 0, 1, -cx, -cy]);
        break;
      }
      case 'skewX': t = [1, 0, Math.tan(((a[0] ?? 0) * Math.PI) / 180), 1, 0, 0]; break;
      default: t = [1, Math.tan(((a[0] ?? 0) * Math.PI) / 180), 0, 1, 0, 0];
    }
    m = multiply(m, t);
  }
  return m;
}

/** m1 · m2 (apply m2 first, then m1). */
export function multiply(m1: Matrix, m2: Matrix): Matrix {
  return [
    m1[0] * m2[0] + m1[2] * m2[1],
    m1[1] * m2[0] + m1[3] * m2[1],
    m1[0] * m2[2] + m1[2] * m2[3],
    m1[1] * m2[2] + m1[3] * m2[3],
    m1[0] * m2[4] + m1[2] * m2[5] + m1[4],
    m1[1] * m2[4] + m1[3] * m2[5] + m1[5],
  ];
}
