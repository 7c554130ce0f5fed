// Faults of the distributed build, against real redis-server and worker processes: a worker
// SIGKILLed mid-job (another worker takes the job over after the stall interval; every thread
// written once, no partial file, the dead worker's render child gone too), a render that crashes
// its process (retried, 3 attempts, then reported; the others written), and Redis restarted
// mid-batch, with its append-only file or empty (workers and the build reconnect, lost jobs are
// queued again, the batch completes). Short lock/stall settings.
import { afterAll, describe, expect, it } from 'vitest';
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Queue } from 'bullmq';
import { freePort, startRedis, type RedisChild } from '../src/cluster/redis-server.ts';
import { QUEUE_NAME, redisConnection } from '../src/cluster/connection.ts';

const BIN = path.resolve('bin/threadeck.js');
const dir = mkdtempSync(path.join(tmpdir(), 'threadeck-cluster-faults-'));
const redises: RedisChild[] = [];
const workers: { proc: ChildProcess; out: string[] }[] = [];
const STALL = ['--lock-ms', '1500', '--stalled-interval-ms', '500'];

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

function threads(name: string, n: number, posts: number, text = (i: number, p: number) => `Post ${p + 1} of thread ${i}, where small pull requests ship faster and break less.`): string {
  const src = path.join(dir, name);
  mkdirSync(src);
  for (let i = 0; i < n; i++) writeFileSync(path.join(src, `${name}-${i}.yaml`), `title: Thread ${i}\nauthor: { name: Author }\nposts:\n${Array.from({ length: posts }, (_, p) => `  - ${text(i, p)}`).join('\n')}\n`);
  return src;
}

