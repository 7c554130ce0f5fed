// The preview's rendering code, imported on the session's first render (renderer.ts) — after the
// server listens, so the page's own files are served while satori, resvg and the templates load.
// Cards are drawn by the build's own renderThread (src/pipeline.ts); what is here names them for
// the page (CardView: key, label, size) and finds the cards a warning is about.
import type { Diagnostic } from '../diagnostics.ts';
import type { Deck } from '../model/index.ts';
import type { CardView } from './views.ts';

export { parseThread } from '../load/load-thread.ts';
export { heightMemo, measureStats } from '../layout/measure.ts';
export { loadTemplate } from '../template/registry.ts';
export { loadThemeFile } from '../load/load-theme.ts';
export { toDiagnostics } from '../batch/to-diagnostics.ts';
export { renderThread } from '../pipeline.ts';

/** The page's view of each card, `keys[i]` being card i's key (hash.ts cardKey): an unchanged card keeps its PNG, and the browser its <img>. */
export function cardViews(deck: Deck, keys: readonly string[]): CardView[] {
  return deck.cards.map((card, i) => {
    const label = card.kind === 'cover' ? 'cover' : card.kind === 'outro' ? 'end' : card.part.index > 1 ? `${card.label} · cont.` : card.label;
    return { index: card.index, key: keys[i]!, kind: card.kind, label, width: deck.size.width, height: deck.size.height, ...(card.post && { line: card.post.position.line }) };
  });
}

/** The cards a layout warning is about: `posts[3]` → that post's cards; `cover` / `outro`. */
export function cardsOf(d: Diagnostic, deck: Deck): number[] | undefined {
  const m = /^posts\[(\d+)\]/.exec(d.path ?? '');
  if (m) return deck.cards.filter((c) => c.post && c.post.number === Number(m[1]) + 1).map((c) => c.index);
  if (d.path === 'cover' || d.path === 'outro') return deck.cards.filter((c) => c.kind === d.path).map((c) => c.index);
  return undefined;
}
