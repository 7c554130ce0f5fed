// `--format html` end to end: the CLI writes one self-contained <slug>.html; Debian's Chromium
// (headless, driven by playwright-core, as in preview-browser.test.ts) opens it from file:// with
// every request that is not the file itself refused and recorded, and presents it: keys, clicks,
// deep links, the counter, text that can be found and selected, links, one printed page per card.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { loadThread } from '../src/index.ts';
import { postBlocks } from '../src/layout/post-blocks.ts';
import { blocksText } from '../src/model/index.ts';
import { runCli, tempDir } from './helpers.ts';
import { expectWordsInOrder, words } from './pdf-words.ts';

const CHROMIUM = '/usr/bin/chromium';
const SOURCE = 'threads/devops-sre-platform-engineering.yaml';
const SLUG = 'devops-sre-platform-engineering';

let out: string;
let file: string;
let url: string;
let browser: Browser;
let context: BrowserContext;
let page: Page;
const outside: string[] = [];
const errors: string[] = [];

const shown = () => page.evaluate(() => [...document.querySelectorAll('section.card')].filter((c) => !c.hasAttribute('hidden') && getComputedStyle(c).display !== 'none').map((c) => c.id));
const counter = () => page.locator('#counter').textContent();

beforeAll(async () => {
  if (!existsSync(CHROMIUM)) throw new Error(`${CHROMIUM} is missing: apt-get install -y chromium (.ci/run does it)`);
  out = tempDir();
  const r = runCli(['build', SOURCE, '--out', out, '--format', 'html', '--json', '--force']);
  expect(r.code, r.stderr).toBe(0);
  file = path.join(out, SLUG, `${SLUG}.html`);
  url = pathToFileURL(file).href;
  browser = await chromium.launch({ executablePath: CHROMIUM, headless: true, args: ['--no-sandbox'] });
  context = await browser.newContext({ viewport: { width: 900, height: 1000 } });
  // Anything but the deck file itself is a request leaving the page: recorded and refused.
  await context.route(
    (u) => u.href.split('#')[0] !== url,
    (route) => {
      outside.push(route.request().url().slice(0, 120));
      return route.abort();
    },
  );
  page = await context.newPage();
  page.on('pageerror', (e) => errors.push(String(e)));
  page.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
  await page.goto(url);
}, 120_000);

afterAll(async () => {
  await browser?.close();
});

