// The preview server's guards, run before any route: headers for every response (no sniffing, no
// referrer, same-origin resources only); only requests whose Host is the server's own loopback
// address (DNS rebinding); nothing a browser marks as coming from another site (Sec-Fetch-Site)
// but a link to the page; and writes only as same-origin JSON (no cross-site form posts).
import type { IncomingMessage, ServerResponse } from 'node:http';
import { TEXT, reply } from './reply.ts';

export const HOST = '127.0.0.1';

export interface Origin {
  /** `http://127.0.0.1:<port>`. */
  url: string;
  /** The Host headers answered: the address and `localhost` with the port. */
  hosts: Set<string>;
}

export function originOf(port: number): Origin {
  return { url: `http://${HOST}:${port}`, hosts: new Set([`${HOST}:${port}`, `localhost:${port}`]) };
}

/** Sets the common headers; answers (and returns true) a request that is refused. */
export function refused(req: IncomingMessage, res: ServerResponse, origin: Origin, pathname: string): boolean {
  res.setHeader('X-Content-Type-Options', 'nosniff');
  res.setHeader('Referrer-Policy', 'no-referrer');
  res.setHeader('Cross-Origin-Resource-Policy', 'same-origin');
  if (!origin.hosts.has(req.headers.host ?? '')) {
    reply(res, 421, TEXT, 'wrong Host: the preview answers only on its loopback address');
    return true;
  }
  // Browsers say where a request comes from: another site (or another local server, same-site)
  // may link to the page, but not load its cards, files, events or exports, nor write.
  const site = req.headers['sec-fetch-site'];
  if ((site === 'cross-site' || site === 'same-site') && !(pathname === '/' && req.headers['sec-fetch-mode'] === 'navigate')) {
    reply(res, 403, TEXT, 'cross-site request refused');
    return true;
  }
  const method = req.method ?? 'GET';
  if (method === 'POST') {
    if (!sameOrigin(req, origin)) reply(res, 403, TEXT, 'cross-origin request refused');
    else if (!(req.headers['content-type'] ?? '').startsWith('application/json')) reply(res, 415, TEXT, 'expected application/json');
    else return false;
    return true;
  }
  if (method !== 'GET' && method !== 'HEAD') {
    reply(res, 405, TEXT, 'method not allowed');
    return true;
  }
  return false;
}

function sameOrigin(req: IncomingMessage, origin: Origin): boolean {
  const o = req.headers.origin;
  if (o !== undefined && o !== origin.url && o !== origin.url.replace(HOST, 'localhost')) return false;
  const site = req.headers['sec-fetch-site'];
  return site === undefined || site === 'same-origin' || site === 'none';
}
