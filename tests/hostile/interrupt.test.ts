// A build killed (SIGKILL) or interrupted (Ctrl+C) mid-batch: no truncated file at a final path,
// the outputs of the earlier run still there and whole, and on Ctrl+C exit 1 with a summary. The
// run after it completes and leaves no temp files behind.
import { readdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../helpers.ts';
import { filesUnder, isWhole, repoTempDir, startCli } from '../batch-helpers.ts';
import { corpusThread, writeCorpus } from '../../bench/corpus.ts';

const THREADS = 6;
let src: string;
let out: string;
let earlier: string[];

/** Every thread's text changed, so the next build rewrites every file. */
function editAll(word: string): void {
  for (let t = 0; t < THREADS; t++) {
    writeFileSync(path.join(src, `t${String(t + 1).padStart(3, '0')}.yaml`), corpusThread(t, 3, { plain: true }).replace('notes on shipping', `${word} notes`));
  }
}

const finalFiles = () => filesUnder(out).filter((f) => !/\.tmp-\d+-/.test(f));
const tempFiles = () => filesUnder(out).filter((f) => /\.tmp-\d+-/.test(f));

function expectIntact(): void {
  const now = finalFiles();
  for (const f of earlier) expect(now, `${f} is gone`).toContain(f);
  for (const f of now) expect(isWhole(f), `${f} is not whole`).toBe(true);
}

beforeAll(() => {
  const dir = repoTempDir('interrupt-');
  src = path.join(dir, 'threads');
  out = path.join(dir, 'out');
  writeCorpus(src, { threads: THREADS, posts: 3, plain: true }); // plain: the test is about files, not typography
  const r = runCli(['build', src, '--out', out, '--jobs', '2']);
  expect(r.code, r.stderr).toBe(0);
  earlier = finalFiles();
  expect(earlier).toHaveLength(THREADS * 6); // 5 PNGs and a PDF each
});

describe('interrupted builds', () => {
  it('SIGKILL mid-batch (twice, at different moments): every file at a final path is whole, earlier outputs kept', async () => {
    for (const [word, delay] of [['Tiny', 0], ['Smaller', 400]] as const) {
      editAll(word);
      const cli = startCli(['build', src, '--out', out, '--jobs', '2']);
      await cli.waitFor(/✓ /);
      await new Promise((r) => setTimeout(r, delay));
      cli.child.kill('SIGKILL');
      expect((await cli.exit).signal).toBe('SIGKILL');
      expectIntact();
    }
    // The next run finishes the job and clears the temp files the killed run left.
    const r = runCli(['build', src, '--out', out, '--jobs', '2']);
    expect(r.code, r.stderr).toBe(0);
    expectIntact();
    expect(tempFiles()).toEqual([]);
  });

  it('Ctrl+C mid-batch: running threads stop, written ones stay whole, exit 1 with a summary', async () => {
    editAll('Leaner');
    const cli = startCli(['build', src, '--out', out, '--jobs', '1']);
    await cli.waitFor(/✓ /);
    cli.child.kill('SIGINT');
    const { code } = await cli.exit;
    expect(code).toBe(1);
    expect(cli.stderr()).toMatch(/interrupted: \d+ threads? ok, 0 failed \(\d+ not built\) · \d+ cards/);
    expectIntact();
    expect(tempFiles()).toEqual([]);
    // What was reported written is the new version; the threads not built keep the earlier run's files.
    const done = [...cli.stdout().matchAll(/✓ (\S+)/g)].map((m) => path.basename(m[1]!, '.yaml'));
    expect(done.length).toBeGreaterThan(0);
    expect(done.length).toBeLessThan(THREADS);
    for (const slug of done) expect(readdirSync(path.join(out, slug))).toHaveLength(6);
  });
});
