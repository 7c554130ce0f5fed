// `threadeck build --redis`: the build of build.ts with the render and the write done by workers.
// Each thread is checked against the cache and loaded here, as locally (an unchanged thread is never
// queued); one that needs rendering becomes one job whose id is its cache key, so the same thread
// submitted twice (or by two builds) is rendered once. Progress comes from job progress events;
// results and failures from the job's state, looked at until it is finished (events may be missed
// while Redis restarts; a job Redis lost is queued again).
import { setMaxListeners } from 'node:events';
import { Job, Queue, QueueEvents } from 'bullmq';
import type { BuildOptions, BuildReport, ThreadReport, ThreadStatus } from '../build.ts';
import type { Diagnostic } from '../diagnostics.ts';
import type { RenderOptions } from '../pipeline.ts';
import { hashValue, toolFingerprint } from '../hash.ts';
import { remoteImagesInScope } from '../assets/remote-image.ts';
import { outputsIntact, readManifest, writeManifest, type Manifest } from '../batch/cache-manifest.ts';
import { uniqueSlugs } from '../batch/slugs.ts';
import { hashSources, sourcesUnchanged } from '../batch/sources.ts';
import { toDiagnostics } from '../batch/to-diagnostics.ts';
import type { CachedCard } from '../batch/task.ts';
import { ensureWritableDir } from '../write/out-dir.ts';
import { QUEUE_NAME, redisConnection } from './connection.ts';
import { decodeResult, encodeTask } from './codec.ts';
import type { BuildPool } from '../batch/pool.ts';
import { StoppedError } from '../batch/pool-errors.ts';
import type { RenderResult, RenderTask } from '../batch/task.ts';
import { FAILED_PREFIX, JOB_OPTIONS, type RenderJobData, type RenderJobResult } from './job.ts';

export interface RedisBuildOptions extends BuildOptions {
  redis: string;
  /** Threads loaded and queued at once here (default 16). */
  lanes?: number;
}

type Outcome = { state: 'completed'; value: RenderJobResult } | { state: 'failed'; reason: string; attempts: number } | { state: 'stopped' };

export async function buildOnRedis(inputs: readonly string[], opts: RedisBuildOptions): Promise<BuildReport> {
  const started = performance.now();
  if (inputs.length) await ensureWritableDir(opts.outDir);
  const slugs = await uniqueSlugs(inputs);
  const fingerprint = await toolFingerprint();
  const stop = new AbortController();
  // Each job being waited for listens to it (16 lanes by default).
  setMaxListeners(0, stop.signal);
  const onSignal = () => stop.abort();
  opts.signal?.addEventListener('abort', onSignal, { once: true });
  if (opts.signal?.aborted) stop.abort();
  const connection = redisConnection(opts.redis);
  const queue = new Queue<RenderJobData, RenderJobResult>(QUEUE_NAME, { connection });
  const events = new QueueEvents(QUEUE_NAME, { connection });
  // Ignored: ioredis reconnects by itself (the build waits meanwhile).
  queue.on('error', () => undefined);
  events.on('error', () => undefined);
  const inputOf = new Map<string, string>();
  const wake = new Map<string, () => void>();
  events.on('progress', ({ jobId, data }) => {
    const input = inputOf.get(jobId);
    const p = data as { cards?: number };
    if (input && typeof p?.cards === 'number') opts.onCard?.(input, p.cards);
  });
  const finished = ({ jobId }: { jobId: string }) => wake.get(jobId)?.();
  events.on('completed', finished);
  events.on('failed', finished);
  // Ours, still waiting: removed on Ctrl+C or --fail-fast.
  const queued = new Set<string>();
  stop.signal.addEventListener('abort', () => void Promise.all([...queued].map((id) => queue.remove(id).catch(() => 0))), { once: true });

  const threads: ThreadReport[] = new Array(inputs.length);
  opts.onStart?.(inputs.length);
  let next = 0;
  // --jobs N with fewer threads than N: each thread's cards are shared by N jobs (as the local pool shares them among idle workers).
  const spread = opts.jobs ? Math.floor(opts.jobs / Math.max(1, inputs.length)) : 1;
  const ctx = { queue, fingerprint, opts, signal: stop.signal, inputOf, wake, queued, spread };
  const lane = async () => {
    while (next < inputs.length) {
      const i = next++;
      const report = stop.signal.aborted ? { ...blank(inputs[i]!, slugs[i]!), status: 'skipped' as const } : await buildOne(ctx, inputs[i]!, slugs[i]!);
      threads[i] = report;
      opts.onThread?.(report);
      if (opts.failFast && report.status === 'failed') stop.abort();
    }
  };
  try {
    await Promise.all(Array.from({ length: Math.min(opts.lanes ?? 16, inputs.length) }, lane));
  } finally {
    opts.signal?.removeEventListener('abort', onSignal);
    await Promise.all([events.close(), queue.close()]).catch(() => undefined);
  }
  const count = (s: ThreadStatus) => threads.filter((t) => t.status === s).length;
  return {
    ok: threads.every((t) => t.status === 'built' || t.status === 'cached'),
    threads,
    cards: threads.reduce((n, t) => n + t.cards, 0),
    cached: count('cached'),
    skipped: count('skipped'),
    interrupted: Boolean(opts.signal?.aborted),
    // No local worker threads: the rendering was done by the queue's workers.
    jobs: 0,
    ms: Math.round(performance.now() - started),
  };
}

