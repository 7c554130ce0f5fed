// `threadeck serve` against the real server: the compiled CLI started on a free loopback port, spoken
// to over HTTP. Statuses, headers and bodies; the same PDF bytes as `threadeck build`; hostile bodies.
import { spawn, type ChildProcess } from 'node:child_process';
import { copyFileSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli, tempDir } from './helpers.ts';

const SOURCE = 'threads/devops-sre-platform-engineering.yaml';
const SMALL = 'title: Small\nauthor:\n  name: Ann\n  handle: ann\nposts:\n  - Hello there.\n  - Second post.\n';

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

describe('threadeck serve', () => {
  let s: Server;
  beforeAll(async () => {
    s = await startServe(['--jobs', '1', '--max-body', '64KB']);
  });
  afterAll(async () => {
    expect(await s.stop()).toBe(0);
  });

  it('listens on loopback and answers /healthz, /readyz, /openapi.json', async () => {
    expect(new URL(s.url).hostname).toBe('127.0.0.1');
    expect((await fetch(`${s.url}/healthz`)).status).toBe(200);
    const ready = await fetch(`${s.url}/readyz`);
    expect(ready.status).toBe(200);
    const api = await fetch(`${s.url}/openapi.json`);
    expect(api.status).toBe(200);
    const doc = (await api.json()) as { openapi: string; paths: Record<string, { post?: { responses: Record<string, unknown> } }> };
    expect(doc.openapi).toMatch(/^3\./);
    expect(Object.keys(doc.paths['/v1/render']!.post!.responses)).toEqual(expect.arrayContaining(['200', '304', '400', '413', '415', '422', '429', '503', '504']));
  });

  it('renders the source thread as the same PDF bytes as `threadeck build`', async () => {
    const dir = tempDir('threadeck-serve-build-');
    copyFileSync(SOURCE, path.join(dir, path.basename(SOURCE)));
    const cli = runCli(['build', path.basename(SOURCE), '--out', 'out', '--no-config', '-f', 'png,pdf'], { cwd: dir });
    expect(cli.code, cli.stderr).toBe(0);
    const built = readFileSync(path.join(dir, 'out', 'devops-sre-platform-engineering', 'devops-sre-platform-engineering.pdf'));
    const res = await post(s, `?name=${path.basename(SOURCE)}`, readFileSync(SOURCE, 'utf8'));
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('application/pdf');
    expect(res.headers.get('x-threadeck-cards')).toBe('11');
    expect(res.headers.get('x-request-id')).toBeTruthy();
    const served = Buffer.from(await res.arrayBuffer());
    expect(served.equals(built)).toBe(true);

    // The ETag is the cache key: the same request with If-None-Match is 304 with no body.
    const etag = res.headers.get('etag')!;
    expect(etag).toMatch(/^"[0-9a-f]{64}"$/);
    const again = await post(s, `?name=${path.basename(SOURCE)}`, readFileSync(SOURCE, 'utf8'), 'application/yaml', { 'if-none-match': etag });
    expect(again.status).toBe(304);
    expect((await again.arrayBuffer()).byteLength).toBe(0);
    // Another option, another key.
    const png = await post(s, `?name=${path.basename(SOURCE)}&format=png&card=2`, readFileSync(SOURCE, 'utf8'), 'application/yaml', { 'if-none-match': etag });
    expect(png.status).toBe(200);
    expect(png.headers.get('etag')).not.toBe(etag);
    const builtCard = readFileSync(path.join(dir, 'out', 'devops-sre-platform-engineering', 'devops-sre-platform-engineering-02.png'));
    expect(Buffer.from(await png.arrayBuffer()).equals(builtCard)).toBe(true);
    const last = await post(s, '?format=png&card=11', readFileSync(SOURCE, 'utf8'));
    expect(last.status).toBe(200);
    expect(Buffer.from(await last.arrayBuffer()).equals(readFileSync(path.join(dir, 'out', 'devops-sre-platform-engineering', 'devops-sre-platform-engineering-11.png')))).toBe(true);
  });

  it('answers one PNG, a zip, Markdown and a JSON report', async () => {
    const png = await post(s, '?format=png&card=2', SMALL);
    expect(png.status).toBe(200);
    expect(png.headers.get('content-type')).toBe('image/png');
    expect(Buffer.from(await png.arrayBuffer()).subarray(1, 4).toString()).toBe('PNG');
    const missing = await post(s, '?format=png&card=99', SMALL);
    expect(missing.status).toBe(422);
    expect(((await missing.json()) as { messages: string[] }).messages[0]).toMatch(/card=99: the thread has \d+ cards/);

    const zip = await post(s, '?format=zip&name=small.yaml', SMALL);
    expect(zip.status).toBe(200);
    expect(zip.headers.get('content-type')).toBe('application/zip');
    const bytes = Buffer.from(await zip.arrayBuffer());
    expect(bytes.subarray(0, 2).toString()).toBe('PK');
    expect(bytes.includes(Buffer.from('small/small.pdf'))).toBe(true);
    expect(bytes.includes(Buffer.from('small/small-01.png'))).toBe(true);

    const md = await post(s, '?format=md', SMALL);
    expect(md.status).toBe(200);
    expect(await md.text()).toContain('Hello there.');

    const report = await post(s, '?format=json', SMALL, 'text/yaml');
    expect(report.status).toBe(200);
    const r = (await report.json()) as { cards: number; key: string; warnings: unknown[] };
    expect(r.cards).toBeGreaterThanOrEqual(2);
    expect(String(r.cards)).toBe(report.headers.get('x-threadeck-cards'));
    expect(`"${r.key}"`).toBe(report.headers.get('etag'));
    expect(Array.isArray(r.warnings)).toBe(true);
  });

  it('takes the build options as query fields: template, size, theme colours', async () => {
    const plain = await post(s, '?format=png', SMALL);
    const styled = await post(s, '?format=png&template=dark&size=square&background=%23102030&accent=%23ff8800&footer=Hi', SMALL);
    expect(styled.status).toBe(200);
    expect(styled.headers.get('etag')).not.toBe(plain.headers.get('etag'));
    const a = Buffer.from(await plain.arrayBuffer());
    const b = Buffer.from(await styled.arrayBuffer());
    expect(b.equals(a)).toBe(false);
    // A square card: the PNG's IHDR says 1080×1080.
    expect([b.readUInt32BE(16), b.readUInt32BE(20)]).toEqual([1080, 1080]);
  });

  it('takes JSON and imports raw text, Markdown and HTML', async () => {
    const json = await post(s, '', JSON.stringify({ title: 'J', author: { name: 'Jo' }, posts: ['One.'] }), 'application/json');
    expect(json.status).toBe(200);
    for (const [type, body] of [
      ['text/plain', '1/ First post of the thread.\n\n2/ Second post of the thread.\n'],
      ['text/markdown', '# A thread\n\nFirst post.\n\n---\n\nSecond post.\n'],
      ['text/html', '<html><body><p>First post of a thread.</p><p>Second post.</p></body></html>'],
    ] as const) {
      const res = await post(s, '?format=json', body, `${type}; charset=utf-8`);
      expect(res.status, `${type}: ${await res.clone().text()}`).toBe(200);
      expect(((await res.json()) as { cards: number }).cards).toBeGreaterThan(0);
    }
  });

  it('reports bad threads with the CLI diagnostics, positioned in the submitted text', async () => {
    const syntax = await post(s, '?name=mine.yaml', 'title: x\nposts:\n  - [unclosed\n');
    expect(syntax.status).toBe(400);
    const e = (await syntax.json()) as { error: string; diagnostics: { rule: string; line: number; column: number; file: string }[]; messages: string[] };
    expect(e.diagnostics[0]).toMatchObject({ rule: 'yaml-syntax', file: 'mine.yaml', line: 3, column: 5 });
    expect(e.messages[0]).toMatch(/^mine\.yaml:3:5: /);

    const notThread = await post(s, '', 'title: x\nauthor:\n  name: A\nposts: 7\n');
    expect(notThread.status).toBe(422);
    const n = (await notThread.json()) as { diagnostics: { rule: string; path: string; line: number }[] };
    expect(n.diagnostics[0]).toMatchObject({ rule: 'schema', path: 'posts', line: 4 });
    expect(syntax.headers.get('content-type')).toMatch(/^application\/json/);
  });

  it('refuses unknown types (415), bodies over --max-body (413), bad query fields (400), unknown routes (404)', async () => {
    expect((await post(s, '', 'x', 'image/png')).status).toBe(415);
    expect((await post(s, '', 'x', 'application/octet-stream')).status).toBe(415);
    const big = await post(s, '', `title: x\n# ${'a'.repeat(70 * 1024)}\n`);
    expect(big.status).toBe(413);
    expect(((await big.json()) as { error: string }).error).toMatch(/larger than/);
    expect((await post(s, '?format=gif', SMALL)).status).toBe(400);
    expect((await post(s, '?card=0', SMALL)).status).toBe(400);
    expect((await post(s, '?format=png&card=301', SMALL)).status).toBe(400);
    expect((await post(s, '?template=../../templates/x.tsx', SMALL)).status).toBe(400);
    expect((await post(s, '?size=huge', SMALL)).status).toBe(400);
    expect((await post(s, '?accent=red', SMALL)).status).toBe(400);
    const nf = await fetch(`${s.url}/nope`);
    expect(nf.status).toBe(404);
    expect(((await nf.json()) as { status: number }).status).toBe(404);
  });

  it('refuses hostile bodies with 4xx and touches no file', async () => {
    const garbage = new Uint8Array(4096).map((_, i) => (i * 7919 + 13) % 256);
    for (const type of ['application/yaml', 'application/json', 'text/plain', 'text/html']) {
      const res = await post(s, '', garbage, type);
      expect(res.status, type).toBeGreaterThanOrEqual(400);
      expect(res.status, type).toBeLessThan(500);
    }
    const deep = await post(s, '', `a: ${'['.repeat(5000)}${']'.repeat(5000)}\n`);
    expect(deep.status).toBe(400);
    const deepJson = await post(s, '', `${'['.repeat(5000)}${']'.repeat(5000)}`, 'application/json');
    expect([400, 422]).toContain(deepJson.status);
    const deepBlock = await post(s, '', Array.from({ length: 5000 }, (_, i) => `${' '.repeat(i)}a:`).join('\n').slice(0, 60_000));
    expect([400, 413, 422]).toContain(deepBlock.status);

    // Names are plain file names; paths in a thread resolve nowhere (an empty folder).
    for (const name of ['../../etc/passwd', '/etc/passwd', 'a/b.yaml', '..', 'x\\..\\y']) {
      expect((await post(s, `?name=${encodeURIComponent(name)}`, SMALL)).status, name).toBe(400);
    }
    for (const ref of ['../../../../etc/passwd', '/etc/hostname', 'package.json', 'file:///etc/passwd']) {
      const res = await post(s, '', `title: x\nauthor:\n  name: A\n  avatar: ${JSON.stringify(ref)}\nposts:\n  - Hi\n`);
      expect(res.status, ref).toBe(422);
      expect(((await res.json()) as { diagnostics: { rule: string }[] }).diagnostics[0]!.rule, ref).toBe('image');
    }
    const remote = await post(s, '', 'title: x\nauthor:\n  name: A\n  avatar: "http://127.0.0.1:1/a.png"\nposts:\n  - Hi\n');
    expect(remote.status).toBe(422);
    expect(await remote.text()).toMatch(/remote images are off/);
    const template = await post(s, '', 'title: x\ntemplate: ./evil.tsx\nauthor:\n  name: A\nposts:\n  - Hi\n');
    expect(template.status).toBe(422);
    expect(readdirSync(process.cwd()).filter((f) => /evil|passwd/.test(f))).toEqual([]);
  });

  it('takes images as multipart parts, by plain file name; refuses traversal names, bombs and missing parts', async () => {
    const avatar = readFileSync('threads/images/maya-avatar.png');
    const withImage = 'title: Pictured\nauthor:\n  name: Maya\n  avatar: maya.png\nposts:\n  - text: A chart.\n    image: chart.png\n';
    const form = () => {
      const f = new FormData();
      f.append('thread', new Blob([withImage], { type: 'application/yaml' }), 'pictured.yaml');
      f.append('maya.png', new Blob([avatar], { type: 'image/png' }), 'maya.png');
      f.append('chart.png', new Blob([readFileSync('threads/images/deploys-chart.png')], { type: 'image/png' }), 'chart.png');
      return f;
    };
    const ok = await fetch(`${s.url}/v1/render?format=json`, { method: 'POST', body: form() });
    expect(ok.status, await ok.clone().text()).toBe(200);
    expect(((await ok.json()) as { slug: string }).slug).toBe('pictured');
    // Without the part, the path resolves to nothing.
    const missing = new FormData();
    missing.append('thread', withImage);
    const m = await fetch(`${s.url}/v1/render?format=json`, { method: 'POST', body: missing });
    expect(m.status).toBe(422);
    expect(((await m.json()) as { diagnostics: { rule: string }[] }).diagnostics[0]!.rule).toBe('image');

    for (const name of ['../../evil.png', '/tmp/evil.png', 'a/b.png', '..', '.hidden/x.png']) {
      const f = new FormData();
      f.append('thread', withImage);
      f.append('img', new Blob([avatar], { type: 'image/png' }), name);
      const res = await fetch(`${s.url}/v1/render`, { method: 'POST', body: f });
      expect(res.status, name).toBe(400);
    }
    // A decompression bomb: a PNG header claiming 60000×60000 pixels.
    const bomb = Buffer.from(avatar);
    bomb.writeUInt32BE(60000, 16);
    bomb.writeUInt32BE(60000, 20);
    const b = new FormData();
    b.append('thread', 'title: B\nauthor:\n  name: A\n  avatar: bomb.png\nposts:\n  - Hi\n');
    b.append('bomb.png', new Blob([bomb], { type: 'image/png' }), 'bomb.png');
    const bombed = await fetch(`${s.url}/v1/render`, { method: 'POST', body: b });
    expect(bombed.status).toBe(422);
    const noThread = new FormData();
    noThread.append('x.png', new Blob([avatar]), 'x.png');
    expect((await fetch(`${s.url}/v1/render`, { method: 'POST', body: noThread })).status).toBe(400);
    const big = new FormData();
    big.append('thread', withImage);
    big.append('big.png', new Blob([new Uint8Array(80 * 1024)]), 'big.png');
    expect((await fetch(`${s.url}/v1/render`, { method: 'POST', body: big })).status).toBe(413);
    expect(readdirSync(tmpdir()).filter((f) => /^evil|^bomb/.test(f))).toEqual([]);
  });

  it('counts requests in /metrics', async () => {
    const res = await fetch(`${s.url}/metrics`);
    expect(res.status).toBe(200);
    const text = await res.text();
    expect(text).toMatch(/threadeck_requests_total\{route="\/v1\/render",status="200"\} \d+/);
    expect(text).toMatch(/threadeck_requests_total\{route="\/v1\/render",status="415"\} \d+/);
    expect(text).toContain('threadeck_render_seconds_bucket');
    expect(text).toContain('threadeck_queue_depth 0');
    expect(text).toContain('threadeck_children_restarted 0');
  });
});

