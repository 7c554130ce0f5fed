// `threadeck worker`'s work once its flags are parsed: the worker started (src/cluster/worker.ts), a
// line per finished job on stdout, then it runs until SIGTERM/SIGINT: running jobs finish, then exit.
import path from 'node:path';
import { UsageError } from './usage-error.ts';

export const wholeFlag = (args: Record<string, unknown>, name: string, min: number, max: number): number | undefined => {
  const v = args[name];
  if (v === undefined) return undefined;
  const n = Number(v);
  if (!/^\d+$/.test(String(v)) || n < min || n > max) throw new UsageError(`--${name}: expected a whole number from ${min} to ${max}; got "${String(v)}"`);
  return n;
};

export function redisFlag(args: Record<string, unknown>): string {
  const url = args.redis;
  if (typeof url !== 'string' || !/^rediss?:\/\/[^/]/.test(url)) throw new UsageError(`--redis expects redis://HOST:PORT; got ${url === undefined ? 'nothing' : `"${String(url)}"`}`);
  return url;
}

export async function runWorkerCommand(args: Record<string, unknown>): Promise<number> {
  const redis = redisFlag(args);
  const concurrency = wholeFlag(args, 'concurrency', 1, 256);
  const lockMs = wholeFlag(args, 'lock-ms', 100, 3_600_000);
  const stalledIntervalMs = wholeFlag(args, 'stalled-interval-ms', 100, 3_600_000);
  const outDir = typeof args.out === 'string' ? path.resolve(args.out) : undefined;
  const quiet = Boolean(args.quiet);
  const { startWorker } = await import('../cluster/worker.ts');
  let lastError = '';
  const worker = startWorker({
    redis,
    ...(concurrency && { concurrency }),
    ...(outDir && { outDir }),
    ...(lockMs && { lockMs }),
    ...(stalledIntervalMs && { stalledIntervalMs }),
    onJob: (e) => {
      if (!quiet) process.stdout.write(`${JSON.stringify({ pid: process.pid, ...e })}\n`);
    },
    onError: (err) => {
      // Once per kind of error (Redis down: ioredis retries, and says so many times).
      if (err.message !== lastError) process.stderr.write(`threadeck worker: ${err.message}\n`);
      lastError = err.message;
    },
  });
  await worker.waitUntilReady();
  process.stderr.write(`threadeck worker: taking jobs from ${redis} (concurrency ${concurrency ?? 1}${outDir ? `, out ${outDir}` : ''})\n`);
  await new Promise<void>((resolve) => {
    let stopping = false;
    const stop = () => {
      if (stopping) process.exit(130);
      stopping = true;
      process.stderr.write('threadeck worker: stopping (running jobs finish)\n');
      void worker.close().then(resolve, resolve);
    };
    process.on('SIGTERM', stop);
    process.on('SIGINT', stop);
  });
  return 0;
}
