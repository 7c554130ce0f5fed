// Presentation attributes that SVG inherits from a parent (fill, stroke, fonts…), merged with an
// element's own attributes and its `style="…"`.
import type { Element } from './svg-dom.ts';
import { styleMap } from './paint.ts';

const INHERITED = [
  'fill', 'fill-opacity', 'fill-rule', 'clip-rule',
  'stroke', 'stroke-width', 'stroke-opacity', 'stroke-linecap', 'stroke-linejoin', 'stroke-miterlimit', 'stroke-dasharray', 'stroke-dashoffset',
  'font-family', 'font-size', 'font-weight', 'font-style', 'letter-spacing',
] as const;

export type Style = Partial<Record<(typeof INHERITED)[number], string>>;

export function inherit(parent: Style, el: Element): Style {
  const own = styleMap(el.attribs.style);
  let out: Style | undefined;
  for (const key of INHERITED) {
    const v = own[key] ?? el.attribs[key];
    if (v === undefined || v === 'inherit') continue;
    out ??= { ...parent };
    out[key] = v;
  }
  return out ?? parent;
}
