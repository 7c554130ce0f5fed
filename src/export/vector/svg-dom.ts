// The SVG that satori writes, parsed into a small element tree (htmlparser2 in XML mode) with an
// index of ids, and the attribute readers the PDF translator needs.
import { parseDocument } from 'htmlparser2';
import type { Element } from 'domhandler';

export type { Element };

export interface SvgDoc {
  root: Element;
  /** Every element with an id (masks, clip paths, gradients, patterns, filters). */
  byId: Map<string, Element>;
  /** The SVG source, for slicing an element back out (raster fallback, cache keys). */
  source: string;
}

export function parseSvg(source: string): SvgDoc {
  const doc = parseDocument(source, { xmlMode: true, withStartIndices: true, withEndIndices: true });
  const root = elements(doc).find((e) => e.name === 'svg');
  if (!root) throw new Error('not an SVG document');
  const byId = new Map<string, Element>();
  const walk = (el: Element) => {
    const id = el.attribs.id;
    if (id && !byId.has(id)) byId.set(id, el);
    for (const c of elements(el)) walk(c);
  };
  walk(root);
  return { root, byId, source };
}

/** Child elements (no text or comment nodes). */
export function elements(node: { children: unknown[] }): Element[] {
  return node.children.filter((c): c is Element => (c as Element).type === 'tag');
}

/** The element's text content (for <text>), XML entities already decoded by the parser. */
export function textContent(el: Element): string {
  let out = '';
  for (const c of el.children) {
    if (c.type === 'text') out += (c as unknown as { data: string }).data;
    else if ((c as Element).type === 'tag') out += textContent(c as Element);
  }
  return out;
}

/** The element's source text, exactly as satori wrote it. */
export function outerSvg(doc: SvgDoc, el: Element): string {
  return doc.source.slice(el.startIndex ?? 0, (el.endIndex ?? -1) + 1);
}

export function num(el: Element, name: string, fallback = 0): number {
  const v = el.attribs[name];
  if (v === undefined || v === '') return fallback;
  const n = Number.parseFloat(v);
  return Number.isFinite(n) ? n : fallback;
}

/** A length that may be a percentage: `50%` → 0.5 × `of`. */
export function length(el: Element, name: string, fallback: number, of = 1): number {
  const v = el.attribs[name];
  if (v === undefined || v === '') return fallback;
  const n = Number.parseFloat(v);
  if (!Number.isFinite(n)) return fallback;
  return v.trim().endsWith('%') ? (n / 100) * of : n;
}

/** `url(#id)` → the element it names, or undefined. */
export function refTarget(doc: SvgDoc, value: string | undefined): Element | undefined {
  const m = value && /^\s*url\(\s*['"]?#([^'")]+)['"]?\s*\)/.exec(value);
  return m ? doc.byId.get(m[1]!) : undefined;
}

/** Elements that define things and draw nothing where they stand. */
export const DEFINITIONS = new Set(['defs', 'mask', 'clipPath', 'pattern', 'linearGradient', 'radialGradient', 'filter', 'title', 'desc', 'metadata', 'style', 'symbol']);
