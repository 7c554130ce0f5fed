// npm run bench — threadeck's cost per card against the bare satori + resvg cost of the same cards,
// measured in the same process and run. Prints a table; nothing is asserted.
import os from 'node:os';
import satori from 'satori';
import { Resvg } from '@resvg/resvg-js';
import { measureStats } from '../src/layout/measure.ts';
import { deckInfo, getTemplate, layoutThread, loadThread, renderThread, type Deck } from '../src/index.ts';

const FILES = ['threads/devops-sre-platform-engineering.yaml', 'threads/small-prs-ship-faster.yaml', 'threads/postmortem-checklist.json'];
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 5);
const tick = () => new Promise<void>((r) => setImmediate(r));

const threads = await Promise.all(FILES.map((f) => loadThread(f)));
const decks: Deck[] = [];
for (const t of threads) decks.push(await layoutThread(t, { template: 'default' }));
const cardCount = decks.reduce((n, d) => n + d.cards.length, 0);

/** The bare stack: satori on the same element, resvg render, PNG encode — nothing else. */
async function bare(): Promise<void> {
  for (const deck of decks) {
    const template = deck.template;
    const info = deckInfo(deck.thread, deck.cards.length);
    for (const card of deck.cards) {
      const el = template.render({ card, deck: info, theme: deck.theme, size: deck.size, fontSize: card.fontSize, body: template.bodyBox(deck.size) });
      const svg = await satori(el as Parameters<typeof satori>[0], { ...deck.size, ...deck.assets });
      new Resvg(svg, { fitTo: { mode: 'original' }, font: { loadSystemFonts: false } }).render().asPng();
      await tick();
    }
  }
}

async function threadeck(formats: Array<'png' | 'pdf'>): Promise<void> {
  for (const t of threads) await renderThread(t, { formats, template: 'default' });
}

async function time(fn: () => Promise<void>): Promise<number> {
  const runs: number[] = [];
  for (let i = 0; i < ROUNDS; i++) {
    const t0 = performance.now();
    await fn();
    runs.push(performance.now() - t0);
  }
  runs.sort((a, b) => a - b);
  return runs[Math.floor(runs.length / 2)]! / cardCount; // median, per card
}

await bare(); // warm-up: JIT, font parsing, wasm
await threadeck(['png', 'pdf']);

const rows: Array<[string, number]> = [
  ['bare satori + resvg (PNG)', await time(bare)],
  ['threadeck PNG (load excluded, auto-fit included)', await time(() => threadeck(['png']))],
  ['threadeck PNG + PDF', await time(() => threadeck(['png', 'pdf']))],
];
measureStats.calls = 0;
measureStats.ms = 0;
for (const t of threads) await layoutThread(t, { template: 'default' });
const layoutRow: [string, number] = ['  of which layout (auto-fit measuring)', measureStats.ms / cardCount];
rows.splice(2, 0, layoutRow);
const base = rows[0]![1];
console.log(`threadeck bench — ${cardCount} cards (1080×1350) from ${FILES.length} threads, median of ${ROUNDS} rounds, one core`);
console.log(`${os.cpus()[0]?.model ?? 'cpu'} · node ${process.version}\n`);
console.log('| pipeline | ms / card | vs bare |');
console.log('|---|---:|---:|');
for (const [name, ms] of rows) console.log(`| ${name} | ${ms.toFixed(1)} | ${(ms / base).toFixed(2)}× |`);
console.log(`\nauto-fit: ${(measureStats.calls / cardCount).toFixed(1)} satori measurements per card`);
let pngBytes = 0;
let pdfBytes = 0;
for (const t of threads) {
  const out = await renderThread(t, { formats: ['png', 'pdf'], template: 'default' });
  pngBytes += out.pngs.reduce((n, p) => n + p.byteLength, 0);
  pdfBytes += out.pdf!.byteLength;
}
console.log(`bytes: PNGs ${(pngBytes / 1e6).toFixed(2)} MB, PDFs ${(pdfBytes / 1e6).toFixed(2)} MB (${((100 * pdfBytes) / pngBytes).toFixed(0)}% of the PNGs)`);
