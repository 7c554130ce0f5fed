// The orchestrator: every input file is one task on the worker pool (load or import → lay out →
// render, in a worker), written here in the main thread (atomic, unchanged files left alone), and
// reported. One failed thread never stops the others (unless failFast); its old outputs stay
// untouched. A content-hash cache skips threads whose outputs are already on disk.
import type { Diagnostic } from './diagnostics.ts';
import type { OutputKind } from './model/index.ts';
import type { RenderOptions } from './pipeline.ts';
import { remoteImagesInScope, type RemoteImageOptions } from './assets/remote-image.ts';
import type { BuildPool } from './batch/pool.ts';
import { DeadlineError, StoppedError, workerFailure } from './batch/pool-errors.ts';
import { hashValue, toolFingerprint } from './hash.ts';
import { outputsIntact, readManifest, type Manifest } from './batch/cache-manifest.ts';
import { uniqueSlugs } from './batch/slugs.ts';
import { renderSplit } from './batch/split.ts';
import type { CachedCard, RenderResult } from './batch/render-task.ts';
import type { Prepared } from './batch/prepare.ts';
import { toDiagnostics } from './batch/to-diagnostics.ts';
import { DEFAULT_TIMEOUT_MS, defaultJobs } from './batch/defaults.ts';
import { hashSources, sourcesUnchanged } from './batch/sources.ts';
import { renderHere, useMainThread } from './batch/in-process.ts';
import type { BuildReport, FileReport, ThreadReport, ThreadStatus } from './batch/reports.ts';
import { ensureWritableDir } from './write/out-dir.ts';

export { toDiagnostics };

export { DEFAULT_TIMEOUT_MS };

/** renderThread's options for every thread (size, template, theme, PDF mode…); reuse, slices and card callbacks are the build's own business. */
export type ThreadRenderOptions = Omit<RenderOptions, 'reuse' | 'onCard' | 'slice'>;

export interface BuildOptions extends ThreadRenderOptions {
  /** Output folder; each thread writes into `<outDir>/<slug>/`. */
  outDir: string;
  formats: readonly OutputKind[];
  /**
   * Worker threads; when `pool` is given, it should have this many. Default: chosen by the work — a
   * build of one small thread (≤ SMALL_THREAD_CARDS cards, batch/in-process.ts; a built-in template) renders in this
   * thread with no pool, anything more on up to one worker per core.
   */
  jobs?: number;
  /** Gives the pool to use (of about `workers` workers), called when the first thread needs rendering (--watch keeps one); otherwise one is made and closed for this build. */
  pool?: (workers: number) => BuildPool | Promise<BuildPool>;
  /** Stop at the first thread that fails: the rest are not built. */
  failFast?: boolean;
  /** Render everything, ignoring the cache. */
  force?: boolean;
  /** A thread's render deadline in ms, from when its worker starts on it; 0 for none. */
  timeoutMs?: number;
  /** Aborting stops the build: running threads are stopped, the others are not started. */
  signal?: AbortSignal;
  /** http(s) images (default: the `withRemoteImages` scope build is called in, else off). */
  remoteImages?: RemoteImageOptions;
  /** Called once the inputs are known. */
  onStart?: (threads: number) => void;
  /** Called after each thread, as threads finish. */
  onThread?: (report: ThreadReport) => void;
  /** Called as each card of a thread being rendered is done, with the thread's card count (for a live card count and ETA). */
  onCard?: (input: string, cards: number) => void;
}

export type { BuildReport, FileReport, ThreadReport, ThreadStatus };

