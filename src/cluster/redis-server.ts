// A redis-server child on a free loopback port (Debian's redis-server package), for
// `threadeck cluster` and the tests: no snapshots, no append-only file unless asked, stopped with the parent.
import { spawn, type ChildProcess } from 'node:child_process';
import { createServer } from 'node:net';

export interface RedisChild {
  url: string;
  port: number;
  process: ChildProcess;
  stop(): Promise<void>;
}

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = createServer();
    s.once('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const { port } = s.address() as { port: number };
      s.close(() => resolve(port));
    });
  });
}

/** Starts redis-server and resolves once it accepts connections. `args`: extra arguments (`--appendonly yes --dir D`). */
export async function startRedis(opts: { port?: number; args?: string[]; bin?: string } = {}): Promise<RedisChild> {
  const port = opts.port ?? (await freePort());
  const child = spawn(opts.bin ?? 'redis-server', ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no', ...(opts.args ?? [])], { stdio: ['ignore', 'pipe', 'pipe'] });
  await new Promise<void>((resolve, reject) => {
    let out = '';
    const onData = (b: Buffer) => {
      out += b.toString();
      if (/Ready to accept connections/.test(out)) resolve();
    };
    child.stdout!.on('data', onData);
    child.once('error', (err) => reject(new Error(`cannot start redis-server (${err.message}); on Debian: apt-get install redis-server`)));
    child.once('exit', (code) => reject(new Error(`redis-server exited (${code}): ${out.slice(-500)}`)));
  });
  child.stdout!.resume();
  child.stderr!.resume();
  return {
    url: `redis://127.0.0.1:${port}`,
    port,
    process: child,
    stop: () =>
      new Promise<void>((resolve) => {
        if (child.exitCode !== null || child.signalCode !== null) return resolve();
        child.once('exit', () => resolve());
        child.kill('SIGTERM');
      }),
  };
}
