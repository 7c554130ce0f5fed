// One card for the HTML deck: satori's SVG (text drawn as paths, so it looks exactly like the PNG)
// with its ids made unique in the page, and a transparent text layer on top: the card's lines as
// real <text> at satori's places (selectable, searchable, read by screen readers) and its links.
import type { CardLayout } from '../../render/card-layout.ts';
import { textLines } from './text-lines.ts';

const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
const n = (v: number) => String(Math.round(v * 100) / 100);

/** satori's ids (`satori_…`) prefixed per card: several SVGs share one document. */
export function uniqueIds(svg: string, prefix: string): string {
  return svg.replace(/(id="|#)satori_/g, `$1${prefix}satori_`);
}

export function textLayer(layout: CardLayout): string {
  const lines = textLines(layout.runs).map(
    (l) => `<text x="${n(l.x)}" y="${n(l.y)}" font-size="${n(l.fontSize)}" textLength="${n(l.width)}" lengthAdjust="spacingAndGlyphs">${esc(l.text)}</text>`,
  );
  const links = layout.links.map(
    (k) => `<a href="${esc(k.href)}" target="_blank" rel="noopener noreferrer"><rect x="${n(k.left)}" y="${n(k.top)}" width="${n(k.width)}" height="${n(k.height)}"/></a>`,
  );
  return `<g class="tl">${lines.join('')}</g><g class="ln">${links.join('')}</g>`;
}

/** The card's SVG, ids prefixed, scaled to its box, with the text layer before `</svg>`. */
export function cardSvg(svg: string, layout: CardLayout, index: number): string {
  const body = uniqueIds(svg, `c${index + 1}-`).replace(/^<svg width="[\d.]+" height="[\d.]+"/, '<svg preserveAspectRatio="xMidYMid meet"');
  const end = body.lastIndexOf('</svg>');
  return `${body.slice(0, end)}${textLayer(layout)}</svg>`;
}
