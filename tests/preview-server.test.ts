// threadeck preview's server without a browser: loopback only, path traversal refused, Host and
// Origin checks, a broken file kept alive, changed cards only re-rendered, save without echo,
// dependency changes, exports made by renderThread.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { copyFileSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { spawn } from 'node:child_process';
import http from 'node:http';
import path from 'node:path';
import { unzipSync } from 'fflate';
import { startPreviewServer, type PreviewServer } from '../src/preview/server.ts';
import { resolveInside } from '../src/preview/safe-path.ts';
import { threadDependencies } from '../src/preview/dependencies.ts';
import { makeThread, rawGet, removeThreads, sse } from './preview-helpers.ts';

let server: PreviewServer;
let thread: ReturnType<typeof makeThread>;
let events: Awaited<ReturnType<typeof sse>>;

beforeAll(async () => {
  thread = makeThread(4);
  writeFileSync(path.join(thread.dir, '.secret'), 'TOP-SECRET-42');
  symlinkSync('/etc/passwd', path.join(thread.dir, 'passwd-link.yaml'));
  server = await startPreviewServer({ file: thread.file });
  events = await sse(`${server.url}events`);
  await events.next('result');
});

afterAll(async () => {
  events?.close();
  await server?.close();
  removeThreads();
});

const json = (body: unknown, headers: Record<string, string> = {}) => ({
  method: 'POST',
  headers: { 'Content-Type': 'application/json', ...headers },
  body: JSON.stringify(body),
});

