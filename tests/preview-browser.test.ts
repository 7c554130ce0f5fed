// threadeck preview end to end, in a real browser: Debian's Chromium (/usr/bin/chromium, headless,
// --no-sandbox) driven by playwright-core — no downloaded browsers. `.ci/run` installs chromium.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import { chromium, type Browser, type Page } from 'playwright-core';
import { unzipSync } from 'fflate';
import { startPreviewServer, type PreviewServer } from '../src/preview/server.ts';
import { makeThread, removeThreads } from './preview-helpers.ts';

const CHROMIUM = '/usr/bin/chromium';
const UI_TIMEOUT = 60_000;

let server: PreviewServer;
let browser: Browser;
let page: Page;
let thread: ReturnType<typeof makeThread>;
const pageErrors: string[] = [];

const cardSrcs = () => page.$$eval('#cards .card img', (imgs) => imgs.map((i) => (i as HTMLImageElement).getAttribute('src') ?? ''));
const waitSeqAbove = (seq: number) =>
  page.waitForFunction((s) => Number(document.body.dataset.seq ?? 0) > s, seq, { timeout: UI_TIMEOUT });
const seq = () => page.evaluate(() => Number(document.body.dataset.seq ?? 0));
/** Every card image has loaded (naturalWidth set). */
const imagesLoaded = () =>
  page.waitForFunction(() => [...document.querySelectorAll<HTMLImageElement>('#cards img')].every((i) => i.complete && i.naturalWidth > 0), null, {
    timeout: UI_TIMEOUT,
  });

beforeAll(async () => {
  if (!existsSync(CHROMIUM)) throw new Error(`${CHROMIUM} is missing: apt-get install -y chromium (.ci/run does it)`);
  thread = makeThread(4);
  server = await startPreviewServer({ file: thread.file });
  browser = await chromium.launch({ executablePath: CHROMIUM, headless: true, args: ['--no-sandbox'] });
  const context = await browser.newContext({ viewport: { width: 1600, height: 1000 }, acceptDownloads: true });
  // The page must never reach for anything but the preview server.
  await context.route(
    (url) => !url.href.startsWith(server.url),
    (route) => {
      pageErrors.push(`remote request: ${route.request().url()}`);
      return route.abort();
    },
  );
  page = await context.newPage();
  page.on('pageerror', (e) => pageErrors.push(String(e)));
  await page.goto(server.url);
  await page.waitForSelector('body.ready', { timeout: UI_TIMEOUT });
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
  removeThreads();
});

