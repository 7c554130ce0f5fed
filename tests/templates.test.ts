import { describe, expect, it } from 'vitest';
import path from 'node:path';
import { readFileSync, writeFileSync } from 'node:fs';
import { layoutThread, loadThread, parseThread, renderCardSvg, svgToPng, ThreadeckError } from '../src/index.ts';
import { parseSize } from '../src/model/sizes.ts';
import { platformWarnings } from '../src/layout/platform-checks.ts';
import { loadTemplate } from '../src/template/registry.ts';
import { loadThemeFile } from '../src/load/load-theme.ts';
import { decodePng, runCli, tempDir } from './helpers.ts';

const BRAND = 'tests/fixtures/brand';

/** Colour of one pixel of a PNG as #rrggbb. */
function pixel(png: Uint8Array, x: number, y: number): string {
  const img = decodePng(png);
  const i = (y * img.width + x) * 4;
  return `#${[0, 1, 2].map((c) => img.data[i + c]!.toString(16).padStart(2, '0')).join('')}`.toUpperCase();
}

describe('sizes', () => {
  it('knows the presets and WxH, and refuses nonsense', () => {
    expect(parseSize('linkedin')).toEqual({ width: 1080, height: 1350 });
    expect(parseSize('square')).toEqual({ width: 1080, height: 1080 });
    expect(parseSize('story')).toEqual({ width: 1080, height: 1920 });
    expect(parseSize('slides')).toEqual({ width: 1920, height: 1080 });
    expect(parseSize('1200x1500')).toEqual({ width: 1200, height: 1500 });
    expect(parseSize('huge')).toMatch(/expected a size preset/);
    expect(parseSize('100000x100000')).toMatch(/between 320 and 4096/);
  });

  it('the thread file sets the size; --size wins over it', async () => {
    const thread = await parseThread('title: t\nauthor: {name: A}\nsize: square\nposts: [hi]\n', { file: 's.yaml' });
    expect((await layoutThread(thread)).size).toEqual({ width: 1080, height: 1080 });
    expect((await layoutThread(thread, { size: { width: 1920, height: 1080 } })).size).toEqual({ width: 1920, height: 1080 });
    await expect(parseThread('title: t\nauthor: {name: A}\nsize: 12x12\nposts: [hi]\n', { file: 'bad.yaml' })).rejects.toThrow('bad.yaml:3:7 size: card sides must be between 320 and 4096 px; got 12×12');
  });
});

describe('theme precedence: --theme file › thread file › template default', () => {
  it('applies each layer over the last', async () => {
    const thread = await loadThread(`${BRAND}/thread.yaml`);
    const plain = await layoutThread({ ...thread, options: { ...thread.options, theme: undefined } });
    expect(plain.theme.accent).toBe('#3730A3'); // template default
    const fromThread = await layoutThread(thread);
    expect(fromThread.theme).toMatchObject({ accent: '#047857', background: '#FFFFFF' });
    const fromFlag = await layoutThread(thread, { theme: await loadThemeFile(`${BRAND}/theme.yaml`) });
    expect(fromFlag.theme).toMatchObject({ accent: '#B91C1C', background: '#FFFFFF', fontFamily: 'Brand Body', footer: 'brand.example' });
    expect(fromFlag.theme.logo?.width).toBe(256);
  });

  it('the colours reach the pixels (progress bar filled in the accent)', async () => {
    const thread = await loadThread(`${BRAND}/thread.yaml`);
    const deck = await layoutThread(thread, { theme: await loadThemeFile(`${BRAND}/theme.yaml`) });
    const post = deck.cards.find((c) => c.kind === 'post')!;
    const png = svgToPng(await renderCardSvg(deck, post));
    expect(pixel(png, 5, 1346)).toBe('#B91C1C');
    expect(pixel(png, 1075, 5)).toBe('#FFFFFF');
  });

  it('a brand font changes the text drawn', async () => {
    const thread = await loadThread(`${BRAND}/thread.yaml`);
    const plain = await layoutThread(thread);
    const branded = await layoutThread(thread, { theme: await loadThemeFile(`${BRAND}/theme.yaml`) });
    const svgOf = async (d: typeof plain) => renderCardSvg(d, d.cards[1]!, undefined, { embedFont: false });
    expect(await svgOf(plain)).toContain('font-family="inter"');
    expect(await svgOf(branded)).toContain('font-family="brand body"');
  });

  it('refuses WOFF2 and non-fonts with a message naming the file and its position', async () => {
    await expect(loadThemeFile(`${BRAND}/bad-theme.yaml`)).rejects.toThrow(ThreadeckError);
    const err = (await loadThemeFile(`${BRAND}/bad-theme.yaml`).catch((e: unknown) => e)) as ThreadeckError;
    expect(err.message).toContain('bad-theme.yaml:1:9 accent: expected the accent colour as a hex colour like "#1F2937"');
    const woff2 = await parseThread('title: t\nauthor: {name: A}\ntheme:\n  font: ./brand.woff2\nposts: [hi]\n', { file: `${BRAND}/t.yaml`, baseDir: BRAND }).catch((e: unknown) => e);
    expect(String(woff2)).toContain('t.yaml:4:9 theme.font: font "./brand.woff2" is WOFF2, which the renderer cannot read');
    const junk = await parseThread('title: t\nauthor: {name: A}\ntheme:\n  font: ./random.ttf\nposts: [hi]\n', { file: `${BRAND}/t.yaml`, baseDir: BRAND }).catch((e: unknown) => e);
    expect(String(junk)).toContain('"./random.ttf" is not a font file (expected TTF, OTF or WOFF)');
  });
});

