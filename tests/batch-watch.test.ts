// --watch as a user sees it: a saved edit re-renders the thread (only the changed card is
// rewritten), a broken save is reported and the watch goes on, the fix renders again, Ctrl+C ends it;
// a template's imported JSON is watched and re-read.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
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

describe('build --watch with a template that imports a JSON file', () => {
  it('editing the JSON re-renders with the new values (fresh workers, not the module they imported before)', async () => {
    const dir = repoTempDir('batch-watch-json-');
    const src = path.join(dir, 'threads');
    mkdirSync(src, { recursive: true });
    const brand = path.join(src, 'brand.json');
    writeFileSync(brand, '{ "accent": "#0F766E" }\n');
    const example = readFileSync('templates/example.tsx', 'utf8').replaceAll("'../src/", `'${path.resolve('src')}/`);
    expect(example).toContain("accent: '#0F766E'");
    writeFileSync(path.join(src, 'tpl.tsx'), `import brand from './brand.json';\n${example.replace("accent: '#0F766E'", 'accent: brand.accent')}`);
    writeFileSync(path.join(src, 'b.yaml'), 'title: Brand\nauthor: { name: Brand Author }\ntemplate: ./tpl.tsx\nposts:\n  - The first post.\n');
    const out = path.join(dir, 'out');
    const cli = startCli(['build', src, '--out', out, '--format', 'png', '--jobs', '1', '--watch', '--json']);
    const reports = () => cli.stdout().split('\n').filter((l) => l.startsWith('{')).map((l) => JSON.parse(l) as Report);
    const nth = async (n: number) => {
      await cli.waitFor(new RegExp(`(^\\{.*\\n){${n}}`, 'm'));
      await cli.waitFor(/watching for changes[^]*$/);
      return reports()[n - 1]!;
    };
    const cover = () => readFileSync(path.join(out, 'b', 'b-01.png'));
    try {
      const first = await nth(1);
      expect(first.threads[0]!.status, JSON.stringify(first)).toBe('built');
      const before = cover();
      writeFileSync(brand, '{ "accent": "#B91C1C" }\n');
      const edited = await nth(2);
      expect(edited.threads[0]!.status).toBe('built');
      expect(cover().equals(before)).toBe(false);
      // Back to the first colour: the very first picture again (not the one the old workers cached).
      writeFileSync(brand, '{ "accent": "#0F766E" }\n');
      await nth(3);
      expect(cover().equals(before)).toBe(true);
    } finally {
      cli.child.kill('SIGINT');
    }
    expect((await cli.exit).code).toBe(0);
  });
});