describe('threadeck preview server', () => {
  it('listens on 127.0.0.1 and renders every card', async () => {
    expect(server.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/$/);
    const state = (await (await fetch(`${server.url}api/state`)).json()) as any;
    expect(state.result.ok).toBe(true);
    expect(state.result.cards).toHaveLength(6);
    expect(state.result.cards.map((c: any) => c.label)).toEqual(['cover', '1/4', '2/4', '3/4', '4/4', 'end']);
    const png = await fetch(`${server.url}card/${state.result.cards[1].key}.png`);
    expect(png.headers.get('content-type')).toBe('image/png');
    expect(Buffer.from(await png.arrayBuffer()).subarray(1, 4).toString()).toBe('PNG');
    const page = await fetch(server.url);
    expect(page.headers.get('content-security-policy')).toContain("default-src 'none'");
    const js = await fetch(`${server.url}app.js`);
    expect((await js.text()).length).toBeGreaterThan(100_000);
  });

  it('refuses path traversal and files outside the thread folder', async () => {
    const attempts = [
      '/files/../../../../etc/passwd',
      '/files/%2e%2e/%2e%2e/%2e%2e/%2e%2e/etc/passwd',
      '/files/..%2f..%2f..%2f..%2fetc%2fpasswd',
      '/files/images/..%2f..%2f..%2f..%2fetc%2fpasswd',
      '/files/%2fetc%2fpasswd',
      '/files/images%5c..%5c..%5c..%5cetc%5cpasswd',
      '/files/passwd-link.yaml',
      '/files/.secret',
      '/files/%00',
      '/../package.json',
      '/app.js/../../package.json',
      '/card/../../package.json',
    ];
    for (const p of attempts) {
      const res = await rawGet(server.port, p);
      expect([400, 403, 404], p).toContain(res.status);
      expect(res.body, p).not.toContain('root:');
      expect(res.body, p).not.toContain('TOP-SECRET-42');
      expect(res.body, p).not.toContain('"name"');
    }
    const ok = await rawGet(server.port, '/files/images/chart.png');
    expect(ok.status).toBe(200);
    const yaml = await rawGet(server.port, '/files/thread.yaml');
    expect(yaml.body).toContain('title: Preview test');
  });

  it('resolveInside refuses traversal outright', async () => {
    expect(await resolveInside(thread.dir, '..%2Fx')).toMatchObject({ ok: false, status: 403 });
    expect(await resolveInside(thread.dir, 'images/%2E%2E/%2E%2E/x')).toMatchObject({ ok: false, status: 403 });
    expect(await resolveInside(thread.dir, '%E0%A4%A')).toMatchObject({ ok: false, status: 400 });
    expect(await resolveInside(thread.dir, 'images/chart.png')).toMatchObject({ ok: true });
  });

  it('answers only its own Host and same-origin JSON writes', async () => {
    expect((await rawGet(server.port, '/', { Host: 'evil.example:80' })).status).toBe(421);
    expect((await rawGet(server.port, '/api/state', { Host: `attacker.test:${server.port}` })).status).toBe(421);
    expect((await rawGet(server.port, '/', { Host: `localhost:${server.port}` })).status).toBe(200);
    const cross = await fetch(`${server.url}api/save`, json({ text: 'x' }, { Origin: 'http://evil.example' }));
    expect(cross.status).toBe(403);
    const form = await fetch(`${server.url}api/save`, { method: 'POST', headers: { 'Content-Type': 'text/plain' }, body: '{"text":"x"}' });
    expect(form.status).toBe(415);
    expect(readFileSync(thread.file, 'utf8')).toBe(thread.text);
    // What a browser marks as coming from another site: only a link to the page itself works.
    const key = server.session.result!.cards[0]!.key;
    for (const p of [`/card/${key}.png`, '/export/thread.pdf', '/files/thread.yaml', '/events', '/api/state']) {
      expect((await rawGet(server.port, p, { 'Sec-Fetch-Site': 'cross-site', 'Sec-Fetch-Mode': 'no-cors' })).status, p).toBe(403);
    }
    expect((await rawGet(server.port, '/', { 'Sec-Fetch-Site': 'cross-site', 'Sec-Fetch-Mode': 'navigate' })).status).toBe(200);
    expect((await rawGet(server.port, `/card/${key}.png`, { 'Sec-Fetch-Site': 'same-origin' })).status).toBe(200);
  });

  it('re-renders only the card whose post changed', async () => {
    const before = server.session.result!;
    const text = thread.text.replace('Post 3 says', 'Post 3 now says');
    const next = events.next('result', (d) => d.result.seq > before.seq);
    await fetch(`${server.url}api/text`, json({ text }));
    const { result } = (await next).data;
    expect(result.ok).toBe(true);
    expect(result.rendered).toBe(1);
    const changed = result.cards.filter((c: any, i: number) => c.key !== before.cards[i]!.key).map((c: any) => c.label);
    expect(changed).toEqual(['3/4']);
    // Back to the file's text: every key is in the cache again.
    const back = events.next('result', (d) => d.result.seq > result.seq);
    await fetch(`${server.url}api/text`, json({ text: thread.text }));
    expect((await back).data.result.rendered).toBe(0);
  });

  it('keeps running on a broken file, with positioned errors and the last good cards', async () => {
    const before = server.session.result!;
    const next = events.next('result', (d) => d.result.seq > before.seq);
    writeFileSync(thread.file, thread.text.replace('  name: Ann Example', '  name: [Ann'));
    const { result } = (await next).data;
    expect(result.ok).toBe(false);
    expect(result.stale).toBe(true);
    expect(result.cards.map((c: any) => c.key)).toEqual(before.cards.map((c) => c.key));
    expect(result.errors[0].line).toBeGreaterThan(0);
    expect(result.errors[0].text).toMatch(/thread\.yaml:\d+:\d+/);
    const fixed = events.next('result', (d) => d.result.ok);
    writeFileSync(thread.file, thread.text);
    expect((await fixed).data.result.cards).toHaveLength(6);
  });

  it('saves atomically without echoing the write back', async () => {
    const seenBefore = events.seen.length;
    const text = `${thread.text}# saved from the editor\n`;
    const res = await fetch(`${server.url}api/save`, json({ text }));
    expect(await res.json()).toEqual({ ok: true });
    expect(readFileSync(thread.file, 'utf8')).toBe(text);
    await new Promise((r) => setTimeout(r, 600)); // longer than the watcher's debounce
    const after = events.seen.slice(seenBefore).map((e) => e.type);
    expect(after).toContain('saved');
    expect(after).not.toContain('disk');
    expect(after).not.toContain('conflict');
    thread.text = text;
  });

  it('tells the page about a change on disk, or a conflict when it has unsaved edits', async () => {
    const onDisk = `${thread.text}# edited elsewhere\n`;
    const disk = events.next('disk');
    writeFileSync(thread.file, onDisk);
    expect((await disk).data.text).toBe(onDisk);
    await server.session.idle();
    await fetch(`${server.url}api/text`, json({ text: `${onDisk}# unsaved\n` }));
    const conflict = events.next('conflict');
    writeFileSync(thread.file, `${onDisk}# again\n`);
    expect((await conflict).data.text).toBe(`${onDisk}# again\n`);
    expect(server.session.text).toBe(`${onDisk}# unsaved\n`);
    thread.text = `${onDisk}# again\n`;
    await fetch(`${server.url}api/text`, json({ text: thread.text }));
    await server.session.idle();
  });

  it('re-renders when an image the thread uses changes', async () => {
    await server.session.idle();
    const before = server.session.result!;
    const next = events.next('result', (d) => d.result.seq > before.seq && d.result.ok);
    copyFileSync('threads/images/maya-avatar.png', path.join(thread.dir, 'images', 'chart.png'));
    const { result } = (await next).data;
    const changed = result.cards.filter((c: any, i: number) => c.key !== before.cards[i]!.key).map((c: any) => c.label);
    expect(changed).toEqual(['2/4']);
  });

  it('applies the template and size pickers, and refuses unknown ones', async () => {
    const before = server.session.result!;
    const next = events.next('result', (d) => d.result.seq > before.seq);
    const res = await fetch(`${server.url}api/choices`, json({ template: 'dark', size: 'square' }));
    expect(res.status).toBe(200);
    const { result } = (await next).data;
    expect(result.cards[0]).toMatchObject({ width: 1080, height: 1080 });
    expect(result.cards.every((c: any, i: number) => c.key !== before.cards[i]!.key)).toBe(true);
    expect((await fetch(`${server.url}api/choices`, json({ template: '../../evil' }))).status).toBe(400);
    expect((await fetch(`${server.url}api/choices`, json({ size: '99999x1' }))).status).toBe(400);
  });

  it('exports the PNGs as a zip and the PDF, with the file names build uses', async () => {
    const zip = await fetch(`${server.url}export/thread-png.zip`);
    expect(zip.headers.get('content-disposition')).toContain('thread-png.zip');
    const files = unzipSync(new Uint8Array(await zip.arrayBuffer()));
    expect(Object.keys(files)).toEqual(['thread-01.png', 'thread-02.png', 'thread-03.png', 'thread-04.png', 'thread-05.png', 'thread-06.png']);
    expect(Buffer.from(files['thread-01.png']!.subarray(1, 4)).toString()).toBe('PNG');
    const pdf = await fetch(`${server.url}export/thread.pdf`);
    expect(pdf.headers.get('content-type')).toBe('application/pdf');
    expect(Buffer.from(await pdf.arrayBuffer()).subarray(0, 5).toString()).toBe('%PDF-');
  });
});

