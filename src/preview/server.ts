// `threadeck preview`'s web server: the page, its bundled script, card PNGs from the session's
// cache (a card still being drawn is answered when it is), live results over server-sent events, the editor's text/save/picker calls and the
// exports. Safe by default: it listens on 127.0.0.1 only, answers only requests whose Host is
// that address (DNS rebinding), takes writes only as same-origin JSON (no cross-site form posts),
// refuses what browsers mark as coming from another site (Sec-Fetch-Site) but a link to the page,
// serves only the app's own assets and files inside the thread's folder (no traversal), and sends
// a Content-Security-Policy that lets the page load nothing from elsewhere.
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { zipSync } from 'fflate';
import { SIZE_PRESETS } from '../model/sizes.ts';
import { TEMPLATE_NAMES } from '../template/names.ts';
import { clientAssets } from './client-bundle.ts';
import { previewFiles } from './dependencies.ts';
import { pageWithCards } from './page-html.ts';
import { resolveInside } from './safe-path.ts';
import { PreviewSession, type PreviewChoices, type SessionEvent } from './session.ts';
import { watchFiles } from './watch.ts';

export interface PreviewServerOptions {
  file: string;
  /** 0 or undefined: a free port. */
  port?: number;
  choices?: Partial<PreviewChoices>;
  displayName?: string;
  /** `--theme FILE` (watched, with the files it names). */
  themeFile?: string;
  /** The folder of the preview's cache kept between runs (tests); by default the compiled package keeps one in the OS temp folder. */
  cacheDir?: string;
  /** Called with the address as soon as the server listens, before the first render is done. */
  onListening?: (url: string) => void;
}

export interface PreviewServer {
  url: string;
  port: number;
  session: PreviewSession;
  /** Milliseconds the first render took. */
  firstRenderMs: number;
  close(): Promise<void>;
}

const HOST = '127.0.0.1';
const MAX_BODY = 16 * 1024 * 1024;
const CSP = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "connect-src 'self'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join('; ');

const MIME: Record<string, string> = {
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.webp': 'image/webp',
  '.gif': 'image/gif',
  '.yaml': 'text/plain; charset=utf-8',
  '.yml': 'text/plain; charset=utf-8',
  '.json': 'text/plain; charset=utf-8',
};

