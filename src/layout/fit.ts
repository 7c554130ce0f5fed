// Chooses the body text size of a card: the largest size between the template's max and min at
// which the text is estimated to fit the body area. (A width estimate from Inter's average glyph
// advance; issue #3 replaces it with satori's own measurement.)
import type { CardSize } from '../model.ts';
import { paragraphs } from '../render/text-blocks.ts';

/** Inter's average advance for mixed-case prose, in em. */
const AVG_ADVANCE_EM = 0.53;
const LINE_HEIGHT = 1.38;
const PARAGRAPH_GAP_EM = 0.7;

export interface FitBox {
  /** Width available to body text, px. */
  width: number;
  /** Height available to body text, px. */
  height: number;
}

/** Body area of the default layout for a card size. */
export function bodyBox(size: CardSize): FitBox {
  const s = size.width / 1080;
  const pad = 84 * s;
  const header = pad + 96 * s;
  const footer = 26 * s * 1.2 + 28 * s + pad * 0.8;
  return { width: size.width - 2 * pad, height: size.height - header - footer - 80 * s };
}

export function estimateHeight(text: string, fontSize: number, width: number): number {
  const charsPerLine = Math.max(1, Math.floor(width / (fontSize * AVG_ADVANCE_EM)));
  const paras = paragraphs(text);
  let lines = 0;
  for (const p of paras) {
    for (const line of p.split('\n')) lines += wrapCount(line, charsPerLine);
  }
  return lines * fontSize * LINE_HEIGHT + Math.max(0, paras.length - 1) * fontSize * PARAGRAPH_GAP_EM;
}

/** Greedy word wrap count of one line of text. */
function wrapCount(line: string, perLine: number): number {
  let lines = 1;
  let used = 0;
  for (const word of line.split(/\s+/).filter(Boolean)) {
    const len = Array.from(word).length;
    if (used === 0) used = len;
    else if (used + 1 + len <= perLine) used += 1 + len;
    else {
      lines++;
      used = len;
    }
    while (used > perLine) {
      lines++;
      used -= perLine;
    }
  }
  return lines;
}

/** Largest whole-pixel size in [min, max] whose estimated height fits the box (min if none). */
export function fitFontSize(text: string, box: FitBox, range: { max: number; min: number }): number {
  for (let size = range.max; size > range.min; size -= 2) {
    if (estimateHeight(text, size, box.width) <= box.height) return size;
  }
  return range.min;
}
