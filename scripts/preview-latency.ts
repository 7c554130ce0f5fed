// Measures `threadeck preview`'s live-update latency for a 10-card thread (8 posts, cover, outro):
// from saving the thread file on disk (one post changed) to the changed card's new image loaded
// in the page (Chromium, headless). Also prints the server's own timings and the CPU time the
// server process spent per update (wall-clock numbers grow when other processes share the CPU).
// Usage: node bin/run-ts.js scripts/preview-latency.ts [rounds]
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { chromium } from 'playwright-core';
import { startPreviewServer } from '../src/preview/server.ts';

const rounds = Number(process.argv[2] ?? 12);
const dir = mkdtempSync(path.join(os.tmpdir(), 'threadeck-latency-'));
const file = path.join(dir, 'thread.yaml');
const post = (i: number, extra = '') =>
  `  - Post ${i}${extra} — small pull requests get reviewed sooner, merge with fewer conflicts and are easier to revert when something breaks.`;
const text = (extra = '') => `title: Latency\nauthor: { name: Ann Example, handle: "@ann" }\nposts:\n${Array.from({ length: 8 }, (_, i) => post(i + 1, i === 2 ? extra : '')).join('\n')}\n`;
writeFileSync(file, text());

const server = await startPreviewServer({ file });
console.log(`first render: ${server.firstRenderMs} ms for ${server.session.result!.cards.length} cards${server.session.result!.ok ? "" : " (errors!)"}`);
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', headless: true, args: ['--no-sandbox'] });
const page = await browser.newPage({ viewport: { width: 1600, height: 1000 } });
await page.goto(server.url);
await page.waitForSelector('body.ready');

const inPage: number[] = [];
const onServer: { total: number; layout: number; render: number; cpu: number }[] = [];
for (let n = 0; n < rounds; n++) {
  const before = await page.getAttribute('#cards .card:nth-child(4) img', 'src');
  const watch = page.waitForFunction(
    (old) => {
      const img = document.querySelector<HTMLImageElement>('#cards .card:nth-child(4) img');
      return !!img && img.getAttribute('src') !== old && img.complete && img.naturalWidth > 0;
    },
    before,
    { polling: 'raf', timeout: 30_000 },
  );
  const cpu0 = process.cpuUsage();
  const t0 = performance.now();
  writeFileSync(file, text(` (edit ${n})`));
  await watch;
  const dt = performance.now() - t0;
  const used = process.cpuUsage(cpu0);
  const cpu = Math.round((used.user + used.system) / 1000);
  await server.session.idle();
  const r = server.session.result!;
  if (n >= 2) {
    inPage.push(dt);
    onServer.push({ total: r.ms.total, layout: r.ms.layout, render: r.ms.render, cpu });
  }
  console.log(`round ${n + 1}: save → new card image in the page ${dt.toFixed(0)} ms (server: ${r.ms.total} ms, layout ${r.ms.layout}, render ${r.ms.render}, ${r.rendered} card re-rendered; server CPU ${cpu} ms)`);
  await new Promise((resolve) => setTimeout(resolve, 150));
}
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
console.log(
  `median of ${inPage.length}: ${median(inPage).toFixed(0)} ms save → image in page; server render ${median(onServer.map((x) => x.total))} ms (layout ${median(onServer.map((x) => x.layout))}, card ${median(onServer.map((x) => x.render))}); server CPU time ${median(onServer.map((x) => x.cpu))} ms`,
);
await browser.close();
await server.close();
rmSync(dir, { recursive: true, force: true });
