// `threadeck serve`'s work once its flags are parsed: checked, the server started, its URL printed
// on stderr, then it runs until SIGTERM/SIGINT (graceful stop, then exit anyway).
import { readFile } from 'node:fs/promises';
import { UsageError } from './usage-error.ts';
import { SERVE_DEFAULTS, parseBytes, type ServeOptions } from '../serve/options.ts';
import { tokenFromFile } from '../serve/auth.ts';

const whole = (args: Record<string, unknown>, name: string, min: number, max: number): number | undefined => {
  const v = args[name];
  if (v === undefined) return undefined;
  const n = Number(v);
  if (!/^\d+$/.test(String(v)) || n < min || n > max) throw new UsageError(`--${name}: expected a whole number from ${min} to ${max}; got "${String(v)}"`);
  return n;
};

export async function runServeCommand(args: Record<string, unknown>): Promise<number> {
  const opts: Partial<ServeOptions> = { allowRemoteImages: Boolean(args['allow-remote-images']), log: !args.quiet };
  if (typeof args.host === 'string') opts.host = args.host;
  const port = whole(args, 'port', 0, 65535);
  if (port !== undefined) opts.port = port;
  const jobs = whole(args, 'jobs', 1, 64);
  if (jobs !== undefined) opts.jobs = jobs;
  const queue = whole(args, 'queue', 0, 10_000);
  if (queue !== undefined) opts.queue = queue;
  const timeout = whole(args, 'timeout', 1, 3600);
  if (timeout !== undefined) opts.timeoutMs = timeout * 1000;
  const shutdown = whole(args, 'shutdown-timeout', 0, 3600);
  if (shutdown !== undefined) opts.shutdownMs = shutdown * 1000;
  if (typeof args['max-body'] === 'string') {
    const n = parseBytes(args['max-body']);
    if (typeof n === 'string') throw new UsageError(`--max-body: ${n}`);
    opts.maxBody = n;
  }
  if (typeof args['token-file'] === 'string') {
    const text = await readFile(args['token-file'], 'utf8').catch((err: NodeJS.ErrnoException) => {
      throw new UsageError(`--token-file: cannot read "${args['token-file']}" (${err.code ?? err.message})`);
    });
    const token = tokenFromFile(text);
    if (!token) throw new UsageError(`--token-file: "${args['token-file']}" is empty; put the token on its first line`);
    opts.token = token;
  }
  const { startServer } = await import('../serve/server.ts');
  const server = await startServer(opts);
  process.stderr.write(`threadeck serve: listening on ${server.url} (jobs ${opts.jobs ?? SERVE_DEFAULTS.jobs}, queue ${opts.queue ?? SERVE_DEFAULTS.queue}${opts.token ? ', bearer token required' : ''})\n`);
  await new Promise<void>((resolve) => {
    let stopping = false;
    // A repeated signal changes nothing: the stop already under way ends with an exit anyway.
    const stop = () => {
      if (stopping) return;
      stopping = true;
      process.stderr.write('threadeck serve: stopping (in-flight requests finish, new ones get 503)\n');
      // Exit anyway after the shutdown timeout, whatever is still open.
      setTimeout(() => process.exit(0), (opts.shutdownMs ?? SERVE_DEFAULTS.shutdownMs) + 1000).unref();
      void server.close().then(resolve);
    };
    process.on('SIGTERM', stop);
    process.on('SIGINT', stop);
  });
  return 0;
}
