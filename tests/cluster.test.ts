// The distributed build against a real redis-server (started here on a random loopback port) and
// real `threadeck worker` processes: 40 threads over 3 workers give the bytes of a local build; a
// doubly submitted thread is rendered once; a broken thread among good ones exits 1, the others
// written; an up-to-date thread is not queued; flags checked.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { startRedis, type RedisChild } from '../src/cluster/redis-server.ts';

const BIN = path.resolve('bin/threadeck.js');
const dir = mkdtempSync(path.join(tmpdir(), 'threadeck-cluster-'));
let redis: RedisChild | undefined;
const workers: { proc: ChildProcess; out: string[] }[] = [];

function threadYaml(i: number, posts = 2): string {
  const lines = Array.from({ length: posts }, (_, p) => `  - Post ${p + 1} of thread ${i}, where small pull requests ship faster, review better and break less.`);
  return `title: Thread number ${i}\nauthor: { name: Author ${i % 5} }\nposts:\n${lines.join('\n')}\n`;
}

function startWorker(url: string, extra: string[] = []) {
  const proc = spawn(process.execPath, [BIN, 'worker', '--redis', url, ...extra], { stdio: ['ignore', 'pipe', 'pipe'], detached: true });
  const w = { proc, out: [] as string[] };
  let buf = '';
  proc.stdout!.on('data', (b: Buffer) => {
    buf += b.toString();
    const lines = buf.split('\n');
    buf = lines.pop()!;
    w.out.push(...lines.filter(Boolean));
  });
  proc.stderr!.resume();
  workers.push(w);
  return w;
}

function cli(args: string[]): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    const p = spawn(process.execPath, [BIN, ...args], { stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, CI: '1' } });
    let stdout = '';
    let stderr = '';
    p.stdout!.on('data', (b: Buffer) => (stdout += b));
    p.stderr!.on('data', (b: Buffer) => (stderr += b));
    p.on('exit', (code) => resolve({ code, stdout, stderr }));
  });
}

/** Every output file under `out` (the cache folder aside), by path relative to `out`, with its bytes. */
function tree(out: string): Map<string, Buffer> {
  const files = new Map<string, Buffer>();
  for (const f of readdirSync(out, { recursive: true, encoding: 'utf8' })) {
    if (f.startsWith('.threadeck-cache')) continue;
    const full = path.join(out, f);
    try {
      files.set(f, readFileSync(full));
    } catch {
      // a folder
    }
  }
  return files;
}

/** The workers log a job just after it is marked done: give their lines a moment to arrive. */
async function settled<T>(read: () => T[], n: number): Promise<T[]> {
  for (let i = 0; i < 100 && read().length < n; i++) await new Promise((r) => setTimeout(r, 100));
  await new Promise((r) => setTimeout(r, 300));
  return read();
}

const jobLines = () => workers.flatMap((w) => w.out.map((l) => JSON.parse(l) as { id: string; slug: string; ok: boolean; pid: number }));

beforeAll(async () => {
  redis = await startRedis();
  for (let i = 0; i < 3; i++) startWorker(redis.url);
});

afterAll(async () => {
  for (const w of workers) {
    try {
      process.kill(-w.proc.pid!, 'SIGKILL');
    } catch {
      // already gone
    }
  }
  await redis?.stop();
  rmSync(dir, { recursive: true, force: true });
});

