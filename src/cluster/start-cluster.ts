// A local cluster: a redis-server child and N `threadeck worker` processes on it, stopped together.
import { spawn, type ChildProcess } from 'node:child_process';
import { packageFile } from '../package-root.ts';
import { startRedis, type RedisChild } from './redis-server.ts';

export interface LocalCluster {
  redis: RedisChild;
  workers: ChildProcess[];
  stop(): Promise<void>;
}

export interface ClusterOptions {
  workers: number;
  concurrency?: number;
  port?: number;
  outDir?: string;
  /** Extra `threadeck worker` flags (tests: short lock and stall settings). */
  workerArgs?: string[];
}

export async function startCluster(opts: ClusterOptions): Promise<LocalCluster> {
  const redis = await startRedis(opts.port ? { port: opts.port } : {});
  const bin = packageFile('bin', 'threadeck.js');
  const args = ['worker', '--redis', redis.url, ...(opts.concurrency ? ['--concurrency', String(opts.concurrency)] : []), ...(opts.outDir ? ['--out', opts.outDir] : []), ...(opts.workerArgs ?? [])];
  const workers = Array.from({ length: opts.workers }, () => spawn(process.execPath, [bin, ...args], { stdio: ['ignore', 'inherit', 'inherit'] }));
  const exited = (c: ChildProcess) => new Promise<void>((resolve) => (c.exitCode !== null || c.signalCode !== null ? resolve() : c.once('exit', () => resolve())));
  return {
    redis,
    workers,
    async stop() {
      workers.forEach((w) => w.kill('SIGTERM'));
      await Promise.all(workers.map(exited));
      await redis.stop();
    },
  };
}
