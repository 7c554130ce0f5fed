// `threadeck cluster`: a local try of the distributed build (a redis-server child and N workers). Flags only; the work is in cluster-action.ts.
import { defineCommand } from 'citty';

export const clusterCommand = defineCommand({
  meta: { name: 'cluster', description: 'Start a local cluster for a try: a redis-server child on a free port and N `threadeck worker`s; prints the --redis URL for `threadeck build`. Runs until Ctrl+C.' },
  args: {
    workers: { type: 'string', alias: 'w', description: 'Worker processes (default 2)', valueHint: 'N' },
    concurrency: { type: 'string', alias: 'c', description: 'Jobs at once per worker (default 1)', valueHint: 'N' },
    port: { type: 'string', alias: 'p', description: 'Redis port (default: a free one)', valueHint: 'PORT' },
    out: { type: 'string', alias: 'o', description: 'The workers\' output root (default: the folder each build names)', valueHint: 'DIR' },
  },
  async run({ args }) {
    const { runClusterCommand } = await import('./cluster-action.ts');
    return runClusterCommand(args);
  },
});
