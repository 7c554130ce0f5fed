// One `build` in a fresh process, for the bench: node bin/run-ts.js bench/child-build.ts IN OUT JOBS FORMATS [--force]
// Prints one JSON line: build ms, whole-process ms (Node and tsx start included), cards, statuses, peak RSS,
// and the cores it kept busy (CPU time / wall time).
import { build } from '../src/build.ts';
import { resolveInputs } from '../src/cli/inputs.ts';
import type { OutputKind } from '../src/model/index.ts';

const [input, outDir, jobs, formats, force] = process.argv.slice(2);
const { files } = await resolveInputs([input!]);
const report = await build(files, { outDir: outDir!, jobs: Number(jobs), formats: formats!.split(',') as OutputKind[], force: force === '--force', template: 'default' });
process.stdout.write(`${JSON.stringify({
  ok: report.ok,
  ms: report.ms,
  processMs: Math.round(performance.now()),
  cards: report.cards,
  built: report.threads.filter((t) => t.status === 'built').length,
  cached: report.cached,
  maxRssMB: Math.round(process.resourceUsage().maxRSS / 1024),
  // CPU time of the process and its workers over its wall time: how many cores it kept busy.
  cores: Number(((process.resourceUsage().userCPUTime + process.resourceUsage().systemCPUTime) / 1000 / performance.now()).toFixed(2)),
})}\n`);