interface Ctx {
  queue: Queue<RenderJobData, RenderJobResult>;
  fingerprint: string;
  opts: RedisBuildOptions;
  signal: AbortSignal;
  inputOf: Map<string, string>;
  wake: Map<string, () => void>;
  queued: Set<string>;
  spread: number;
}

async function buildOne(ctx: Ctx, input: string, slug: string): Promise<ThreadReport> {
  const { opts } = ctx;
  const started = performance.now();
  const report = blank(input, slug);
  const layout = renderOptions(opts);
  const remoteImages = opts.remoteImages ?? remoteImagesInScope();
  const settings = hashValue(ctx.fingerprint, [...opts.formats].sort(), layout);
  const previous = await readManifest(opts.outDir, slug);
  const quick = !opts.force && !remoteImages?.enabled && previous?.settings === settings && previous.input === input;
  if (quick && (await sourcesUnchanged(previous.sources)) && (await outputsIntact(previous))) return fromManifest(report, previous, started);
  let prepared;
  try {
    const { prepareThread } = await import('../batch/prepare.ts');
    prepared = await prepareThread(input, { slug, formats: opts.formats, layout, fingerprint: ctx.fingerprint, ...(remoteImages && { remoteImages }) });
  } catch (err) {
    return failed(report, toDiagnostics(err, input), started);
  }
  Object.assign(report, { title: prepared.thread.title, deps: prepared.deps });
  const sources = await hashSources(prepared.sources);
  if (!opts.force && previous?.key === prepared.key && (await outputsIntact(previous))) {
    if (!quick) {
      const { version: _, ...rest } = previous;
      await writeManifest(opts.outDir, slug, { ...rest, sources, settings }).catch(() => undefined);
    }
    return fromManifest(report, previous, started);
  }
  const reuse = { salt: ctx.fingerprint, cards: !opts.force && previous ? cachedCards(previous) : [] };
  const task = { thread: prepared.thread, outDir: opts.outDir, formats: [...opts.formats], layout, reuse };
  const data: RenderJobData = { task: encodeTask(task), input, slug, title: prepared.thread.title, key: prepared.key, outDir: opts.outDir, formats: [...opts.formats], warnings: prepared.warnings, sources, settings };
  // --force: a new job id, so a finished job of the same thread is not taken for this one.
  const id = opts.force ? `${prepared.key}-${Date.now().toString(36)}` : prepared.key;
  if (ctx.signal.aborted) return { ...report, status: 'skipped' };
  if (ctx.spread > 1 && opts.formats.some((f) => f === 'png' || f === 'svg')) {
    // A big thread in card ranges: the shares rendered by workers, merged and written here.
    let render: RenderResult;
    try {
      const { renderSplit } = await import('../batch/split.ts');
      render = await renderSplit(partPool(ctx, id, data), task, ctx.spread, { signal: ctx.signal, onCard: (cards) => opts.onCard?.(input, cards) });
    } catch (err) {
      if (err instanceof StoppedError) return { ...report, status: 'skipped' };
      return failed(report, [{ severity: 'error', rule: 'internal', file: input, message: err instanceof Error ? err.message : String(err) }], started);
    }
    const warnings = [...prepared.warnings, ...render.warnings];
    Object.assign(report, { cards: render.cards, warnings, reused: render.reused ?? 0 });
    if (render.errors.length) return failed(report, render.errors, started);
    try {
      const { writeOutputs } = await import('../batch/write-outputs.ts');
      const { files, written } = await writeOutputs({ input, slug, title: prepared.thread.title, key: prepared.key, render, warnings, sources, settings }, opts.outDir, opts.formats, previous);
      return { ...report, status: 'built', files, written, ms: ms(started) };
    } catch (err) {
      return failed(report, toDiagnostics(err, input), started);
    }
  }
  const outcome = await runJob(ctx, id, data);
  if (outcome.state === 'stopped') return { ...report, status: 'skipped' };
  if (outcome.state === 'failed') {
    const errors: Diagnostic[] = outcome.reason.startsWith(FAILED_PREFIX)
      ? (JSON.parse(outcome.reason.slice(FAILED_PREFIX.length)) as Diagnostic[])
      : [{ severity: 'error', rule: 'internal', file: input, message: `rendering failed on a worker after ${outcome.attempts} attempt${outcome.attempts === 1 ? '' : 's'}: ${outcome.reason}` }];
    return failed(report, errors, started);
  }
  const r = outcome.value;
  return { ...report, status: 'built', cards: r.cards, files: r.files, written: r.written, reused: r.reused, warnings: r.warnings, ms: ms(started) };
}

