// `threadeck serve` under pressure, against the real server: a flood gets only 200/429 and /healthz
// answers throughout; a crashed render child fails one request (500) and is replaced; a render past
// --timeout gets 504; SIGTERM answers 503 to new requests while the one in flight finishes.
import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const SMALL = 'title: Small\nauthor:\n  name: Ann\nposts:\n  - Hello there.\n';
const thread = (text: string) => `title: T\nauthor:\n  name: Ann\nposts:\n  - ${JSON.stringify(text)}\n`;
const ENV = { THREADECK_SERVE_CRASH_MARKER: 'CRASH-THIS-CHILD', THREADECK_SERVE_HANG_MARKER: 'HANG-THIS-CHILD' };

interface Server {
  url: string;
  proc: ChildProcess;
  stderr: () => string;
  stop: () => Promise<number | null>;
  /** SIGTERM, once; stop() then only waits for the exit. */
  term: () => void;
}

async function startServe(args: string[], env: Record<string, string> = {}): Promise<Server> {
  const proc = spawn(process.execPath, [path.resolve('bin/threadeck.js'), 'serve', '--port', '0', '--quiet', ...args], {
    env: { ...process.env, ...env },
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  let err = '';
  const url = await new Promise<string>((resolve, reject) => {
    proc.stderr!.on('data', (d: Buffer) => {
      err += d.toString();
      const m = /listening on (http:\/\/\S+)/.exec(err);
      if (m) resolve(m[1]!);
    });
    proc.once('exit', (code) => reject(new Error(`serve exited (${code}): ${err}`)));
  });
  let signalled = false;
  const exited = new Promise<number | null>((resolve) => proc.once('exit', (code) => resolve(code)));
  return {
    url,
    proc,
    stderr: () => err,
    stop: async () => {
      if (proc.exitCode === null && proc.signalCode === null && !signalled) proc.kill('SIGTERM');
      return exited;
    },
    term: () => {
      signalled = true;
      proc.kill('SIGTERM');
    },
  };
}

const post = (s: Server, query: string, body: string | Uint8Array, type = 'application/yaml', headers: Record<string, string> = {}) =>
  fetch(`${s.url}/v1/render${query}`, { method: 'POST', body: body as unknown as BodyInit, headers: { 'content-type': type, ...headers } });

describe('threadeck serve under pressure', () => {
  it('holds a flood of 100 concurrent requests with --jobs 1 --queue 4: only 200 and 429, /healthz answering', async () => {
    const s = await startServe(['--jobs', '1', '--queue', '4']);
    try {
      // Warm the child so the flood measures admission, not the first render's start-up.
      expect((await post(s, '?format=png', SMALL)).status).toBe(200);
      let flooding = true;
      const health: number[] = [];
      const probe = (async () => {
        while (flooding) {
          health.push((await fetch(`${s.url}/healthz`)).status);
          await new Promise((r) => setTimeout(r, 20));
        }
      })();
      const answers = await Promise.all(
        Array.from({ length: 100 }, (_, i) =>
          post(s, '?format=png', thread(`Post number ${i}.`)).then(async (r) => ({ status: r.status, retry: r.headers.get('retry-after'), body: await r.arrayBuffer() })),
        ),
      );
      flooding = false;
      await probe;
      const statuses = answers.map((a) => a.status);
      expect(statuses.filter((c) => c !== 200 && c !== 429)).toEqual([]);
      expect(statuses.filter((c) => c === 200).length).toBeGreaterThanOrEqual(5);
      expect(statuses.filter((c) => c === 429).length).toBeGreaterThan(0);
      expect(answers.filter((a) => a.status === 429).every((a) => a.retry === '1')).toBe(true);
      expect(health.length).toBeGreaterThan(0);
      expect(health.every((c) => c === 200)).toBe(true);
      // Memory stays bounded: the server's resident set after the flood (prom-client's process metric).
      const metrics = await (await fetch(`${s.url}/metrics`)).text();
      const rss = Number(/threadeck_process_resident_memory_bytes (\d+)/.exec(metrics)![1]);
      expect(rss).toBeLessThan(512 * 1024 * 1024);
      expect(metrics).toMatch(/threadeck_requests_total\{route="\/v1\/render",status="429"\} \d+/);
    } finally {
      await s.stop();
    }
  });

  it('survives a crashing render child: that request gets 500, the child is replaced, the next request renders', async () => {
    const s = await startServe(['--jobs', '1'], ENV);
    try {
      const crash = await post(s, '?format=png', thread('CRASH-THIS-CHILD'));
      expect(crash.status).toBe(500);
      const body = (await crash.json()) as { error: string; diagnostics: { rule: string }[] };
      expect(body.error).toMatch(/renderer crashed/);
      expect(body.diagnostics[0]!.rule).toBe('internal');
      const next = await post(s, '?format=png', SMALL);
      expect(next.status).toBe(200);
      expect((await fetch(`${s.url}/healthz`)).status).toBe(200);
      expect(await (await fetch(`${s.url}/metrics`)).text()).toContain('threadeck_children_restarted 1');
    } finally {
      await s.stop();
    }
  });

  it('answers 504 past --timeout and replaces the stuck child', async () => {
    const s = await startServe(['--jobs', '1', '--timeout', '2'], ENV);
    try {
      const stuck = await post(s, '?format=png', thread('HANG-THIS-CHILD'));
      expect(stuck.status).toBe(504);
      const body = (await stuck.json()) as { diagnostics: { rule: string }[] };
      expect(body.diagnostics[0]!.rule).toBe('timeout');
      expect((await post(s, '?format=png', SMALL)).status).toBe(200);
    } finally {
      await s.stop();
    }
  });

  it('on SIGTERM finishes the render in flight, answers new requests 503, then exits', async () => {
    const s = await startServe(['--jobs', '1', '--shutdown-timeout', '20'], ENV);
    const inflight = post(s, '?format=pdf', thread('A post rendered while the server stops.'));
    // Wait until the render is admitted.
    for (;;) {
      const r = (await (await fetch(`${s.url}/readyz`)).json()) as { running: number };
      if (r.running > 0) break;
      await new Promise((res) => setTimeout(res, 10));
    }
    s.term();
    let sawDraining = false;
    for (let i = 0; i < 200 && !sawDraining; i++) {
      const r = await fetch(`${s.url}/readyz`).catch(() => undefined);
      if (!r) break;
      sawDraining = r.status === 503;
      if (!sawDraining) await new Promise((res) => setTimeout(res, 5));
    }
    const first = await inflight;
    expect(first.status).toBe(200);
    expect(first.headers.get('content-type')).toBe('application/pdf');
    expect(await s.stop()).toBe(0);
    expect(sawDraining || s.stderr().includes('stopping')).toBe(true);
  });

  it('on SIGTERM refuses new renders with 503 and exits after --shutdown-timeout even with a render stuck', async () => {
    const s = await startServe(['--jobs', '1', '--queue', '2', '--timeout', '600', '--shutdown-timeout', '2'], ENV);
    const stuck = post(s, '?format=png', thread('HANG-THIS-CHILD')).then((r) => r.status, () => 'closed');
    for (;;) {
      const r = (await (await fetch(`${s.url}/readyz`)).json()) as { running: number };
      if (r.running > 0) break;
      await new Promise((res) => setTimeout(res, 10));
    }
    s.term();
    for (;;) {
      const r = await fetch(`${s.url}/readyz`);
      if (r.status === 503) break;
      await new Promise((res) => setTimeout(res, 5));
    }
    const refused = await post(s, '?format=png', SMALL);
    expect(refused.status).toBe(503);
    expect((await refused.json()) as object).toMatchObject({ status: 503 });
    expect((await fetch(`${s.url}/healthz`)).status).toBe(200);
    expect(await s.stop()).toBe(0);
    expect([504, 503, 500, 'closed']).toContain(await stuck);
  });
});
