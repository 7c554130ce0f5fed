// Auto-fit: chooses each card's body text size, the largest whole pixel size between the
// template's max and min whose body, measured by satori, fits the template's body box.
import type { Card, CardSize } from '../model.ts';
import type { DeckInfo, Template } from '../render/template.ts';
import { measureHeight } from './measure.ts';

export interface CardFit {
  fontSize: number;
  /** Measured body height at that size. */
  height: number;
  /** False when the body overflows even at the minimum size. */
  fits: boolean;
}

export async function fitCard(template: Template, card: Card, deck: DeckInfo, size: CardSize): Promise<CardFit> {
  const scale = size.width / 1080;
  const max = Math.floor(template.bodySize.max * scale);
  const min = Math.ceil(template.bodySize.min * scale);
  const body = template.bodyBox(size);
  const measure = (fontSize: number) =>
    measureHeight(template.renderBody({ card, deck, theme: template.theme, size, fontSize, body }), body.width);

  const atMax = await measure(max);
  if (atMax <= body.height) return { fontSize: max, height: atMax, fits: true };
  const atMin = await measure(min);
  if (atMin > body.height) return { fontSize: min, height: atMin, fits: false };

  // Binary search: lo always fits, hi never does.
  let lo = min;
  let loHeight = atMin;
  let hi = max;
  while (hi - lo > 1) {
    const mid = (lo + hi) >> 1;
    const h = await measure(mid);
    if (h <= body.height) {
      lo = mid;
      loHeight = h;
    } else hi = mid;
  }
  return { fontSize: lo, height: loHeight, fits: true };
}
