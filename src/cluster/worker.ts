// `threadeck worker` as a function: a BullMQ worker on the render queue whose jobs run in sandboxed
// child processes (processor-entry.ts), so a render that crashes or runs out of memory ends its
// child, not the worker. A worker that dies holds its jobs' locks only until they expire: another
// worker's stalled-job check then puts them back in the queue.
import { fileURLToPath } from 'node:url';
import { Worker } from 'bullmq';
import { COMPILED, packageFile } from '../package-root.ts';
import { QUEUE_NAME, redisConnection } from './connection.ts';
import { OUT_ENV } from './process-job.ts';
import type { RenderJobData, RenderJobResult } from './job.ts';

const PROCESSOR = COMPILED ? packageFile('dist', 'cluster-processor.js') : fileURLToPath(new URL('./processor.js', import.meta.url));

export interface WorkerOptions {
  redis: string;
  /** Jobs at once, each in its own child process (default 1). */
  concurrency?: number;
  /** The shared output root (default: the folder each build names). */
  outDir?: string;
  /** How long a job's lock lasts without renewal, and how often stalled jobs are looked for (ms; BullMQ's defaults 30 s). */
  lockMs?: number;
  stalledIntervalMs?: number;
  /** Each job finished or failed, for the worker's log. */
  onJob?: (event: { id: string; slug: string; ok: boolean; written?: number; message?: string }) => void;
  onError?: (err: Error) => void;
}

export function startWorker(opts: WorkerOptions): Worker<RenderJobData, RenderJobResult> {
  if (opts.outDir) process.env[OUT_ENV] = opts.outDir;
  const worker = new Worker<RenderJobData, RenderJobResult>(QUEUE_NAME, PROCESSOR, {
    connection: redisConnection(opts.redis),
    concurrency: opts.concurrency ?? 1,
    useWorkerThreads: false,
    ...(opts.lockMs && { lockDuration: opts.lockMs }),
    ...(opts.stalledIntervalMs && { stalledInterval: opts.stalledIntervalMs }),
    // A job whose worker died twice is still taken up again (then reported as failed).
    maxStalledCount: 2,
  });
  worker.on('completed', (job, result) => opts.onJob?.({ id: job.id!, slug: job.data.slug, ok: true, written: result.written }));
  worker.on('failed', (job, err) => job && opts.onJob?.({ id: job.id!, slug: job.data.slug, ok: false, message: err.message }));
  worker.on('error', (err) => opts.onError?.(err));
  return worker;
}
