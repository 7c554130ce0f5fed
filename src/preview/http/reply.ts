// The preview server's replies and request bodies: a whole body with its length and caching
// (nothing but headers for HEAD), JSON, and a JSON body read up to a size limit.
import type { IncomingMessage, ServerResponse } from 'node:http';

export const TEXT = 'text/plain; charset=utf-8';
const MAX_BODY = 16 * 1024 * 1024;

export function reply(res: ServerResponse, status: number, type: string, body: string | Uint8Array, cache = 'no-store'): void {
  res.writeHead(status, { 'Content-Type': type, 'Cache-Control': cache, 'Content-Length': typeof body === 'string' ? Buffer.byteLength(body) : body.byteLength });
  res.end(res.req.method === 'HEAD' ? undefined : body);
}

export function replyJson(res: ServerResponse, value: unknown, status = 200): void {
  reply(res, status, 'application/json; charset=utf-8', JSON.stringify(value));
}

/** The request's JSON body; undefined when it is not JSON or larger than MAX_BODY. */
export function readJson(req: IncomingMessage): Promise<unknown> {
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