export async function startPreviewServer(opts: PreviewServerOptions): Promise<PreviewServer> {
  const session = new PreviewSession(opts.file, {
    ...(opts.choices && { choices: opts.choices }),
    ...(opts.displayName && { displayName: opts.displayName }),
    ...(opts.themeFile && { themeFile: opts.themeFile }),
    ...(opts.cacheDir && { cacheDir: opts.cacheDir }),
  });
  const clients = new Set<ServerResponse>();
  const send = (res: ServerResponse, e: SessionEvent | { type: 'state'; [k: string]: unknown }) => {
    res.write(`event: ${e.type}\ndata: ${JSON.stringify(e)}\n\n`);
  };

  const watcher = watchFiles((file) => {
    if (file === session.file) void session.fileChanged();
    else void session.dependencyChanged(file);
  });
  const updateWatched = async () => watcher.set(await previewFiles(session.file, session.text, opts.themeFile));
  session.on((e) => {
    for (const res of clients) send(res, e);
    if (e.type === 'result') void updateWatched();
  });

  const assets = clientAssets();

  let origin = '';
  const allowedHosts = new Set<string>();

  const server = createServer((req, res) => {
    handle(req, res).catch((err: unknown) => {
      if (!res.headersSent) reply(res, 500, 'text/plain; charset=utf-8', `internal error: ${err instanceof Error ? err.message : String(err)}`);
      else res.end();
    });
  });

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    res.setHeader('X-Content-Type-Options', 'nosniff');
    res.setHeader('Referrer-Policy', 'no-referrer');
    res.setHeader('Cross-Origin-Resource-Policy', 'same-origin');
    if (!allowedHosts.has(req.headers.host ?? '')) return reply(res, 421, 'text/plain; charset=utf-8', 'wrong Host: the preview answers only on its loopback address');
    const rawUrl = req.url ?? '/';
    const pathname = rawUrl.split('?')[0]!;
    const method = req.method ?? 'GET';
    // Browsers say where a request comes from: another site (or another local server, same-site)
    // may link to the page, but not load its cards, files, events or exports, nor write.
    const site = req.headers['sec-fetch-site'];
    if ((site === 'cross-site' || site === 'same-site') && !(pathname === '/' && req.headers['sec-fetch-mode'] === 'navigate')) {
      return reply(res, 403, 'text/plain; charset=utf-8', 'cross-site request refused');
    }

    if (method === 'POST') {
      if (!sameOrigin(req)) return reply(res, 403, 'text/plain; charset=utf-8', 'cross-origin request refused');
      if (!(req.headers['content-type'] ?? '').startsWith('application/json')) return reply(res, 415, 'text/plain; charset=utf-8', 'expected application/json');
      const body = await readJson(req);
      if (body === undefined) return reply(res, 400, 'text/plain; charset=utf-8', 'bad JSON body');
      return post(pathname, body as Record<string, unknown>, res);
    }
    if (method !== 'GET' && method !== 'HEAD') return reply(res, 405, 'text/plain; charset=utf-8', 'method not allowed');

    if (pathname === '/' || pathname === '/index.html') {
      const [{ html }] = await Promise.all([assets, session.ready]);
      res.setHeader('Content-Security-Policy', CSP);
      // With the cards it has (remembered from the last run, at a start), so their images load with the page.
      return reply(res, 200, 'text/html; charset=utf-8', pageWithCards(html, session.progress?.cards ?? session.result?.cards ?? []), 'no-store');
    }
    if (pathname === '/app.js') return reply(res, 200, 'text/javascript; charset=utf-8', (await assets).js, 'no-cache');
    if (pathname === '/app.css') return reply(res, 200, 'text/css; charset=utf-8', (await assets).css, 'no-cache');
    if (pathname === '/favicon.ico') return reply(res, 204, 'image/x-icon', '');
    if (pathname === '/api/state') {
      await session.ready; // the file's text is read
      return replyJson(res, state());
    }
    if (pathname === '/events') return events(req, res);
    let m = /^\/card\/([0-9a-f]{32})\.png$/.exec(pathname);
    if (m) {
      const png = await session.cardPng(m[1]!);
      if (!png) return reply(res, 404, 'text/plain; charset=utf-8', 'no such card (it was re-rendered)');
      return reply(res, 200, 'image/png', png, 'public, max-age=31536000, immutable');
    }
    m = /^\/files\/(.+)$/.exec(pathname);
    if (m) {
      const safe = await resolveInside(session.dir, m[1]!);
      if (!safe.ok) return reply(res, safe.status, 'text/plain; charset=utf-8', safe.reason);
      const type = MIME[path.extname(safe.file).toLowerCase()];
      if (!type) return reply(res, 403, 'text/plain; charset=utf-8', 'only images and thread files are served');
      return reply(res, 200, type, await readFile(safe.file), 'no-cache');
    }
    m = /^\/export\/[^/]+?(-handout)?\.(pdf|zip)$/.exec(pathname);
    if (m) return exportFile(m[2] === 'zip' ? 'png' : m[1] ? 'handout' : 'pdf', res);
    return reply(res, 404, 'text/plain; charset=utf-8', 'not found');
  }

  function sameOrigin(req: IncomingMessage): boolean {
    const o = req.headers.origin;
    if (o !== undefined && o !== origin && o !== origin.replace(HOST, 'localhost')) return false;
    const site = req.headers['sec-fetch-site'];
    return site === undefined || site === 'same-origin' || site === 'none';
  }

  function state() {
    return {
      file: session.displayName,
      slug: session.slug,
      text: session.text,
      diskText: session.diskText ?? null,
      choices: session.choices,
      templates: [...TEMPLATE_NAMES],
      sizes: Object.entries(SIZE_PRESETS).map(([name, s]) => ({ name, width: s.width, height: s.height })),
      result: session.result ?? null,
      progress: session.progress ?? null,
    };
  }

  async function post(pathname: string, body: Record<string, unknown>, res: ServerResponse): Promise<void> {
    if (pathname === '/api/text') {
      if (typeof body.text !== 'string') return reply(res, 400, 'text/plain; charset=utf-8', 'expected { text }');
      session.setText(body.text);
      return replyJson(res, { ok: true }, 202);
    }
    if (pathname === '/api/save') {
      if (typeof body.text !== 'string') return reply(res, 400, 'text/plain; charset=utf-8', 'expected { text }');
      try {
        await session.save(body.text);
      } catch (err) {
        return replyJson(res, { ok: false, message: `cannot save: ${err instanceof Error ? err.message : String(err)}` }, 500);
      }
      return replyJson(res, { ok: true });
    }
    if (pathname === '/api/choices') {
      const choices: Partial<PreviewChoices> = {};
      if (typeof body.template === 'string') choices.template = body.template;
      if (typeof body.size === 'string') choices.size = body.size;
      const problem = session.setChoices(choices);
      if (problem) return replyJson(res, { ok: false, message: problem }, 400);
      return replyJson(res, { ok: true, choices: session.choices });
    }
    return reply(res, 404, 'text/plain; charset=utf-8', 'not found');
  }

  function events(req: IncomingMessage, res: ServerResponse): void {
    res.writeHead(200, { 'Content-Type': 'text/event-stream; charset=utf-8', 'Cache-Control': 'no-store', Connection: 'keep-alive' });
    res.write('retry: 1000\n\n');
    if (session.result) send(res, { type: 'result', result: session.result });
    // A page that connects during a render (the first one, typically) gets its cards as they come.
    const progress = session.progress;
    if (progress && progress.seq > (session.result?.seq ?? 0)) send(res, { type: 'cards', ...progress });
    clients.add(res);
    const ping = setInterval(() => res.write(': ping\n\n'), 15_000);
    req.on('close', () => {
      clearInterval(ping);
      clients.delete(res);
    });
  }

  async function exportFile(kind: 'pdf' | 'handout' | 'png', res: ServerResponse): Promise<void> {
    const out = await session.export(kind);
    if (!out.ok) return replyJson(res, { ok: false, errors: out.errors }, 422);
    if (kind !== 'png') {
      const f = out.files[0]!;
      res.setHeader('Content-Disposition', `attachment; filename="${f.name}"`);
      return reply(res, 200, 'application/pdf', f.bytes, 'no-store');
    }
    const zip = zipSync(Object.fromEntries(out.files.map((f) => [f.name, [f.bytes, { level: 0 }] as const])), { mtime: new Date('2000-01-01T00:00:00Z') });
    res.setHeader('Content-Disposition', `attachment; filename="${session.slug}-png.zip"`);
    return reply(res, 200, 'application/zip', zip, 'no-store');
  }

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(opts.port ?? 0, HOST, () => {
      server.off('error', reject);
      resolve();
    });
  }).catch((err: NodeJS.ErrnoException) => {
    watcher.close();
    if (err.code === 'EADDRINUSE') throw new Error(`port ${opts.port} is in use on ${HOST}; pick another with --port, or leave it out for a free one`);
    throw err;
  });
  const port = (server.address() as AddressInfo).port;
  origin = `http://${HOST}:${port}`;
  allowedHosts.add(`${HOST}:${port}`).add(`localhost:${port}`);
  // Listening first: a long thread's first render shows in the page as it finishes.
  opts.onListening?.(`${origin}/`);
  let first;
  try {
    first = await session.start();
    await updateWatched();
    await assets;
  } catch (err) {
    watcher.close();
    server.close();
    server.closeAllConnections();
    throw err;
  }

  return {
    url: `${origin}/`,
    port,
    session,
    firstRenderMs: first.ms.total,
    async close() {
      watcher.close();
      for (const res of clients) res.end();
      clients.clear();
      await new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      });
      await session.idle();
    },
  };
}

function reply(res: ServerResponse, status: number, type: string, body: string | Uint8Array, cache = 'no-store'): void {
  res.writeHead(status, { 'Content-Type': type, 'Cache-Control': cache, 'Content-Length': typeof body === 'string' ? Buffer.byteLength(body) : body.byteLength });
  res.end(res.req.method === 'HEAD' ? undefined : body);
}

function replyJson(res: ServerResponse, value: unknown, status = 200): void {
  reply(res, status, 'application/json; charset=utf-8', JSON.stringify(value));
}

function readJson(req: IncomingMessage): Promise<unknown> {
  return new Promise((resolve) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (c: Buffer) => {
      size += c.length;
      if (size > MAX_BODY) {
        resolve(undefined);
        req.destroy();
      } else chunks.push(c);
    });
    req.on('end', () => {
      try {
        resolve(JSON.parse(Buffer.concat(chunks).toString('utf8')));
      } catch {
        resolve(undefined);
      }
    });
    req.on('error', () => resolve(undefined));
  });
}
