// `threadeck build`'s batch flags: --jobs, --fail-fast, --force, --timeout, --watch (declared here,
// spread into the build command's args, and checked before anything runs).
import type { ArgsDef } from 'citty';
import { availableParallelism } from 'node:os';
import { DEFAULT_TIMEOUT_MS } from '../batch/defaults.ts';
import { UsageError } from './usage-error.ts';

export const batchArgs = {
  jobs: { type: 'string', alias: 'j', description: `Worker threads rendering in parallel (default: chosen by the work — a small thread renders at once in the main thread, a batch or a big thread on up to one worker per core, here ${availableParallelism()})`, valueHint: 'N' },
  'fail-fast': { type: 'boolean', default: false, description: 'Stop at the first thread that fails (the others are not built)' },
  force: { type: 'boolean', default: false, description: 'Render everything again, ignoring the cache in <out>/.threadeck-cache/' },
  timeout: { type: 'string', description: `Seconds one thread may take to render before it is stopped and reported (default ${DEFAULT_TIMEOUT_MS / 1000}; 0: no limit)`, valueHint: 'SECONDS' },
  watch: { type: 'boolean', alias: 'w', default: false, description: 'Keep running: re-render a thread when it, its images or its template change' },
  redis: { type: 'string', description: 'Render on the workers of this Redis queue (threadeck worker) instead of here: redis://HOST:PORT', valueHint: 'URL' },
} as const satisfies ArgsDef;

export interface BatchFlags {
  /** --jobs; undefined: the build chooses (build.ts). */
  jobs: number | undefined;
  failFast: boolean;
  force: boolean;
  timeoutMs: number;
  watch: boolean;
  /** --redis: the queue's Redis; the threads are rendered by `threadeck worker`s (src/cluster/). */
  redis?: string;
}

export function batchFlags(args: Record<string, unknown>): BatchFlags {
  let jobs: number | undefined;
  if (args.jobs !== undefined) {
    jobs = Number(args.jobs);
    if (!Number.isInteger(jobs) || jobs < 1 || jobs > 256) throw new UsageError(`--jobs expects a whole number from 1 to 256; got "${String(args.jobs)}"`);
  }
  let timeoutMs = DEFAULT_TIMEOUT_MS;
  if (args.timeout !== undefined) {
    const secs = Number(args.timeout);
    if (!Number.isFinite(secs) || secs < 0) throw new UsageError(`--timeout expects seconds (a number ≥ 0; 0 for no limit); got "${String(args.timeout)}"`);
    timeoutMs = Math.round(secs * 1000);
  }
  let redis: string | undefined;
  if (args.redis !== undefined) {
    redis = String(args.redis);
    if (!/^rediss?:\/\/[^/]/.test(redis)) throw new UsageError(`--redis expects redis://HOST:PORT; got "${redis}"`);
    if (args.watch) throw new UsageError('--redis and --watch cannot be used together');
  }
  return { jobs, failFast: Boolean(args['fail-fast']), force: Boolean(args.force), timeoutMs, watch: Boolean(args.watch), ...(redis && { redis }) };
}
