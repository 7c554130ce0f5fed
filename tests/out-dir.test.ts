// The output folder is made and proved writable before anything renders: a file in the way, a
// pseudo file system (/proc) or a folder without permission gives a clear error at once.
import { chmodSync, existsSync, mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ThreadeckError } from '../src/diagnostics.ts';
import { ensureWritableDir, makeDir } from '../src/write/out-dir.ts';
import { runCli, tempDir } from './helpers.ts';

describe('ensureWritableDir', () => {
  it('makes missing folders level by level and leaves no probe behind', async () => {
    const root = tempDir('threadeck-out-');
    const dir = path.join(root, 'a', 'b', 'c');
    await ensureWritableDir(dir);
    expect(existsSync(dir)).toBe(true);
    expect(readdirSync(dir)).toEqual([]);
    await makeDir(dir); // already there: fine
  });

  it('refuses a file in the way, /proc, and a folder it may not write', async () => {
    const root = tempDir('threadeck-out-');
    writeFileSync(path.join(root, 'file'), 'x');
    const fail = async (dir: string) => {
      const err = await ensureWritableDir(dir).then(() => undefined, (e: unknown) => e);
      expect(err).toBeInstanceOf(ThreadeckError);
      return (err as ThreadeckError).diagnostics[0]!.message;
    };
    expect(await fail(path.join(root, 'file', 'out'))).toMatch(/ENOTDIR.*a file is in the way/);
    expect(await fail('/proc/threadeck-nope')).toMatch(/cannot be written \(ENOENT\)/);
    if (process.getuid?.() !== 0) {
      mkdirSync(path.join(root, 'ro'));
      chmodSync(path.join(root, 'ro'), 0o555);
      expect(await fail(path.join(root, 'ro', 'out'))).toMatch(/permission denied/);
    }
  });
});

describe('threadeck build --out that cannot be written', () => {
  it('exits 2 at once with the reason, rendering nothing', () => {
    const root = tempDir('threadeck-out-');
    writeFileSync(path.join(root, 'file'), 'x');
    for (const out of ['/proc/threadeck-nope', path.join(root, 'file', 'x')]) {
      const r = runCli(['build', 'threads/small-prs-ship-faster.yaml', '--out', out, '-f', 'png']);
      expect(r.code).toBe(2);
      expect(r.stderr).toMatch(/--out: .*the output folder cannot be written/);
      expect(r.stdout).not.toMatch(/✓|cards/);
    }
  });
});
