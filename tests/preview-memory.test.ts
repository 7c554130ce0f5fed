// threadeck preview remembers between runs (src/preview/memory.ts, disk-cache.ts): started again
// on a file it has shown, it puts the same cards in the page at once and lays out and renders
// without measuring or drawing; a changed image or a damaged cache file only means drawing again.
import { afterAll, describe, expect, it } from 'vitest';
import { copyFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { chromium } from 'playwright-core';
import { startPreviewServer, type PreviewServer } from '../src/preview/server.ts';
import { forgetHeights, measureStats } from '../src/layout/measure.ts';
import { tempDir } from './helpers.ts';
import { makeThread, removeThreads } from './preview-helpers.ts';

const cacheDirs: string[] = [];
const newCacheDir = () => {
  const dir = tempDir('threadeck-preview-cache-');
  cacheDirs.push(dir);
  return dir;
};

afterAll(() => {
  removeThreads();
  for (const dir of cacheDirs) rmSync(dir, { recursive: true, force: true });
});

/** Starts a preview; `page` is what GET / answered as soon as it listened (the first render still to come). */
async function start(file: string, cacheDir: string): Promise<{ server: PreviewServer; page: string }> {
  let page!: Promise<string>;
  const server = await startPreviewServer({ file, cacheDir, onListening: (url) => (page = fetch(url).then((r) => r.text())) });
  return { server, page: await page };
}

const cardsIn = (html: string) => [...html.matchAll(/src="\/card\/([0-9a-f]{32})\.png"/g)].map((m) => m[1]);

describe('threadeck preview between runs', () => {
  it('shows the cards of the last run at once, and draws and measures nothing again', async () => {
    const cacheDir = newCacheDir();
    const thread = makeThread(3);
    const first = await start(thread.file, cacheDir);
    const keys = first.server.session.result!.cards.map((c) => c.key);
    expect(first.server.session.result!.rendered).toBe(5);
    expect(cardsIn(first.page)).toEqual([]); // nothing remembered yet
    await first.server.close();

    forgetHeights(); // as a new process would
    const measured = measureStats.calls;
    const second = await start(thread.file, cacheDir);
    try {
      expect(cardsIn(second.page)).toEqual(keys);
      const result = second.server.session.result!;
      expect(result.ok).toBe(true);
      expect(result.cards.map((c) => c.key)).toEqual(keys);
      expect(result.rendered).toBe(0);
      expect(measureStats.calls).toBe(measured);
      const png = await fetch(`${second.server.url}card/${keys[2]}.png`);
      expect(Buffer.from(await png.arrayBuffer()).subarray(1, 4).toString()).toBe('PNG');
    } finally {
      await second.server.close();
    }
  });

  it('the page takes over the cards that came with it', async () => {
    const cacheDir = newCacheDir();
    const thread = makeThread(3);
    await (await start(thread.file, cacheDir)).server.close();
    const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', headless: true, args: ['--no-sandbox'] });
    let server: PreviewServer | undefined;
    try {
      let url!: (u: string) => void;
      const listening = new Promise<string>((resolve) => (url = resolve));
      const starting = startPreviewServer({ file: thread.file, cacheDir, onListening: url });
      const page = await browser.newPage({ viewport: { width: 1600, height: 1000 } });
      const errors: string[] = [];
      page.on('pageerror', (e) => errors.push(String(e)));
      await page.goto(await listening);
      server = await starting;
      await page.waitForSelector('body.ready');
      await page.waitForFunction(() => document.body.dataset.ok === 'true');
      expect(await page.$$eval('#cards .num', (els) => els.map((e) => e.textContent))).toEqual(['1. cover', '2. 1/3', '3. 2/3', '4. 3/3', '5. end']);
      expect(await page.$$eval('#cards img', (imgs) => imgs.every((i) => (i as HTMLImageElement).complete && (i as HTMLImageElement).naturalWidth === 1080))).toBe(true);
      await page.locator('#cards .card').nth(3).click(); // post 3: the editor goes to its line
      await expect.poll(() => page.locator('.cm-activeLine').textContent()).toContain('Post 3 says');
      expect(errors).toEqual([]);
    } finally {
      await browser.close();
      await server?.close();
    }
  });

  it('does not show remembered cards when an image changed, and redraws only its card', async () => {
    const cacheDir = newCacheDir();
    const thread = makeThread(3);
    await (await start(thread.file, cacheDir)).server.close();
    copyFileSync('threads/images/maya-avatar.png', path.join(thread.dir, 'images', 'chart.png'));
    const again = await start(thread.file, cacheDir);
    try {
      expect(cardsIn(again.page)).toEqual([]);
      expect(again.server.session.result!.rendered).toBe(1); // the image post's card; the others are on disk
    } finally {
      await again.server.close();
    }
  });

  it('ignores damaged cache files', async () => {
    const cacheDir = newCacheDir();
    const thread = makeThread(2);
    await (await start(thread.file, cacheDir)).server.close();
    for (const f of readdirSync(path.join(cacheDir, 'threads'))) writeFileSync(path.join(cacheDir, 'threads', f), '{"heights": [[1, "x"]], "last": {"inputs": 3');
    for (const f of readdirSync(path.join(cacheDir, 'cards'))) writeFileSync(path.join(cacheDir, 'cards', f), 'not a png');
    const again = await start(thread.file, cacheDir);
    try {
      expect(cardsIn(again.page)).toEqual([]);
      expect(again.server.session.result!.ok).toBe(true);
      expect(again.server.session.result!.rendered).toBe(4);
    } finally {
      await again.server.close();
    }
  });
});
