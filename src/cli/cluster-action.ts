// `threadeck cluster`'s work: the local cluster started (src/cluster/start-cluster.ts), the command to
// build through it printed, then it runs until Ctrl+C/SIGTERM and stops the workers and Redis.
import path from 'node:path';
import { wholeFlag } from './worker-action.ts';

export async function runClusterCommand(args: Record<string, unknown>): Promise<number> {
  const workers = wholeFlag(args, 'workers', 1, 256) ?? 2;
  const concurrency = wholeFlag(args, 'concurrency', 1, 256);
  const port = wholeFlag(args, 'port', 1, 65535);
  const outDir = typeof args.out === 'string' ? path.resolve(args.out) : undefined;
  const { startCluster } = await import('../cluster/start-cluster.ts');
  const cluster = await startCluster({ workers, ...(concurrency && { concurrency }), ...(port && { port }), ...(outDir && { outDir }) });
  process.stderr.write(`threadeck cluster: redis-server at ${cluster.redis.url}, ${workers} worker${workers === 1 ? '' : 's'}\n  build through it: threadeck build threads/ --redis ${cluster.redis.url}\n`);
  await new Promise<void>((resolve) => {
    let stopping = false;
    const stop = () => {
      if (stopping) process.exit(130);
      stopping = true;
      process.stderr.write('threadeck cluster: stopping workers and redis-server\n');
      void cluster.stop().then(resolve, resolve);
    };
    process.on('SIGTERM', stop);
    process.on('SIGINT', stop);
    cluster.redis.process.once('exit', () => {
      if (!stopping) process.stderr.write('threadeck cluster: redis-server exited\n');
      stop();
    });
  });
  return 0;
}
