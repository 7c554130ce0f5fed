// A share of one big thread's cards, for when a batch has fewer threads than workers: every worker
// lays out the whole thread (the layout is deterministic, so they all agree on the cards) and
// renders only the cards whose index ≡ slice.index (mod slice.count). PNG and SVG only; the PDF
// needs the whole deck and is rendered by one worker (render-task.ts).
import type { Thread } from '../model/index.ts';
import { platformWarnings } from '../layout/platform-checks.ts';
import { renderThread, type RenderOptions } from '../pipeline.ts';
import type { RenderResult, RenderTask } from './task.ts';

export async function renderSlice(thread: Thread, task: RenderTask, slice: { index: number; count: number }, extra: Pick<RenderOptions, 'reuse' | 'onCard'>): Promise<RenderResult> {
  const formats = task.formats.filter((f) => f === 'png' || f === 'svg');
  const rendered = await renderThread(thread, { ...task.layout, ...extra, formats, slice });
  const { deck } = rendered;
  const indices = deck.cards.filter((c) => c.index % slice.count === slice.index).map((c) => c.index);
  const warnings = slice.index === 0 ? [...deck.warnings, ...platformWarnings(deck, task.formats)] : [];
  return {
    cards: deck.cards.length,
    size: deck.size,
    warnings,
    errors: [],
    outputs: { png: rendered.pngs, svg: formats.includes('svg') ? rendered.svgs : [] },
    indices,
    keys: rendered.keys,
    reused: rendered.reused,
  };
}
