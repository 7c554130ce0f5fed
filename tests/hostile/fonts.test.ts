// Hostile font files (theme `font:` / `headingFont:`): WOFF2, variable fonts, random bytes, empty,
// truncated and garbled files, a character map that claims all of 0..2³²: each is refused when the
// thread is loaded, with the file's name, its position and what to use instead — never a crash or
// hang later in satori, resvg or the PDF's font embedding.
import { beforeAll, describe, expect, it } from 'vitest';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import { parseThread, ThreadeckError, formatDiagnostic } from '../../src/index.ts';
import { checkFontBytes, FontFileError, loadFontFile } from '../../src/assets/font-file.ts';
import { runCli, tempDir } from '../helpers.ts';

const INTER = 'node_modules/@fontsource/inter/files/inter-latin-400-normal.woff';
const woff = readFileSync(INTER);

/** The WOFF's table directory: tag → [offset, compressed length, original length]. */
function woffTables(b: Buffer): Map<string, [number, number, number]> {
  const out = new Map<string, [number, number, number]>();
  for (let i = 0; i < b.readUInt16BE(12); i++) {
    const at = 44 + i * 20;
    out.set(b.toString('latin1', at, at + 4), [b.readUInt32BE(at + 4), b.readUInt32BE(at + 8), b.readUInt32BE(at + 12)]);
  }
  return out;
}

/** The WOFF with one more (uncompressed) table: how a variable font differs from a static one in its directory. */
function woffWithTable(b: Buffer, tag: string, data: Buffer): Buffer {
  const n = b.readUInt16BE(12);
  const dirEnd = 44 + n * 20;
  const head = Buffer.from(b.subarray(0, dirEnd));
  for (let i = 0; i < n; i++) head.writeUInt32BE(head.readUInt32BE(44 + i * 20 + 4) + 20, 44 + i * 20 + 4);
  const body = b.subarray(dirEnd);
  const pad = (4 - ((dirEnd + 20 + body.length) % 4)) % 4;
  const entry = Buffer.alloc(20);
  entry.write(tag, 0, 'latin1');
  entry.writeUInt32BE(dirEnd + 20 + body.length + pad, 4);
  entry.writeUInt32BE(data.length, 8);
  entry.writeUInt32BE(data.length, 12);
  const out = Buffer.concat([head, entry, body, Buffer.alloc(pad), data]);
  out.writeUInt32BE(out.length, 8);
  out.writeUInt16BE(n + 1, 12);
  out.writeUInt32BE(out.readUInt32BE(16) + 16 + data.length + ((4 - (data.length % 4)) % 4), 16);
  return out;
}

/** A minimal fvar table: one axis, wght 100–900. */
function fvarTable(): Buffer {
  const t = Buffer.alloc(16 + 20);
  t.writeUInt16BE(1, 0);
  t.writeUInt16BE(16, 4);
  t.writeUInt16BE(2, 6);
  t.writeUInt16BE(1, 8);
  t.writeUInt16BE(20, 10);
  t.write('wght', 16, 'latin1');
  t.writeInt32BE(100 << 16, 20);
  t.writeInt32BE(400 << 16, 24);
  t.writeInt32BE(900 << 16, 28);
  return t;
}

/** An sfnt holding only a format-12 cmap whose one group claims code points 0..0xFFFFFFFF. */
function hugeCmapFont(): Buffer {
  const sub = Buffer.alloc(28);
  sub.writeUInt16BE(12, 0);
  sub.writeUInt32BE(28, 4);
  sub.writeUInt32BE(1, 12);
  sub.writeUInt32BE(0, 16);
  sub.writeUInt32BE(0xffffffff, 20);
  sub.writeUInt32BE(1, 24);
  const cmap = Buffer.concat([Buffer.from([0, 0, 0, 1, 0, 3, 0, 10, 0, 0, 0, 12]), sub]);
  const head = Buffer.alloc(28);
  head.writeUInt32BE(0x00010000, 0);
  head.writeUInt16BE(1, 4);
  head.write('cmap', 12, 'latin1');
  head.writeUInt32BE(28, 20);
  head.writeUInt32BE(cmap.length, 24);
  return Buffer.concat([head, cmap]);
}

