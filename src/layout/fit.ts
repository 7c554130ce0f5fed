// Auto-fit: chooses a card's body text size, the largest whole pixel size between the template's
// max and min at which the body, measured by satori, fits the template's body box.
import type { Card, CardSize } from '../model/index.ts';
import type { DeckInfo, Template, Theme } from '../model/index.ts';
import type { Block } from '../model/index.ts';
import { measureHeight } from './measure.ts';
import { designScale } from '../model/sizes.ts';
import type { SatoriAssets } from '../model/index.ts';

export interface CardFit {
  fontSize: number;
  /** Measured body height at that size. */
  height: number;
  /** False when the body overflows even at the minimum size. */
  fits: boolean;
}

/** Measures `blocks` as the body of `card` at a font size. */
export type Measurer = (blocks: Block[], fontSize: number) => Promise<number>;

/** Rounding slack for heights added up block by block. */
const SUM_SLACK = 2;

export interface BodyMeasurers {
  /** One satori layout of the whole body: cheapest for fitting a body that is measured once per size. */
  whole: Measurer;
  /** Blocks measured one by one (cached) and added up: cheapest when splitting re-measures prefixes. */
  additive: Measurer;
}

/** `memo`: heights remembered for this thread (measure.ts heightMemo). */
export function bodyMeasurer(template: Template, card: Card, deck: DeckInfo, theme: Theme, size: CardSize, assets: SatoriAssets, memo?: Map<string, number>): BodyMeasurers {
  const body = template.bodyBox(size);
  const whole = (blocks: Block[], fontSize: number) =>
    measureHeight(template.renderBody({ card: { ...card, blocks }, deck, theme, size, fontSize, body }), body.width, assets, memo);
  const gap = template.blockGap?.bind(template);
  if (!gap) return { whole, additive: whole };
  const cache = new WeakMap<Block, Map<number, number>>();
  const one = async (block: Block, fontSize: number): Promise<number> => {
    let bySize = cache.get(block);
    if (!bySize) cache.set(block, (bySize = new Map()));
    let h = bySize.get(fontSize);
    if (h === undefined) bySize.set(fontSize, (h = await whole([block], fontSize)));
    return h;
  };
  const additive: Measurer = async (blocks, fontSize) => {
    if (blocks.length === 0) return 0;
    if (blocks.length === 1) return one(blocks[0]!, fontSize);
    let sum = gap(fontSize) * (blocks.length - 1) + SUM_SLACK;
    for (const b of blocks) sum += await one(b, fontSize);
    return sum;
  };
  return { whole, additive };
}

/** The template's body size range for a card size (scaled from 1080 px wide). */
export function sizeRange(template: Template, size: CardSize): { min: number; max: number } {
  const scale = designScale(size);
  return { max: Math.floor(template.bodySize.max * scale), min: Math.ceil(template.bodySize.min * scale) };
}

/**
 * Largest size in [min, max] whose measured height fits. Text height grows about with the square
 * of the size, so a first guess from the height at max usually lands within a pixel or two; the
 * search then walks from the guess (2–4 measurements instead of a 6-step bisection).
 */
export async function fitBlocks(measure: Measurer, blocks: Block[], range: { min: number; max: number }, boxHeight: number): Promise<CardFit> {
  const atMax = await measure(blocks, range.max);
  if (atMax <= boxHeight) return { fontSize: range.max, height: atMax, fits: true };
  let size = Math.max(range.min, Math.min(range.max - 1, Math.floor(range.max * Math.sqrt(boxHeight / atMax))));
  let height = await measure(blocks, size);
  if (height <= boxHeight) {
    while (size + 1 < range.max) {
      const up = await measure(blocks, size + 1);
      if (up > boxHeight) break;
      size++;
      height = up;
    }
    return { fontSize: size, height, fits: true };
  }
  while (size > range.min) {
    size--;
    height = await measure(blocks, size);
    if (height <= boxHeight) return { fontSize: size, height, fits: true };
  }
  return { fontSize: range.min, height, fits: false };
}