describe('build --redis', () => {
  it('40 threads over 3 workers: the same bytes as a local build, each thread rendered once', async () => {
    const src = path.join(dir, 'forty');
    mkdirSync(src);
    for (let i = 0; i < 40; i++) writeFileSync(path.join(src, `t${String(i).padStart(2, '0')}.yaml`), threadYaml(i));
    const local = path.join(dir, 'out-local');
    const far = path.join(dir, 'out-redis');
    const [l, r] = [await cli(['build', src, '-o', local, '--json']), await cli(['build', src, '-o', far, '--redis', redis!.url, '--json'])];
    expect(l.code, l.stderr).toBe(0);
    expect(r.code, r.stderr).toBe(0);
    const report = JSON.parse(r.stdout);
    expect(report.ok).toBe(true);
    expect(report.threads).toHaveLength(40);
    expect(report.threads.every((t: { status: string }) => t.status === 'built')).toBe(true);
    expect(report.cards).toBe(JSON.parse(l.stdout).cards);
    const a = tree(local);
    const b = tree(far);
    expect([...b.keys()].sort()).toEqual([...a.keys()].sort());
    for (const [f, bytes] of a) expect(b.get(f)!.equals(bytes), f).toBe(true);
    // The manifests record the same keys, files and hashes (paths under each output folder).
    for (const slug of readdirSync(src).map((f) => f.replace(/\.yaml$/, ''))) {
      const ml = JSON.parse(readFileSync(path.join(local, '.threadeck-cache', `${slug}.json`), 'utf8'));
      const mr = JSON.parse(readFileSync(path.join(far, '.threadeck-cache', `${slug}.json`), 'utf8'));
      expect(mr.key).toBe(ml.key);
      expect(mr.files.map((f: { sha256: string }) => f.sha256)).toEqual(ml.files.map((f: { sha256: string }) => f.sha256));
    }
    // One job per thread, each done once; the work was shared.
    const done = await settled(() => jobLines().filter((j) => j.ok), 40);
    expect(done).toHaveLength(40);
    expect(new Set(done.map((j) => j.slug)).size).toBe(40);
    expect(new Set(done.map((j) => j.pid)).size).toBeGreaterThan(1);

    // Built again: every thread up to date, nothing queued.
    const again = await cli(['build', src, '-o', far, '--redis', redis!.url, '--json']);
    expect(again.code, again.stderr).toBe(0);
    expect(JSON.parse(again.stdout).cached).toBe(40);
    expect(jobLines().filter((j) => j.ok)).toHaveLength(40);
  });

  it('the same thread submitted by two builds at once is rendered once', async () => {
    const src = path.join(dir, 'twice');
    mkdirSync(src);
    writeFileSync(path.join(src, 'shared.yaml'), threadYaml(1000, 6));
    const out = path.join(dir, 'out-twice');
    const [x, y] = await Promise.all([cli(['build', src, '-o', out, '--redis', redis!.url, '--json']), cli(['build', src, '-o', out, '--redis', redis!.url, '--json'])]);
    expect(x.code, x.stderr).toBe(0);
    expect(y.code, y.stderr).toBe(0);
    const statuses = [JSON.parse(x.stdout).threads[0].status, JSON.parse(y.stdout).threads[0].status];
    expect(statuses.every((s) => s === 'built' || s === 'cached')).toBe(true);
    const jobs = await settled(() => jobLines().filter((j) => j.slug === 'shared'), 1);
    expect(jobs).toHaveLength(1);
    expect(readdirSync(path.join(out, 'shared')).filter((f) => f.endsWith('.png'))).toHaveLength(8);
  });

  it('a big thread with --jobs 4 is rendered in card ranges by several jobs, with the bytes of a local build', async () => {
    const src = path.join(dir, 'big');
    mkdirSync(src);
    writeFileSync(path.join(src, 'big.yaml'), threadYaml(3000, 24));
    const local = path.join(dir, 'out-big-local');
    const far = path.join(dir, 'out-big-redis');
    const l = await cli(['build', src, '-o', local, '--json']);
    const r = await cli(['build', src, '-o', far, '--redis', redis!.url, '--jobs', '4', '--json']);
    expect(l.code, l.stderr).toBe(0);
    expect(r.code, r.stderr).toBe(0);
    expect(JSON.parse(r.stdout).threads[0].cards).toBe(26);
    const a = tree(local);
    const b = tree(far);
    expect([...b.keys()].sort()).toEqual([...a.keys()].sort());
    for (const [f, bytes] of a) expect(b.get(f)!.equals(bytes), f).toBe(true);
    // Four slices of the cards and one job for the PDF.
    expect(await settled(() => jobLines().filter((j) => j.slug === 'big' && j.ok), 5)).toHaveLength(5);
  });

  it('a broken thread among good ones: exit 1 with its diagnostics, the others written', async () => {
    const src = path.join(dir, 'broken');
    mkdirSync(src);
    writeFileSync(path.join(src, 'good-a.yaml'), threadYaml(2001));
    writeFileSync(path.join(src, 'good-b.yaml'), threadYaml(2002));
    writeFileSync(path.join(src, 'bad.yaml'), 'title: Bad\nauthor: { name: X, handel: "@x" }\nposts:\n  - fine\n');
    const out = path.join(dir, 'out-broken');
    const r = await cli(['build', src, '-o', out, '--redis', redis!.url]);
    expect(r.code).toBe(1);
    expect(r.stderr + r.stdout).toMatch(/bad\.yaml:2:\d+ author\.handel: unknown key "handel"/);
    for (const slug of ['good-a', 'good-b']) expect(readdirSync(path.join(out, slug)).filter((f) => f.endsWith('.png'))).toHaveLength(4);
  });

  it('flags: --redis must be a redis:// URL, not with --watch; worker needs --redis', async () => {
    const a = await cli(['build', 'threads', '--redis', 'http://x']);
    expect(a.code).toBe(2);
    expect(a.stderr).toMatch(/--redis expects redis:\/\/HOST:PORT/);
    const b = await cli(['build', 'threads', '--redis', redis!.url, '--watch']);
    expect(b.code).toBe(2);
    const c = await cli(['worker']);
    expect(c.code).toBe(2);
    expect(c.stderr).toMatch(/--redis expects/);
  });
});
