// The preview's rendering steps, imported on the session's first render — after the server
// listens, so the page's own files are served while satori, resvg and the templates load. They
// are the steps of the build's renderThread (src/pipeline.ts: layout, expanded element, card key,
// satori, resvg + the fast PNG encoder), taken card by card: the session announces every card
// (key, label, size) once the deck is laid out, and hands out each PNG the moment it is drawn.
import type { JSXNode } from 'satori/jsx';
import type { Diagnostic } from '../diagnostics.ts';
import type { Deck } from '../model/index.ts';
import { cardElement, elementSvg } from '../render/render-svg.ts';
import { cardKey } from '../hash.ts';
import { expandComponents } from '../template/expand.ts';
import { rasterize } from '../export/png.ts';
import type { CardView } from './views.ts';

export { parseThread } from '../load/load-thread.ts';
export { layoutThread } from '../layout/paginate.ts';
export { heightMemo, measureStats } from '../layout/measure.ts';
export { loadTemplate } from '../template/registry.ts';
export { loadThemeFile } from '../load/load-theme.ts';
export { toDiagnostics } from '../batch/to-diagnostics.ts';

export interface PlannedCard {
  view: CardView;
  /** What satori draws (components expanded), hashed into view.key. */
  element: JSXNode;
}

/** Every card of the deck, named by what it draws (render/card-key.ts): an unchanged card keeps its PNG, and the browser its <img>. */
export function planCards(deck: Deck): PlannedCard[] {
  return deck.cards.map((card) => {
    const element = expandComponents(cardElement(deck, card));
    const key = cardKey(element, deck.size, deck.assets.fonts).slice(0, 32);
    const label = card.kind === 'cover' ? 'cover' : card.kind === 'outro' ? 'end' : card.part.index > 1 ? `${card.label} · cont.` : card.label;
    const view: CardView = { index: card.index, key, kind: card.kind, label, width: deck.size.width, height: deck.size.height, ...(card.post && { line: card.post.position.line }) };
    return { view, element };
  });
}

/** One card's PNG, as the build draws it. */
export async function drawCard(deck: Deck, element: JSXNode): Promise<Uint8Array> {
  return rasterize(await elementSvg(deck, element), { png: true }).png!;
}

/** The cards a layout warning is about: `posts[3]` → that post's cards; `cover` / `outro`. */
export function cardsOf(d: Diagnostic, deck: Deck): number[] | undefined {
  const m = /^posts\[(\d+)\]/.exec(d.path ?? '');
  if (m) return deck.cards.filter((c) => c.post && c.post.number === Number(m[1]) + 1).map((c) => c.index);
  if (d.path === 'cover' || d.path === 'outro') return deck.cards.filter((c) => c.kind === d.path).map((c) => c.index);
  return undefined;
}