describe('branding contrast', () => {
  it('warns when theme colours make text hard to read', async () => {
    const thread = await parseThread('title: t\nauthor: {name: A}\ntheme: { text: "#BBBBBB", background: "#FFFFFF" }\nposts: [hi]\n', { file: 'c.yaml' });
    const deck = await layoutThread(thread);
    expect(deck.warnings.map((w) => w.message)).toContain(
      'theme colours: body text (#BBBBBB on #FFFFFF) has contrast 1.92:1, below WCAG AA (4.5:1); it will be hard to read',
    );
  });
});

describe('cover and outro', () => {
  it('are on by default, configurable, and can be turned off', async () => {
    const thread = await loadThread(`${BRAND}/thread.yaml`);
    const deck = await layoutThread(thread);
    expect(deck.cards.map((c) => c.kind)).toEqual(['cover', 'post', 'post', 'outro']);
    const cover = await renderCardSvg(deck, deck.cards[0]!, undefined, { embedFont: false });
    expect(cover).toContain('>hook<');
    const outro = await renderCardSvg(deck, deck.cards[3]!, undefined, { embedFont: false });
    expect(outro).toContain('>Thanks<');
    expect(outro).toMatch(/>example\.com<.*>blog</);
    const bare = await parseThread('title: t\nauthor: {name: A}\ncover: false\noutro: false\nposts: [one, two]\n');
    expect((await layoutThread(bare)).cards.map((c) => c.kind)).toEqual(['post', 'post']);
  });
});