describe('the HTML deck', () => {
  it('is one file: the JSON report lists it, and it holds every card as inline SVG with no outside reference', async () => {
    const html = readFileSync(file, 'utf8');
    expect(html.match(/<section class="card"/g)).toHaveLength(11);
    expect(html.match(/<svg /g)!.length).toBeGreaterThanOrEqual(11);
    // No src/href to anything but data: URLs, fragments and the links the cards show.
    const refs = [...html.matchAll(/\s(?:src|href)="([^"]*)"/g)].map((m) => m[1]!);
    expect(refs.filter((r) => !/^(data:|#|https?:)/.test(r))).toEqual([]);
    expect(html).not.toMatch(/<(link|iframe|object|embed)\b|@import|url\((?!#)/);
    expect(html).toContain("default-src 'none'");
  });

  it('opens from file:// on the first card, and ArrowRight shows the second', async () => {
    expect(await shown()).toEqual(['card-1']);
    expect(await counter()).toBe('1 / 11');
    await page.keyboard.press('ArrowRight');
    expect(await shown()).toEqual(['card-2']);
    expect(await counter()).toBe('2 / 11');
    expect(new URL(page.url()).hash).toBe('#2');
    // What is shown is the card's picture at the card's aspect ratio, filling the stage.
    const box = await page.locator('#card-2 svg').boundingBox();
    expect(box!.width).toBeGreaterThan(800);
    const vb = await page.locator('#card-2 svg').getAttribute('viewBox');
    expect(vb).toBe('0 0 1080 1350');
  });

  it('moves with PageDown/PageUp, End/Home, ArrowLeft and a click on the right or left', async () => {
    await page.keyboard.press('PageDown');
    expect(await counter()).toBe('3 / 11');
    await page.keyboard.press('PageUp');
    await page.keyboard.press('ArrowLeft');
    expect(await shown()).toEqual(['card-1']);
    await page.keyboard.press('End');
    expect(await shown()).toEqual(['card-11']);
    await page.keyboard.press('ArrowRight'); // stays on the last card
    expect(await counter()).toBe('11 / 11');
    await page.keyboard.press('Home');
    await page.mouse.click(800, 300);
    expect(await counter()).toBe('2 / 11');
    await page.mouse.click(50, 300);
    expect(await counter()).toBe('1 / 11');
    await page.locator('#next').click();
    expect(await counter()).toBe('2 / 11');
  });

  it('moves on a swipe (touch pointer): left goes on, right goes back', async () => {
    await page.keyboard.press('Home');
    const swipe = (from: number, to: number) =>
      page.evaluate(([a, b]) => {
        const main = document.querySelector('main')!;
        const ev = (type: string, x: number) => new PointerEvent(type, { pointerType: 'touch', clientX: x, clientY: 400, bubbles: true });
        main.dispatchEvent(ev('pointerdown', a!));
        main.dispatchEvent(ev('pointerup', b!));
      }, [from, to]);
    await swipe(700, 200);
    expect(await counter()).toBe('2 / 11');
    await swipe(200, 700);
    expect(await counter()).toBe('1 / 11');
  });

  it('F goes fullscreen and back', async () => {
    await page.keyboard.press('f');
    await page.waitForFunction(() => document.fullscreenElement !== null, null, { timeout: 5000 });
    await page.keyboard.press('f');
    await page.waitForFunction(() => document.fullscreenElement === null, null, { timeout: 5000 });
  });

  it('opens the card a #3 deep link names, and follows the hash', async () => {
    const other = await context.newPage();
    await other.goto(`${url}#3`);
    expect(await other.locator('#counter').textContent()).toBe('3 / 11');
    await other.evaluate(() => (location.hash = '#5'));
    await other.waitForFunction(() => document.body.dataset.card === '5');
    await other.close();
  });

  it('has every word of the thread as real text, in order, and selecting a card copies its words', async () => {
    const thread = await loadThread(SOURCE);
    const text = await page.evaluate(() => [...document.querySelectorAll('section.card .tl')].map((g) => g.textContent).join(' '));
    expectWordsInOrder(text, thread.posts.flatMap((p) => words(blocksText(postBlocks(p)))));
    await page.keyboard.press('Home');
    await page.keyboard.press('ArrowRight');
    const selected = await page.evaluate(() => {
      const range = document.createRange();
      range.selectNodeContents(document.querySelector('#card-2 .tl')!);
      getSelection()!.removeAllRanges();
      getSelection()!.addRange(range);
      const s = String(getSelection());
      getSelection()!.removeAllRanges();
      return s;
    });
    expectWordsInOrder(selected, words(blocksText(postBlocks(thread.posts[0]!))));
  });

  it('finding text on a hidden card brings that card up', async () => {
    await page.keyboard.press('Home');
    // What Ctrl+F does to a hidden="until-found" section: the browser fires beforematch on it.
    await page.evaluate(() => document.querySelector('#card-4')!.dispatchEvent(new Event('beforematch')));
    expect(await counter()).toBe('4 / 11');
  });

  it('makes links clickable where the outro shows them', async () => {
    const hrefs = await page.$$eval('section.card .ln a', (as) => as.map((a) => a.getAttribute('href')));
    expect(hrefs.length).toBeGreaterThan(0);
    expect(hrefs.every((h) => /^https?:\/\//.test(h ?? ''))).toBe(true);
  });

  it('prints one page per card, at the card size', async () => {
    const pdf = await page.pdf({ preferCSSPageSize: true, printBackground: true });
    const p = path.join(out, 'printed.pdf');
    writeFileSync(p, pdf);
    const info = execFileSync('pdfinfo', [p], { encoding: 'utf8' });
    expect(info).toMatch(/Pages:\s+11\n/);
    expect(info).toMatch(/Page size:\s+810 x 101[23](\.\d+)? pts/); // 1080×1350 CSS px = 810×1012.5 pt (Chromium rounds the height)
    // Every card's text is on its page.
    const thread = await loadThread(SOURCE);
    expectWordsInOrder(execFileSync('pdftotext', [p, '-'], { encoding: 'utf8' }), thread.posts.flatMap((q) => words(blocksText(postBlocks(q)))));
  });

  it('sent no request outside the file and raised no error', () => {
    expect(outside).toEqual([]);
    expect(errors).toEqual([]);
  });
});