function startWorker(url: string, extra: string[] = [], env: Record<string, string> = {}) {
  const proc = spawn(process.execPath, [BIN, 'worker', '--redis', url, ...STALL, ...extra], { stdio: ['ignore', 'pipe', 'pipe'], detached: true, env: { ...process.env, ...env } });
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

const jobs = (ws: typeof workers) => ws.flatMap((w) => w.out.map((l) => JSON.parse(l) as { slug: string; ok: boolean }));

/** Every thread's manifest lists files that are all there with the recorded bytes; no temp file anywhere. */
function checkOutputs(out: string, slugs: string[]): void {
  const all = readdirSync(out, { recursive: true, encoding: 'utf8' });
  expect(all.filter((f) => /\.tmp-\d+-/.test(f))).toEqual([]);
  for (const slug of slugs) {
    const m = JSON.parse(readFileSync(path.join(out, '.threadeck-cache', `${slug}.json`), 'utf8')) as { files: { path: string; sha256: string }[] };
    expect(m.files.length).toBeGreaterThan(2);
    for (const f of m.files) expect(createHash('sha256').update(readFileSync(f.path)).digest('hex'), f.path).toBe(f.sha256);
  }
}

afterAll(async () => {
  for (const w of workers) {
    try {
      process.kill(-w.proc.pid!, 'SIGKILL');
    } catch {
      // already gone
    }
  }
  await Promise.all(redises.map((r) => r.stop()));
  rmSync(dir, { recursive: true, force: true });
});

describe('distributed build faults', () => {
  it('a worker SIGKILLed mid-job: another takes the job over after the stall interval; each thread written once', async () => {
    const redis = await startRedis();
    redises.push(redis);
    const a = startWorker(redis.url);
    const src = threads('kill', 4, 10);
    const out = path.join(dir, 'out-kill');
    const build = cli(['build', src, '-o', out, '--redis', redis.url, '--json']);
    const queue = new Queue(QUEUE_NAME, { connection: redisConnection(redis.url) });
    try {
      while ((await queue.getActiveCount()) === 0) await sleep(50);
    } finally {
      await queue.close();
    }
    process.kill(a.proc.pid!, 'SIGKILL');
    const b = startWorker(redis.url);
    const r = await build;
    expect(r.code, r.stderr).toBe(0);
    const report = JSON.parse(r.stdout);
    expect(report.threads.map((t: { status: string }) => t.status)).toEqual(['built', 'built', 'built', 'built']);
    const slugs = readdirSync(src).map((f) => f.replace(/\.yaml$/, ''));
    await sleep(500);
    const done = jobs([a, b]).filter((j) => j.ok).map((j) => j.slug).sort();
    expect(done).toEqual([...slugs].sort());
    expect(jobs([a])).toEqual([]);
    checkOutputs(out, slugs);
    // The killed worker's render child ended with it (its process group is empty).
    for (let i = 0; i < 50 && spawnSync('pgrep', ['-g', String(a.proc.pid)]).status === 0; i++) await sleep(100);
    expect(spawnSync('pgrep', ['-g', String(a.proc.pid)]).status).toBe(1);
  });

  it('a render that crashes its process is retried (3 attempts) then reported; the others are written', async () => {
    const redis = await startRedis();
    redises.push(redis);
    startWorker(redis.url, [], { THREADECK_CLUSTER_CRASH_MARKER: 'CRASH-HERE' });
    const src = threads('crash', 2, 2, (i, p) => (i === 1 && p === 0 ? 'This post says CRASH-HERE.' : `Post ${p + 1} of thread ${i}.`));
    const out = path.join(dir, 'out-crash');
    const r = await cli(['build', src, '-o', out, '--redis', redis.url, '--json']);
    expect(r.code).toBe(1);
    const [good, bad] = JSON.parse(r.stdout).threads;
    expect(good.status).toBe('built');
    expect(bad.status).toBe('failed');
    expect(bad.errors[0].rule).toBe('internal');
    expect(bad.errors[0].message).toMatch(/after 3 attempts/);
    checkOutputs(out, ['crash-0']);
  });

  it('Redis restarted empty mid-batch (no persistence): the build queues its lost jobs again, the batch completes', async () => {
    const port = await freePort();
    const first = await startRedis({ port });
    redises.push(first);
    const ws = [startWorker(first.url), startWorker(first.url)];
    const src = threads('empty', 6, 6);
    const out = path.join(dir, 'out-empty');
    const build = cli(['build', src, '-o', out, '--redis', first.url, '--json']);
    while (jobs(ws).length === 0) await sleep(50);
    await first.stop();
    await sleep(1000);
    redises.push(await startRedis({ port }));
    const r = await build;
    expect(r.code, r.stderr).toBe(0);
    const slugs = readdirSync(src).map((f) => f.replace(/\.yaml$/, ''));
    expect(JSON.parse(r.stdout).threads.every((t: { status: string }) => t.status === 'built')).toBe(true);
    checkOutputs(out, slugs);
  });

  it('Redis restarted mid-batch: workers and the build reconnect, the batch completes', async () => {
    const port = await freePort();
    const data = path.join(dir, 'redis-data');
    mkdirSync(data);
    const persist = ['--appendonly', 'yes', '--appendfsync', 'always', '--dir', data];
    const first = await startRedis({ port, args: persist });
    redises.push(first);
    const ws = [startWorker(first.url), startWorker(first.url)];
    const src = threads('restart', 6, 6);
    const out = path.join(dir, 'out-restart');
    const build = cli(['build', src, '-o', out, '--redis', first.url, '--json']);
    while (jobs(ws).length === 0) await sleep(50);
    await first.stop();
    await sleep(1000);
    const second = await startRedis({ port, args: persist });
    redises.push(second);
    const r = await build;
    expect(r.code, r.stderr).toBe(0);
    const slugs = readdirSync(src).map((f) => f.replace(/\.yaml$/, ''));
    expect(JSON.parse(r.stdout).threads.every((t: { status: string }) => t.status === 'built')).toBe(true);
    checkOutputs(out, slugs);
  });
});
