// Batch builds as a user sees them: a broken file among good ones (exit 1, its position, the others
// written), --fail-fast, and the cache — an unchanged re-run renders nothing, an edit re-renders the
// thread and rewrites only the cards whose pixels changed (observed by the files' inodes: a
// rewritten file is a new file renamed into place).
import { copyFileSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { PNG } from 'pngjs';
import { runCli } from './helpers.ts';
import { filesUnder, identities, isWhole, repoTempDir } from './batch-helpers.ts';
import { corpusThread, writeCorpus } from '../bench/corpus.ts';

interface Report {
  ok: boolean;
  jobs: number;
  cached: number;
  skipped: number;
  threads: Array<{ input: string; slug: string; status: string; written: number; reused: number; cards: number; files: Array<{ path: string }>; errors: Array<{ line?: number; message: string }> }>;
}
const json = (stdout: string) => JSON.parse(stdout) as Report;
const bySlug = (r: Report) => Object.fromEntries(r.threads.map((t) => [t.slug, t]));

/** A copy of templates/example.tsx that works from any folder inside the repository. */
function templateCopy(dir: string, accent = '#0F766E'): string {
  const src = readFileSync('templates/example.tsx', 'utf8').replaceAll("'../src/", `'${path.resolve('src')}/`).replace("'#0F766E'", `'${accent}'`);
  const file = path.join(dir, 'tpl.tsx');
  writeFileSync(file, src);
  return file;
}

function solidPng(file: string, rgb: [number, number, number]): void {
  const png = new PNG({ width: 64, height: 48 });
  for (let i = 0; i < png.data.length; i += 4) png.data.set([...rgb, 255], i);
  writeFileSync(file, PNG.sync.write(png));
}

describe('batch build', () => {
  it('a broken file among good ones: reported with its line, every other thread written, exit 1 (--jobs 2)', () => {
    const dir = repoTempDir('batch-iso-');
    const src = path.join(dir, 'threads');
    writeCorpus(src, { threads: 3, posts: 1 });
    writeFileSync(path.join(src, 'b-broken.yaml'), 'title: Broken\nauthor: { name: A }\nposts:\n  - "no closing quote\n');
    const out = path.join(dir, 'out');
    const r = runCli(['build', src, '--out', out, '--format', 'png', '--jobs', '2', '--json']);
    expect(r.code).toBe(1);
    const report = json(r.stdout);
    const t = bySlug(report);
    expect(t['b-broken']!.status).toBe('failed');
    expect(t['b-broken']!.errors[0]!.line).toBe(4);
    for (const slug of ['t001', 't002', 't003']) {
      expect(t[slug]!.status).toBe('built');
      expect(t[slug]!.files).toHaveLength(3); // cover, the post, outro
      for (const f of t[slug]!.files) expect(isWhole(f.path)).toBe(true);
    }
    const text = runCli(['build', src, '--out', path.join(dir, 'out2'), '--format', 'png', '--jobs', '2']);
    expect(text.code).toBe(1);
    expect(text.stderr).toContain(`${path.join(src, 'b-broken.yaml')}:4:`);
    expect(text.stderr).toMatch(/3 threads ok, 1 failed · 9 cards · [\d.]+ s · [\d.]+ cards\/s/);
  });

  it('one big thread on 2 workers (its cards shared, laid out once), and in the main thread with no --jobs: the same files, byte for byte, as on 1', () => {
    const dir = repoTempDir('batch-split-');
    const src = path.join(dir, 'threads');
    writeCorpus(src, { threads: 1, posts: 9 });
    const outs = ['1', '2', 'auto'].map((jobs) => {
      const out = path.join(dir, `out-${jobs}`);
      const r = runCli(['build', src, '--out', out, '--format', 'png,pdf', ...(jobs === 'auto' ? [] : ['--jobs', jobs]), '--json']);
      expect(r.code, r.stderr).toBe(0);
      // With no --jobs, one thread of 11 cards renders here: no worker is started.
      expect(json(r.stdout).jobs).toBe(jobs === 'auto' ? 0 : Number(jobs));
      return out;
    });
    const names = filesUnder(outs[0]!).map((f) => path.relative(outs[0]!, f)).sort();
    expect(names).toHaveLength(11 + 1);
    for (const other of outs.slice(1)) for (const name of names) expect(readFileSync(path.join(other, name)).equals(readFileSync(path.join(outs[0]!, name))), `${other}: ${name}`).toBe(true);
  });

  it('--fail-fast stops at the first failure: the threads after it are not built', () => {
    const dir = repoTempDir('batch-ff-');
    const src = path.join(dir, 'threads');
    writeCorpus(src, { threads: 4, posts: 1 });
    writeFileSync(path.join(src, 'a-broken.yaml'), 'title: [unclosed\n');
    const out = path.join(dir, 'out');
    const r = runCli(['build', src, '--out', out, '--format', 'png', '--jobs', '1', '--fail-fast', '--json']);
    expect(r.code).toBe(1);
    const t = bySlug(json(r.stdout));
    expect(t['a-broken']!.status).toBe('failed');
    for (const slug of ['t002', 't003', 't004']) expect(t[slug]!.status).toBe('skipped');
    expect(filesUnder(out).filter((f) => /t00[234]/.test(f))).toEqual([]);
  });

  it('cache: an unchanged re-run renders nothing; a post, an image, the template each re-render only what they change; --force renders again', () => {
    const dir = repoTempDir('batch-cache-');
    const src = path.join(dir, 'threads');
    const [plain] = writeCorpus(src, { threads: 1, posts: 3 });
    solidPng(path.join(src, 'pic.png'), [200, 30, 30]);
    templateCopy(src);
    writeFileSync(path.join(src, 'pic.yaml'), 'title: Pictures\nauthor: { name: Pic Author }\ntemplate: ./tpl.tsx\nposts:\n  - A post with no picture.\n  - text: A post with a picture.\n    image: ./pic.png\n');
    const out = path.join(dir, 'out');
    const build = (...extra: string[]) => {
      const r = runCli(['build', src, '--out', out, '--format', 'png', '--json', ...extra]);
      expect(r.code, r.stderr).toBe(0);
      return json(r.stdout);
    };
    const pngs = () => filesUnder(out).filter((f) => f.endsWith('.png')).sort();
    const changed = (before: Map<string, string>) => [...identities(pngs())].filter(([f, id]) => before.get(f) !== id).map(([f]) => path.basename(f));

    const first = build();
    expect(first.threads.map((t) => t.status)).toEqual(['built', 'built']);
    expect(pngs()).toHaveLength(5 + 4);
    let ids = identities(pngs());

    const again = build();
    expect(again.threads.map((t) => t.status)).toEqual(['cached', 'cached']);
    expect(again.cached).toBe(2);
    expect(changed(ids)).toEqual([]);

    // One post edited: that thread renders again, and only that post's card is rewritten.
    writeFileSync(plain!, corpusThread(0, 3).replace('Small pull requests', 'Tiny pull requests'));
    const edited = build();
    expect(bySlug(edited)['t001']!.status).toBe('built');
    expect(bySlug(edited)['pic']!.status).toBe('cached');
    const editedCards = changed(ids);
    expect(editedCards.length).toBe(1);
    expect(editedCards[0]).toMatch(/^t001-0[234]\.png$/);
    // …and only that card was rendered: the other four were read back from the last build.
    expect(bySlug(edited)['t001']!.reused).toBe(4);
    // The result is what a full build makes, byte for byte.
    const full = path.join(dir, 'full');
    expect(runCli(['build', src, '--out', full, '--format', 'png', '--force']).code).toBe(0);
    for (const f of pngs()) expect(readFileSync(f).equals(readFileSync(path.join(full, path.relative(out, f)))), f).toBe(true);
    ids = identities(pngs());

    // The image's bytes changed (same name): only the card showing it.
    solidPng(path.join(src, 'pic.png'), [30, 30, 200]);
    const image = build();
    expect(bySlug(image)['pic']!.status).toBe('built');
    expect(bySlug(image)['t001']!.status).toBe('cached');
    expect(changed(ids)).toEqual(['pic-03.png']);
    expect(bySlug(image)['pic']!.reused).toBe(3);
    ids = identities(pngs());

    // The template's accent colour: every card of the thread that uses it.
    templateCopy(src, '#B91C1C');
    const template = build();
    expect(bySlug(template)['pic']!.status).toBe('built');
    expect(bySlug(template)['t001']!.status).toBe('cached');
    expect(changed(ids)).toEqual(['pic-01.png', 'pic-02.png', 'pic-03.png', 'pic-04.png']);
    expect(bySlug(template)['pic']!.reused).toBe(0);
    ids = identities(pngs());

    // --force renders everything; identical bytes are not rewritten.
    const forced = build('--force');
    expect(forced.threads.map((t) => t.status)).toEqual(['built', 'built']);
    expect(forced.threads.map((t) => t.written)).toEqual([0, 0]);
    expect(forced.threads.map((t) => t.reused)).toEqual([0, 0]);
    expect(changed(ids)).toEqual([]);

    // A deleted output is noticed: the thread is rendered again and the file comes back.
    const gone = path.join(out, 'pic', 'pic-02.png');
    copyFileSync(gone, `${gone}.bak`);
    writeFileSync(gone, '');
    const repaired = build();
    expect(bySlug(repaired)['pic']!.status).toBe('built');
    expect(isWhole(gone)).toBe(true);

    // A card file changed behind the cache's back (same size, other bytes) is rendered again, not reused.
    const tampered = path.join(out, 't001', 't001-01.png');
    const good = readFileSync(tampered);
    writeFileSync(tampered, Buffer.alloc(good.length, 7));
    writeFileSync(plain!, corpusThread(0, 3).replace('Small pull requests', 'Little pull requests'));
    const afterTamper = build();
    expect(bySlug(afterTamper)['t001']!.reused).toBe(3);
    expect(readFileSync(tampered).equals(good)).toBe(true);
  });
});

describe('batch build, card by card', () => {
  it('counts every card as it is done (1 worker, and one big thread shared by 2), and reuses unchanged cards of a split thread', async () => {
    const { build } = await import('../src/build.ts');
    const dir = repoTempDir('batch-cards-');
    const [file] = writeCorpus(path.join(dir, 'threads'), { threads: 1, posts: 6 });
    for (const jobs of [1, 2]) {
      const out = path.join(dir, `out-${jobs}`);
      const seen: string[] = [];
      const first = await build([file!], { outDir: out, formats: ['png', 'pdf'], jobs, onCard: (input) => seen.push(input) });
      expect(first.ok).toBe(true);
      expect(first.cards).toBe(8);
      // Each card once, before its thread is reported (the PDF pages of a split thread are not counted twice).
      expect(seen).toEqual(Array(8).fill(file));
      writeFileSync(file!, corpusThread(0, 6).replace('Small pull requests', 'Tiny pull requests'));
      const edited = await build([file!], { outDir: out, formats: ['png', 'pdf'], jobs });
      expect(edited.threads[0]!.reused).toBe(7);
      expect(edited.threads[0]!.written).toBe(2); // the edited card and the PDF
      writeFileSync(file!, corpusThread(0, 6));
    }
  });
});
