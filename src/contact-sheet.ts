// A contact sheet: one thread rendered in several templates, one row per template (cover, the
// first posts, outro), labelled, as a single PNG — for choosing a template at a glance.
import satori from 'satori';
import { loadFonts } from './assets/fonts.ts';
import type { CardSize, Thread } from './model/index.ts';
import { layoutThread } from './layout/paginate.ts';
import { renderCardSvg } from './render/render-svg.ts';
import { rasterize } from './export/png.ts';

export interface ContactSheetOptions {
  templates: readonly string[];
  size?: CardSize;
  /** Cards per row (default 4: cover, two posts, outro). */
  columns?: number;
  /** Width of one card thumbnail, px (default 300). */
  thumbWidth?: number;
}

export async function contactSheet(thread: Thread, opts: ContactSheetOptions): Promise<Uint8Array> {
  const columns = opts.columns ?? 4;
  const thumbW = opts.thumbWidth ?? 300;
  const rows: Array<{ name: string; cards: string[] }> = [];
  let thumbH = 0;
  for (const name of opts.templates) {
    const deck = await layoutThread(thread, { template: name, ...(opts.size ? { size: opts.size } : {}) });
    thumbH = Math.round((thumbW * deck.size.height) / deck.size.width);
    const picks = pickCards(deck.cards.length, columns);
    const cards: string[] = [];
    for (const i of picks) {
      const png = rasterize(await renderCardSvg(deck, deck.cards[i]!), { png: true }).png!;
      cards.push(`data:image/png;base64,${Buffer.from(png).toString('base64')}`);
    }
    rows.push({ name: deck.template.name, cards });
  }
  const gap = 28;
  const label = 200;
  const width = label + columns * (thumbW + gap) + gap;
  const height = gap + rows.length * (thumbH + gap);
  const el = {
    type: 'div',
    props: {
      style: { display: 'flex', flexDirection: 'column', width, height, backgroundColor: '#E9E7E2', padding: `${gap}px 0 0 0`, fontFamily: 'Inter' },
      children: rows.map((row) => ({
        type: 'div',
        props: {
          style: { display: 'flex', alignItems: 'center', height: thumbH, marginBottom: gap },
          children: [
            { type: 'div', props: { style: { display: 'flex', width: label, paddingLeft: gap, fontSize: 30, fontWeight: 700, color: '#1F2937' }, children: row.name } },
            ...row.cards.map((src) => ({
              type: 'img',
              props: { src, width: thumbW, height: thumbH, style: { marginRight: gap, borderRadius: 10, boxShadow: '0 6px 18px rgba(0,0,0,0.18)' } },
            })),
          ],
        },
      })),
    },
  };
  const svg = await satori(el as Parameters<typeof satori>[0], { width, height, fonts: await loadFonts() });
  return rasterize(svg, { png: true }).png!;
}

/** Indices of the cards to show: the first (columns − 1) and the last. */
function pickCards(count: number, columns: number): number[] {
  if (count <= columns) return Array.from({ length: count }, (_, i) => i);
  return [...Array.from({ length: columns - 1 }, (_, i) => i), count - 1];
}