export async function build(inputs: readonly string[], opts: BuildOptions): Promise<BuildReport> {
  const started = performance.now();
  // A folder that cannot be written fails the build before anything renders.
  if (inputs.length) await ensureWritableDir(opts.outDir);
  const slugs = await uniqueSlugs(inputs);
  const fingerprint = await toolFingerprint();
  const stop = new AbortController();
  const onSignal = () => stop.abort();
  opts.signal?.addEventListener('abort', onSignal, { once: true });
  if (opts.signal?.aborted) stop.abort();
  const auto = opts.jobs === undefined;
  const allJobs = Math.max(1, opts.jobs ?? defaultJobs());
  // Fewer threads than workers (one big thread): each thread's cards are shared by the idle workers.
  const spread = Math.floor(allJobs / Math.max(1, inputs.length));
  const jobs = spread > 1 ? allJobs : Math.min(allJobs, inputs.length || 1);
  // Made on the first thread that needs rendering: an up-to-date build starts no worker at all.
  let pooled = false;
  // The pool module (piscina) is loaded with the first pool: an up-to-date or in-process build never loads it.
  let own: Promise<BuildPool> | undefined;
  const pool = async (): Promise<BuildPool> => {
    pooled = true;
    return opts.pool?.(jobs) ?? (own ??= import('./batch/pool.ts').then((m) => new m.BuildPool(jobs)));
  };
  const threads: ThreadReport[] = new Array(inputs.length);
  opts.onStart?.(inputs.length);

  let next = 0;
  const lane = async () => {
    while (next < inputs.length) {
      const i = next++;
      const here = auto && inputs.length === 1;
      const report = stop.signal.aborted ? skipped(inputs[i]!, slugs[i]!) : await buildOne(pool, inputs[i]!, slugs[i]!, fingerprint, opts, stop.signal, spread, here);
      threads[i] = report;
      opts.onThread?.(report);
      if (opts.failFast && report.status === 'failed') stop.abort();
    }
  };
  try {
    // Twice as many lanes as workers: while one lane loads or writes in this thread, its worker renders another's.
    await Promise.all(Array.from({ length: Math.min(2 * jobs, inputs.length) }, lane));
  } finally {
    opts.signal?.removeEventListener('abort', onSignal);
    await (await own)?.destroy();
  }
  const count = (s: ThreadStatus) => threads.filter((t) => t.status === s).length;
  return {
    ok: threads.every((t) => t.status === 'built' || t.status === 'cached'),
    threads,
    cards: threads.reduce((n, t) => n + t.cards, 0),
    cached: count('cached'),
    skipped: count('skipped'),
    interrupted: Boolean(opts.signal?.aborted),
    jobs: pooled ? jobs : 0,
    ms: Math.round(performance.now() - started),
  };
}

/**
 * `spread`: how many workers share one thread's cards (more than 1 when there are fewer threads than
 * workers). `here`: the build may render a small thread in this thread instead of on the pool.
 */
