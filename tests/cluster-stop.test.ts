// Stopping a distributed build (real redis-server and a real worker): --fail-fast and Ctrl+C take
// the build's waiting jobs off the queue, report the rest as skipped and exit 1.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Queue } from 'bullmq';
import { startRedis, type RedisChild } from '../src/cluster/redis-server.ts';
import { QUEUE_NAME, redisConnection } from '../src/cluster/connection.ts';

const BIN = path.resolve('bin/threadeck.js');
const dir = mkdtempSync(path.join(tmpdir(), 'threadeck-cluster-stop-'));
let redis: RedisChild | undefined;
let worker: ChildProcess | undefined;
let queue: Queue | undefined;
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

function threads(name: string, n: number): string {
  const src = path.join(dir, name);
  mkdirSync(src);
  const posts = Array.from({ length: 8 }, (_, p) => `  - Post ${p + 1}, where small pull requests ship faster and break less.`).join('\n');
  for (let i = 0; i < n; i++) writeFileSync(path.join(src, `${name}-${i}.yaml`), `title: Thread ${i}\nauthor: { name: Author }\nposts:\n${posts}\n`);
  return src;
}

function build(args: string[]) {
  const p = spawn(process.execPath, [BIN, 'build', ...args, '--redis', redis!.url, '--json'], { stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, CI: '1' } });
  let stdout = '';
  let stderr = '';
  p.stdout!.on('data', (b: Buffer) => (stdout += b));
  p.stderr!.on('data', (b: Buffer) => (stderr += b));
  const done = new Promise<{ code: number | null; stdout: string; stderr: string }>((resolve) => p.on('exit', (code) => resolve({ code, stdout, stderr })));
  return { p, done };
}

beforeAll(async () => {
  redis = await startRedis();
  worker = spawn(process.execPath, [BIN, 'worker', '--redis', redis.url, '--quiet'], { stdio: 'ignore', detached: true });
  queue = new Queue(QUEUE_NAME, { connection: redisConnection(redis.url) });
});

afterAll(async () => {
  await queue?.close();
  try {
    process.kill(-worker!.pid!, 'SIGKILL');
  } catch {
    // already gone
  }
  await redis?.stop();
  rmSync(dir, { recursive: true, force: true });
});

describe('stopping build --redis', () => {
  it('--fail-fast: a broken thread stops the build, its waiting jobs are removed', async () => {
    const src = threads('ff', 6);
    writeFileSync(path.join(src, 'a-broken.yaml'), 'title: Broken\nauthor: { name: X }\nposts: 7\n');
    const r = await build([src, '-o', path.join(dir, 'out-ff'), '--fail-fast']).done;
    expect(r.code).toBe(1);
    const report = JSON.parse(r.stdout);
    expect(report.threads.find((t: { input: string }) => t.input.endsWith('a-broken.yaml')).status).toBe('failed');
    expect(report.skipped).toBeGreaterThan(0);
    expect(await queue!.getWaitingCount()).toBe(0);
  });

  it('Ctrl+C: waiting jobs removed, the build reports itself interrupted and exits 1', async () => {
    await queue!.obliterate({ force: true });
    const src = threads('int', 6);
    const b = build([src, '-o', path.join(dir, 'out-int')]);
    while ((await queue!.getActiveCount()) === 0) await sleep(50);
    b.p.kill('SIGINT');
    const r = await b.done;
    expect(r.code).toBe(1);
    const report = JSON.parse(r.stdout);
    expect(report.interrupted).toBe(true);
    expect(report.skipped).toBeGreaterThan(0);
    expect(await queue!.getWaitingCount()).toBe(0);
  });
});
