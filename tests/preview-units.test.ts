// The preview's small units, each on its own: the render queue, the text/disk sync, the pickers,
// template reloads through hidden copies, the config file read again, the wait for a page at a
// start, and the server's guards. No server, no render (fast: `vitest --project fast` could run it).
import { afterAll, describe, expect, it } from 'vitest';
import { readFileSync, readdirSync, writeFileSync } from 'node:fs';
import type { IncomingMessage, ServerResponse } from 'node:http';
import path from 'node:path';
import { ThreadeckError } from '../src/diagnostics.ts';
import { loadProjectConfig } from '../src/load/project-config.ts';
import type { Thread } from '../src/model/index.ts';
import { choiceFlags, choicesProblem } from '../src/preview/choices.ts';
import { PreviewConfig } from '../src/preview/config.ts';
import { originOf, refused } from '../src/preview/http/guards.ts';
import { Remembered } from '../src/preview/remembered.ts';
import { RenderQueue } from '../src/preview/render-queue.ts';
import { TemplateReloads } from '../src/preview/template-reload.ts';
import { TextSync } from '../src/preview/text-sync.ts';
import type { SessionEvent } from '../src/preview/views.ts';
import { makeThread, removeThreads } from './preview-helpers.ts';

afterAll(removeThreads);

const tick = (ms = 5) => new Promise((r) => setTimeout(r, ms));

describe('RenderQueue', () => {
  it('runs one render at a time, folding requests made meanwhile into one more', async () => {
    let runs = 0;
    let running = 0;
    const queue = new RenderQueue(async () => {
      expect(++running).toBe(1);
      runs++;
      await tick();
      running--;
    });
    void queue.request();
    void queue.request();
    void queue.request();
    await queue.idle();
    expect(runs).toBe(2); // the first, then one for the two requests made while it ran
  });

  it('serialises locked jobs and waits for tracked writes', async () => {
    const queue = new RenderQueue(async () => undefined);
    const order: string[] = [];
    const a = queue.withLock(async () => (await tick(10), order.push('a')));
    const b = queue.withLock(async () => order.push('b'));
    const failed = queue.withLock(async () => Promise.reject(new Error('x')));
    const c = queue.withLock(async () => order.push('c'));
    await Promise.all([a, b, failed.catch(() => undefined), c]);
    expect(order).toEqual(['a', 'b', 'c']);
    let written = false;
    queue.track(tick(10).then(() => void (written = true)));
    queue.track(Promise.reject(new Error('ignored')));
    await queue.idle();
    expect(written).toBe(true);
  });
});

describe('TextSync', () => {
  it('saves without echo, takes disk changes when clean and reports a conflict when not', async () => {
    const t = makeThread(1);
    const events: SessionEvent[] = [];
    let changed = 0;
    const sync = new TextSync(t.file, (e) => events.push(e), () => changed++);
    await sync.read();
    expect(sync.text).toBe(t.text);
    sync.set(t.text); // unchanged: nothing to render
    expect(changed).toBe(0);
    await sync.save(`${t.text}# saved\n`);
    expect(readFileSync(t.file, 'utf8')).toBe(`${t.text}# saved\n`);
    expect(events.map((e) => e.type)).toEqual(['saved']);
    await sync.fileChanged(); // the watcher's echo of our own write
    expect(events).toHaveLength(1);
    writeFileSync(t.file, `${t.text}# from the disk\n`);
    await sync.fileChanged();
    expect(events.at(-1)).toEqual({ type: 'disk', text: `${t.text}# from the disk\n` });
    expect(sync.text).toBe(`${t.text}# from the disk\n`);
    sync.set('edited in the page');
    writeFileSync(t.file, 'changed elsewhere');
    await sync.fileChanged();
    expect(events.at(-1)).toEqual({ type: 'conflict', text: 'changed elsewhere' });
    expect(sync.text).toBe('edited in the page');
    expect(changed).toBe(3); // the save, the disk change, the edit
  });
});

describe('the pickers', () => {
  it('are checked, and become the flags layer', () => {
    expect(choicesProblem({ template: 'nope', size: '' })).toContain('unknown template "nope"');
    expect(choicesProblem({ template: '', size: '10x10' })).toBeTruthy();
    expect(choicesProblem({ template: 'dark', size: '1200x1500' })).toBeUndefined();
    expect(choiceFlags({ template: '', size: '' })).toEqual({});
    expect(choiceFlags({ template: 'dark', size: 'square' })).toEqual({ template: 'dark', size: { width: 1080, height: 1080 } });
  });
});

