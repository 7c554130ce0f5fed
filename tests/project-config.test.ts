// The project config file (threadeck.config.{yaml,yml,json}, found upward) and option precedence:
// flag › thread file › config file › template default — in the library and in `threadeck build`.
import { mkdirSync, readFileSync, writeFileSync, copyFileSync, existsSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ThreadeckError } from '../src/diagnostics.ts';
import { presentation } from '../src/load/presentation.ts';
import { findProjectConfig, loadProjectConfig } from '../src/load/project-config.ts';
import type { ThemeOverrides } from '../src/model/index.ts';
import { decodePng, runCli, tempDir } from './helpers.ts';

const theme = (accent: string): ThemeOverrides => ({ colours: { accent } });

describe('presentation(): one place decides', () => {
  const square = { width: 1080, height: 1080 };
  const story = { width: 1080, height: 1920 };
  const slides = { width: 1920, height: 1080 };

  it('takes the flag, else the thread file, else the config file, else the default', () => {
    const thread = { cover: false as const, outro: false as const };
    expect(presentation(thread)).toEqual({ template: 'default', size: { width: 1080, height: 1350 }, themes: [] });
    expect(presentation(thread, {}, { template: 'dark', size: square })).toMatchObject({ template: 'dark', size: square });
    expect(presentation({ ...thread, template: 'bold', size: story }, {}, { template: 'dark', size: square })).toMatchObject({ template: 'bold', size: story });
    expect(presentation({ ...thread, template: 'bold', size: story }, { template: 'post', size: slides }, { template: 'dark', size: square })).toMatchObject({ template: 'post', size: slides });
  });

  it('layers branding weakest first, so the flag\'s colours win key by key', () => {
    const p = presentation({ cover: false, outro: false, theme: theme('#222222') }, { theme: theme('#333333') }, { theme: theme('#111111') });
    expect(p.themes.map((t) => t.colours.accent)).toEqual(['#111111', '#222222', '#333333']);
  });
});

function project(config: string, name = 'threadeck.config.yaml'): { root: string; sub: string } {
  const root = tempDir('threadeck-config-');
  const sub = path.join(root, 'team', 'threads');
  mkdirSync(sub, { recursive: true });
  writeFileSync(path.join(root, name), config);
  return { root, sub };
}

describe('loadProjectConfig', () => {
  it('is found upward from the working folder, and its paths are relative to it', async () => {
    const { root, sub } = project('template: ./brand/card.tsx\nsize: square\nout: carousels\nformats: png, md\ntheme:\n  accent: "#0a66c2"\n  footer: Acme\n');
    expect(await findProjectConfig(sub)).toBe(path.join(root, 'threadeck.config.yaml'));
    const config = await loadProjectConfig(path.join(root, 'threadeck.config.yaml'));
    expect(config.presentation.template).toBe(path.join(root, 'brand/card.tsx'));
    expect(config.presentation.size).toEqual({ width: 1080, height: 1080 });
    expect(config.presentation.theme).toMatchObject({ colours: { accent: '#0a66c2' }, footer: 'Acme' });
    expect(config.out).toBe(path.join(root, 'carousels'));
    expect(config.formats).toEqual(['png', 'md']);
  });

  it('reads JSON too, and a theme given as a theme file beside it', async () => {
    const { root } = project('{ "theme": "brand.yaml", "formats": ["pdf"] }', 'threadeck.config.json');
    writeFileSync(path.join(root, 'brand.yaml'), 'background: "#101010"\nlogo: logo.png\n');
    copyFileSync('tests/fixtures/brand/logo.png', path.join(root, 'logo.png'));
    const config = await loadProjectConfig(path.join(root, 'threadeck.config.json'));
    expect(config.presentation.theme?.colours.background).toBe('#101010');
    expect(config.presentation.theme?.logo?.mime).toBe('image/png');
  });

  it('reports every mistake with its line and column, as INVALID_CONFIG', async () => {
    const { root } = project('template: dark\nsize: huge\nformats: [png, gif]\ncolour: red\n');
    const err = await loadProjectConfig(path.join(root, 'threadeck.config.yaml')).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ThreadeckError);
    expect((err as ThreadeckError).code).toBe('INVALID_CONFIG');
    expect((err as ThreadeckError).diagnostics.map((d) => `${d.line}:${d.column} ${d.message}`)).toEqual([expect.stringMatching(/^4:1 unknown key "colour"/)]);
    writeFileSync(path.join(root, 'threadeck.config.yaml'), 'size: huge\nformats: [png, gif]\ntheme:\n  logo: missing.png\n');
    const again = (await loadProjectConfig(path.join(root, 'threadeck.config.yaml')).catch((e: unknown) => e)) as ThreadeckError;
    expect(again.diagnostics.map((d) => `${d.line}:${d.column} ${d.path}`)).toEqual(['1:7 size', '4:9 theme.logo', '2:16 formats[1]']);
  });
});