describe('threadeck serve --token-file', () => {
  let s: Server;
  const token = 's3cret-token-value';
  beforeAll(async () => {
    const dir = tempDir('threadeck-serve-token-');
    writeFileSync(path.join(dir, 'token'), `${token}\n`);
    s = await startServe(['--token-file', path.join(dir, 'token'), '--jobs', '1']);
  });
  afterAll(async () => {
    await s.stop();
  });

  it('needs the bearer token on /v1/render and /metrics (401), not on the probes', async () => {
    const none = await post(s, '?format=json', SMALL);
    expect(none.status).toBe(401);
    expect(none.headers.get('www-authenticate')).toBe('Bearer');
    expect((await post(s, '?format=json', SMALL, 'application/yaml', { authorization: 'Bearer wrong' })).status).toBe(401);
    expect((await post(s, '?format=json', SMALL, 'application/yaml', { authorization: `Bearer ${token}x` })).status).toBe(401);
    expect((await post(s, '?format=json', SMALL, 'application/yaml', { authorization: `Basic ${token}` })).status).toBe(401);
    expect((await fetch(`${s.url}/metrics`)).status).toBe(401);
    expect((await fetch(`${s.url}/healthz`)).status).toBe(200);
    expect((await fetch(`${s.url}/openapi.json`)).status).toBe(200);
    const ok = await post(s, '?format=json', SMALL, 'application/yaml', { authorization: `Bearer ${token}` });
    expect(ok.status).toBe(200);
  });
});