async function buildOne(pool: () => Promise<BuildPool>, input: string, slug: string, fingerprint: string, opts: BuildOptions, signal: AbortSignal, spread: number, here: boolean): Promise<ThreadReport> {
  const started = performance.now();
  const report = blank(input, slug);
  const layout = renderOptions(opts);
  // Threads load in this thread (prepare.ts), so the remote-image options, hooks included, apply as given.
  const remoteImages = opts.remoteImages ?? remoteImagesInScope();
  const settings = hashValue(fingerprint, [...opts.formats].sort(), layout);
  const previous = await readManifest(opts.outDir, slug);
  // Nothing the thread was built from has changed (remote images may have: those threads load again).
  const quick = !opts.force && !remoteImages?.enabled && previous?.settings === settings && previous.input === input;
  if (quick && (await sourcesUnchanged(previous.sources)) && (await outputsIntact(previous))) return fromManifest(report, previous, started);
  let prepared: Prepared;
  try {
    const { prepareThread } = await import('./batch/prepare.ts');
    prepared = await prepareThread(input, { slug, formats: opts.formats, layout, fingerprint, ...(remoteImages && { remoteImages }) });
  } catch (err) {
    return failed(report, toDiagnostics(err, input), started);
  }
  Object.assign(report, { title: prepared.thread.title, deps: prepared.deps });
  const sources = hashSources(prepared.sources);
  if (!opts.force && previous?.key === prepared.key && (await outputsIntact(previous))) {
    // Built by an older manifest, or only touched: up to date, and recorded for the quick check next time.
    if (!quick) await rememberSources(opts.outDir, slug, previous, await sources, settings);
    return fromManifest(report, previous, started);
  }

  // A changed thread: its unchanged cards are read back from the last build (by card key), not rendered.
  // Always given (empty on a first or forced build), so the card keys are computed and recorded for next time.
  const reuse = { salt: fingerprint, cards: !opts.force && previous ? cachedCards(previous) : [] };
  const task = { thread: prepared.thread, outDir: opts.outDir, formats: [...opts.formats], layout, reuse };
  const run = { timeoutMs: opts.timeoutMs ?? DEFAULT_TIMEOUT_MS, signal, onCard: (cards: number) => opts.onCard?.(input, cards) };
  let render: RenderResult;
  try {
    // Markdown alone needs no rendering: no worker for it.
    if (opts.formats.every((f) => f === 'md') || (here && useMainThread(prepared.thread, layout))) render = await renderHere(task, run.onCard);
    else if (spread > 1 && opts.formats.some((f) => f === 'png' || f === 'svg')) render = await renderSplit(await pool(), task, spread, run);
    else render = await (await pool()).run(task, run);
  } catch (err) {
    if (err instanceof StoppedError) return { ...report, status: 'skipped' };
    const message = err instanceof DeadlineError ? `${err.message} (--timeout ${err.seconds})` : workerFailure(err);
    return failed(report, [{ severity: 'error', rule: err instanceof DeadlineError ? 'timeout' : 'internal', file: input, message }], started);
  }
  const warnings = [...prepared.warnings, ...render.warnings];
  Object.assign(report, { cards: render.cards, warnings, reused: render.reused ?? 0 });
  if (render.errors.length) return failed(report, render.errors, started);
  try {
    const { writeOutputs } = await import('./batch/write-outputs.ts');
    const recorded = { sources: await sources, settings };
    const { files, written } = await writeOutputs({ input, slug, title: prepared.thread.title, key: prepared.key, render, warnings, ...recorded }, opts.outDir, opts.formats, previous);
    return { ...report, status: 'built', files, written, ms: ms(started) };
  } catch (err) {
    return failed(report, toDiagnostics(err, input), started);
  }
}

/** The options that reach renderThread (size, template, theme, and whatever else RenderOptions gains), without the build's own. */
function renderOptions(opts: BuildOptions): Omit<RenderOptions, 'formats'> {
  const { outDir: _o, formats: _f, jobs: _j, pool: _p, failFast: _ff, force: _fo, timeoutMs: _t, signal: _s, remoteImages: _r, onStart: _os, onThread: _ot, onCard: _oc, ...render } = opts;
  return Object.fromEntries(Object.entries(render).filter(([, v]) => v !== undefined && typeof v !== 'function'));
}

/** An up-to-date thread's manifest, with its sources recorded for the quick check. */
async function rememberSources(outDir: string, slug: string, m: Manifest, sources: Manifest['sources'], settings: string): Promise<void> {
  const { writeManifest } = await import('./batch/cache-manifest.ts');
  const { version: _, ...rest } = m;
  await writeManifest(outDir, slug, { ...rest, sources, settings }).catch(() => undefined);
}

function fromManifest(report: ThreadReport, m: Manifest, started: number): ThreadReport {
  const files = m.files.map(({ sha256: _, card: _c, ...f }) => f);
  return { ...report, status: 'cached', cards: m.cards, files, warnings: m.warnings, ms: ms(started) };
}

function cachedCards(m: Manifest): CachedCard[] {
  return m.files.flatMap((f) => (f.card && (f.kind === 'png' || f.kind === 'svg') ? [{ key: f.card, kind: f.kind, path: f.path, sha256: f.sha256 }] : []));
}

const ms = (since: number) => Math.round(performance.now() - since);

function blank(input: string, slug: string): ThreadReport {
  return { input, slug, title: null, status: 'built', cards: 0, files: [], written: 0, reused: 0, deps: [], warnings: [], errors: [], ms: 0 };
}

const skipped = (input: string, slug: string): ThreadReport => ({ ...blank(input, slug), status: 'skipped' });

function failed(report: ThreadReport, errors: Diagnostic[], started: number): ThreadReport {
  return { ...report, status: 'failed', cards: 0, errors, ms: ms(started) };
}
