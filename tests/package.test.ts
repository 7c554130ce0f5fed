// The published package, as a user gets it: `npm pack` in a copy of the repository (its prepare and
// prepack scripts compile dist/ and the type declarations), the tarball installed into an empty
// folder without dev dependencies, then the installed `threadeck` builds a thread, renders a user's
// own template file, starts the preview, and a TypeScript file type-checks against its types.
import { spawn, spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { decodePng, tempDir } from './helpers.ts';

const repo = path.resolve('.');
let work: string;
let app: string;
let tarball: string;

const run = (cmd: string, args: string[], cwd: string) => {
  const r = spawnSync(cmd, args, { cwd, encoding: 'utf8', env: { ...process.env, npm_config_audit: 'false', npm_config_fund: 'false' } });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
};
const threadeck = (args: string[]) => run(process.execPath, [path.join(app, 'node_modules/threadeck/bin/threadeck.js'), ...args], app);

beforeAll(() => {
  work = tempDir('threadeck-pack-');
  // A copy of the files a clone has (tracked, and new ones not ignored), with this checkout's node_modules.
  const copy = path.join(work, 'repo');
  const tracked = run('git', ['ls-files', '-z', '--cached', '--others', '--exclude-standard'], repo).stdout.split('\0').filter(Boolean);
  for (const f of tracked) {
    if (!existsSync(path.join(repo, f))) continue;
    mkdirSync(path.dirname(path.join(copy, f)), { recursive: true });
    cpSync(path.join(repo, f), path.join(copy, f));
  }
  symlinkSync(path.join(repo, 'node_modules'), path.join(copy, 'node_modules'));
  const packed = run('npm', ['pack', '--json', '--pack-destination', work], copy);
  if (packed.code !== 0) throw new Error(`npm pack failed:\n${packed.stderr}`);
  const info = JSON.parse(packed.stdout) as Array<{ filename: string; files: Array<{ path: string }> }>;
  tarball = path.join(work, info[0]!.filename);
  writeFileSync(path.join(work, 'files.json'), JSON.stringify(info[0]!.files.map((f) => f.path)));

  app = path.join(work, 'app');
  mkdirSync(app);
  writeFileSync(path.join(app, 'package.json'), '{ "name": "my-carousels", "private": true, "type": "module" }\n');
  const installed = run('npm', ['install', '--omit=dev', '--prefer-offline', '--no-package-lock', tarball], app);
  if (installed.code !== 0) throw new Error(`npm install of the tarball failed:\n${installed.stderr}`);
  cpSync(path.join(repo, 'threads/devops-sre-platform-engineering.yaml'), path.join(app, 'thread.yaml'));
}, 600_000);

describe('npm pack', () => {
  it('ships the compiled package and its types, not the sources, tests or goldens', () => {
    const files = JSON.parse(readFileSync(path.join(work, 'files.json'), 'utf8')) as string[];
    for (const f of ['bin/threadeck.js', 'dist/cli.js', 'dist/index.js', 'dist/template.js', 'dist/worker.js', 'dist/client/main.js', 'dist/types/src/template.d.ts', 'schema/thread.schema.json', 'templates/example.tsx', 'package.json', 'README.md']) {
      expect(files, f).toContain(f);
    }
    expect(files.filter((f) => /^(src|tests|bench|scripts|threads|docs)\//.test(f) || f.endsWith('.png'))).toEqual([]);
  });

  it('installs without dev dependencies: no tsx, no editor packages', () => {
    const modules = readdirSync(path.join(app, 'node_modules'));
    expect(modules).toContain('threadeck');
    expect(modules).toContain('satori');
    expect(modules).not.toContain('tsx');
    expect(modules).not.toContain('vitest');
    expect(modules).not.toContain('codemirror');
    expect(existsSync(path.join(app, 'node_modules/@codemirror'))).toBe(false);
  });
});

describe('the installed threadeck', () => {
  it('prints its version', () => {
    const r = threadeck(['--version']);
    expect(r.code).toBe(0);
    expect(r.stdout.trim()).toBe(JSON.parse(readFileSync('package.json', 'utf8')).version);
  });

  it('builds a thread into PNG cards and a PDF', () => {
    const r = threadeck(['build', 'thread.yaml', '--out', 'out', '--json']);
    expect(r.code, r.stderr).toBe(0);
    const report = JSON.parse(r.stdout) as { ok: boolean; threads: Array<{ cards: number; files: Array<{ kind: string; path: string; pages?: number }> }> };
    expect(report.ok).toBe(true);
    const files = report.threads[0]!.files;
    const pngs = files.filter((f) => f.kind === 'png');
    expect(pngs.length).toBe(report.threads[0]!.cards);
    const png = decodePng(readFileSync(path.resolve(app, pngs[0]!.path)));
    expect([png.width, png.height]).toEqual([1080, 1350]);
    expect(files.find((f) => f.kind === 'pdf')?.pages).toBe(report.threads[0]!.cards);
  });

  it("renders a user's own TSX template that imports threadeck/template", () => {
    const example = readFileSync(path.join(app, 'node_modules/threadeck/templates/example.tsx'), 'utf8');
    expect(example).toContain("from 'threadeck/template'");
    // A brand colour of the user's own, in a local module the template imports.
    writeFileSync(path.join(app, 'brand.ts'), "export const accent = '#E11D48';\n");
    writeFileSync(path.join(app, 'mine.tsx'), `import { accent } from './brand.ts';\n${example.replace("accent: '#0F766E'", 'accent')}`);
    const r = threadeck(['build', 'thread.yaml', '--template', './mine.tsx', '--out', 'out-mine', '--format', 'png', '--json']);
    expect(r.code, r.stderr).toBe(0);
    const report = JSON.parse(r.stdout) as { threads: Array<{ files: Array<{ path: string }> }> };
    const card = decodePng(readFileSync(path.resolve(app, report.threads[0]!.files[1]!.path)));
    // Some pixels carry the brand colour (#E11D48): the template's own import reached the card.
    let brand = 0;
    for (let i = 0; i < card.data.length; i += 4) if (Math.abs(card.data[i]! - 0xe1) < 8 && Math.abs(card.data[i + 1]! - 0x1d) < 8 && Math.abs(card.data[i + 2]! - 0x48) < 8) brand++;
    expect(brand).toBeGreaterThan(100);
  });

  it('starts the preview and serves the page and its script', async () => {
    const child = spawn(process.execPath, [path.join(app, 'node_modules/threadeck/bin/threadeck.js'), 'preview', 'thread.yaml'], { cwd: app });
    try {
      const url = await new Promise<string>((resolve, reject) => {
        let out = '';
        child.stdout.on('data', (d: Buffer) => {
          out += d.toString();
          const m = /http:\/\/127\.0\.0\.1:\d+\/\S*/.exec(out);
          if (m) resolve(m[0]);
        });
        child.on('exit', (code) => reject(new Error(`preview exited with ${code}: ${out}`)));
        setTimeout(() => reject(new Error(`no URL from the preview: ${out}`)), 60_000).unref();
      });
      const page = await fetch(url);
      expect(page.status).toBe(200);
      const html = await page.text();
      const script = /src="([^"]+\.js[^"]*)"/.exec(html)?.[1];
      expect(script).toBeTruthy();
      const js = await fetch(new URL(script!, url));
      expect(js.status).toBe(200);
      expect((await js.text()).length).toBeGreaterThan(100_000); // CodeMirror, bundled at build time
    } finally {
      child.kill('SIGTERM');
    }
  });

  it('type-checks a TypeScript template against the published types', () => {
    writeFileSync(path.join(app, 'tsconfig.json'), JSON.stringify({ compilerOptions: { module: 'nodenext', moduleResolution: 'nodenext', strict: true, noEmit: true, skipLibCheck: true, jsx: 'react-jsx', jsxImportSource: 'satori/jsx', allowImportingTsExtensions: true, types: [] }, files: ['typed.ts'] }));
    writeFileSync(path.join(app, 'typed.ts'), "import type { Template, Theme } from 'threadeck/template';\nimport { designScale } from 'threadeck/template';\nimport { parseThread } from 'threadeck';\nconst theme: Theme = { background: '#fff', surface: '#eee', text: '#111', muted: '#555', accent: '#0a7', onAccent: '#fff', fontFamily: 'Inter' };\nexport const s: number = designScale({ width: 1080, height: 1350 });\nexport type T = Template;\nexport { theme, parseThread };\n");
    const r = run(process.execPath, [path.join(repo, 'node_modules/typescript/bin/tsc'), '-p', 'tsconfig.json'], app);
    expect(r.stdout + r.stderr).toBe('');
    expect(r.code).toBe(0);
  });
});

afterAll(() => {
  if (work) rmSync(work, { recursive: true, force: true });
});
