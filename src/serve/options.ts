// `threadeck serve`'s settings and their defaults, light enough for the CLI's flags.

export interface ServeOptions {
  /** Interface to listen on (default 127.0.0.1: loopback only). */
  host: string;
  /** Port (0: any free port). */
  port: number;
  /** Render child processes (= renders at once). */
  jobs: number;
  /** Requests that may wait for a child; past it, 429. */
  queue: number;
  /** Largest request body in bytes. */
  maxBody: number;
  /** A request's deadline in ms (waiting and rendering); past it, 504. */
  timeoutMs: number;
  /** The bearer token every request must carry (from --token-file); none: no auth. */
  token?: string;
  /** http(s) images in a thread are fetched (the address checks of remote-image.ts) only with this. */
  allowRemoteImages: boolean;
  /** How long SIGTERM waits for in-flight requests before exiting anyway, in ms. */
  shutdownMs: number;
  /** JSON logs (pino) on stderr. */
  log: boolean;
}

export const SERVE_DEFAULTS: ServeOptions = {
  host: '127.0.0.1',
  port: 8080,
  jobs: 2,
  queue: 8,
  maxBody: 2 * 1024 * 1024,
  timeoutMs: 60_000,
  allowRemoteImages: false,
  shutdownMs: 10_000,
  log: true,
};

/** At most this many cards a request. */
export const MAX_CARDS = 300;

/** `2MB`, `512kb`, `1048576` → bytes; a string explaining the problem otherwise. */
export function parseBytes(value: string): number | string {
  const m = /^\s*(\d+(?:\.\d+)?)\s*(b|kb|k|mb|m)?\s*$/i.exec(value);
  if (!m) return `expected a size like 2MB, 512KB or 1048576; got "${value}"`;
  const unit = (m[2] ?? 'b').toLowerCase();
  const n = Math.floor(Number(m[1]) * (unit.startsWith('m') ? 1048576 : unit.startsWith('k') ? 1024 : 1));
  return n >= 1 ? n : `the size must be at least 1 byte; got "${value}"`;
}
