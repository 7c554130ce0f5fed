// The progress bar on a terminal, as a user sees it: run under `script` (a pseudo-terminal), a
// single thread moves the bar card by card before it is finished, with a card-based ETA; the
// summary line ends the run. (Skipped where util-linux's `script` is missing.)
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { repoTempDir } from './batch-helpers.ts';
import { writeCorpus } from '../bench/corpus.ts';

const hasScript = existsSync('/usr/bin/script');

describe('progress bar', () => {
  it.skipIf(!hasScript)('on a terminal, counts the cards of a thread still rendering, with an ETA', () => {
    const dir = repoTempDir('progress-');
    const [file] = writeCorpus(path.join(dir, 'threads'), { threads: 1, posts: 20 });
    const log = path.join(dir, 'typescript');
    const cmd = `${process.execPath} ${path.resolve('bin/threadeck.js')} build ${file} --out ${path.join(dir, 'out')} --format png --jobs 1`;
    execFileSync('script', ['-qec', cmd, log], { env: { ...process.env, CI: '', NO_COLOR: '1' }, stdio: 'ignore' });
    // Frames are separated by cursor moves (escape sequences) and line ends.
    const frames = readFileSync(log, 'utf8').split(/\x1b\[[0-9;?]*[a-zA-Z]|\r|\n/);
    const during = frames.map((f) => /0\/1 threads · (\d+) cards · [\d.]+ cards\/s · ETA (\S+)/.exec(f)).filter((m) => m !== null);
    const counts = during.map((m) => Number(m![1]));
    // Several frames while the thread was still rendering, with more and more cards.
    expect(new Set(counts).size, frames.join('\n')).toBeGreaterThan(2);
    expect(Math.max(...counts)).toBeLessThanOrEqual(22);
    expect(counts).toEqual([...counts].sort((a, b) => a - b));
    expect(frames.some((f) => /1 thread ok, 0 failed · 22 cards/.test(f))).toBe(true);
  });
});