describe('threadeck serve logs', () => {
  it('writes pino JSON lines on stdout carrying the request id it answers with', async () => {
    const proc = spawn(process.execPath, [path.resolve('bin/threadeck.js'), 'serve', '--port', '0', '--jobs', '1'], { stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    let err = '';
    proc.stdout!.on('data', (d: Buffer) => (out += d.toString()));
    const url = await new Promise<string>((resolve) => proc.stderr!.on('data', (d: Buffer) => {
      err += d.toString();
      const m = /listening on (http:\/\/\S+)/.exec(err);
      if (m) resolve(m[1]!);
    }));
    const exited = new Promise((resolve) => proc.once('exit', resolve));
    const res = await fetch(`${url}/healthz`, { headers: { 'x-request-id': 'trace-42' } });
    expect(res.headers.get('x-request-id')).toBe('trace-42');
    const bad = await fetch(`${url}/healthz`, { headers: { 'x-request-id': 'no spaces or <tags>' } });
    expect(bad.headers.get('x-request-id')).toMatch(/^[0-9a-f-]{36}$/);
    proc.kill('SIGTERM');
    await exited;
    const lines = out.trim().split('\n').map((l) => JSON.parse(l) as { reqId?: string; msg: string; res?: { statusCode: number } });
    expect(lines.some((l) => l.reqId === 'trace-42' && l.msg === 'request completed' && l.res?.statusCode === 200)).toBe(true);
  });
});

describe('threadeck serve flags', () => {
  it('refuses bad flags with exit 2', () => {
    for (const args of [['--port', 'x'], ['--jobs', '0'], ['--max-body', 'lots'], ['--token-file', '/nonexistent/token']]) {
      const r = runCli(['serve', ...args]);
      expect(r.code, args.join(' ')).toBe(2);
    }
  });
});
