// A render that never ends (a template stuck in a loop) is stopped at the deadline (--timeout), and
// one that eats memory hits its worker's heap limit: either way the worker is terminated, the
// thread is reported as an error naming the limit, no output is written for it, and the rest of the
// batch is built.
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../helpers.ts';
import { filesUnder, isWhole, repoTempDir } from '../batch-helpers.ts';
import { writeCorpus } from '../../bench/corpus.ts';

/** templates/example.tsx, usable from a folder inside the repository, with `code` run for post cards. */
function brokenTemplate(code: string): string {
  const source = readFileSync('templates/example.tsx', 'utf8').replaceAll("'../src/", `'${path.resolve('src')}/`);
  const broken = source.replace(/function render\(props: TemplateProps[^{]*\{/, (head) => `${head}\n  if (props.card.kind === "post") { ${code} }`);
  if (broken === source) throw new Error('templates/example.tsx has no render(props…) function to break any more: update this test');
  return broken;
}

/** `threads` good corpus threads and `a-<name>.yaml`, whose post card runs `code` in its template; the source and output folders. */
function batchWithBrokenThread(name: string, code: string, threads: number): { src: string; out: string } {
  const dir = repoTempDir(`${name}-`);
  const src = path.join(dir, 'threads');
  writeCorpus(src, { threads, posts: 1 });
  writeFileSync(path.join(src, `${name}.tsx`), brokenTemplate(code));
  writeFileSync(path.join(src, `a-${name}.yaml`), `title: ${name}\nauthor: { name: A }\ntemplate: ./${name}.tsx\nposts:\n  - This card never renders.\n`);
  return { src, out: path.join(dir, 'out') };
}

describe('render limits', () => {
  it('a hung render is stopped after --timeout seconds and reported; the other threads are written', () => {
    const { src, out } = batchWithBrokenThread('hang', 'for (;;) {}', 2);
    const r = runCli(['build', src, '--out', out, '--format', 'png,pdf', '--jobs', '1', '--timeout', '8', '--json']);
    expect(r.code).toBe(1);
    const report = JSON.parse(r.stdout) as { threads: Array<{ slug: string; status: string; errors: Array<{ rule: string; message: string }> }> };
    const hang = report.threads.find((t) => t.slug === 'a-hang')!;
    expect(hang.status).toBe('failed');
    expect(hang.errors[0]).toMatchObject({ rule: 'timeout', message: expect.stringMatching(/longer than 8 s.*--timeout/) });
    expect(report.threads.filter((t) => t.slug !== 'a-hang').map((t) => t.status)).toEqual(['built', 'built']);
    const files = filesUnder(out);
    expect(files.filter((f) => f.includes('a-hang'))).toEqual([]);
    expect(files).toHaveLength(2 * 4); // 3 PNGs and a PDF per good thread
    for (const f of files) expect(isWhole(f)).toBe(true);
  });

  it('a render that eats memory fails alone at the worker heap limit; the process and the batch survive', () => {
    const { src, out } = batchWithBrokenThread('hog', 'const hog: number[][] = []; for (;;) hog.push(new Array(1e6).fill(1));', 1);
    const r = runCli(['build', src, '--out', out, '--format', 'png', '--jobs', '1']);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/a-hog\.yaml: rendering ran out of memory \(a render worker's heap is limited to 512 MB\)/);
    expect(r.stdout).toMatch(/✓ .*t001\.yaml/);
    expect(filesUnder(out).filter((f) => f.includes('a-hog'))).toEqual([]);
  });
});