describe('threadeck build with a config file', () => {
  const thread = 'title: Config check\nauthor: { name: Ada, handle: "@ada" }\ncover: false\noutro: false\nposts:\n  - One short post.\n  - Another short post.\n';
  const pngSize = (file: string) => {
    const png = decodePng(readFileSync(file));
    return `${png.width}x${png.height}`;
  };

  it('uses the config file found upward: its template, size, out and formats', () => {
    const { root, sub } = project('template: dark\nsize: square\nout: carousels\nformats: [png]\n');
    writeFileSync(path.join(sub, 'a.yaml'), thread);
    const r = runCli(['build', 'a.yaml'], { cwd: sub });
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    const files = readdirSync(path.join(root, 'carousels', 'a')).filter((f) => !f.startsWith('.'));
    expect(files).toEqual(['a-01.png', 'a-02.png']);
    expect(pngSize(path.join(root, 'carousels/a/a-01.png'))).toBe('1080x1080');
    // dark's near-black background, not default's light one
    const px = decodePng(readFileSync(path.join(root, 'carousels/a/a-01.png'))).data;
    expect(px[0]! + px[1]! + px[2]!).toBeLessThan(120);
  });

  it('lets the thread file win over the config file, and a flag over both', () => {
    const { root, sub } = project('size: square\nout: carousels\nformats: [png]\n');
    writeFileSync(path.join(sub, 'b.yaml'), thread.replace('cover: false', 'size: story\ncover: false'));
    expect(runCli(['build', 'b.yaml'], { cwd: sub }).code).toBe(0);
    expect(pngSize(path.join(root, 'carousels/b/b-01.png'))).toBe('1080x1920');
    expect(runCli(['build', 'b.yaml', '--size', 'slides', '--out', 'here', '-f', 'png,md'], { cwd: sub }).code).toBe(0);
    expect(pngSize(path.join(sub, 'here/b/b-01.png'))).toBe('1920x1080');
    expect(existsSync(path.join(sub, 'here/b/b.md'))).toBe(true);
  });

  it('--no-config ignores it; --config names another', () => {
    const { sub } = project('size: square\nout: carousels\nformats: [png]\n');
    writeFileSync(path.join(sub, 'c.yaml'), thread);
    writeFileSync(path.join(sub, 'other.json'), '{ "size": "story", "formats": ["png"] }');
    expect(runCli(['build', 'c.yaml', '--no-config', '--out', 'plain', '-f', 'png'], { cwd: sub }).code).toBe(0);
    expect(pngSize(path.join(sub, 'plain/c/c-01.png'))).toBe('1080x1350');
    expect(runCli(['build', 'c.yaml', '--config', 'other.json', '--out', 'other'], { cwd: sub }).code).toBe(0);
    expect(pngSize(path.join(sub, 'other/c/c-01.png'))).toBe('1080x1920');
  });

  it('stops at a broken config file with exit 2 and its positions, writing nothing', () => {
    const { root, sub } = project('size: huge\nout: carousels\n');
    writeFileSync(path.join(sub, 'd.yaml'), thread);
    const r = runCli(['build', 'd.yaml'], { cwd: sub });
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/threadeck\.config\.yaml:1:7 size: expected a size preset/);
    expect(r.stderr).not.toMatch(/\n\s+at /);
    expect(existsSync(path.join(root, 'carousels'))).toBe(false);
  });
});
