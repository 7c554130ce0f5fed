// One render of the previewed text, through the build's own renderThread (src/pipeline.ts): once
// the deck is laid out its cards are announced (onDeck), before any is drawn, so the page lays them
// out and asks for their images; each PNG goes into the card cache the moment it is drawn (onCard),
// answering the page's request for it. An unchanged card is not drawn again: renderThread finds it
// by key (reuse) in the cache, or in the disk cache kept between runs (read in before drawing).
import type { Deck, Thread } from '../model/index.ts';
import type { RenderOptions } from '../pipeline.ts';
import type { CardCache } from './card-cache.ts';
import type { PreviewMemory } from './memory.ts';
import type { Renderer } from './renderer.ts';
import { failedResult, view, type LastGood } from './results.ts';
import type { CardView, RenderResult } from './views.ts';

export interface DeckJob {
  seq: number;
  /** Shown in diagnostics. */
  displayName: string;
  /** The thread and what it is drawn with; throws its problems (parse, theme, config, template). */
  prepare(): Promise<{ thread: Thread; opts: RenderOptions }>;
  pngs: CardCache;
  memory: PreviewMemory | undefined;
  lastGood: LastGood;
  /** The deck is laid out: these are its cards. */
  announce(cards: CardView[]): void;
  /** A cache write to wait for before the session is idle. */
  track(write: Promise<void>): void;
}

/**
 * Lets the event loop poll for I/O between cards — the page's request for the card just drawn is
 * answered before the next one is drawn — and resvg's native buffers be freed. Two turns: an
 * immediate set from an I/O callback runs before the next poll, one set from an immediate after it.
 */
const yieldToLoop = () => new Promise<void>((resolve) => setImmediate(() => setImmediate(resolve)));

/** The page's keys: the first half of the card key (hash.ts cardKey, unsalted), as /card/<key>.png and the disk cache name them. */
const short = (key: string) => key.slice(0, 32);

const since = (t: number) => Math.round(performance.now() - t);

/** Renders the job's thread; the deck comes back when every card was drawn. `ms.layout` includes making every card's tree and key. */
export async function renderDeck(r: Renderer, job: DeckJob): Promise<{ result: RenderResult; deck?: Deck }> {
  const t0 = performance.now();
  const ms = { total: 0, load: 0, layout: 0, render: 0 };
  let rendered = 0;
  let cards: CardView[] = [];
  let drawing = 0;
  job.memory?.primeHeights(r, job.displayName);
  let deck: Deck;
  try {
    const { thread, opts } = await job.prepare();
    ms.load = since(t0);
    const t1 = performance.now();
    ({ deck } = await r.renderThread(thread, {
      ...opts,
      formats: ['png'],
      reuse: {
        salt: '',
        get: (key) => {
          const png = job.pngs.get(short(key)); // marked most recently used
          return png && { png };
        },
      },
      onDeck: async (laidOut, keys) => {
        ms.layout = since(t1);
        drawing = performance.now();
        cards = r.cardViews(laidOut, keys.map(short));
        job.pngs.expect(cards.map((c) => c.key));
        job.announce(cards);
        await yieldToLoop(); // sends it: Node writes a response's data when the loop turns (socket cork)
        const memory = job.memory;
        if (!memory) return;
        const saved = await Promise.all(cards.map((c) => (job.pngs.has(c.key) ? undefined : memory.card(c.key))));
        saved.forEach((png, i) => png && job.pngs.set(cards[i]!.key, png));
      },
      onCard: async (_index, _count, done) => {
        if (done.reused || !done.png || !done.key) return;
        job.pngs.set(short(done.key), done.png);
        if (job.memory) job.track(job.memory.saveCard(short(done.key), done.png));
        rendered++;
        await yieldToLoop();
      },
    }));
  } catch (err) {
    ms.total = since(t0);
    return { result: failedResult(job.seq, r.toDiagnostics(err, job.displayName), job.lastGood, rendered, ms) };
  } finally {
    job.pngs.settle();
  }
  ms.render = since(drawing);
  ms.total = since(t0);
  job.pngs.trim(Math.max(200, cards.length * 3));
  const warnings = deck.warnings.map((d) => view(d, r.cardsOf(d, deck)));
  return { deck, result: { seq: job.seq, ok: true, stale: false, cards, errors: [], warnings, rendered, ms, title: deck.thread.title } };
}
