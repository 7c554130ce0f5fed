// A share of one big thread's cards, for when a batch has fewer threads than workers: every worker
// lays out the whole thread (the layout is deterministic, so they all agree on the cards) and
// rasterizes only the cards whose index ≡ slice.index (mod slice.count). PNG and SVG only; the PDF
// needs the whole deck and is rendered by one worker (render-task.ts).
import type { Thread } from '../model.ts';
import { layoutThread } from '../layout/paginate.ts';
import { platformWarnings } from '../layout/platform-checks.ts';
import { renderCardSvg } from '../render/render-svg.ts';
import { rasterize } from '../export/png.ts';
import type { RenderResult, RenderTask } from './render-task.ts';

/** Lets resvg's native buffers be freed between cards. */
const yieldToLoop = () => new Promise<void>((resolve) => setImmediate(resolve));

export async function renderSlice(thread: Thread, task: RenderTask, slice: { index: number; count: number }): Promise<RenderResult> {
  const deck = await layoutThread(thread, task.layout);
  const want = { png: task.formats.includes('png'), svg: task.formats.includes('svg') };
  const result: RenderResult = { cards: deck.cards.length, size: deck.size, warnings: [], errors: [], outputs: { png: [], svg: [] }, indices: [] };
  if (slice.index === 0) result.warnings.push(...deck.warnings, ...platformWarnings(deck, task.formats));
  for (const card of deck.cards) {
    if (card.index % slice.count !== slice.index) continue;
    const svg = await renderCardSvg(deck, card);
    result.indices!.push(card.index);
    if (want.svg) result.outputs!.svg.push(svg);
    if (want.png) {
      result.outputs!.png.push(rasterize(svg, { png: true }).png!);
      await yieldToLoop();
    }
  }
  return result;
}
