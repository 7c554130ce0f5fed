// <text> → real PDF text in the faces satori drew with (per character, see PdfFontSet). satori
// writes one <text> per word piece at x positions summed without kerning, but draws the PNG's
// glyphs kerned: words from the sum of their kerned widths, each word (with its punctuation and
// the space after it) shaped as one run. This module places glyphs the PNG way, so PDF and PNG
// agree to the pixel, and the text extracts with its spaces, in reading order.
import type { TextRun } from '../../render/card-layout.ts';
import type { Canvas } from './canvas.ts';
import { n } from './canvas.ts';
import { parseColor } from './color.ts';
import type { Env } from './env.ts';
import { elements, num, refTarget, textContent, type Element } from './svg-dom.ts';
import { Unsupported } from './unsupported.ts';

/**
 * Consecutive sibling <text> elements that are one line of one styled text: same attributes but
 * x and width, each starting at or after the end of the last (satori leaves spaces out as gaps).
 */
export function textChains(children: readonly Element[]): Element[][] {
  const out: Element[][] = [];
  let chain: Element[] = [];
  let key = '';
  for (const el of children) {
    const k = el.name === 'text' ? chainKey(el) : '';
    const last = chain[chain.length - 1];
    const gap = last ? num(el, 'x') - (num(last, 'x') + num(last, 'width')) : -1;
    const contiguous = gap > -0.05 && gap < 3 * num(el, 'font-size', 16);
    if (k && k === key && contiguous) {
      chain.push(el);
      continue;
    }
    if (chain.length) out.push(chain);
    chain = [el];
    key = k;
  }
  if (chain.length) out.push(chain);
  return out;
}

function chainKey(el: Element): string {
  if (elements(el).length) return '';
  return Object.entries(el.attribs)
    .filter(([k]) => k !== 'x' && k !== 'width')
    .map(([k, v]) => `${k}=${v}`)
    .join('\u0000');
}

export async function drawTextChain(chain: readonly Element[], canvas: Canvas, env: Env): Promise<void> {
  const first = chain[0]!;
  const st = env.style;
  if (refTarget(env.doc, st.fill)) throw new Unsupported('text filled with a gradient');
  const color = env.flood ?? parseColor(st.fill ?? 'black');
  if (color === undefined) throw new Unsupported(`the text colour "${st.fill}"`);
  if (color === null || color.a <= 0) return;
  const base = textRun(first, '', env);
  const size = base.fontSize;
  const spacing = Number.parseFloat(st['letter-spacing'] ?? '0') || 0;
  const fonts = env.vdoc.fonts;
  let began = false;

  /** Kerned width of a piece of text as satori measures it (letter spacing after every character). */
  const measure = async (text: string) => {
    let w = 0;
    for (const seg of await fonts.segments({ ...base, text })) w += fonts.shape(seg.font, seg.text).em * size + spacing * [...seg.text].length;
    return w;
  };
  const show = async (text: string, x: number) => {
    if (!text.trim()) return;
    const segments = await fonts.segments({ ...base, text });
    if (!segments.length) return;
    if (!began) {
      canvas.fillColor(color.r, color.g, color.b);
      canvas.graphicsState(canvas.name('ExtGState', env.vdoc.alpha(env.alpha * color.a)));
      canvas.op('BT');
      began = true;
    }
    for (const seg of segments) {
      const shaped = fonts.shape(seg.font, seg.text);
      canvas.textState(canvas.name('Font', seg.font.ref), size, spacing, 100);
      if (seg.bold) {
        // satori's synthetic bold: the outline stroked in the text colour, as Skia/Chrome do.
        canvas.strokeColor(color.r, color.g, color.b);
        canvas.textRender(2, syntheticBoldWidth(size));
      } else canvas.textRender(0);
      // Synthetic italic: glyphs slanted by a quarter (y runs down here, so the shear is +0.25 on -y).
      canvas.op(`1 0 ${seg.italic ? '0.25' : '0'} -1 ${n(x)} ${n(base.y)} Tm`);
      canvas.op(shaped.tj);
      x += shaped.em * size + spacing * [...seg.text].length;
    }
  };

  // A word (its pieces up to and including the space after it) is shaped as one run, and the
  // next word starts where the shaped run ends — as satori's path output places them.
  let x = num(first, 'x');
  let buffer = '';
  for (const [i, el] of chain.entries()) {
    const text = textContent(el);
    buffer += text;
    const next = chain[i + 1];
    const gap = next ? num(next, 'x') - (num(el, 'x') + num(el, 'width')) : 0;
    if (!next || gap > 0.05 || /^\s+$/.test(text)) {
      await show(buffer, x);
      if (next) x += (await measure(buffer)) + Math.max(0, gap);
      buffer = '';
    }
  }
  if (began) canvas.op('ET');
}

/** satori's synthetic bold stroke: 1/24 of the size at 9 px and below, 1/32 at 36 px and above. */
function syntheticBoldWidth(size: number): number {
  const t = Math.min(1, Math.max(0, (size - 9) / (36 - 9)));
  return size * (1 / 24 + (1 / 32 - 1 / 24) * t);
}

function textRun(el: Element, text: string, env: Env): TextRun {
  const st = env.style;
  const weight = st['font-weight'];
  return {
    text,
    x: num(el, 'x'),
    y: num(el, 'y'),
    width: num(el, 'width'),
    height: num(el, 'height'),
    fontSize: Number.parseFloat(st['font-size'] ?? '16') || 16,
    family: st['font-family'] ?? '',
    weight: !weight || weight === 'normal' ? 400 : weight === 'bold' ? 700 : Number(weight) || 400,
    italic: st['font-style'] === 'italic',
  };
}