/** Deterministic noise (a fixed LCG), so a failure is reproducible. */
function noise(n: number, seed = 1): Buffer {
  const b = Buffer.alloc(n);
  let x = seed;
  for (let i = 0; i < n; i++) b[i] = (x = (Math.imul(x, 1103515245) + 12345) >>> 0) >>> 24;
  return b;
}

let dir: string;
const files: Record<string, Buffer> = {};
beforeAll(() => {
  dir = tempDir('threadeck-hostile-font-');
  const tables = woffTables(woff);
  const garble = (tag: string) => {
    const b = Buffer.from(woff);
    const [off, len] = tables.get(tag)!;
    noise(len, 7).copy(b, off);
    return b;
  };
  Object.assign(files, {
    'brand.woff2': readFileSync('tests/fixtures/brand/brand.woff2'),
    'variable.woff': woffWithTable(woff, 'fvar', fvarTable()),
    'random.ttf': noise(4096),
    'random-with-ttf-tag.ttf': Buffer.concat([Buffer.from([0, 1, 0, 0]), noise(4092, 3)]),
    'text.ttf': Buffer.from('This is a text file someone renamed to .ttf\n'),
    'empty.ttf': Buffer.alloc(0),
    'otto-only.otf': Buffer.from('OTTO'),
    'half.woff': woff.subarray(0, Math.floor(woff.length / 2)),
    'cut-end.woff': woff.subarray(0, woff.length - 200),
    'garbled-glyf.woff': garble('glyf'),
    'garbled-hmtx.woff': garble('hmtx'),
    'huge-cmap.ttf': hugeCmapFont(),
    'inter.woff': woff,
  });
  for (const [name, data] of Object.entries(files)) writeFileSync(path.join(dir, name), data);
});

async function fontErrors(font: string): Promise<string[]> {
  const yaml = `title: t\nauthor: {name: A}\ntheme:\n  font: ${JSON.stringify(font)}\nposts: [hi]\n`;
  const err = await parseThread(yaml, { file: 'h.yaml', baseDir: dir }).catch((e: unknown) => e);
  expect(err).toBeInstanceOf(ThreadeckError);
  return (err as ThreadeckError).diagnostics.map(formatDiagnostic);
}