describe('TemplateReloads', () => {
  const thread = (template?: string) => ({ options: { cover: true, outro: true, ...(template && { template }) } }) as unknown as Thread;

  it('uses the last copy of the template the thread is drawn with, from the thread file or the config file', async () => {
    const t = makeThread(1);
    const file = path.join(t.dir, 'mine.tsx');
    writeFileSync(file, 'export default {};\n');
    const reloads = new TemplateReloads();
    let loaded = '';
    await reloads.reload(file, async (copy) => {
      loaded = copy;
      expect(readFileSync(copy, 'utf8')).toBe('export default {};\n');
    });
    expect(path.dirname(loaded)).toBe(t.dir);
    expect(readdirSync(t.dir).sort()).toEqual(['images', 'mine.tsx', 'thread.yaml']); // the hidden copy is gone
    expect(reloads.fresh(thread(file), {}).template).toBe(loaded);
    expect(reloads.fresh(thread(), { config: { template: file } }).template).toBe(loaded);
    // A picker's built-in template wins over both: nothing to replace.
    expect(reloads.fresh(thread(file), { template: 'dark', config: { template: file } }).template).toBe('dark');
    expect(reloads.fresh(thread(), {}).template).toBeUndefined();
    await reloads.reload(file, async () => Promise.reject(new Error('no default export')));
    expect(() => reloads.fresh(thread(), { config: { template: file } })).toThrow(ThreadeckError);
    try {
      reloads.fresh(thread(file), {});
      expect.unreachable();
    } catch (err) {
      expect((err as ThreadeckError).diagnostics[0]!.message).toBe('the template file did not reload: no default export');
    }
  });
});

describe('PreviewConfig', () => {
  it('reads the config file again after a change, reports its problems and recovers', async () => {
    const t = makeThread(1);
    const file = path.join(t.dir, 'threadeck.config.yaml');
    writeFileSync(file, 'size: square\n');
    const config = new PreviewConfig(await loadProjectConfig(file));
    expect(config.file).toBe(file);
    expect((await config.layer())!.size).toEqual({ width: 1080, height: 1080 });
    writeFileSync(file, 'size: story\n');
    expect((await config.layer())!.size).toEqual({ width: 1080, height: 1080 }); // not told yet
    config.changed();
    expect((await config.layer())!.size).toEqual({ width: 1080, height: 1920 });
    writeFileSync(file, 'size: 5x5\n');
    config.changed();
    await expect(config.layer()).rejects.toThrow(ThreadeckError);
    await expect(config.layer()).rejects.toThrow(ThreadeckError); // until it is fixed
    writeFileSync(file, 'template: dark\n');
    config.changed();
    expect(await config.layer()).toEqual({ template: 'dark' });
    expect(await new PreviewConfig(undefined).layer()).toBeUndefined();
  });
});

describe('Remembered', () => {
  it('waits for a page to load the remembered cards, not for one that never comes', async () => {
    const none = new Remembered();
    await none.done(); // nothing remembered: at once
    const memory = { lastCards: async () => ['a', 'b'].map((key) => ({ view: { index: 0, key, kind: 'post' as const, label: '1/1', width: 1, height: 1 }, png: Uint8Array.of(1) })) };
    const pngs = { set: () => undefined };
    const page = new Remembered();
    expect((await page.show(memory as never, async () => '', pngs as never))!.map((c) => c.key)).toEqual(['a', 'b']);
    let over = false;
    const wait = page.done().then(() => (over = true));
    page.served('a');
    await tick();
    expect(over).toBe(false);
    page.served('b');
    await wait;
    const nobody = new Remembered();
    await nobody.show(memory as never, async () => '', pngs as never);
    const t0 = performance.now();
    await nobody.done();
    expect(performance.now() - t0).toBeLessThan(400); // NO_PAGE_MS, not the whole wait
  });
});

describe('the server guards', () => {
  const origin = originOf(4321);
  const check = (method: string, url: string, headers: Record<string, string>) => {
    const sent: { status?: number; headers: Record<string, unknown> } = { headers: {} };
    const req = { method, url, headers } as unknown as IncomingMessage;
    const res = {
      req,
      setHeader: (k: string, v: unknown) => void (sent.headers[k] = v),
      writeHead: (status: number) => void (sent.status = status),
      end: () => undefined,
    } as unknown as ServerResponse;
    return { refused: refused(req, res, origin, url), ...sent };
  };
  const host = { host: '127.0.0.1:4321' };

  it('answers only its own Host, a link from another site only to the page, and writes only as same-origin JSON', () => {
    expect(check('GET', '/', host)).toMatchObject({ refused: false, headers: { 'X-Content-Type-Options': 'nosniff', 'Cross-Origin-Resource-Policy': 'same-origin' } });
    expect(check('GET', '/', { host: 'localhost:4321' }).refused).toBe(false);
    expect(check('GET', '/', { host: 'evil.example:4321' }).status).toBe(421);
    expect(check('GET', '/', { ...host, 'sec-fetch-site': 'cross-site', 'sec-fetch-mode': 'navigate' }).refused).toBe(false);
    expect(check('GET', '/api/state', { ...host, 'sec-fetch-site': 'same-site' }).status).toBe(403);
    expect(check('POST', '/api/save', { ...host, 'content-type': 'application/json', origin: 'http://127.0.0.1:4321' }).refused).toBe(false);
    expect(check('POST', '/api/save', { ...host, 'content-type': 'application/json', origin: 'http://localhost:4321' }).refused).toBe(false);
    expect(check('POST', '/api/save', { ...host, 'content-type': 'application/json', origin: 'http://evil.example' }).status).toBe(403);
    expect(check('POST', '/api/save', { ...host, 'content-type': 'text/plain' }).status).toBe(415);
    expect(check('DELETE', '/', host).status).toBe(405);
  });
});
