// Runs `threadeck build` once (or, with --watch, again on every change): inputs resolved, progress
// shown, Ctrl+C handled, the report printed (text or --json), the exit code decided.
// Ctrl+C (or SIGTERM) mid-build stops the running threads, keeps what was written, prints the
// summary and exits 1; a second Ctrl+C exits at once.
import { build, type BuildOptions, type BuildReport, type ThreadReport } from '../build.ts';
import type { BuildPool } from '../batch/pool.ts';
import { defaultJobs } from '../batch/defaults.ts';
import { remoteImagesInScope } from '../assets/remote-image.ts';
import { resolveInputs } from './inputs.ts';
import { createProgress } from './progress.ts';
import { printSummary, printThread } from './report.ts';
import type { BatchFlags } from './batch-flags.ts';

/** How long Ctrl+C or SIGTERM waits for running threads to stop before the process exits anyway. */
export const SHUTDOWN_DEADLINE_MS = 10_000;

export interface BuildRun {
  inputs: string[];
  json: boolean;
  batch: BatchFlags;
  /** Output folder, formats and the layout flags; read again before each --watch rebuild (a --theme file may change). */
  options: () => Promise<Omit<BuildOptions, 'jobs' | 'failFast' | 'force' | 'timeoutMs' | 'signal' | 'pool' | 'onStart' | 'onThread' | 'onCard'>>;
  /** Extra files to watch (--template, --theme). */
  watchFiles?: string[];
}

export async function runBuild(run: BuildRun): Promise<number> {
  const remote = remoteImagesInScope();
  let pool: Promise<BuildPool> | undefined;
  // One build: the workers build() asks for (no more than it can use); --watch keeps one pool of --jobs workers for every build.
  const poolFor = (workers: number) => (pool ??= import('../batch/pool.ts').then((m) => new m.BuildPool(run.batch.watch ? (run.batch.jobs ?? defaultJobs()) : workers)));
  const stop = new AbortController();
  const onSignal = () => {
    if (stop.signal.aborted) process.exit(130);
    stop.abort();
    // A write stuck on a broken file system must not keep the process alive: exit anyway after a deadline.
    setTimeout(() => {
      process.stderr.write(`threadeck build: still stopping after ${SHUTDOWN_DEADLINE_MS / 1000} s; exiting now\n`);
      process.exit(130);
    }, SHUTDOWN_DEADLINE_MS).unref();
  };
  process.on('SIGINT', onSignal);
  process.on('SIGTERM', onSignal);
  const once = async (freshWorkers = false) => {
    if (freshWorkers) await (await pool)?.destroy();
    if (freshWorkers) pool = undefined;
    return buildOnce(run, poolFor, stop.signal, remote);
  };
  try {
    if (!run.batch.watch) return (await once()).ok ? 0 : 1;
    const { watchBuilds } = await import('../watch.ts');
    return await watchBuilds(once, { inputs: run.inputs, extra: run.watchFiles ?? [], outDir: (await run.options()).outDir, signal: stop.signal });
  } finally {
    process.off('SIGINT', onSignal);
    process.off('SIGTERM', onSignal);
    await (await pool)?.destroy();
  }
}

async function buildOnce(run: BuildRun, poolFor: (workers: number) => Promise<BuildPool>, signal: AbortSignal, remote: BuildOptions['remoteImages']): Promise<BuildReport> {
  const options = await run.options();
  const { files, unmatched } = await resolveInputs(run.inputs);
  const progress = createProgress({ json: run.json, tty: Boolean(process.stderr.isTTY) && !process.env.CI });
  let report: BuildReport;
  try {
    // --redis: the same build, rendered and written by the queue's workers (loaded only then).
    const run_ = run.batch.redis ? await import('../cluster/submit.ts').then((m) => (f: string[], o: BuildOptions) => m.buildOnRedis(f, { ...o, redis: run.batch.redis! })) : build;
    report = await run_(files, {
      ...options,
      ...(remote && { remoteImages: remote }),
      // --watch keeps one pool for every rebuild (its workers keep their fonts and templates); one build chooses its own.
      ...((run.batch.jobs !== undefined || run.batch.watch) && { jobs: run.batch.jobs ?? defaultJobs() }),
      pool: poolFor,
      failFast: run.batch.failFast,
      force: run.batch.force,
      timeoutMs: run.batch.timeoutMs,
      signal,
      onStart: (n) => progress.start(n),
      onThread: (t) => progress.thread(t),
      onCard: (input, cards) => progress.card(input, cards),
    });
  } finally {
    progress.stop();
  }
  const unmatchedReports: ThreadReport[] = unmatched.map((input) => ({
    input,
    slug: null,
    title: null,
    status: 'failed',
    cards: 0,
    files: [],
    written: 0,
    reused: 0,
    deps: [],
    warnings: [],
    errors: [{ severity: 'error', rule: 'input', file: input, message: 'no files match this pattern' }],
    ms: 0,
  }));
  if (!run.json) unmatchedReports.forEach((t) => printThread(t));
  report.threads.push(...unmatchedReports);
  report.ok = report.ok && unmatched.length === 0 && !report.interrupted;
  // --watch --json: one compact JSON document per build, one per line.
  if (run.json) process.stdout.write(`${run.batch.watch ? JSON.stringify(report) : JSON.stringify(report, null, 2)}\n`);
  else printSummary(report);
  return report;
}
