// `threadeck worker`: takes render jobs from a Redis queue (src/cluster/). Flags only; the work is in worker-action.ts.
import { defineCommand } from 'citty';

export const workerCommand = defineCommand({
  meta: { name: 'worker', description: 'Render jobs queued by `threadeck build --redis` (BullMQ on Redis), each in a sandboxed child process; outputs written under the shared output folder. Runs until SIGTERM/Ctrl+C.' },
  args: {
    redis: { type: 'string', description: 'Redis holding the queue: redis://HOST:PORT', valueHint: 'URL' },
    concurrency: { type: 'string', alias: 'c', description: 'Jobs at once, each in its own child process (default 1)', valueHint: 'N' },
    out: { type: 'string', alias: 'o', description: 'The shared output root (default: the folder each build names)', valueHint: 'DIR' },
    'lock-ms': { type: 'string', description: 'Job lock duration in ms: a dead worker\'s job is taken over after about this long (default 30000)', valueHint: 'MS' },
    'stalled-interval-ms': { type: 'string', description: 'How often this worker looks for stalled jobs, in ms (default 30000)', valueHint: 'MS' },
    quiet: { type: 'boolean', default: false, description: 'No line per finished job on stdout' },
  },
  async run({ args }) {
    const { runWorkerCommand } = await import('./worker-action.ts');
    return runWorkerCommand(args);
  },
});