describe('threadeck preview in Chromium', () => {
  it('shows every card at its aspect ratio, with its number', async () => {
    await page.waitForFunction(() => document.querySelectorAll('#cards .card').length === 6, null, { timeout: UI_TIMEOUT });
    await imagesLoaded();
    const labels = await page.$$eval('#cards .num', (els) => els.map((e) => e.textContent));
    expect(labels).toEqual(['1. cover', '2. 1/4', '3. 2/4', '4. 3/4', '5. 4/4', '6. end']);
    const box = await page.locator('#cards .frame').first().boundingBox();
    expect(box!.width / box!.height).toBeCloseTo(1080 / 1350, 2);
    const natural = await page.$eval('#cards img', (i) => [(i as HTMLImageElement).naturalWidth, (i as HTMLImageElement).naturalHeight]);
    expect(natural).toEqual([1080, 1350]);
    expect(await page.locator('.cm-content').textContent()).toContain('title: Preview test');
  });

  it('re-renders the edited post\'s card when typing in the editor', async () => {
    const before = await cardSrcs();
    const s = await seq();
    await page.locator('.cm-line', { hasText: 'Post 3 says' }).click();
    await page.keyboard.press('End');
    await page.keyboard.type(' Typed in the browser.');
    await waitSeqAbove(s);
    await imagesLoaded();
    const after = await cardSrcs();
    const changed = after.map((src, i) => (src !== before[i] ? i : -1)).filter((i) => i >= 0);
    expect(changed).toEqual([3]); // cover, 1/4, 2/4, [3/4], 4/4, end
    expect(await page.locator('body.dirty').count()).toBe(1);
  });

  it('saves with the Save button, atomically and without a conflict echo', async () => {
    await page.click('#save');
    await page.waitForFunction(() => !document.body.classList.contains('dirty'), null, { timeout: UI_TIMEOUT });
    const onDisk = readFileSync(thread.file, 'utf8');
    expect(onDisk).toContain('Post 3 says something worth reading about small pull requests. Typed in the browser.');
    await page.waitForTimeout(500);
    expect(await page.locator('#conflict').isHidden()).toBe(true);
    thread.text = onDisk;
  });

  it('updates the page when the file is saved on disk', async () => {
    const before = await cardSrcs();
    const s = await seq();
    const text = thread.text.replace('Post 4 says', 'Post 4, saved by another editor, says');
    writeFileSync(thread.file, text);
    await waitSeqAbove(s);
    await imagesLoaded();
    const after = await cardSrcs();
    expect(after.map((src, i) => (src !== before[i] ? i : -1)).filter((i) => i >= 0)).toEqual([4]);
    expect(await page.locator('.cm-content').textContent()).toContain('Post 4, saved by another editor, says');
    thread.text = text;
  });

  it('shows a syntax error with its line and keeps the previous cards', async () => {
    const before = await cardSrcs();
    const s = await seq();
    await page.locator('.cm-line', { hasText: 'name: Ann Example' }).click();
    await page.keyboard.press('End');
    await page.keyboard.type(': broken');
    await waitSeqAbove(s);
    const problem = page.locator('#problems li.error').first();
    await expect.poll(() => problem.textContent()).toMatch(/line 3:\d+/);
    expect(await page.locator('#cards.stale').count()).toBe(1);
    expect(await cardSrcs()).toEqual(before);
    expect(await page.locator('.cm-lintRange-error').count()).toBeGreaterThan(0);
    expect(await page.locator('#status').textContent()).toMatch(/1 error/);
    // Undo: the cards come back fresh.
    const s2 = await seq();
    await page.locator('.cm-content').focus();
    for (let i = 0; i < 10 && (await page.evaluate(() => document.body.classList.contains('dirty'))); i++) await page.keyboard.press('Control+z');
    expect(await page.evaluate(() => document.body.classList.contains('dirty'))).toBe(false);
    await waitSeqAbove(s2);
    await page.waitForFunction(() => document.body.dataset.ok === 'true', null, { timeout: UI_TIMEOUT });
    expect(await page.locator('#cards.stale').count()).toBe(0);
    expect(await page.locator('#problems li').count()).toBe(0);
  });

  it('completes keys from the thread JSON Schema', async () => {
    await page.locator('.cm-line', { hasText: 'handle: "@ann"' }).click();
    await page.keyboard.press('End');
    await page.keyboard.press('Enter');
    await page.keyboard.type('ava');
    const popup = page.locator('.cm-tooltip-autocomplete');
    await popup.waitFor({ timeout: UI_TIMEOUT });
    expect(await popup.textContent()).toContain('avatar');
    await page.keyboard.press('Escape');
    // Undo back to the saved text.
    for (let i = 0; i < 10 && (await page.evaluate(() => document.body.classList.contains('dirty'))); i++) await page.keyboard.press('Control+z');
    expect(await page.evaluate(() => document.body.classList.contains('dirty'))).toBe(false);
    await page.waitForTimeout(600); // past the edit pause: the text is the saved one again
    await page.waitForFunction(() => document.body.dataset.ok === 'true', null, { timeout: UI_TIMEOUT });
    expect(await page.locator('#problems li').count()).toBe(0);
  });

  it('switches template and size in place', async () => {
    const before = await cardSrcs();
    const s = await seq();
    await page.selectOption('#template', 'dark');
    await waitSeqAbove(s);
    await imagesLoaded();
    const after = await cardSrcs();
    expect(after).toHaveLength(before.length);
    expect(after.every((src, i) => src !== before[i])).toBe(true);
    const s2 = await seq();
    await page.selectOption('#size', 'square');
    await waitSeqAbove(s2);
    await imagesLoaded();
    const box = await page.locator('#cards .frame').first().boundingBox();
    expect(box!.width / box!.height).toBeCloseTo(1, 2);
  });

  it('downloads the PDF, the handout and the PNG zip', async () => {
    const [pdf] = await Promise.all([page.waitForEvent('download', { timeout: UI_TIMEOUT }), page.click('#export-pdf')]);
    expect(pdf.suggestedFilename()).toBe('thread.pdf');
    const pdfFile = (await pdf.path())!;
    const bytes = readFileSync(pdfFile);
    expect(bytes.subarray(0, 5).toString()).toBe('%PDF-');
    const info = execFileSync('pdfinfo', [pdfFile], { encoding: 'utf8' });
    expect(info).toMatch(/Pages:\s+6/);
    expect(info).toMatch(/Page size:\s+1080 x 1080 pts/);

    const [handout] = await Promise.all([page.waitForEvent('download', { timeout: UI_TIMEOUT }), page.click('#export-handout')]);
    expect(handout.suggestedFilename()).toBe('thread-handout.pdf');
    const handoutInfo = execFileSync('pdfinfo', [(await handout.path())!], { encoding: 'utf8' });
    expect(handoutInfo).toMatch(/Page size:\s+595.28 x 841.89 pts \(A4\)/);

    const [zip] = await Promise.all([page.waitForEvent('download', { timeout: UI_TIMEOUT }), page.click('#export-zip')]);
    expect(zip.suggestedFilename()).toBe('thread-png.zip');
    const files = unzipSync(new Uint8Array(readFileSync((await zip.path())!)));
    expect(Object.keys(files)).toHaveLength(6);
  });

  it('loaded nothing from anywhere else and threw no page errors', () => {
    expect(pageErrors).toEqual([]);
  });
});
