// Helpers for the preview tests: a small thread in a temp folder, an SSE reader, raw HTTP requests.
import { copyFileSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { tempDir } from './helpers.ts';

const made: string[] = [];

/** Removes the folders makeThread made. */
export function removeThreads(): void {
  for (const dir of made.splice(0)) rmSync(dir, { recursive: true, force: true });
}

/** A thread of `posts` posts (cover and outro on: posts + 2 cards) with an image post, in a fresh folder. */
export function makeThread(posts = 4): { dir: string; file: string; text: string } {
  const dir = tempDir('threadeck-preview-');
  made.push(dir);
  mkdirSync(path.join(dir, 'images'));
  copyFileSync('threads/images/deploys-chart.png', path.join(dir, 'images', 'chart.png'));
  const lines = Array.from({ length: posts }, (_, i) =>
    i === 1 ? `  - text: Post two shows a chart of deploys.\n    image: ./images/chart.png\n    alt: Deploys per week` : `  - Post ${i + 1} says something worth reading about small pull requests.`,
  );
  const text = `title: Preview test\nauthor:\n  name: Ann Example\n  handle: "@ann"\nposts:\n${lines.join('\n')}\n`;
  const file = path.join(dir, 'thread.yaml');
  writeFileSync(file, text);
  return { dir, file, text };
}

export interface SseEvent {
  type: string;
  data: any;
}

/** Reads the server's event stream; `next(type, pred)` resolves with the first matching event from now on. */
export async function sse(url: string) {
  const controller = new AbortController();
  const res = await fetch(url, { signal: controller.signal });
  const reader = res.body!.getReader();
  const decoder = new TextDecoder();
  const seen: SseEvent[] = [];
  const waiters: Array<{ type: string; pred: (d: any) => boolean; resolve: (e: SseEvent) => void }> = [];
  let buf = '';
  void (async () => {
    try {
      for (;;) {
        const { value, done } = await reader.read();
        if (done) return;
        buf += decoder.decode(value, { stream: true });
        let i: number;
        while ((i = buf.indexOf('\n\n')) >= 0) {
          const chunk = buf.slice(0, i);
          buf = buf.slice(i + 2);
          const type = /^event: (\S+)/m.exec(chunk)?.[1];
          const data = /^data: (.*)$/m.exec(chunk)?.[1];
          if (!type || !data) continue;
          const e = { type, data: JSON.parse(data) };
          seen.push(e);
          for (const w of [...waiters]) {
            if (w.type === e.type && w.pred(e.data)) {
              waiters.splice(waiters.indexOf(w), 1);
              w.resolve(e);
            }
          }
        }
      }
    } catch {
      // aborted
    }
  })();
  return {
    seen,
    next(type: string, pred: (d: any) => boolean = () => true, timeoutMs = 60_000): Promise<SseEvent> {
      return new Promise((resolve, reject) => {
        const t = setTimeout(() => reject(new Error(`no "${type}" event within ${timeoutMs} ms`)), timeoutMs);
        waiters.push({ type, pred, resolve: (e) => (clearTimeout(t), resolve(e)) });
      });
    },
    close: () => controller.abort(),
  };
}

/** A GET with the path sent exactly as written (fetch would normalise `..`). */
export function rawGet(port: number, rawPath: string, headers: Record<string, string> = {}): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const req = http.request({ host: '127.0.0.1', port, path: rawPath, method: 'GET', headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body: Buffer.concat(chunks).toString('latin1') }));
    });
    req.on('error', reject);
    req.end();
  });
}
