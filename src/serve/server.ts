// `threadeck serve` as a library function: the child pool, the app, listening, and a graceful stop
// (SIGTERM/SIGINT: new requests 503, in-flight ones finish within shutdownMs, then exit anyway).
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { toolFingerprint } from '../hash.ts';
import { ChildPool } from './child-pool.ts';
import { serveApp, type AppState } from './app.ts';
import { SERVE_DEFAULTS, type ServeOptions } from './options.ts';

export interface RunningServer {
  url: string;
  /** Stops accepting, lets in-flight requests finish (up to shutdownMs), stops the children. */
  close(): Promise<void>;
}

export async function startServer(options: Partial<ServeOptions> = {}): Promise<RunningServer> {
  const opts: ServeOptions = { ...SERVE_DEFAULTS, ...options };
  // An empty folder: a request's relative image or font paths resolve here, to nothing.
  const emptyDir = await mkdtemp(path.join(tmpdir(), 'threadeck-serve-'));
  const pool = new ChildPool(opts.jobs);
  const state: AppState = { draining: false, inflight: 0 };
  const app = serveApp(opts, pool, { emptyDir, allowRemoteImages: opts.allowRemoteImages, fingerprint: await toolFingerprint() }, state);
  await app.listen({ host: opts.host, port: opts.port });
  const address = app.server.address();
  const port = typeof address === 'object' && address ? address.port : opts.port;
  const host = opts.host.includes(':') ? `[${opts.host}]` : opts.host;
  let closing: Promise<void> | undefined;
  const close = () =>
    (closing ??= (async () => {
      // Still listening, answering 503 (readyz too), while the renders in flight finish; then closed.
      state.draining = true;
      const end = performance.now() + opts.shutdownMs;
      while (state.inflight > 0 && performance.now() < end) await new Promise((resolve) => setTimeout(resolve, 50));
      const timer = new Promise<void>((resolve) => setTimeout(resolve, Math.max(0, end - performance.now())).unref());
      await Promise.race([app.close(), timer]);
      pool.close();
      await rm(emptyDir, { recursive: true, force: true });
    })());
  return { url: `http://${host}:${port}`, close };
}
