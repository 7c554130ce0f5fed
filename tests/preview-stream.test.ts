// threadeck preview shows cards as they are drawn: a render announces its cards ('cards' event)
// once the deck is laid out, a card's image is answered as soon as that card is drawn, and the
// page shows the first cards before the last one is rendered — in a server test and in Chromium.
import { afterAll, describe, expect, it } from 'vitest';
import { chromium } from 'playwright-core';
import { startPreviewServer, type PreviewServer } from '../src/preview/server.ts';
import { CardCache } from '../src/preview/card-cache.ts';
import { makeThread, removeThreads, sse } from './preview-helpers.ts';

const servers: Array<Promise<PreviewServer>> = [];

afterAll(async () => {
  for (const s of servers) await (await s.catch(() => undefined))?.close();
  removeThreads();
});

/** Starts a preview of a long thread and resolves with its address as soon as it listens (the first render still running). */
function startLong(posts: number) {
  const thread = makeThread(posts);
  let resolveUrl!: (url: string) => void;
  const url = new Promise<string>((resolve) => (resolveUrl = resolve));
  let started = false;
  const server = startPreviewServer({ file: thread.file, onListening: resolveUrl });
  servers.push(server);
  void server.then(() => (started = true), () => undefined);
  return { url, server, isStarted: () => started };
}

describe('threadeck preview streams the first render', () => {
  it('answers the first card before the last one is drawn', async () => {
    const { url, server, isStarted } = startLong(14);
    const events = await sse(`${await url}events`);
    try {
      const announced = (await events.next('cards')).data;
      expect(announced.cards).toHaveLength(16);
      const png = await fetch(`${await url}card/${announced.cards[0].key}.png`);
      expect(png.status).toBe(200);
      expect(Buffer.from(await png.arrayBuffer()).subarray(1, 4).toString()).toBe('PNG');
      // Card 1 is here; the render (15 more cards) is not done.
      expect(events.seen.some((e) => e.type === 'result')).toBe(false);
      expect(isStarted()).toBe(false);
      const { result } = (await events.next('result')).data;
      expect(result.seq).toBe(announced.seq);
      expect(result.cards.map((c: any) => c.key)).toEqual(announced.cards.map((c: any) => c.key));
      expect((await server).session.result!.rendered).toBe(16);
    } finally {
      events.close();
    }
  });

  it('shows the first card in the page while the others render', async () => {
    const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', headless: true, args: ['--no-sandbox'] });
    try {
      const { url, server } = startLong(14);
      const events = await sse(`${await url}events`);
      const resultAt = events.next('result').then(() => Date.now());
      const page = await browser.newPage({ viewport: { width: 1600, height: 1000 } });
      await page.goto(await url, { waitUntil: 'commit' });
      await page.waitForFunction(() => {
        const img = document.querySelector<HTMLImageElement>('#cards img');
        return img !== null && img.complete && img.naturalWidth > 0;
      }, null, { timeout: 60_000 });
      // When the page had the first card's image (the browser's clock is the machine's: epoch ms).
      const firstCardAt = await page.evaluate(() => {
        const src = document.querySelector<HTMLImageElement>('#cards img')!.src;
        return performance.timeOrigin + (performance.getEntriesByName(src)[0] as PerformanceResourceTiming).responseEnd;
      });
      expect(firstCardAt).toBeLessThan(await resultAt); // before the render of the 15 others was done
      events.close();
      await server;
      await page.waitForFunction(() => document.body.dataset.ok === 'true', null, { timeout: 60_000 });
      await page.waitForFunction(() => [...document.querySelectorAll<HTMLImageElement>('#cards img')].every((i) => i.complete && i.naturalWidth > 0), null, { timeout: 60_000 });
      expect(await page.$$eval('#cards .num', (els) => els.map((e) => e.textContent))).toHaveLength(16);
    } finally {
      await browser.close();
    }
  });
});

describe('the card cache', () => {
  it('answers a pending card when it is drawn, and one that never comes with nothing', async () => {
    const cache = new CardCache();
    expect(await cache.wait('a')).toBeUndefined(); // neither there nor coming
    cache.expect(['a', 'b']);
    const a = cache.wait('a');
    const b = cache.wait('b');
    cache.set('a', Uint8Array.of(1));
    expect(await a).toEqual(Uint8Array.of(1));
    cache.settle();
    expect(await b).toBeUndefined();
    expect(cache.get('a')).toEqual(Uint8Array.of(1));
  });

  it('keeps the most recently used cards', () => {
    const cache = new CardCache();
    for (const k of ['a', 'b', 'c']) cache.set(k, Uint8Array.of(0));
    cache.get('a');
    cache.trim(2);
    expect(['a', 'b', 'c'].filter((k) => cache.has(k))).toEqual(['a', 'c']); // b was least recently used
  });
});
