// Fetching an image named by an http(s) URL — off unless asked for (`--allow-remote-images`, or the
// `remoteImages` library option). When on: http and https only; every host name is resolved here and
// every address it resolves to must be public (net-address.ts), and the socket connects to exactly the
// address that was checked (a `lookup` hook, so a second DNS answer cannot point it elsewhere); redirects
// are followed by hand, each one checked again; a byte cap and one deadline for the whole fetch.
// The bytes go back to images.ts, which checks them like a local file's before anything decodes them.
import { AsyncLocalStorage } from 'node:async_hooks';
import { lookup as dnsLookup } from 'node:dns/promises';
import http from 'node:http';
import https from 'node:https';
import net from 'node:net';
import { addressInRanges, addressProblem } from './net-address.ts';

export interface RemoteImageOptions {
  /** Fetch http(s) image URLs at all (default false: a URL is an error saying how to turn this on). */
  enabled: boolean;
  /** Largest response body, in bytes (default 20 MB, the local image limit). */
  maxBytes?: number;
  /** Deadline for the whole fetch, redirects included, in ms (default 10,000). */
  timeoutMs?: number;
  /** Redirects followed, each re-checked (default 5). */
  maxRedirects?: number;
  /** Resolves a host name to its addresses (default: the system resolver, every address). */
  resolve?: (hostname: string) => Promise<string[]>;
  /**
   * Addresses or CIDR ranges allowed although they are not public (an image server on the local network,
   * tests). Library only; the CLI never sets it.
   */
  allowAddresses?: readonly string[];
}

export const REMOTE_DEFAULTS = { maxBytes: 20 * 1024 * 1024, timeoutMs: 10_000, maxRedirects: 5 } as const;

export class RemoteImageError extends Error {}

/** How to turn remote images on, for error messages. */
export const ENABLE_HINT = 'or allow fetching with --allow-remote-images (library: remoteImages: { enabled: true })';

const scope = new AsyncLocalStorage<RemoteImageOptions>();

/** Runs `fn` with remote images set to `opts` for every image loaded inside it (the CLI's flag uses this). */
export function withRemoteImages<T>(opts: RemoteImageOptions, fn: () => Promise<T>): Promise<T> {
  return scope.run(opts, fn);
}

/** The remote-image setting in force: the innermost `withRemoteImages`, else off. */
export function remoteImagesInScope(): RemoteImageOptions | undefined {
  return scope.getStore();
}

export const isHttpUrl = (ref: string) => /^https?:\/\//i.test(ref.trim());

/** Fetches `url` under `opts` and returns the body. Throws RemoteImageError saying what went wrong. */
export async function fetchRemoteImage(url: string, opts: RemoteImageOptions): Promise<Uint8Array> {
  const maxBytes = opts.maxBytes ?? REMOTE_DEFAULTS.maxBytes;
  const timeoutMs = opts.timeoutMs ?? REMOTE_DEFAULTS.timeoutMs;
  const maxRedirects = opts.maxRedirects ?? REMOTE_DEFAULTS.maxRedirects;
  const deadline = AbortSignal.timeout(timeoutMs);
  let current = parseUrl(url);
  for (let hop = 0; ; hop++) {
    const res = await request(current, opts, maxBytes, deadline, timeoutMs);
    if ('location' in res) {
      if (hop >= maxRedirects) throw new RemoteImageError(`more than ${maxRedirects} redirects; link the image's final address`);
      let next: URL;
      try {
        next = new URL(res.location, current);
      } catch {
        throw new RemoteImageError(`redirected to an invalid address "${res.location}"`);
      }
      current = parseUrl(next.href, ` (redirected from ${current.href})`);
      continue;
    }
    return res.body;
  }
}

function parseUrl(text: string, from = ''): URL {
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    throw new RemoteImageError(`"${text}"${from} is not a valid URL`);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw new RemoteImageError(`"${url.href}"${from} is not an http or https URL; only those are fetched`);
  }
  if (url.username || url.password) throw new RemoteImageError(`"${url.host}"${from}: URLs with a user name or password are not fetched`);
  return url;
}

/** Why `address` may not be connected to under `opts`; undefined when it may. */
function refusal(address: string, opts: RemoteImageOptions): string | undefined {
  if (opts.allowAddresses?.length && addressInRanges(address, opts.allowAddresses)) return undefined;
  return addressProblem(address);
}

