// A template file's local imports are part of the build: templateFiles() finds them (transitively),
// and editing one re-renders the threads that use the template — the cache key covers them and the
// report's deps (what --watch watches) list them.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli, tempDir } from './helpers.ts';
import { repoTempDir } from './batch-helpers.ts';
import { templateFiles } from '../src/batch/template-deps.ts';

interface Report {
  threads: Array<{ slug: string; status: string; deps: string[]; files: Array<{ path: string }> }>;
}

/**
 * templates/example.tsx in `dir` (importing threadeck by absolute path), its accent colour taken
 * from ./parts/colors.ts, which takes it from ./parts/more.ts. Returns the three files.
 */
function templateWithImports(dir: string, accent = '#0F766E'): { template: string; colors: string; more: string } {
  const template = path.join(dir, 'tpl.tsx');
  const colors = path.join(dir, 'parts', 'colors.ts');
  const more = path.join(dir, 'parts', 'more.ts');
  mkdirSync(path.dirname(colors), { recursive: true });
  const src = readFileSync('templates/example.tsx', 'utf8').replaceAll("'../src/", `'${path.resolve('src')}/`);
  expect(src).toContain("accent: '#0F766E'");
  writeFileSync(template, `import { accent } from './parts/colors.ts';\n${src.replace("accent: '#0F766E'", 'accent')}`);
  writeFileSync(colors, "import { brand } from './more.ts';\nexport const accent: string = brand;\n");
  writeFileSync(more, `export const brand = '${accent}';\n`);
  return { template, colors, more };
}

describe('templateFiles', () => {
  it('a template that imports ./parts/colors.ts, which imports ./more.ts: all three (not threadeck itself, not packages)', async () => {
    const files = templateWithImports(tempDir('tpl-deps-'));
    expect(await templateFiles(files.template)).toEqual([files.template, files.colors, files.more].sort());
  });

  it('a template with a syntax error, or a missing import: just the file, no throw', async () => {
    const dir = tempDir('tpl-deps-bad-');
    const broken = path.join(dir, 'broken.tsx');
    writeFileSync(broken, "import { accent } from './colors.ts';\nexport default { name: 'x', render: () => <div>{accent</div> };\n");
    writeFileSync(path.join(dir, 'colors.ts'), "export const accent = '#000';\n");
    expect(await templateFiles(broken)).toEqual([broken]);
    const missing = path.join(dir, 'missing.tsx');
    writeFileSync(missing, "import { accent } from './nowhere.ts';\nexport default { accent };\n");
    expect(await templateFiles(missing)).toEqual([missing]);
  });
});

describe('build with a template that imports local files', () => {
  it('editing a transitively imported file re-renders the thread with the new colour; the report lists it in deps', () => {
    const dir = repoTempDir('tpl-deps-build-');
    const src = path.join(dir, 'threads');
    mkdirSync(src, { recursive: true });
    const files = templateWithImports(src);
    writeFileSync(path.join(src, 'brand.yaml'), 'title: Brand\nauthor: { name: Brand Author }\ntemplate: ./tpl.tsx\nposts:\n  - The first post.\n  - The second post.\n');
    const out = path.join(dir, 'out');
    const build = () => {
      const r = runCli(['build', src, '--out', out, '--format', 'png', '--jobs', '1', '--json']);
      expect(r.code, r.stderr).toBe(0);
      return JSON.parse(r.stdout) as Report;
    };
    const card = (r: Report) => readFileSync(r.threads[0]!.files.find((f) => f.path.endsWith('-02.png'))!.path);

    const first = build();
    expect(first.threads[0]!.status).toBe('built');
    expect(first.threads[0]!.deps).toEqual([files.template, files.colors, files.more].sort());
    const before = card(first);

    expect(build().threads[0]!.status).toBe('cached');

    writeFileSync(files.more, "export const brand = '#B91C1C';\n");
    const edited = build();
    expect(edited.threads[0]!.status).toBe('built');
    expect(edited.threads[0]!.deps).toContain(files.more);
    expect(card(edited).equals(before)).toBe(false);

    expect(build().threads[0]!.status).toBe('cached');
  });
});