/** renderSplit's pool: each task (a slice, or the whole-deck formats) one part job; its result sent back. */
function partPool(ctx: Ctx, id: string, data: RenderJobData): BuildPool {
  const run = async (task: RenderTask, o: { signal?: AbortSignal; onCard?: (cards: number) => void } = {}): Promise<RenderResult> => {
    const part = task.slice ? `${task.slice.index}of${task.slice.count}` : 'whole';
    const outcome = await runJob({ ...ctx, signal: o.signal ?? ctx.signal }, `${id}-part-${part}`, { ...data, task: encodeTask(task), part: true }, Boolean(o.onCard));
    if (outcome.state === 'stopped') throw new StoppedError();
    if (outcome.state === 'failed') {
      if (outcome.reason.startsWith(FAILED_PREFIX)) return { cards: 0, warnings: [], errors: JSON.parse(outcome.reason.slice(FAILED_PREFIX.length)) as Diagnostic[] };
      throw new Error(`rendering failed on a worker after ${outcome.attempts} attempt${outcome.attempts === 1 ? '' : 's'}: ${outcome.reason}`);
    }
    return decodeResult(outcome.value.part!);
  };
  return { run } as unknown as BuildPool;
}

/** Queues the job (unless the same one is already waiting or running) and waits for it to finish. `count`: its progress events count as cards. */
async function runJob(ctx: Ctx, id: string, data: RenderJobData, count = true): Promise<Outcome> {
  const { queue } = ctx;
  // A finished job with this id from an earlier build: its outputs are not intact (or this build would not be here), so it runs again.
  const old = await Job.fromId(queue, id);
  if (old && !data.part && (await old.isCompleted())) {
    // Finished meanwhile for another build of the same thread (written before the job completes): its result is this one's.
    const now = await readManifest(data.outDir, data.slug);
    if (now?.key === data.key && (await outputsIntact(now))) return { state: 'completed', value: old.returnvalue };
  }
  if (old && ((await old.isCompleted()) || (await old.isFailed()))) await old.remove().catch(() => undefined);
  if (count) ctx.inputOf.set(id, data.input);
  const add = async () => {
    await queue.add('render', data, { ...JOB_OPTIONS, jobId: id });
    ctx.queued.add(id);
  };
  await add();
  try {
    let delay = 100;
    for (;;) {
      if (ctx.signal.aborted) {
        // Not started: taken off the queue. Already running: not waited for (it finishes on its worker, written whole or not at all).
        const state = await queue.getJobState(id).catch(() => 'unknown');
        if (state !== 'active') await queue.remove(id).catch(() => 0);
        return { state: 'stopped' };
      }
      const job = await Job.fromId(queue, id);
      if (!job) {
        // Redis lost it (restarted without persistence): queued again.
        await add();
      } else {
        const state = await job.getState();
        if (state === 'completed') return { state: 'completed', value: job.returnvalue };
        if (state === 'failed') return { state: 'failed', reason: job.failedReason, attempts: job.attemptsMade };
        if (state === 'active') ctx.queued.delete(id);
      }
      await new Promise<void>((resolve) => {
        const done = () => {
          clearTimeout(t);
          ctx.signal.removeEventListener('abort', done);
          resolve();
        };
        const t = setTimeout(done, delay);
        ctx.wake.set(id, done);
        ctx.signal.addEventListener('abort', done, { once: true });
      });
      delay = Math.min(delay * 2, 1000);
    }
  } finally {
    ctx.wake.delete(id);
    ctx.queued.delete(id);
    ctx.inputOf.delete(id);
  }
}

/** renderThread's options out of the build's (as build.ts does). */
function renderOptions(opts: RedisBuildOptions): Omit<RenderOptions, 'formats'> {
  const { outDir: _o, formats: _f, jobs: _j, pool: _p, failFast: _ff, force: _fo, timeoutMs: _t, signal: _s, remoteImages: _r, onStart: _os, onThread: _ot, onCard: _oc, redis: _rd, lanes: _l, ...render } = opts;
  return Object.fromEntries(Object.entries(render).filter(([, v]) => v !== undefined && typeof v !== 'function'));
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

function failed(report: ThreadReport, errors: Diagnostic[], started: number): ThreadReport {
  return { ...report, status: 'failed', cards: 0, errors, ms: ms(started) };
}
