// Hostile output situations: the output path is taken by a file or a folder, and the disk fills up
// in the middle of a thread (simulated by a write that stops half-way with ENOSPC). Each fails its
// own thread with an error naming the path, the other threads are built, and no final path ever
// holds a partial file or is left with a temp file next to it. (SIGKILL/SIGINT: tests of the batch engine.)
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { build } from '../../src/index.ts';
import { decodePng, runCli, tempDir } from '../helpers.ts';

/** Armed: the next write to a temp file whose name contains `match` writes half its bytes, then fails with ENOSPC. */
const diskFull = vi.hoisted(() => ({ match: '' as string, hits: 0 }));

vi.mock('node:fs/promises', async (importOriginal) => {
  const fs = await importOriginal<typeof import('node:fs/promises')>();
  const open = (async (file: Parameters<typeof fs.open>[0], ...rest: unknown[]) => {
    const handle = await (fs.open as (...a: unknown[]) => Promise<import('node:fs/promises').FileHandle>)(file, ...rest);
    const name = path.basename(String(file));
    if (!diskFull.match || !name.includes('.tmp-') || !name.includes(diskFull.match)) return handle;
    diskFull.match = '';
    diskFull.hits++;
    const writeFile = async (data: Uint8Array | string) => {
      const bytes = typeof data === 'string' ? Buffer.from(data) : data;
      await handle.write(bytes.subarray(0, bytes.length >> 1));
      throw Object.assign(new Error(`ENOSPC: no space left on device, write`), { code: 'ENOSPC', errno: -28, syscall: 'write' });
    };
    return new Proxy(handle, { get: (target, key) => (key === 'writeFile' ? writeFile : Reflect.get(target, key, target)) });
  }) as typeof fs.open;
  return { ...fs, open, default: { ...fs, open } };
});

const threadText = (posts: string[]) => `title: t\nauthor: {name: A}\nposts:\n${posts.map((p) => `  - ${JSON.stringify(p)}`).join('\n')}\n`;

/** Every file under `dir`, relative, with its bytes. */
function snapshot(dir: string): Map<string, Buffer> {
  const out = new Map<string, Buffer>();
  const walk = (d: string) => {
    for (const e of readdirSync(d, { withFileTypes: true })) {
      const full = path.join(d, e.name);
      if (e.isDirectory()) walk(full);
      else out.set(path.relative(dir, full), readFileSync(full));
    }
  };
  if (existsSync(dir)) walk(dir);
  return out;
}

describe('the output path is taken', () => {
  it('by a file where the thread folder goes, or a folder where a card goes: that thread fails, exit 1, the others are built', () => {
    const dir = tempDir('threadeck-hostile-out-');
    const out = path.join(dir, 'out');
    for (const slug of ['a', 'b', 'c']) writeFileSync(path.join(dir, `${slug}.yaml`), threadText(['hi']));
    mkdirSync(out);
    writeFileSync(path.join(out, 'a'), 'a file where the folder a/ should go\n');
    mkdirSync(path.join(out, 'c', 'c-01.png'), { recursive: true });
    const r = runCli(['build', ...['a', 'b', 'c'].map((s) => path.join(dir, `${s}.yaml`)), '--out', out, '--format', 'png', '--json']);
    expect(r.code).toBe(1);
    const report = JSON.parse(r.stdout) as { ok: boolean; threads: { input: string; errors: { message: string }[]; files: { path: string }[] }[] };
    expect(report.ok).toBe(false);
    const [a, b, c] = report.threads;
    expect(a!.errors[0]!.message).toContain(`(writing ${path.join(out, 'a', 'a-01.png')}); a file is in the way of an output folder: move it or choose another --out folder`);
    expect(c!.errors[0]!.message).toContain(`(writing ${path.join(out, 'c', 'c-01.png')}); a folder is in the way of an output file: move it or choose another --out folder`);
    expect(b!.errors).toEqual([]);
    expect(b!.files.length).toBeGreaterThan(0);
    expect(readFileSync(path.join(out, 'a'), 'utf8')).toBe('a file where the folder a/ should go\n');
    expect(r.stderr + r.stdout).not.toMatch(/\n\s+at /);
    // No temp file is left next to the blocked card.
    expect(readdirSync(path.join(out, 'c')).filter((n) => n.includes('.tmp-'))).toEqual([]);
  });

  it('--out is a file: refused before anything is rendered (usage error, exit 2), the path named, the file untouched', () => {
    const dir = tempDir('threadeck-hostile-out-');
    writeFileSync(path.join(dir, 'a.yaml'), threadText(['hi']));
    writeFileSync(path.join(dir, 'out'), 'not a folder\n');
    const r = runCli(['build', path.join(dir, 'a.yaml'), '--out', path.join(dir, 'out'), '--format', 'png']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(`--out: "${path.join(dir, 'out')}" is a file, not a folder`);
    expect(r.stderr).not.toMatch(/\n\s+at /); // no stack trace
    expect(readFileSync(path.join(dir, 'out'), 'utf8')).toBe('not a folder\n');
  });
});

describe('the disk fills up mid-thread (simulated)', () => {
  beforeEach(() => {
    diskFull.match = '';
    diskFull.hits = 0;
  });

  it('the thread fails naming the file, its previous outputs all untouched, the other thread is built, no partial or temp file left', { timeout: 120_000 }, async () => {
    const dir = tempDir('threadeck-hostile-full-');
    const out = path.join(dir, 'out');
    const a = path.join(dir, 'a.yaml');
    const b = path.join(dir, 'b.yaml');
    writeFileSync(a, threadText(['first version', 'second post']));
    writeFileSync(b, threadText(['another thread']));
    const first = await build([a, b], { outDir: out, formats: ['png', 'pdf'], jobs: 1 });
    expect(first.ok).toBe(true);
    const before = snapshot(out);

    // New text: every card of a changes; the write of its third card runs out of space half-way.
    writeFileSync(a, threadText(['first version, edited', 'second post, edited']));
    writeFileSync(b, threadText(['another thread, edited']));
    diskFull.match = 'a-03.png';
    const second = await build([a, b], { outDir: out, formats: ['png', 'pdf'], jobs: 1 });
    expect(diskFull.hits).toBe(1);
    expect(second.ok).toBe(false);
    const [ra, rb] = second.threads;
    expect(ra!.errors).toHaveLength(1);
    expect(ra!.errors[0]!.message).toBe(
      `cannot write output: ENOSPC: no space left on device, write (writing ${path.join(out, 'a', 'a-03.png')}); the disk is full: free some space and build again`,
    );
    expect(rb!.errors).toEqual([]);

    const after = snapshot(out);
    expect([...after.keys()].filter((n) => n.includes('.tmp-'))).toEqual([]);
    // Every file of a is as it was: its new files are staged and renamed only once all are written.
    for (const [name, bytes] of before) if (name.startsWith(`a${path.sep}`) && !name.startsWith(`a${path.sep}.`)) expect(after.get(name), name).toEqual(bytes);
    for (const [name, bytes] of after) {
      if (!name.endsWith('.png')) continue;
      const img = decodePng(bytes);
      expect([img.width, img.height]).toEqual([1080, 1350]);
    }
    expect(after.get(path.join('a', 'a-03.png'))).toEqual(before.get(path.join('a', 'a-03.png')));
    expect(after.get(path.join('b', 'b-02.png'))).not.toEqual(before.get(path.join('b', 'b-02.png')));
  });
});
