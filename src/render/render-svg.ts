// Render: one laid-out Card → SVG string, through the deck's template and satori, bundled fonts only.
import satori from 'satori';
import type { JSXNode } from 'satori/jsx';
import type { Card, Deck } from '../model/index.ts';
import { deckInfo } from '../layout/paginate.ts';
import type { Template } from '../model/index.ts';

export interface SvgOptions {
  /** false: text stays <text> elements (with x, y, width, height) instead of glyph paths. */
  embedFont?: boolean;
}

/** The element tree the template draws for a card (what satori renders). */
export function cardElement(deck: Deck, card: Card, template: Template = deck.template): JSXNode {
  const { size } = deck;
  return template.render({
    card,
    deck: deckInfo(deck.thread, deck.cards.length),
    theme: deck.theme,
    size,
    fontSize: card.fontSize,
    body: template.bodyBox(size),
  });
}

export async function renderCardSvg(
  deck: Deck,
  card: Card,
  template: Template = deck.template,
  opts: SvgOptions = {},
): Promise<string> {
  return elementSvg(deck, cardElement(deck, card, template), opts);
}

/** satori on an element at the deck's card size, bundled fonts only. */
export function elementSvg(deck: Deck, element: JSXNode, opts: SvgOptions = {}): Promise<string> {
  const { size } = deck;
  // satori's types name React's ReactNode; satori/jsx elements have the same shape.
  return satori(element as Parameters<typeof satori>[0], {
    width: size.width,
    height: size.height,
    ...deck.assets,
    embedFont: opts.embedFont ?? true,
  });
}

export async function renderDeckSvgs(deck: Deck): Promise<string[]> {
  const out: string[] = [];
  for (const card of deck.cards) out.push(await renderCardSvg(deck, card));
  return out;
}