describe('custom templates', () => {
  it('loads a template file from a path (the commented example)', async () => {
    const thread = await loadThread(`${BRAND}/thread.yaml`);
    const deck = await layoutThread(thread, { template: path.resolve('templates/example.tsx') });
    expect(deck.template.name).toBe('example');
    const png = decodePng(svgToPng(await renderCardSvg(deck, deck.cards[1]!)));
    expect([png.width, png.height]).toEqual([1080, 1350]);
  });

  it('says what a file that is not a template lacks', async () => {
    const err = await loadTemplate(path.resolve(`${BRAND}/not-a-template.tsx`)).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ThreadeckError);
    expect((err as Error).message).toMatch(/the default export is not a template: missing description; missing bodyBox\(\); missing renderBody\(\); missing bodySize/);
  });

  it('compiles a template file outside the repository: threadeck/template, local imports, import.meta.url as written', async () => {
    const dir = tempDir('threadeck-tpl-');
    const example = readFileSync('templates/example.tsx', 'utf8');
    writeFileSync(path.join(dir, 'brand.json'), '{ "accent": "#C026D3" }\n');
    writeFileSync(path.join(dir, 'name.txt'), 'compiled-here');
    // The accent from an imported JSON file; the name read at load through import.meta.url (a path next to the template, not the compiled copy).
    const source = `import brand from './brand.json';\nimport { readFileSync } from 'node:fs';\nconst NAME = readFileSync(new URL('./name.txt', import.meta.url), 'utf8');\n${example.replace("accent: '#0F766E'", 'accent: brand.accent').replace("name: 'example'", 'name: NAME')}`;
    writeFileSync(path.join(dir, 'mine.tsx'), source);
    const t = await loadTemplate(path.join(dir, 'mine.tsx'));
    expect(t.name).toBe('compiled-here');
    expect(t.theme.accent).toBe('#C026D3');
  });

  it('a template file that does not compile: the file, line and column, what esbuild expected', async () => {
    const dir = tempDir('threadeck-tpl-');
    writeFileSync(path.join(dir, 'broken.tsx'), "import { designScale } from 'threadeck/template';\nexport default {\n  name: 'broken',\n  description: 'x' +,\n};\n");
    const err = await loadTemplate(path.join(dir, 'broken.tsx')).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ThreadeckError);
    expect((err as ThreadeckError).diagnostics[0]!.message).toMatch(/the template file does not compile: .*broken\.tsx:4:\d+: Unexpected ","/);
    writeFileSync(path.join(dir, 'wrong-entry.tsx'), "import { nothing } from 'threadeck/src/template/registry.ts';\nexport default nothing;\n");
    const wrong = await loadTemplate(path.join(dir, 'wrong-entry.tsx')).catch((e: unknown) => e);
    expect((wrong as Error).message).toMatch(/is not an entry of threadeck; import from "threadeck\/template"/);
  });

  it('on the command line: --template PATH works, a missing one is a usage error (exit 2)', () => {
    const out = tempDir();
    const ok = runCli(['build', `${BRAND}/thread.yaml`, '--template', 'templates/example.tsx', '--out', out, '--format', 'png']);
    expect(ok.code).toBe(0);
    const bad = runCli(['build', `${BRAND}/thread.yaml`, '--template', './nope.tsx', '--out', out]);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('template file not found');
    expect(runCli(['build', `${BRAND}/thread.yaml`, '--template', 'nonexistent', '--out', out]).code).toBe(2);
    expect(runCli(['build', `${BRAND}/thread.yaml`, '--size', 'huge', '--out', out]).code).toBe(2);
  });
});

describe('platform checks', () => {
  it('warns about landscape LinkedIn PDFs and Instagram carousels over 20 cards', async () => {
    const many = await parseThread(`title: t\nauthor: {name: A}\nposts:\n${Array.from({ length: 22 }, (_, i) => `  - post ${i + 1}`).join('\n')}\n`, { file: 'many.yaml' });
    const deck = await layoutThread(many, { size: { width: 1920, height: 1080 } });
    const messages = platformWarnings(deck, ['png', 'pdf']).map((w) => w.message);
    expect(messages).toEqual([
      'the cards are landscape (1920×1080); a LinkedIn carousel shows them small — use --size linkedin (1080×1350) or square',
      '24 cards; an Instagram carousel takes at most 20 images',
    ]);
    expect(platformWarnings(deck, ['pdf'], 101 * 1024 * 1024).map((w) => w.message)).toContain('the PDF is 101.0 MB; LinkedIn document posts take at most 100 MB');
  });
});

describe('font files', () => {
  it('refuses a variable font (an fvar table) naming the file', async () => {
    const { checkFontBytes } = await import('../src/assets/font-file.ts');
    const sfnt = Buffer.alloc(12 + 16);
    sfnt.writeUInt32BE(0x00010000, 0);
    sfnt.writeUInt16BE(1, 4);
    sfnt.write('fvar', 12, 'latin1');
    expect(() => checkFontBytes(sfnt, 'Variable.ttf')).toThrow('font "Variable.ttf" is a variable font, which the renderer cannot draw');
  });
});

describe('threadeck templates', () => {
  it('--contact-sheet renders a thread in every template into one PNG', () => {
    const out = path.join(tempDir(), 'sheet.png');
    const r = runCli(['templates', '--contact-sheet', 'tests/fixtures/threads/good.yaml', '--out', out]);
    expect(r.code).toBe(0);
    const png = decodePng(readFileSync(out));
    const rows = JSON.parse(runCli(['templates', '--json']).stdout).length;
    expect(rows).toBeGreaterThanOrEqual(5);
    expect(png.width).toBe(200 + 4 * (300 + 28) + 28);
    expect(png.height).toBe(28 + rows * (375 + 28));
  });

  it('--json lists every template with name and description', () => {
    const r = runCli(['templates', '--json']);
    expect(r.code).toBe(0);
    const list = JSON.parse(r.stdout) as Array<{ name: string; description: string }>;
    expect(list.map((t) => t.name)).toContain('default');
    for (const t of list) expect(t.description.length).toBeGreaterThan(10);
  });
});