type Lookup = NonNullable<http.RequestOptions['lookup']>;

/** A `lookup` for http.request: resolves once, refuses unless every address is allowed, hands over only checked addresses. */
function checkedLookup(opts: RemoteImageOptions): Lookup {
  const resolve = opts.resolve ?? (async (host: string) => (await dnsLookup(host, { all: true, verbatim: true })).map((a) => a.address));
  return ((hostname: string, options: { all?: boolean }, callback: (...args: unknown[]) => void) => {
    resolve(hostname).then(
      (addresses) => {
        if (!addresses.length) return callback(new RemoteImageError(`"${hostname}" has no address`));
        for (const a of addresses) {
          const why = refusal(a, opts);
          if (why) return callback(new RemoteImageError(`"${hostname}" resolves to ${a}, ${why}; only public addresses are fetched from`));
        }
        const list = addresses.map((address) => ({ address, family: net.isIPv6(address) ? 6 : 4 }));
        if (options.all) callback(null, list);
        else callback(null, list[0]!.address, list[0]!.family);
      },
      (err: NodeJS.ErrnoException) => callback(new RemoteImageError(`"${hostname}" could not be resolved (${err.code ?? err.message})`)),
    );
  }) as unknown as Lookup;
}

type Response = { body: Uint8Array } | { location: string };

function request(url: URL, opts: RemoteImageOptions, maxBytes: number, deadline: AbortSignal, timeoutMs: number): Promise<Response> {
  const host = url.hostname.replace(/^\[(.*)\]$/, '$1');
  // An address written in the URL is never looked up, so it is checked here.
  if (net.isIP(host)) {
    const why = refusal(host, opts);
    if (why) return Promise.reject(new RemoteImageError(`${host} is ${why}; only public addresses are fetched from`));
  }
  const get = url.protocol === 'https:' ? https.get : http.get;
  return new Promise<Response>((resolve, reject) => {
    const fail = (err: unknown) => {
      if (deadline.aborted) reject(new RemoteImageError(`no complete answer within ${timeoutMs / 1000} s`));
      else if (err instanceof RemoteImageError) reject(err);
      else if ((err as Error)?.cause instanceof RemoteImageError) reject((err as Error).cause);
      else reject(new RemoteImageError(`fetching failed: ${(err as NodeJS.ErrnoException).code ?? (err as Error).message}`));
    };
    if (deadline.aborted) return fail(deadline.reason);
    const req = get(
      url,
      {
        agent: false,
        lookup: checkedLookup(opts),
        signal: deadline,
        headers: { 'user-agent': 'threadeck', accept: 'image/png,image/jpeg,image/webp,image/gif;q=0.9,*/*;q=0.1' },
      },
      (res) => {
        const status = res.statusCode ?? 0;
        if (status >= 300 && status < 400 && status !== 304) {
          res.resume();
          const location = res.headers.location;
          if (!location) return reject(new RemoteImageError(`HTTP ${status} redirect without a Location`));
          return resolve({ location });
        }
        if (status !== 200) {
          res.resume();
          return reject(new RemoteImageError(`the server answered HTTP ${status}${res.statusMessage ? ` ${res.statusMessage}` : ''}`));
        }
        const declared = Number(res.headers['content-length']);
        if (declared > maxBytes) {
          reject(new RemoteImageError(`the server announces ${mb(declared)}; the limit is ${mb(maxBytes)}`));
          return void res.destroy();
        }
        const chunks: Buffer[] = [];
        let size = 0;
        res.on('data', (chunk: Buffer) => {
          size += chunk.length;
          if (size > maxBytes) {
            reject(new RemoteImageError(`the image is larger than the limit of ${mb(maxBytes)}`));
            return void res.destroy();
          }
          chunks.push(chunk);
        });
        res.on('end', () => {
          if (!res.complete) return reject(new RemoteImageError('the connection closed before the whole image arrived'));
          const all = Buffer.concat(chunks);
          resolve({ body: new Uint8Array(all.buffer, all.byteOffset, all.byteLength) });
        });
        res.on('error', fail);
        res.on('aborted', () => fail(new Error('aborted')));
      },
    );
    req.on('error', fail);
  });
}

const mb = (n: number) => (n >= 1048576 ? `${(n / 1048576).toFixed(1)} MB` : `${n} bytes`);
