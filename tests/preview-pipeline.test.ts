// The preview renders through the build's renderThread (src/pipeline.ts): onDeck hands over every
// card's key once the deck is laid out, before any is drawn; onCard each card's key, PNG and
// whether it was reused, and is waited for; with neither, the build's outputs are the same bytes.
import { afterAll, describe, expect, it } from 'vitest';
import { loadThread } from '../src/load/load-thread.ts';
import { renderThread, type CardDone } from '../src/pipeline.ts';
import { makeThread, removeThreads } from './preview-helpers.ts';

afterAll(removeThreads);

describe('renderThread for the preview', () => {
  it('announces the keys before drawing, hands out each PNG, reuses by key, and changes nothing for the build', async () => {
    const t = makeThread(2);
    const thread = await loadThread(t.file);
    const plain = await renderThread(thread, { formats: ['png'] });
    const log: string[] = [];
    const done: CardDone[] = [];
    let announced: readonly string[] = [];
    const cached = new Map<string, Uint8Array>();
    const hooked = await renderThread(thread, {
      formats: ['png'],
      reuse: { salt: '', get: (key) => (cached.has(key) ? { png: cached.get(key)! } : undefined) },
      onDeck: async (deck, keys) => {
        log.push(`deck ${deck.cards.length}`);
        announced = keys;
        await new Promise((r) => setTimeout(r, 5));
        log.push('deck done');
      },
      onCard: async (index, cards, card) => {
        log.push(`card ${index}/${cards}`);
        done.push(card);
        await new Promise((r) => setTimeout(r, 1));
      },
    });
    expect(log).toEqual(['deck 4', 'deck done', 'card 0/4', 'card 1/4', 'card 2/4', 'card 3/4']);
    expect(announced).toEqual(hooked.keys);
    expect(done.map((d) => d.key)).toEqual(hooked.keys);
    expect(done.every((d) => !d.reused)).toBe(true);
    // The same bytes as without the hooks, handed out as drawn.
    expect(hooked.pngs.map((p) => Buffer.from(p).toString('base64'))).toEqual(plain.pngs.map((p) => Buffer.from(p).toString('base64')));
    expect(done.map((d) => d.png)).toEqual(hooked.pngs);

    // Cards found by key are not drawn again; onCard says so and still hands out their PNG.
    cached.set(hooked.keys[1]!, hooked.pngs[1]!);
    const again: CardDone[] = [];
    const second = await renderThread(thread, { formats: ['png'], reuse: { salt: '', get: (key) => (cached.has(key) ? { png: cached.get(key)! } : undefined) }, onCard: (_i, _n, card) => void again.push(card) });
    expect(second.reused).toBe(1);
    expect(again.map((d) => d.reused)).toEqual([false, true, false, false]);
    expect(again[1]!.png).toBe(hooked.pngs[1]);
  });
});
