// What a command loads: `--version`, `--help` and an up-to-date build load no renderer, `import`
// loads no renderer, and no command runs through tsx. A module hook (registered with --import)
// writes every module URL the process resolves to a file, which the tests read.
import { spawnSync } from 'node:child_process';
import { copyFileSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { tempDir } from './helpers.ts';

let dir: string;
let hook: string;

beforeAll(() => {
  dir = tempDir('threadeck-startup-');
  const hooks = path.join(dir, 'hooks.mjs');
  writeFileSync(hooks, `import { appendFileSync } from 'node:fs';
export async function resolve(specifier, context, next) {
  const r = await next(specifier, context);
  appendFileSync(process.env.LOADED_LOG, r.url + '\\n');
  return r;
}
`);
  hook = path.join(dir, 'register.mjs');
  writeFileSync(hook, `import { register } from 'node:module';\nregister(${JSON.stringify(pathToFileURL(hooks).href)});\n`);
});

/** Runs the CLI with the hook; the packages (node_modules/<name>) and our modules it loaded. */
function loads(args: string[], name: string) {
  const log = path.join(dir, `${name}.log`);
  writeFileSync(log, '');
  const r = spawnSync(process.execPath, ['--import', pathToFileURL(hook).href, 'bin/threadeck.js', ...args], { encoding: 'utf8', env: { ...process.env, LOADED_LOG: log } });
  const urls = readFileSync(log, 'utf8').split('\n').filter(Boolean);
  const packages = new Set(urls.flatMap((u) => /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(u)?.[1] ?? []));
  return { code: r.status, stdout: r.stdout, stderr: r.stderr, packages, urls };
}

const RENDERER = ['satori', '@resvg/resvg-js', 'pdf-lib', '@pdf-lib/fontkit', 'piscina'];

describe('start-up: nothing paid that the command does not use', () => {
  it('--version and --help load no renderer, no parser, no tsx', () => {
    for (const args of [['--version'], ['--help'], ['build', '--help'], ['import', '--help'], ['preview', '--help']]) {
      const r = loads(args, args.join('_'));
      expect(r.code, r.stderr).toBe(0);
      for (const p of [...RENDERER, 'tsx', 'yaml', 'zod', 'lowlight', 'htmlparser2']) expect(r.packages.has(p), `${args.join(' ')} loaded ${p}`).toBe(false);
      expect(r.urls.some((u) => u.endsWith('.ts')), 'a TypeScript source was loaded').toBe(false);
    }
  });

  it('import loads no renderer', () => {
    const r = loads(['import', 'tests/fixtures/seed-page.txt'], 'import');
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toContain('posts:');
    for (const p of [...RENDERER, 'tsx']) expect(r.packages.has(p), `import loaded ${p}`).toBe(false);
  });

  it('an up-to-date build loads neither the thread nor the renderer; a changed image is noticed', () => {
    const src = path.join(dir, 'threads');
    const out = path.join(dir, 'out');
    const thread = path.join(src, 'pics.yaml');
    spawnSync('mkdir', ['-p', src]);
    copyFileSync('tests/fixtures/threads/images/deploys-chart.png', path.join(src, 'pic.png'));
    writeFileSync(thread, 'title: Pictures\nauthor: { name: Pic Author }\nposts:\n  - text: A post with a picture.\n    image: ./pic.png\n  - A second post.\n');
    const first = loads(['build', thread, '--out', out, '--format', 'png', '--json'], 'first');
    expect(first.code, first.stderr).toBe(0);
    expect(JSON.parse(first.stdout).threads[0].status).toBe('built');
    expect(first.packages.has('satori')).toBe(true); // the hook sees the renderer when it is used

    const again = loads(['build', thread, '--out', out, '--format', 'png', '--json'], 'again');
    expect(again.code, again.stderr).toBe(0);
    expect(JSON.parse(again.stdout).threads[0].status).toBe('cached');
    for (const p of [...RENDERER, 'yaml', 'zod', 'mdast-util-from-markdown', 'lowlight', 'sharp', 'tsx']) expect(again.packages.has(p), `up-to-date build loaded ${p}`).toBe(false);

    // The image's bytes change (same name): the quick check sees it and the thread is built again.
    copyFileSync('tests/fixtures/threads/images/maya-avatar.png', path.join(src, 'pic.png'));
    const changed = loads(['build', thread, '--out', out, '--format', 'png', '--json'], 'changed');
    expect(changed.code, changed.stderr).toBe(0);
    expect(JSON.parse(changed.stdout).threads[0].status).toBe('built');
  });
});
