// Auto-fit: chooses a card's body text size, the largest whole pixel size between the template's
// max and min at which the body, measured by satori, fits the template's body box.
import type { Card, CardSize } from '../model.ts';
import type { DeckInfo, Template } from '../render/template.ts';
import type { Block } from '../text/rich.ts';
import { largestTrue } from './split.ts';
import { measureHeight } from './measure.ts';
import type { SatoriAssets } from '../render/satori-assets.ts';

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

export function bodyMeasurer(template: Template, card: Card, deck: DeckInfo, size: CardSize, assets: SatoriAssets): Measurer {
  const body = template.bodyBox(size);
  const whole = (blocks: Block[], fontSize: number) =>
    measureHeight(template.renderBody({ card: { ...card, blocks }, deck, theme: template.theme, size, fontSize, body }), body.width, assets);
  const gap = template.blockGap?.bind(template);
  if (!gap) return whole;
  const cache = new WeakMap<Block, Map<number, number>>();
  const one = async (block: Block, fontSize: number): Promise<number> => {
    let bySize = cache.get(block);
    if (!bySize) cache.set(block, (bySize = new Map()));
    let h = bySize.get(fontSize);
    if (h === undefined) bySize.set(fontSize, (h = await whole([block], fontSize)));
    return h;
  };
  return async (blocks, fontSize) => {
    if (blocks.length === 0) return 0;
    if (blocks.length === 1) return one(blocks[0]!, fontSize);
    let sum = gap(fontSize) * (blocks.length - 1) + SUM_SLACK;
    for (const b of blocks) sum += await one(b, fontSize);
    return sum;
  };
}

/** The template's body size range for a card size (scaled from 1080 px wide). */
export function sizeRange(template: Template, size: CardSize): { min: number; max: number } {
  const scale = size.width / 1080;
  return { max: Math.floor(template.bodySize.max * scale), min: Math.ceil(template.bodySize.min * scale) };
}

export async function fitBlocks(measure: Measurer, blocks: Block[], range: { min: number; max: number }, boxHeight: number): Promise<CardFit> {
  const atMax = await measure(blocks, range.max);
  if (atMax <= boxHeight) return { fontSize: range.max, height: atMax, fits: true };
  const atMin = await measure(blocks, range.min);
  if (atMin > boxHeight) return { fontSize: range.min, height: atMin, fits: false };
  const heights = new Map<number, number>([[range.min, atMin]]);
  const steps = await largestTrue(range.max - range.min - 1, async (i) => {
    const h = await measure(blocks, range.min + i);
    heights.set(range.min + i, h);
    return h <= boxHeight;
  });
  const fontSize = range.min + steps;
  return { fontSize, height: heights.get(fontSize)!, fits: true };
}
