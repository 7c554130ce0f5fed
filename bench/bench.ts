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
const child = (input: string, out: string, jobs: number, formats: string, force = true, pin = false): Child => {
  const args = ['bin/run-ts.js', 'bench/child-build.ts', input, out, String(jobs), formats, force ? '--force' : ''];
  // Pinned to one CPU: a one-worker build otherwise keeps ~1.35 cores busy (V8's compiler and GC threads).
  const [cmd, argv] = pin ? ['taskset', ['-c', '0', process.execPath, ...args]] : [process.execPath, args];
  return JSON.parse(execFileSync(cmd as string, argv as string[], { encoding: 'utf8', maxBuffer: 1 << 24 }));
};
const canPin = (() => {
  try {
    return os.platform() === 'linux' && os.availableParallelism() > 1 && (execFileSync('taskset', ['-c', '0', 'true']), true);
  } catch {
    return false;
  }
})();
const out = path.join(root, 'out');
const rows: Array<[string, Child]> = [
  ...(canPin ? [['PNG, --jobs 1, pinned to one core (taskset -c 0)', child(path.dirname(corpus[0]!), out, 1, 'png', true, true)] as [string, Child]] : []),
  ['PNG, --jobs 1', child(path.dirname(corpus[0]!), out, 1, 'png')],
  ['PNG, --jobs 2', child(path.dirname(corpus[0]!), out, 2, 'png')],
  ['PDF, --jobs 2', child(path.dirname(corpus[0]!), out, 2, 'pdf')],
  ['PNG + PDF, --jobs 2', child(path.dirname(corpus[0]!), out, 2, 'png,pdf')],
];
const again = child(path.dirname(corpus[0]!), out, 2, 'png,pdf', false);
log('| build | cards | s | cards/s | whole process s | peak RSS |');
log('|---|---:|---:|---:|---:|---:|');
for (const [name, r] of rows) log(`| ${name} | ${r.cards} | ${f1(r.ms / 1000)} | ${f1(r.cards / (r.ms / 1000))} | ${f1(r.processMs / 1000)} | ${r.maxRssMB} MB |`);
const row = (name: string) => rows.find(([n]) => n === name)?.[1];
const first = row('PNG + PDF, --jobs 2')!;
log(`| unchanged re-run (PNG + PDF, cache) | ${again.cards} (${again.cached} threads up to date) | ${f1(again.ms / 1000)} | — | ${f1(again.processMs / 1000)} | ${again.maxRssMB} MB |`);
const pinned = rows.find(([n]) => n.includes('pinned'))?.[1];
const speedup = (row('PNG, --jobs 1')!.ms / row('PNG, --jobs 2')!.ms).toFixed(2);
// The machine's own ceiling: two independent one-worker builds of half the corpus at once, against one alone.
const halves = ['a', 'b'].map((h) => path.dirname(writeCorpus(path.join(root, `half-${h}`), { threads: THREADS / 2, posts: POSTS })[0]!));
const alone = child(halves[0]!, path.join(root, 'out-a'), 1, 'png');
const runAsync = promisify(execFile);
const t0 = performance.now();
await Promise.all(halves.map((dir, i) => runAsync(process.execPath, ['bin/run-ts.js', 'bench/child-build.ts', dir, path.join(root, `out-${i}`), '1', 'png', '--force'])));
const ceiling = (2 * alone.processMs) / (performance.now() - t0);
log(`\nCores kept busy (CPU time / wall time): ${rows.map(([name, r]) => `${name} ${r.cores}`).join(', ')}.`);
log(`Machine ceiling: two independent one-worker builds at once give ${ceiling.toFixed(2)}× the throughput of one alone.`);
const m = await machineScaling();
log(`The machine itself, two processes against one: arithmetic ${m.alu.toFixed(2)}×, memory copy (64 MB buffers) ${m.mem.toFixed(2)}× (${m.memGBs.toFixed(1)} GB/s alone).`);
if (pinned) log(`\n2 cores vs 1 core: ${(pinned.ms / row('PNG, --jobs 2')!.ms).toFixed(2)}× PNG throughput (--jobs 2 against --jobs 1 pinned to one core).`);
log(`\n2 workers vs 1 (both free to use every core): ${speedup}× PNG throughput. Unchanged re-run: ${((100 * again.processMs) / first.processMs).toFixed(0)}% of the first run (whole process), ${((100 * again.ms) / first.ms).toFixed(0)}% of its build time.`);

/** How the machine scales from one process to two on pure arithmetic and on memory bandwidth (a card moves ~40 MB of pixels). */
async function machineScaling(): Promise<{ alu: number; mem: number; memGBs: number }> {
  const alu = 'let x=0;const t=performance.now();for(let i=0;i<4e8;i++)x=(x+i*7)%1000003;console.log(performance.now()-t)';
  const mem = 'const a=Buffer.alloc(64<<20,1),b=Buffer.alloc(64<<20);const t=performance.now();for(let i=0;i<120;i++)a.copy(b);console.log(performance.now()-t)';
  const one = async (code: string) => Number((await runAsync(process.execPath, ['-e', code])).stdout);
  const ratio = async (code: string) => {
    const alone = await one(code);
    const both = await Promise.all([one(code), one(code)]);
    return { alone, ratio: (2 * alone) / Math.max(...both) };
  };
  const a = await ratio(alu);
  const b = await ratio(mem);
  return { alu: a.ratio, mem: b.ratio, memGBs: (120 * 64) / 1024 / (b.alone / 1000) };
}

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
