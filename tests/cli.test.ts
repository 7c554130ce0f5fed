import { describe, expect, it } from 'vitest';
import { cpSync, existsSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { decodePng, runCli, tempDir } from './helpers.ts';

const SOURCE = 'threads/devops-sre-platform-engineering.yaml';

describe('threadeck build (spawned CLI)', () => {
  it('renders the source thread: cover, 9 numbered posts and outro as PNGs, and an 11-page PDF, exit 0', () => {
    const out = tempDir();
    const r = runCli(['build', SOURCE, '--out', out]);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    const dir = path.join(out, 'devops-sre-platform-engineering');
    const files = readdirSync(dir).sort();
    expect(files).toEqual([
      ...Array.from({ length: 11 }, (_, i) => `devops-sre-platform-engineering-${String(i + 1).padStart(2, '0')}.png`),
      'devops-sre-platform-engineering.pdf',
    ]);
    const png = decodePng(readFileSync(path.join(dir, files[0]!)));
    expect([png.width, png.height]).toEqual([1080, 1350]);
    const info = execFileSync('pdfinfo', [path.join(dir, 'devops-sre-platform-engineering.pdf')], { encoding: 'utf8' });
    expect(info).toMatch(/^Pages:\s+11$/m);
    expect(info).toMatch(/^Page size:\s+1080 x 1350 pts$/m);
    expect(info).toMatch(/^Title:\s+DevOps, SRE, and Platform Engineering$/m);
    expect(r.stdout).toMatch(/1 thread ok, 0 failed · 11 cards/);
  });

  it('--json prints exactly one JSON document with threads, files and sizes', () => {
    const out = tempDir();
    const r = runCli(['build', 'tests/fixtures/threads/good.yaml', '--out', out, '--format', 'png,pdf,svg', '--json']);
    expect(r.code).toBe(0);
    const report = JSON.parse(r.stdout);
    expect(report.ok).toBe(true);
    expect(report.threads).toHaveLength(1);
    const t = report.threads[0];
    expect(t).toMatchObject({ input: 'tests/fixtures/threads/good.yaml', slug: 'good', cards: 5, warnings: [], errors: [] });
    const kinds = t.files.map((f: { kind: string }) => f.kind);
    expect(kinds.filter((k: string) => k === 'png')).toHaveLength(5);
    expect(kinds.filter((k: string) => k === 'svg')).toHaveLength(5);
    expect(kinds.filter((k: string) => k === 'pdf')).toHaveLength(1);
    for (const f of t.files) {
      expect(statSync(f.path).size).toBe(f.bytes);
      expect([f.width, f.height]).toEqual([1080, 1350]);
    }
    expect(t.files.find((f: { kind: string }) => f.kind === 'pdf').pages).toBe(5);
  });

  it('a broken file among good ones: exit 1, its position reported, the others written', () => {
    const src = tempDir();
    cpSync('tests/fixtures/threads/good.yaml', path.join(src, 'a-good.yaml'));
    cpSync('tests/fixtures/threads/syntax-error.yaml', path.join(src, 'b-broken.yaml'));
    cpSync('tests/fixtures/threads/good.json', path.join(src, 'c-good.json'));
    const out = tempDir();
    const r = runCli(['build', src, '--out', out, '--format', 'png']);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain(`${path.join(src, 'b-broken.yaml')}:6:5: this string has no closing "`);
    expect(r.stderr).not.toMatch(/\n\s+at /); // no stack trace
    expect(readdirSync(path.join(out, 'a-good'))).toHaveLength(5); // cover, 3 posts, outro
    expect(readdirSync(path.join(out, 'c-good'))).toHaveLength(4);
    expect(existsSync(path.join(out, 'b-broken'))).toBe(false);

    const json = JSON.parse(runCli(['build', src, '--out', out, '--format', 'png', '--json']).stdout);
    expect(json.ok).toBe(false);
    expect(json.threads.map((t: { errors: unknown[] }) => t.errors.length)).toEqual([0, 1, 0]);
    expect(json.threads[1].errors[0]).toMatchObject({ rule: 'yaml-syntax', line: 6, column: 5 });
  });

  it('schema errors are all printed with file:line:column', () => {
    const r = runCli(['build', 'tests/fixtures/threads/schema-errors.yaml', '--out', tempDir()]);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('tests/fixtures/threads/schema-errors.yaml:8:5 posts[1]: expected a string or an object with text');
    expect(r.stderr).toContain('tests/fixtures/threads/schema-errors.yaml:4:3 author.handel: unknown key "handel"');
  });

  it('usage errors exit 2: unknown option, bad format, unknown command', () => {
    expect(runCli(['build', '--outt', 'x']).code).toBe(2);
    const bad = runCli(['build', SOURCE, '--format', 'gif']);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('--format expects a comma-separated list of png, pdf, svg, md, handout, html, pptx; got "gif"');
    expect(runCli(['frobnicate']).code).toBe(2);
  });

  it('a glob that matches nothing and a missing file are failures (exit 1)', () => {
    const r = runCli(['build', 'tests/fixtures/threads/*.nothing', 'tests/fixtures/threads/absent.yaml', '--out', tempDir(), '--json']);
    expect(r.code).toBe(1);
    const report = JSON.parse(r.stdout);
    const messages = report.threads.map((t: { errors: { message: string }[] }) => t.errors[0]!.message).sort();
    expect(messages).toEqual(['file not found', 'no files match this pattern']);
  });

  it('--help and --version', () => {
    const help = runCli(['build', '--help']);
    expect(help.code).toBe(0);
    expect(help.stdout).toMatch(/--format/);
    const version = runCli(['--version']);
    expect(version.stdout.trim()).toBe(JSON.parse(readFileSync('package.json', 'utf8')).version);
  });

  it('a re-run with fewer posts removes the stale cards and leaves no temp files', () => {
    const src = tempDir();
    const out = tempDir();
    const file = path.join(src, 'shrinks.yaml');
    writeFileSync(file, 'title: t\nauthor: {name: A}\nposts: [one, two, three]\n');
    expect(runCli(['build', file, '--out', out, '--format', 'png']).code).toBe(0);
    writeFileSync(file, 'title: t\nauthor: {name: A}\nposts: [one, two]\n');
    expect(runCli(['build', file, '--out', out, '--format', 'png']).code).toBe(0);
    expect(readdirSync(path.join(out, 'shrinks')).sort()).toEqual(['shrinks-01.png', 'shrinks-02.png', 'shrinks-03.png', 'shrinks-04.png']);
  });

  it('a failed re-run leaves the previous outputs untouched', () => {
    const src = tempDir();
    const out = tempDir();
    const file = path.join(src, 'keep.yaml');
    writeFileSync(file, 'title: t\nauthor: {name: A}\nposts: [one, two]\n');
    expect(runCli(['build', file, '--out', out, '--format', 'png']).code).toBe(0);
    const before = readFileSync(path.join(out, 'keep', 'keep-01.png'));
    writeFileSync(file, 'title: t\nauthor: {name: A}\nposts: [one, 2, {}]\n');
    expect(runCli(['build', file, '--out', out, '--format', 'png']).code).toBe(1);
    expect(readFileSync(path.join(out, 'keep', 'keep-01.png')).equals(before)).toBe(true);
  });
});