describe('threadeck preview command', () => {
  it('prints its loopback address with --port and stops on SIGTERM', async () => {
    const t = makeThread(2);
    const port = 20000 + Math.floor(Math.random() * 20000);
    const child = spawn(process.execPath, ['bin/threadeck.js', 'preview', t.file, '--port', String(port)], { stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    child.stdout.on('data', (c: Buffer) => (out += c.toString()));
    child.stderr.on('data', (c: Buffer) => (out += c.toString()));
    const deadline = Date.now() + 60_000;
    while (!out.includes('watching') && Date.now() < deadline && child.exitCode === null) await new Promise((r) => setTimeout(r, 100));
    expect(out).toContain(`http://127.0.0.1:${port}/`);
    expect(out).toContain('4 cards');
    const state = (await (await fetch(`http://127.0.0.1:${port}/api/state`)).json()) as any;
    expect(state.result.cards).toHaveLength(4);
    const code = await new Promise<number | null>((resolve) => {
      child.on('exit', (c) => resolve(c));
      child.kill('SIGTERM');
    });
    expect(code).toBe(0);
  });

  it('refuses a bad --port or --template as usage errors', async () => {
    const run = (args: string[]) =>
      new Promise<{ code: number | null; err: string }>((resolve) => {
        const child = spawn(process.execPath, ['bin/threadeck.js', 'preview', ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
        let err = '';
        child.stderr.on('data', (c: Buffer) => (err += c.toString()));
        child.on('exit', (code) => resolve({ code, err }));
      });
    const bad = await run(['threads/devops-sre-platform-engineering.yaml', '--port', 'http']);
    expect(bad.code).toBe(2);
    expect(bad.err).toContain('--port');
    const tpl = await run(['threads/devops-sre-platform-engineering.yaml', '--template', 'nope']);
    expect(tpl.code).toBe(2);
    expect(tpl.err).toContain('unknown template');
  });
});

describe('threadeck preview with a template file', () => {
  it('re-renders every card when the template file is saved', async () => {
    mkdirSync('tests/.out', { recursive: true });
    const dir = mkdtempSync(path.resolve('tests/.out/preview-template-'));
    const source = readFileSync('templates/example.tsx', 'utf8').replaceAll("from '../src/", "from '../../../src/");
    writeFileSync(path.join(dir, 'mine.tsx'), source);
    writeFileSync(path.join(dir, 'thread.yaml'), 'title: Template reload\nauthor: { name: Ann Example }\ntemplate: ./mine.tsx\nposts:\n  - One post.\n');
    const s = await startPreviewServer({ file: path.join(dir, 'thread.yaml') });
    const ev = await sse(`${s.url}events`);
    try {
      const before = s.session.result!;
      expect(before.ok).toBe(true);
      const next = ev.next('result', (d) => d.result.seq > before.seq);
      writeFileSync(path.join(dir, 'mine.tsx'), source.replace("background: '#FFFFFF'", "background: '#FFE4E6'"));
      const { result } = (await next).data;
      expect(result.ok).toBe(true);
      expect(result.cards.every((c: any, i: number) => c.key !== before.cards[i]!.key)).toBe(true);
      expect(readdirSync(dir).sort()).toEqual(['mine.tsx', 'thread.yaml']); // the hidden copy is gone
      const broken = ev.next('result', (d) => d.result.seq > result.seq);
      writeFileSync(path.join(dir, 'mine.tsx'), 'export default {};\n');
      const failed = (await broken).data.result;
      expect(failed.ok).toBe(false);
      expect(failed.errors[0].message).toContain('did not reload');
    } finally {
      ev.close();
      await s.close();
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('threadeck preview with --theme FILE', () => {
  it('re-renders when the theme file is saved, and shows its errors with its own name', async () => {
    const t = makeThread(2);
    for (const f of ['theme.yaml', 'brand.woff', 'logo.png']) copyFileSync(`tests/fixtures/brand/${f}`, path.join(t.dir, f));
    const themeFile = path.join(t.dir, 'theme.yaml');
    const s = await startPreviewServer({ file: t.file, themeFile });
    const ev = await sse(`${s.url}events`);
    try {
      const before = s.session.result!;
      expect(before.ok).toBe(true);
      const next = ev.next('result', (d) => d.result.seq > before.seq);
      writeFileSync(themeFile, readFileSync(themeFile, 'utf8').replace('#B91C1C', '#1D4ED8'));
      const { result } = (await next).data;
      expect(result.ok).toBe(true);
      expect(result.cards.every((c: any, i: number) => c.key !== before.cards[i]!.key)).toBe(true);
      const broken = ev.next('result', (d) => d.result.seq > result.seq);
      writeFileSync(themeFile, 'accent: red\n');
      const failed = (await broken).data.result;
      expect(failed.ok).toBe(false);
      expect(failed.errors[0].file).toBe(themeFile);
      expect(failed.errors[0].line).toBe(1);
    } finally {
      ev.close();
      await s.close();
    }
  });

  it('watches the files a thread names inside its folder, and nothing outside it', async () => {
    const t = makeThread(2);
    const outside = makeThread(1).dir; // a sibling folder
    writeFileSync(path.join(outside, 'outside.png'), 'x');
    const text = `${t.text.replace('title: Preview test', `title: Preview test\ntheme: { logo: ./images/chart.png, font: ../${path.basename(outside)}/outside.png }`)}`;
    const deps = await threadDependencies(t.file, text);
    expect(deps.map((f) => path.relative(t.dir, f)).sort()).toEqual(['images/chart.png', 'thread.yaml']);
  });

  it('renders again when a missing image appears', async () => {
    const t = makeThread(2);
    writeFileSync(t.file, t.text.replace('./images/chart.png', './images/later.png'));
    const s = await startPreviewServer({ file: t.file });
    const ev = await sse(`${s.url}events`);
    try {
      expect(s.session.result!.ok).toBe(false);
      expect(s.session.result!.errors[0]!.path).toBe('posts[1].image');
      const fixed = ev.next('result', (d) => d.result.ok);
      copyFileSync('threads/images/deploys-chart.png', path.join(t.dir, 'images', 'later.png'));
      expect((await fixed).data.result.cards).toHaveLength(4);
    } finally {
      ev.close();
      await s.close();
    }
  });
});

describe('threadeck preview fetches nothing remote', () => {
  it('refuses an image URL without requesting it', async () => {
    let requests = 0;
    const remote = http.createServer((_req, res) => {
      requests++;
      res.end();
    });
    await new Promise<void>((resolve) => remote.listen(0, '127.0.0.1', resolve));
    const url = `http://127.0.0.1:${(remote.address() as { port: number }).port}/chart.png`;
    const t = makeThread(2);
    writeFileSync(t.file, t.text.replace('./images/chart.png', url));
    const s = await startPreviewServer({ file: t.file });
    try {
      const result = s.session.result!;
      expect(result.ok).toBe(false);
      expect(result.errors[0]!.path).toBe('posts[1].image');
      const pdf = await fetch(`${s.url}export/thread.pdf`);
      expect(pdf.status).toBe(422);
      expect(requests).toBe(0);
    } finally {
      await s.close();
      remote.close();
    }
  });
});
