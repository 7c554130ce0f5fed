// `threadeck import` and raw inputs in `threadeck build`, as a user runs them (spawned CLI): exit
// codes, --json, --verbose, warnings on stderr, files written; and the Markdown export's round trip.
import { describe, expect, it } from 'vitest';
import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { spawnSync } from 'node:child_process';
import { parse } from 'yaml';
import { loadThread } from '../src/load/load-thread.ts';
import { threadToMarkdown } from '../src/export/markdown.ts';
import { importThread } from '../src/import/import-thread.ts';
import { threadFromImport } from '../src/import/load-input.ts';
import { resolveInputs } from '../src/cli/inputs.ts';
import type { Thread } from '../src/model/index.ts';
import { runCli, tempDir } from './helpers.ts';

const SEED = 'tests/fixtures/seed-page.txt';
const FIX = 'tests/fixtures/import';

describe('threadeck import (spawned CLI)', () => {
  it('prints a valid thread file on stdout (exit 0), the warning and a summary on stderr', () => {
    const r = runCli(['import', SEED]);
    expect(r.code).toBe(0);
    expect(r.stdout.split('\n')[0]).toMatch(/^# yaml-language-server: \$schema=\.\/schema\/thread\.schema\.json$/);
    const data = parse(r.stdout);
    expect(data.posts).toHaveLength(9);
    expect(data.author).toEqual({ name: 'iximiuz', handle: '@iximiuz' });
    expect(data.date).toBe('2026-03-26');
    expect(r.stderr).toContain(`${SEED}: warning: the input names the author only by the handle @iximiuz`);
    expect(r.stderr).toMatch(/✓ tests\/fixtures\/seed-page\.txt → stdout: 9 posts, read as reader page; \d+ lines left out/);
  });

  it('-o writes the file atomically next to its images; it loads with loadThread and builds', async () => {
    const dir = tempDir();
    cpSync(FIX, dir, { recursive: true });
    const out = path.join(dir, 'small-prs.yaml');
    const r = runCli(['import', path.join(dir, 'reader-clip.md'), '-o', out]);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain(`→ ${out}: 6 posts, read as Markdown clipping`);
    expect(readdirSync(dir).filter((f) => f.includes('.tmp-'))).toEqual([]);
    const thread = await loadThread(out);
    expect(thread.posts).toHaveLength(6);
    expect(thread.posts[3]!.image?.width).toBeGreaterThan(0);
    expect(readFileSync(out, 'utf8')).toMatch(/^# yaml-language-server: \$schema=\S+\/schema\/thread\.schema\.json\n/);

    const build = runCli(['build', out, '--out', path.join(dir, 'output'), '--format', 'png', '--json']);
    expect(build.code).toBe(0);
    expect(JSON.parse(build.stdout).threads[0].cards).toBe(8);
  });

  it('reads standard input with "-"', () => {
    const r = spawnSync(process.execPath, [path.resolve('bin/threadeck.js'), 'import', '-', '--author', 'Maya Okafor @mayaships'], { input: '1/ One\n\n2/ Two', encoding: 'utf8' });
    expect(r.status).toBe(0);
    expect(parse(r.stdout)).toMatchObject({ title: 'One', author: { name: 'Maya Okafor', handle: '@mayaships' }, posts: ['One', 'Two'] });
  });

  it('--verbose lists every removed line with file:line and the reason', () => {
    const r = runCli(['import', SEED, '--verbose']);
    expect(r.code).toBe(0);
    expect(r.stderr).toContain(`${SEED}:7: removed (ad): Advertisement`);
    expect(r.stderr).toContain(`${SEED}:6: removed (view count): 10 views Mar 26, 2026`);
    expect(r.stderr).toContain(`${SEED}:55: removed (reader-site menu): • Download as PDF`);
    expect(r.stderr).toContain(`${SEED}:62: removed (reader-site menu): Includes 7-day Premium trial`);
    expect(r.stderr.match(/: removed \(/g)!.length).toBe(26);
  });

  it('--json: one JSON document with the format, posts, warnings (with lines), removed lines and the YAML', () => {
    const r = runCli(['import', `${FIX}/plain.txt`, '--json']);
    expect(r.code).toBe(0);
    expect(r.stderr).toBe('');
    const report = JSON.parse(r.stdout);
    expect(report).toMatchObject({ ok: true, input: `${FIX}/plain.txt`, output: null, format: 'plain', posts: 5, errors: [] });
    expect(report.warnings).toContainEqual(expect.objectContaining({ rule: 'import-unsure', line: 15, severity: 'warning' }));
    expect(report.removed).toEqual([{ line: 6, text: 'Advertisement', reason: 'ad' }]);
    expect(parse(report.yaml).posts).toHaveLength(5);
  });

  it('--keep-replies and --from', () => {
    const kept = parse(runCli(['import', `${FIX}/x-clip.md`, '--keep-replies']).stdout);
    expect(kept.posts).toHaveLength(5);
    expect(kept.posts[2]).toEqual({ text: 'Reply from @janedoe:', quote: { author: { name: 'Jane Doe', handle: '@janedoe' }, text: 'Great breakdown, thanks for sharing!' } });
    const plain = parse(runCli(['import', `${FIX}/numbered.txt`, '--from', 'plain']).stdout);
    expect(plain.posts).toHaveLength(6);
  });

  it('exit 1 when the input cannot be imported, with file:line; exit 2 for usage mistakes', () => {
    const dir = tempDir();
    writeFileSync(path.join(dir, 'noise.txt'), 'Advertisement\n\nActions\n');
    const noise = runCli(['import', path.join(dir, 'noise.txt')]);
    expect(noise.code).toBe(1);
    expect(noise.stdout).toBe('');
    expect(noise.stderr).toContain(`${path.join(dir, 'noise.txt')}:1:1: no posts found`);
    const missing = runCli(['import', path.join(dir, 'nope.txt')]);
    expect(missing.code).toBe(1);
    expect(missing.stderr).toContain('nope.txt: file not found');
    writeFileSync(path.join(dir, 'bad.json'), '[\n  "one",\n  "two"\n  "three"\n]');
    const bad = runCli(['import', path.join(dir, 'bad.json'), '--json']);
    expect(bad.code).toBe(1);
    expect(JSON.parse(bad.stdout).errors[0]).toMatchObject({ line: 4, file: path.join(dir, 'bad.json') });

    expect(runCli(['import']).code).toBe(2);
    expect(runCli(['import', SEED, '--from', 'pdf']).code).toBe(2);
    expect(runCli(['import', SEED, '-o', path.join(dir, 'x.txt')]).code).toBe(2);
    expect(runCli(['import', SEED, '--keep-reply']).code).toBe(2);
    writeFileSync(path.join(dir, 'exists.yaml'), 'x');
    const exists = runCli(['import', SEED, '-o', path.join(dir, 'exists.yaml')]);
    expect(exists.code).toBe(2);
    expect(exists.stderr).toContain('--force');
    expect(runCli(['import', SEED, '-o', path.join(dir, 'exists.yaml'), '--force']).code).toBe(0);
  });
});

describe('threadeck build with raw inputs', () => {
  it('imports a .txt on the fly: cards, the importer warnings in --json, no thread file needed', () => {
    const out = tempDir();
    const r = runCli(['build', SEED, '--out', out, '--format', 'png', '--json']);
    expect(r.code).toBe(0);
    const t = JSON.parse(r.stdout).threads[0];
    expect(t).toMatchObject({ input: SEED, slug: 'seed-page', title: 'DevOps, SRE, and Platform Engineering', cards: 11, errors: [] });
    expect(t.warnings).toEqual([expect.objectContaining({ rule: 'import-author', file: SEED, severity: 'warning' })]);
    expect(readdirSync(path.join(out, 'seed-page'))).toHaveLength(11);
  });

  it('.md and .html inputs too; warnings printed in text mode; a raw file with no posts fails alone (exit 1)', () => {
    const src = tempDir();
    cpSync(FIX, src, { recursive: true });
    writeFileSync(path.join(src, 'empty.txt'), 'Advertisement\n');
    const out = tempDir();
    const r = runCli(['build', path.join(src, 'reader-page.html'), path.join(src, 'empty.txt'), path.join(src, 'x-clip.md'), '--out', out, '--format', 'md']);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain(`${path.join(src, 'reader-page.html')}:24:1: warning: post 4: image https://pbs.twimg.com/media/Xyz.jpg is a URL`);
    expect(r.stderr).toContain(`✗ ${path.join(src, 'empty.txt')}`);
    expect(existsSync(path.join(out, 'reader-page', 'reader-page.md'))).toBe(true);
    expect(existsSync(path.join(out, 'x-clip', 'x-clip.md'))).toBe(true);
  });

  it('folders: thread files and *.thread.md/.txt/.html are built; a README.md or notes.txt beside them is not', async () => {
    const dir = tempDir();
    mkdirSync(path.join(dir, 'threads'));
    cpSync('threads/devops-sre-platform-engineering.yaml', path.join(dir, 'threads', 'a.yaml'));
    cpSync(SEED, path.join(dir, 'threads', 'seed.thread.txt'));
    cpSync(`${FIX}/x-clip.md`, path.join(dir, 'threads', 'x.thread.md'));
    writeFileSync(path.join(dir, 'threads', 'README.md'), '# My threads\n\nNotes.\n');
    writeFileSync(path.join(dir, 'threads', 'notes.txt'), 'ideas\n');
    const { files } = await resolveInputs(['threads'], dir);
    expect(files).toEqual(['threads/a.yaml', 'threads/seed.thread.txt', 'threads/x.thread.md']);
    const out = path.join(dir, 'out');
    const r = runCli(['build', 'threads', '--out', out, '--format', 'md', '--json'], { cwd: dir });
    expect(r.code).toBe(0);
    const report = JSON.parse(r.stdout);
    expect(report.threads.map((t: { slug: string }) => t.slug)).toEqual(['a', 'seed', 'x']);
    for (const t of report.threads) {
      expect(t.files).toEqual([{ path: path.join(out, t.slug, `${t.slug}.md`), kind: 'md', bytes: expect.any(Number) }]);
    }
  });
});

describe('Markdown export (--format md) and its round trip', () => {
  const view = (t: Thread) => ({
    title: t.title,
    author: { name: t.author.name, handle: t.author.handle, avatar: t.author.avatar && path.resolve(path.dirname(t.file), t.author.avatar.path) },
    date: t.date,
    source: t.source,
    posts: t.posts.map((p) => ({ text: p.text, image: p.image && path.resolve(path.dirname(t.file), p.image.path), alt: p.alt, quote: p.quote })),
  });

  const SOURCES = [
    'threads/devops-sre-platform-engineering.yaml',
    'threads/small-prs-ship-faster.yaml',
    'threads/postmortem-checklist.json',
    'tests/fixtures/threads/showcase.yaml',
    'tests/fixtures/threads/with-images.yaml',
    'tests/fixtures/threads/hard.json',
  ];

  it.each(SOURCES)('%s → Markdown → import gives back the same thread', async (file) => {
    const original = await loadThread(file);
    const dir = tempDir();
    const md = threadToMarkdown(original, { dir });
    const mdFile = path.join(dir, 'x.md');
    writeFileSync(mdFile, md);
    const r = await importThread(md, { file: mdFile, baseDir: dir, outDir: path.dirname(file) });
    expect(r.warnings).toEqual([]);
    const back = await threadFromImport(r, { file: path.join(path.dirname(file), 'back.yaml'), baseDir: path.dirname(file) });
    expect(view(back)).toEqual(view(original));
  });

  it('the export holds the title, byline, numbered posts, image, quote and links', async () => {
    const md = threadToMarkdown(await loadThread('tests/fixtures/threads/hard.json'), { dir: 'output/hard' });
    expect(md).toMatch(/^# .+\n\n\*\*.+\*\*/);
    expect(md).toContain('### 1/');
    expect(md).toMatch(/\nQuoting \*\*.+\*\*( @\S+)?:\n\n> /);
    const small = threadToMarkdown(await loadThread('threads/small-prs-ship-faster.yaml'), { dir: 'output/small-prs-ship-faster' });
    expect(small).toContain('![Maya Okafor](../../threads/images/maya-avatar.png) **Maya Okafor** @mayaships · [2026-02-11](https://example.com/maya/small-prs)');
    expect(small).toContain('### 4/6');
    expect(small).toContain('![Bar chart of weekly deploys rising from 38 to 123 over six months.](../../threads/images/deploys-chart.png)');
  });

  it('build --format md writes <slug>.md, listed with kind "md"; importing it (-o next to the source) round-trips', async () => {
    const out = tempDir();
    const r = runCli(['build', 'threads/small-prs-ship-faster.yaml', '--out', out, '--format', 'md,pdf', '--json']);
    expect(r.code).toBe(0);
    const files = JSON.parse(r.stdout).threads[0].files;
    const md = path.join(out, 'small-prs-ship-faster', 'small-prs-ship-faster.md');
    expect(files.map((f: { kind: string }) => f.kind)).toEqual(['pdf', 'md']);
    expect(files[1]).toEqual({ path: md, kind: 'md', bytes: readFileSync(md).byteLength });

    const back = path.join('threads', `.roundtrip-${process.pid}.yaml`);
    try {
      const imp = runCli(['import', md, '-o', back]);
      expect(imp.code).toBe(0);
      expect(imp.stderr).toBe('');
      const a = await loadThread('threads/small-prs-ship-faster.yaml');
      const b = await loadThread(back);
      expect(view(b)).toEqual(view(a));
    } finally {
      (await import('node:fs')).rmSync(back, { force: true });
    }
  });

  it('the seed page: import → YAML → Markdown → import gives the same thread', async () => {
    const dir = tempDir();
    const yaml = path.join(dir, 'seed.yaml');
    expect(runCli(['import', SEED, '-o', yaml]).code).toBe(0);
    const a = await loadThread(yaml);
    expect(runCli(['build', yaml, '--out', dir, '--format', 'md']).code).toBe(0);
    const md = path.join(dir, 'seed', 'seed.md');
    const r = await importThread(readFileSync(md, 'utf8'), { file: md, baseDir: path.dirname(md), outDir: dir });
    const b = await threadFromImport(r, { file: path.join(dir, 'back.yaml'), baseDir: dir });
    expect(view(b)).toEqual(view(a));
  });
});
