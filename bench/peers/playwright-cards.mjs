// The Playwright peer, as a user would write it: open one HTML page holding the cards as
// 1080×1350 <section>s in Chromium, take an element screenshot of each (card-001.png …) and/or
// print the page to one PDF of 1080×1350 pages. bench/peers.mjs copies this file into its temp
// folder, next to the playwright-core it installs there.
//   node playwright-cards.mjs <cards.html> <outDir> <png|pdf|png,pdf> [chromium path]
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium } from 'playwright-core';

const [html, outDir, formatList = 'png', executablePath = process.env.CHROME_PATH || '/usr/bin/chromium'] = process.argv.slice(2);
if (!html || !outDir) {
  console.error('usage: node playwright-cards.mjs <cards.html> <outDir> <png|pdf|png,pdf> [chromium]');
  process.exit(2);
}
const formats = new Set(formatList.split(','));
mkdirSync(outDir, { recursive: true });

const browser = await chromium.launch({
  executablePath,
  args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
});
try {
  const page = await browser.newPage({ viewport: { width: 1080, height: 1350 }, deviceScaleFactor: 1 });
  await page.goto(pathToFileURL(path.resolve(html)).href, { waitUntil: 'load' });
  await page.evaluate(() => document.fonts.ready);
  if (formats.has('png')) {
    const cards = await page.$$('section');
    for (let i = 0; i < cards.length; i++) await cards[i].screenshot({ path: path.join(outDir, `card-${String(i + 1).padStart(3, '0')}.png`) });
  }
  if (formats.has('pdf')) {
    await page.pdf({ path: path.join(outDir, 'cards.pdf'), width: '1080px', height: '1350px', printBackground: true, margin: { top: 0, right: 0, bottom: 0, left: 0 } });
  }
} finally {
  await browser.close();
}
