// npm run bench — threadeck's speed on a fixed, generated corpus (50 threads of 8 posts: ≥ 500
// cards, default template): per-stage cost per card next to the floor measured in the same run
// (bare satori + resvg on the same card elements), whole builds on 1 and 2 cores, the cached
// re-run, cost per card from 10 to 1,000 cards, and peak RSS. Prints Markdown tables; asserts nothing.
// BENCH_THREADS=10 for a quick run.
import { execFile, execFileSync } from 'node:child_process';
import { promisify } from 'node:util';
import { rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { writeCorpus } from './corpus.ts';
import { measureStages, scaling } from './stages.ts';
import { pdfModes, printPdfModes } from './pdf-modes.ts';

const THREADS = Number(process.env.BENCH_THREADS ?? 50);
const POSTS = 8;
const root = path.join(os.tmpdir(), 'threadeck-bench');
rmSync(root, { recursive: true, force: true });
const corpus = writeCorpus(path.join(root, 'corpus'), { threads: THREADS, posts: POSTS });
const big = writeCorpus(path.join(root, 'big'), { threads: 2 * THREADS, posts: POSTS });
const f1 = (n: number) => n.toFixed(1);
const log = (s = '') => console.log(s);

log(`threadeck bench — ${os.cpus()[0]?.model ?? 'cpu'}, ${os.availableParallelism()} cores, ${Math.round(os.totalmem() / 2 ** 30)} GiB · node ${process.version} · load average ${os.loadavg()[0]!.toFixed(1)}`);
log(`corpus: ${THREADS} generated threads of ${POSTS} posts (default template, 1080×1350)\n`);

// Warm-up: JIT, font parsing, wasm.
await measureStages(corpus.slice(0, 2));
const s = await measureStages(corpus);
log(`## One core, in process (${s.cards} cards)\n`);
log('| stage | ms / card |');
log('|---|---:|');
for (const r of s.stages) log(`| ${r.name} | ${f1(r.msPerCard)} |`);
log('');
log('| pipeline | ms / card | cards/s | vs floor |');
log('|---|---:|---:|---:|');
log(`| **floor**: bare satori + resvg (PNG) | ${f1(s.floor)} | ${f1(1000 / s.floor)} | 1.00× |`);
for (const r of s.pipelines) log(`| ${r.name} | ${f1(r.msPerCard)} | ${f1(1000 / r.msPerCard)} | ${(r.msPerCard / s.floor).toFixed(2)}× |`);

log(`\n## Whole builds (\`build()\` with its worker pool, a fresh process each)\n`);
interface Child { ms: number; processMs: number; cards: number; built: number; cached: number; maxRssMB: number; cores: number }
const child = (input: string, out: string, jobs: number, formats: string, force = true): Child =>
  JSON.parse(execFileSync(process.execPath, ['bin/run-ts.js', 'bench/child-build.ts', input, out, String(jobs), formats, force ? '--force' : ''], { encoding: 'utf8', maxBuffer: 1 << 24 }));
const out = path.join(root, 'out');
const rows: Array<[string, Child]> = [
  ['PNG, --jobs 1', child(path.dirname(corpus[0]!), out, 1, 'png')],
  ['PNG, --jobs 2', child(path.dirname(corpus[0]!), out, 2, 'png')],
  ['PDF, --jobs 2', child(path.dirname(corpus[0]!), out, 2, 'pdf')],
  ['PNG + PDF, --jobs 2', child(path.dirname(corpus[0]!), out, 2, 'png,pdf')],
];
const again = child(path.dirname(corpus[0]!), out, 2, 'png,pdf', false);
log('| build | cards | s | cards/s | whole process s | peak RSS |');
log('|---|---:|---:|---:|---:|---:|');
for (const [name, r] of rows) log(`| ${name} | ${r.cards} | ${f1(r.ms / 1000)} | ${f1(r.cards / (r.ms / 1000))} | ${f1(r.processMs / 1000)} | ${r.maxRssMB} MB |`);
const first = rows[3]![1];
log(`| unchanged re-run (PNG + PDF, cache) | ${again.cards} (${again.cached} threads up to date) | ${f1(again.ms / 1000)} | — | ${f1(again.processMs / 1000)} | ${again.maxRssMB} MB |`);
const speedup = (rows[0]![1].ms / rows[1]![1].ms).toFixed(2);
// The machine's own ceiling: two independent one-worker builds of half the corpus at once, against one alone.
const halves = ['a', 'b'].map((h) => path.dirname(writeCorpus(path.join(root, `half-${h}`), { threads: THREADS / 2, posts: POSTS })[0]!));
const alone = child(halves[0]!, path.join(root, 'out-a'), 1, 'png');
const runAsync = promisify(execFile);
const t0 = performance.now();
await Promise.all(halves.map((dir, i) => runAsync(process.execPath, ['bin/run-ts.js', 'bench/child-build.ts', dir, path.join(root, `out-${i}`), '1', 'png', '--force'])));
const ceiling = (2 * alone.processMs) / (performance.now() - t0);
log(`\nCores kept busy (CPU time / wall time): ${rows.map(([name, r]) => `${name} ${r.cores}`).join(', ')}.`);
log(`Machine ceiling: two independent one-worker builds at once give ${ceiling.toFixed(2)}× the throughput of one alone.`);
log(`\n2 cores vs 1: ${speedup}× PNG throughput. Unchanged re-run: ${((100 * again.processMs) / first.processMs).toFixed(0)}% of the first run (whole process), ${((100 * again.ms) / first.ms).toFixed(0)}% of its build time.`);

log(`\n## Cost per card as the batch grows (one core, in process, PNG)\n`);
log('| threads | cards | ms / card | RSS after |');
log('|---:|---:|---:|---:|');
for (const n of [1, THREADS / 5, 2 * THREADS]) {
  const r = await scaling(big.slice(0, n));
  log(`| ${n} | ${r.cards} | ${f1(r.msPerCard)} | ${r.rssMB} MB |`);
}
const rss = child(path.dirname(big[0]!), out, 2, 'png,pdf');
log(`\nPeak RSS of a ${rss.cards}-card build (PNG + PDF, --jobs 2, the whole process with its workers): ${rss.maxRssMB} MB.`);
printPdfModes(await pdfModes(corpus.slice(0, 5)), log);
rmSync(root, { recursive: true, force: true });
