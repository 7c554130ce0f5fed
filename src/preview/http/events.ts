// `/events`: the session's events as server-sent events to every page connected. A page that
// connects gets the last result and, during a render (the first one, typically), the cards laid
// out so far, then every event as it comes; a comment every 15 s keeps the connection open.
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { PreviewSession, SessionEvent } from '../session.ts';
import type { Route } from './route.ts';

export class EventStream {
  private readonly clients = new Set<ServerResponse>();

  constructor(private readonly session: PreviewSession) {
    session.on((e) => {
      for (const res of this.clients) send(res, e);
    });
  }

  readonly route: Route = (req, res, pathname) => {
    if (pathname !== '/events') return false;
    this.open(req, res);
    return true;
  };

  private open(req: IncomingMessage, res: ServerResponse): void {
    const { session } = this;
    res.writeHead(200, { 'Content-Type': 'text/event-stream; charset=utf-8', 'Cache-Control': 'no-store', Connection: 'keep-alive' });
    res.write('retry: 1000\n\n');
    if (session.result) send(res, { type: 'result', result: session.result });
    const progress = session.progress;
    if (progress && progress.seq > (session.result?.seq ?? 0)) send(res, { type: 'cards', ...progress });
    this.clients.add(res);
    const ping = setInterval(() => res.write(': ping\n\n'), 15_000);
    req.on('close', () => {
      clearInterval(ping);
      this.clients.delete(res);
    });
  }

  /** Ends every stream (the server is closing). */
  close(): void {
    for (const res of this.clients) res.end();
    this.clients.clear();
  }
}

function send(res: ServerResponse, e: SessionEvent): void {
  res.write(`event: ${e.type}\ndata: ${JSON.stringify(e)}\n\n`);
}
