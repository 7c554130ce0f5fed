// `threadeck preview`'s web server: listens on 127.0.0.1 only, runs the guards (http/guards.ts:
// Host, Sec-Fetch-Site, same-origin JSON writes) and then the routes, one file each under http/:
// the page and its files (page.ts, under the CSP of csp.ts), the API (api.ts), live events
// (events.ts), card PNGs (card.ts), files inside the thread's folder (files.ts) and the
// downloads (downloads.ts). The session (session.ts) does the work; a watcher (watch.ts) tells it
// when the thread file or a file it uses changes.
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { ProjectConfig } from '../load/project-config.ts';
import { clientAssets } from './client-bundle.ts';
import { apiRoute } from './http/api.ts';
import { cardRoute } from './http/card.ts';
import { downloadsRoute } from './http/downloads.ts';
import { EventStream } from './http/events.ts';
import { filesRoute } from './http/files.ts';
import { HOST, originOf, refused, type Origin } from './http/guards.ts';
import { pageRoute } from './http/page.ts';
import { TEXT, reply } from './http/reply.ts';
import type { Route, RouteContext } from './http/route.ts';
import { PreviewSession, type PreviewChoices } from './session.ts';
import { watchFiles } from './watch.ts';

export interface PreviewServerOptions {
  file: string;
  /** 0 or undefined: a free port. */
  port?: number;
  /** The pickers at the start (`--template`, `--size`): they act as flags. */
  choices?: Partial<PreviewChoices>;
  displayName?: string;
  /** `--theme FILE` (watched, with the files it names). */
  themeFile?: string;
  /** The project config file, loaded (watched, with the files it names). */
  config?: ProjectConfig;
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

export async function startPreviewServer(opts: PreviewServerOptions): Promise<PreviewServer> {
  const { onListening: _l, port: _p, file, ...sessionOptions } = opts;
  const session = new PreviewSession(file, sessionOptions);
  const watcher = watchFiles((changed) => {
    if (changed === session.file) void session.fileChanged();
    else void session.dependencyChanged(changed);
  });
  const updateWatched = async () => watcher.set(await session.watchedFiles());
  session.on((e) => {
    if (e.type === 'result') void updateWatched();
  });
  const events = new EventStream(session);
  const ctx: RouteContext = { session, assets: clientAssets() };
  const routes: Route[] = [apiRoute, pageRoute, events.route, cardRoute, filesRoute, downloadsRoute];
  let origin: Origin = originOf(0);

  const handle = async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    const pathname = (req.url ?? '/').split('?')[0]!;
    if (refused(req, res, origin, pathname)) return;
    for (const route of routes) if (await route(req, res, pathname, ctx)) return;
    reply(res, 404, TEXT, 'not found');
  };
  const server = createServer((req, res) => {
    handle(req, res).catch((err: unknown) => {
      if (!res.headersSent) reply(res, 500, TEXT, `internal error: ${err instanceof Error ? err.message : String(err)}`);
      else res.end();
    });
  });

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
  origin = originOf(port);
  // Listening first: a long thread's first render shows in the page as it finishes.
  opts.onListening?.(`${origin.url}/`);
  let first;
  try {
    first = await session.start();
    await updateWatched();
    await ctx.assets;
  } catch (err) {
    watcher.close();
    server.close();
    server.closeAllConnections();
    throw err;
  }

  return {
    url: `${origin.url}/`,
    port,
    session,
    firstRenderMs: first.ms.total,
    async close() {
      watcher.close();
      events.close();
      await new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      });
      await session.idle();
    },
  };
}
