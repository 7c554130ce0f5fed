// The PPTX in a real office suite: LibreOffice Impress (`soffice --headless --convert-to pdf`,
// Debian's libreoffice-impress, installed by .ci/run) opens it and prints it. The bundled fonts are
// given to it through a private fontconfig file (as TTF, from the deck's own faces), as a user
// would install them. Then: pdftotext finds every word of the thread in order (the text is text),
// and each page, rasterized at the card's size, is compared with the card's PNG.
//
// Tolerance: the mean of 8×8-pixel block averages may differ by at most 8/255 per channel (the
// vector PDF is held to 4/255 per pixel). LibreOffice shapes and rasterizes the text itself, with
// its own hinting and anti-aliasing, so glyph edges move by a pixel or so and strokes differ in
// weight: per pixel that is 1–7/255 on the example threads, per 8×8 block 0.8–5.1/255 (measured).
// A text box in the wrong place, in a fallback font or wrapped onto another line costs more: set in
// DejaVu Sans (no fonts given), the source thread's pages differ by 6.4–17.8/255 per block (9 of 11 over).
import { beforeAll, describe, expect, it } from 'vitest';
import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { PNG } from 'pngjs';
import { loadThread, renderThread } from '../src/index.ts';
import { toSfnt } from '../src/assets/sfnt.ts';
import { postBlocks } from '../src/layout/post-blocks.ts';
import { blocksText, type Thread } from '../src/model/index.ts';
import type { RenderedThread } from '../src/pipeline.ts';
import { tempDir } from './helpers.ts';
import { expectWordsInOrder, words } from './pdf-words.ts';

const THREADS = ['threads/devops-sre-platform-engineering.yaml', 'threads/postmortem-checklist.json', 'threads/small-prs-ship-faster.yaml'];
const BLOCK = 8;
const TOLERANCE = 8;

function hasSoffice(): boolean {
  try {
    execFileSync('soffice', ['--version'], { stdio: 'ignore', timeout: 60_000 });
    return true;
  } catch {
    return false;
  }
}

interface Converted {
  thread: Thread;
  rendered: RenderedThread;
  pdf: string;
  pages: string[];
}
const converted: Converted[] = [];

beforeAll(async () => {
  if (!hasSoffice()) throw new Error('soffice is missing: apt-get install -y libreoffice-impress (.ci/run does it)');
  const dir = tempDir('threadeck-pptx-');
  const fonts = path.join(dir, 'fonts');
  mkdirSync(fonts, { recursive: true });
  const decks: Array<{ thread: Thread; rendered: RenderedThread; file: string }> = [];
  for (const input of THREADS) {
    const thread = await loadThread(input);
    const rendered = await renderThread(thread, { formats: ['pptx', 'png'] });
    // The faces the cards use, as an office suite's user would install them.
    for (const face of rendered.deck.assets.fonts) writeFileSync(path.join(fonts, `${face.name.replace(/\W+/g, '_')}-${face.weight}-${face.style}.ttf`), toSfnt(face.data));
    const file = path.join(dir, `${thread.slug}.pptx`);
    writeFileSync(file, rendered.pptx!.bytes);
    decks.push({ thread, rendered, file });
  }
  const conf = path.join(dir, 'fonts.conf');
  writeFileSync(conf, `<?xml version="1.0"?><!DOCTYPE fontconfig SYSTEM "fonts.dtd"><fontconfig><dir>${fonts}</dir><include ignore_missing="yes">/etc/fonts/fonts.conf</include><cachedir>${path.join(dir, 'fc-cache')}</cachedir></fontconfig>`);
  // A profile of its own: no clash with a LibreOffice already running, nothing left in $HOME.
  execFileSync('soffice', [`-env:UserInstallation=file://${path.join(dir, 'profile')}`, '--headless', '--convert-to', 'pdf', '--outdir', path.join(dir, 'pdf'), ...decks.map((d) => d.file)], {
    env: { ...process.env, FONTCONFIG_FILE: conf, HOME: dir },
    stdio: 'pipe',
    timeout: 240_000,
  });
  for (const d of decks) {
    const pdf = path.join(dir, 'pdf', `${d.thread.slug}.pdf`);
    const prefix = path.join(dir, 'pages', d.thread.slug);
    mkdirSync(path.dirname(prefix), { recursive: true });
    execFileSync('pdftoppm', ['-png', '-r', '96', pdf, prefix]);
    const pages = readdirSync(path.dirname(prefix)).filter((f) => f.startsWith(`${d.thread.slug}-`)).sort().map((f) => path.join(path.dirname(prefix), f));
    converted.push({ thread: d.thread, rendered: d.rendered, pdf, pages });
  }
}, 300_000);

/** Mean absolute difference per channel of 8×8 block averages, over the rows both images have (LibreOffice rounds the page to 1351 px). */
function blockDiff(a: PNG, b: PNG): number {
  const w = Math.floor(a.width / BLOCK);
  const h = Math.floor(Math.min(a.height, b.height) / BLOCK);
  let sum = 0;
  for (let by = 0; by < h; by++)
    for (let bx = 0; bx < w; bx++)
      for (let c = 0; c < 3; c++) {
        let sa = 0;
        let sb = 0;
        for (let y = by * BLOCK; y < (by + 1) * BLOCK; y++)
          for (let x = bx * BLOCK; x < (bx + 1) * BLOCK; x++) {
            sa += a.data[(y * a.width + x) * 4 + c]!;
            sb += b.data[(y * b.width + x) * 4 + c]!;
          }
        sum += Math.abs(sa - sb) / (BLOCK * BLOCK);
      }
  return sum / (w * h * 3);
}

describe('the PPTX in LibreOffice', () => {
  it('opens with a page per card, at the card size', () => {
    for (const c of converted) {
      expect(c.pages).toHaveLength(c.rendered.deck.cards.length);
      const info = execFileSync('pdfinfo', [c.pdf], { encoding: 'utf8' });
      expect(info).toMatch(/Page size:\s+810 x 1012\.\d+ pts/);
    }
  });

  it('has every word of every post as text, in order (pdftotext), in the cards\' own fonts', () => {
    for (const c of converted) {
      const text = execFileSync('pdftotext', [c.pdf, '-'], { encoding: 'utf8' });
      expectWordsInOrder(text, c.thread.posts.flatMap((p) => words(blocksText(postBlocks(p)))));
      const fonts = execFileSync('pdffonts', [c.pdf], { encoding: 'utf8' });
      // Only the faces the cards use (DejaVu Sans is the bundled symbol font): no substitute.
      const used = [...fonts.matchAll(/^[A-Z]{6}\+([^-\s]+)/gm)].map((m) => m[1]!);
      const bundled = new Set(c.rendered.deck.assets.fonts.map((f) => f.name.replace(/\W/g, '')));
      expect(used.length).toBeGreaterThan(0);
      expect(used.filter((f) => !bundled.has(f))).toEqual([]);
    }
  });

  it(`looks like the PNG cards: each page within ${TOLERANCE}/255 per channel, in ${BLOCK}×${BLOCK} blocks`, () => {
    const worst: string[] = [];
    for (const c of converted) {
      c.pages.forEach((page, i) => {
        const d = blockDiff(PNG.sync.read(Buffer.from(c.rendered.pngs[i]!)), PNG.sync.read(readFileSync(page)));
        if (d > TOLERANCE) worst.push(`${c.thread.slug} card ${i + 1}: ${d.toFixed(2)}`);
      });
    }
    expect(worst).toEqual([]);
  });
});
