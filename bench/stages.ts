// The bench's in-process part, one core: where a card's time goes, stage by stage, next to the floor
// (bare satori + resvg on the very same card elements, no pipeline around it), and whole-pipeline
// costs for PNG, PDF and both.
import satori from 'satori';
import { Resvg } from '@resvg/resvg-js';
import { deckInfo, layoutThread, loadThread, renderThread, type Deck, type Thread } from '../src/index.ts';
import { renderCardSvg } from '../src/render/render-svg.ts';
import type { OutputKind } from '../src/model/index.ts';
import { encodePng } from '../src/export/png-encode.ts';
import { forgetHeights } from '../src/layout/measure.ts';

const tick = () => new Promise<void>((r) => setImmediate(r));
const RESVG = { fitTo: { mode: 'original' }, font: { loadSystemFonts: false }, shapeRendering: 2, textRendering: 1, imageRendering: 0 } as const;

export interface StageRow {
  name: string;
  msPerCard: number;
}

async function timed(fn: () => Promise<void>): Promise<number> {
  const t0 = performance.now();
  await fn();
  return performance.now() - t0;
}

/** Per-stage ms/card over `files`; the floor; PNG, PDF and both through renderThread. */
export async function measureStages(files: string[]): Promise<{ cards: number; stages: StageRow[]; floor: number; pipelines: StageRow[] }> {
  const threads: Thread[] = [];
  const load = await timed(async () => {
    for (const f of files) threads.push(await loadThread(f));
  });
  const decks: Deck[] = [];
  // Every timed layout is a first one: heights remembered for a thread file (measure.ts) are forgotten.
  forgetHeights();
  const fit = await timed(async () => {
    for (const t of threads) decks.push(await layoutThread(t, { template: 'default' }));
  });
  const cards = decks.reduce((n, d) => n + d.cards.length, 0);
  const svgs: string[] = [];
  const satoriMs = await timed(async () => {
    for (const d of decks) for (const c of d.cards) svgs.push(await renderCardSvg(d, c));
  });
  let render = 0;
  let encode = 0;
  for (const svg of svgs) {
    let t0 = performance.now();
    const image = new Resvg(svg, RESVG).render();
    render += performance.now() - t0;
    t0 = performance.now();
    encodePng(image);
    encode += performance.now() - t0;
    await tick();
  }
  svgs.length = 0;
  const floor = await timed(() => bare(decks));
  const pipe = (formats: OutputKind[]) => timed(async () => {
    forgetHeights();
    for (const t of threads) await renderThread(t, { formats, template: 'default' });
  });
  const png = await pipe(['png']);
  const pdf = await pipe(['pdf']);
  const both = await pipe(['png', 'pdf']);
  const per = (ms: number) => ms / cards;
  return {
    cards,
    floor: per(floor),
    stages: [
      { name: 'load (parse, validate, images)', msPerCard: per(load) },
      { name: 'fit (layout: auto-fit measuring, split)', msPerCard: per(fit) },
      { name: 'satori (card → SVG)', msPerCard: per(satoriMs) },
      { name: 'resvg render', msPerCard: per(render) },
      { name: 'PNG encode (ours: unfiltered, zlib level 3)', msPerCard: per(encode) },
      { name: 'PDF (vector pages + text, fit excluded)', msPerCard: per(pdf - fit) },
    ],
    pipelines: [
      { name: 'threadeck PNG (fit included)', msPerCard: per(png) },
      { name: 'threadeck PDF', msPerCard: per(pdf) },
      { name: 'threadeck PNG + PDF', msPerCard: per(both) },
    ],
  };
}

/** The floor: satori on the same element, resvg render, resvg's own PNG encode — nothing else. */
async function bare(decks: Deck[]): Promise<void> {
  for (const deck of decks) {
    const { template } = deck;
    const info = deckInfo(deck.thread, deck.cards.length);
    for (const card of deck.cards) {
      const el = template.render({ card, deck: info, theme: deck.theme, size: deck.size, fontSize: card.fontSize, body: template.bodyBox(deck.size) });
      const svg = await satori(el as Parameters<typeof satori>[0], { ...deck.size, ...deck.assets });
      new Resvg(svg, RESVG).render().asPng();
      await tick();
    }
  }
}

/** ms/card of renderThread(PNG) over the first n files (cost must stay flat as n grows), and RSS after. */
export async function scaling(files: string[]): Promise<{ cards: number; msPerCard: number; rssMB: number }> {
  let cards = 0;
  forgetHeights();
  const ms = await timed(async () => {
    for (const f of files) cards += (await renderThread(await loadThread(f), { formats: ['png'], template: 'default' })).deck.cards.length;
  });
  return { cards, msPerCard: ms / cards, rssMB: Math.round(process.memoryUsage().rss / 1048576) };
}
