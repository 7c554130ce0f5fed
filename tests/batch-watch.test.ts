// --watch as a user sees it: a saved edit re-renders the thread (only the changed card is
// rewritten), a broken save is reported and the watch goes on, the fix renders again, Ctrl+C ends it.
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { startCli, repoTempDir } from './batch-helpers.ts';
import { corpusThread, writeCorpus } from '../bench/corpus.ts';

interface Report {
  ok: boolean;
  threads: Array<{ status: string; written: number; reused: number; files: Array<{ path: string }>; errors: Array<{ line?: number; message: string }> }>;
}

describe('build --watch', () => {
  it('re-renders on change, survives a broken file, stops on Ctrl+C', async () => {
    const dir = repoTempDir('batch-watch-');
    const src = path.join(dir, 'threads');
    const [file] = writeCorpus(src, { threads: 1, posts: 2 });
    const cli = startCli(['build', src, '--out', path.join(dir, 'out'), '--format', 'png', '--jobs', '1', '--watch', '--json']);
    const reports = () => cli.stdout().split('\n').filter((l) => l.startsWith('{')).map((l) => JSON.parse(l) as Report);
    const nth = async (n: number) => {
      await cli.waitFor(new RegExp(`(^\\{.*\\n){${n}}`, 'm'));
      await cli.waitFor(/watching for changes[^]*$/);
      return reports()[n - 1]!;
    };
    try {
      const first = await nth(1);
      expect(first.threads[0]!.status).toBe('built');
      expect(first.threads[0]!.written).toBe(4);

      writeFileSync(file!, corpusThread(0, 2).replace('Small pull requests', 'Tiny pull requests'));
      const edited = await nth(2);
      expect(edited.threads[0]!.status).toBe('built');
      expect(edited.threads[0]!.written).toBe(1);
      expect(edited.threads[0]!.reused).toBe(3); // only the edited post's card was rendered

      writeFileSync(file!, 'title: Broken\nauthor: { name: A }\nposts:\n  - "no closing quote\n');
      const broken = await nth(3);
      expect(broken.ok).toBe(false);
      expect(broken.threads[0]!.status).toBe('failed');
      expect(broken.threads[0]!.errors[0]!.line).toBe(4);
      expect(cli.child.exitCode).toBe(null); // still watching

      writeFileSync(file!, corpusThread(0, 2).replace('Small pull requests', 'Smaller pull requests'));
      const fixed = await nth(4);
      expect(fixed.threads[0]!.status).toBe('built');
      expect(fixed.threads[0]!.written).toBe(1);
    } finally {
      cli.child.kill('SIGINT');
    }
    expect((await cli.exit).code).toBe(0);
  });
});