describe('hostile font files are refused at load, naming the file', () => {
  it.each([
    ['brand.woff2', /font "brand\.woff2" is WOFF2, which the renderer cannot read; use the \.woff, \.ttf or \.otf version/],
    ['variable.woff', /font "variable\.woff" is a variable font, which the renderer cannot draw; use the static files of the weights you need/],
    ['random.ttf', /"random\.ttf" is not a font file \(expected TTF, OTF or WOFF\)/],
    ['text.ttf', /"text\.ttf" is not a font file \(expected TTF, OTF or WOFF\)/],
    ['empty.ttf', /font "empty\.ttf" is empty \(0 bytes\); expected a TTF, OTF or WOFF font file/],
    ['otto-only.otf', /font "otto-only\.otf" is truncated \(4 bytes\); export it again or use the font's original/],
    ['random-with-ttf-tag.ttf', /font "random-with-ttf-tag\.ttf" is damaged or has no character map; export it again/],
    ['half.woff', /font "half\.woff" is damaged/],
    ['cut-end.woff', /font "cut-end\.woff" is damaged: drawing text with it failed/],
    ['garbled-glyf.woff', /font "garbled-glyf\.woff" is damaged: drawing text with it failed/],
    ['garbled-hmtx.woff', /font "garbled-hmtx\.woff" is damaged: drawing text with it failed/],
    ['huge-cmap.ttf', /font "huge-cmap\.ttf" is damaged or has no character map/],
    ['missing.ttf', /font "missing\.ttf" not found \(looked for .*\); check the name/],
    ['/etc/passwd', /"\/etc\/passwd" is an absolute path/],
    ['../x.ttf', /not found|outside the thread's folder/],
    ['https://example.com/f.woff', /is a URL; font files must sit next to the thread/],
  ])('%s', async (font, message) => {
    const e = await fontErrors(font);
    expect(e).toHaveLength(1);
    expect(e[0]).toMatch(/^h\.yaml:4:9 theme\.font: /);
    expect(e[0]).toMatch(message);
  });

  it('a real variable font (Noto Sans Arabic, shipped in harfbuzzjs tests) is refused', { skip: !existsSync('node_modules/harfbuzzjs/test/fonts/noto/NotoSansArabic-Variable.ttf') }, () => {
    const data = readFileSync('node_modules/harfbuzzjs/test/fonts/noto/NotoSansArabic-Variable.ttf');
    expect(() => checkFontBytes(data, 'NotoSansArabic-Variable.ttf')).toThrow(/"NotoSansArabic-Variable\.ttf" is a variable font/);
  });

  it('the intact font passes and is usable', async () => {
    const data = await loadFontFile('inter.woff', dir);
    expect(data.length).toBe(woff.length);
    const thread = await parseThread(`title: t\nauthor: {name: A}\ntheme:\n  font: inter.woff\nposts: [hi]\n`, { file: 'h.yaml', baseDir: dir });
    expect(thread.options.theme?.bodyFonts?.length).toBe(1);
  });

  // Seeded; 200 runs of cheap byte checks, 30 through the satori/fontkit trial.
  it('random bytes, and the real font with random bytes overwritten, give a FontFileError or pass — never anything else', async () => {
    await fc.assert(
      fc.property(fc.uint8Array({ maxLength: 2048 }), fc.constantFrom('', 'wOFF', 'OTTO', '\0\x01\0\0', 'true', 'wOF2'), (bytes, tag) => {
        const data = Buffer.concat([Buffer.from(tag, 'latin1'), bytes]);
        try {
          checkFontBytes(data, 'fuzz.ttf');
        } catch (err) {
          expect(err).toBeInstanceOf(FontFileError);
          expect((err as Error).message).toContain('fuzz.ttf');
        }
      }),
      { seed: 8, numRuns: 200 },
    );
    await fc.assert(
      fc.asyncProperty(fc.integer({ min: 0, max: woff.length - 64 }), fc.integer({ min: 1, max: 64 }), fc.integer({ min: 1, max: 1 << 30 }), async (at, n, seed) => {
        const data = Buffer.from(woff);
        noise(n, seed).copy(data, at);
        const file = path.join(dir, 'fuzz.woff');
        writeFileSync(file, data);
        try {
          await loadFontFile('fuzz.woff', dir);
        } catch (err) {
          expect(err).toBeInstanceOf(FontFileError);
          expect((err as Error).message).toContain('"fuzz.woff"');
        }
      }),
      { seed: 9, numRuns: 30 },
    );
  });
});

describe('the CLI', () => {
  it('--theme with a WOFF2 font is a usage error naming the theme file, the position and the font', () => {
    writeFileSync(path.join(dir, 'theme.yaml'), 'font: ./brand.woff2\n');
    const r = runCli(['build', 'tests/fixtures/threads/good.yaml', '--theme', path.join(dir, 'theme.yaml'), '--out', path.join(dir, 'out-theme')]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/theme\.yaml:1:7 font: font "\.\/brand\.woff2" is WOFF2/);
    expect(r.stderr).not.toMatch(/\n\s+at /);
  });

  it('a thread with a garbled font fails alone; the other thread is built', () => {
    writeFileSync(path.join(dir, 'bad.yaml'), 'title: t\nauthor: {name: A}\ntheme:\n  font: ./garbled-glyf.woff\nposts: [hi]\n');
    writeFileSync(path.join(dir, 'good.yaml'), 'title: t\nauthor: {name: A}\ntheme:\n  font: ./inter.woff\nposts: [hi]\n');
    const out = path.join(dir, 'out');
    const r = runCli(['build', path.join(dir, 'bad.yaml'), path.join(dir, 'good.yaml'), '--out', out, '--format', 'png']);
    expect(r.code).toBe(1);
    expect(r.stdout + r.stderr).toMatch(/bad\.yaml:4:9 theme\.font: font "\.\/garbled-glyf\.woff" is damaged: drawing text with it failed/);
    expect(existsSync(path.join(out, 'bad'))).toBe(false);
    expect(existsSync(path.join(out, 'good', 'good-01.png'))).toBe(true);
  });
});
