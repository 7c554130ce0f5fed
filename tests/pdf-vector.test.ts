// The vector PDF and the handout as a reader checks them: pages that look like the PNGs (poppler
// rasterizes each page at the card's pixel size), drawn as vectors with real text (no page-sized
// images), small, deterministic; elements with no vector form drawn as images and reported; the
// handout's paper, cards per page, text and page numbers.
import { describe, expect, it } from 'vitest';
import { execFileSync } from 'node:child_process';
import { readFileSync, readdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { PDFDict, PDFDocument, PDFName } from 'pdf-lib';
import { loadThread, renderThread } from '../src/index.ts';
import { cardVector } from '../src/render/card-layout.ts';
import { deckToHandout } from '../src/export/handout/handout.ts';
import { postBlocks } from '../src/layout/post-blocks.ts';
import { blocksText } from '../src/model/index.ts';
import { meanAbsDiff, runCli, tempDir } from './helpers.ts';
import { expectWordsInOrder, words } from './pdf-words.ts';

/** Mean absolute difference per channel, 0–255, that a PDF page may differ from its PNG by (anti-aliasing of poppler vs resvg). */
const AGREEMENT = 4;

function writeTemp(bytes: Uint8Array, name: string): string {
  const file = path.join(tempDir(), name);
  writeFileSync(file, bytes);
  return file;
}

/** Every page of `pdf` rasterized by poppler at 72 dpi (1 pt = 1 px), as PNG bytes. */
function rasterizePages(pdf: string): Uint8Array[] {
  const dir = tempDir();
  execFileSync('pdftoppm', ['-png', '-r', '72', pdf, path.join(dir, 'page')]);
  return readdirSync(dir).filter((f) => f.endsWith('.png')).sort().map((f) => readFileSync(path.join(dir, f)));
}

/** `pdfimages -list` rows (soft masks left out): where each image is drawn, its size and its object. */
function images(pdf: string): Array<{ page: number; width: number; height: number; object: string }> {
  const out = execFileSync('pdfimages', ['-list', pdf], { encoding: 'utf8' }).trim().split('\n').slice(2);
  return out
    .map((line) => line.trim().split(/\s+/))
    .filter((c) => c[2] === 'image')
    .map((c) => ({ page: Number(c[0]), width: Number(c[3]), height: Number(c[4]), object: `${c[10]} ${c[11]}` }));
}


describe('vector PDF', () => {
  it.each(['default', 'dark', 'bold', 'editorial', 'post'])('%s: every page matches its PNG (mean abs diff ≤ 4/255), photos and avatars included', async (template) => {
    for (const file of ['tests/fixtures/threads/showcase.yaml', 'tests/fixtures/threads/with-images.yaml']) {
      const out = await renderThread(await loadThread(file), { formats: ['png', 'pdf'], template });
      const pages = rasterizePages(writeTemp(out.pdf!, 'deck.pdf'));
      expect(pages).toHaveLength(out.pngs.length);
      pages.forEach((page, i) => {
        const diff = meanAbsDiff(page, out.pngs[i]!);
        expect(diff, `${template} ${file} page ${i + 1}`).toBeLessThanOrEqual(AGREEMENT);
      });
      expect(out.deck.warnings.filter((w) => w.rule.startsWith('pdf'))).toEqual([]);
    }
  });

  it('the source thread: vectors and real text (no images at all), ≤ 10% of the PNGs’ bytes, same bytes twice', async () => {
    const thread = await loadThread('threads/devops-sre-platform-engineering.yaml');
    const out = await renderThread(thread, { formats: ['png', 'pdf'] });
    const file = writeTemp(out.pdf!, 'deck.pdf');
    expect(images(file)).toEqual([]);
    const pngBytes = out.pngs.reduce((n, p) => n + p.byteLength, 0);
    expect(out.pdf!.byteLength).toBeLessThanOrEqual(pngBytes * 0.1);
    // Visible text (not an invisible layer): every word extracts, in order.
    expectWordsInOrder(execFileSync('pdftotext', [file, '-'], { encoding: 'utf8' }), thread.posts.flatMap((p) => words(blocksText(postBlocks(p)))));
    const again = await renderThread(thread, { formats: ['pdf'] });
    expect(Buffer.from(again.pdf!).equals(Buffer.from(out.pdf!))).toBe(true);
  });

  it('emoji are text too: copied and searched where their pictures are (ActualText), and the pages still match the PNGs', async () => {
    const dir = tempDir();
    const file = path.join(dir, 'emoji.yaml');
    writeFileSync(file, 'title: Emoji\nauthor: { name: Emo Ji }\nposts:\n  - "Ship it 🚀 now"\n  - "👩‍💻 coding with 👍🏽 and 🇯🇵 flags"\n');
    const out = await renderThread(await loadThread(file), { formats: ['png', 'pdf'] });
    const pdf = writeTemp(out.pdf!, 'emoji.pdf');
    const text = execFileSync('pdftotext', [pdf, '-'], { encoding: 'utf8' });
    expectWordsInOrder(text, ['Ship', 'it', '🚀', 'now']);
    for (const emoji of ['👩‍💻', '👍🏽', '🇯🇵']) expect(text).toContain(emoji);
    expect(text.indexOf('👩‍💻')).toBeLessThan(text.indexOf('coding'));
    rasterizePages(pdf).forEach((page, i) => expect(meanAbsDiff(page, out.pngs[i]!), `page ${i + 1}`).toBeLessThanOrEqual(AGREEMENT));
  });

  it('photos and avatars are embedded once per document, never a whole page', async () => {
    const out = await renderThread(await loadThread('tests/fixtures/threads/with-images.yaml'), { formats: ['pdf'] });
    const list = images(writeTemp(out.pdf!, 'deck.pdf'));
    expect(list.length).toBeGreaterThan(0);
    for (const img of list) expect(img.width < 1080 || img.height < 1350).toBe(true);
    // The avatar is on every card but stored once: fewer image objects than cards × images per card.
    const pdf = await PDFDocument.load(out.pdf!);
    const xobjects = new Set<string>();
    for (const page of pdf.getPages()) {
      const dict = page.node.Resources()?.lookupMaybe(PDFName.of('XObject'), PDFDict);
      for (const [, ref] of dict?.entries() ?? []) xobjects.add(ref.toString());
    }
    expect(xobjects.size).toBeLessThan(out.deck.cards.length);
  });

  it('--pdf raster: every page the card’s pixels, still searchable', async () => {
    const thread = await loadThread('threads/devops-sre-platform-engineering.yaml');
    const out = await renderThread(thread, { formats: ['pdf'], pdf: 'raster' });
    const file = writeTemp(out.pdf!, 'raster.pdf');
    const list = images(file);
    expect(list).toHaveLength(11);
    expect(list.every((i) => i.width === 1080 && i.height === 1350)).toBe(true);
    expectWordsInOrder(execFileSync('pdftotext', [file, '-'], { encoding: 'utf8' }), thread.posts.flatMap((p) => words(blocksText(postBlocks(p)))));
  });

  it('an element with no vector form (a blurred shadow) is drawn as an image, reported in --json; the rest stays vector', async () => {
    const out = tempDir();
    const r = runCli(['build', 'tests/fixtures/threads/good.yaml', '--template', 'tests/fixtures/templates/blurred-shadow.tsx', '--format', 'png,pdf', '--out', out, '--json']);
    expect(r.code, r.stderr).toBe(0);
    const report = JSON.parse(r.stdout);
    const warnings = report.threads[0].warnings.filter((w: { rule: string }) => w.rule === 'pdf-raster-fallback');
    expect(warnings.length).toBeGreaterThan(0);
    expect(warnings[0].message).toMatch(/blurred shadow.*drawn as an image/);
    const pdfFile = report.threads[0].files.find((f: { kind: string }) => f.kind === 'pdf').path;
    const pngFiles = report.threads[0].files.filter((f: { kind: string }) => f.kind === 'png').map((f: { path: string }) => f.path);
    // Only the shadow became an image: small, one per page, and the pages still match.
    const list = images(pdfFile);
    expect(list.length).toBeGreaterThanOrEqual(pngFiles.length);
    for (const img of list) expect(img.width * img.height).toBeLessThan(400 * 200 * 4);
    rasterizePages(pdfFile).forEach((page, i) => expect(meanAbsDiff(page, readFileSync(pngFiles[i]))).toBeLessThanOrEqual(AGREEMENT));
    const text = execFileSync('pdftotext', [pdfFile, '-'], { encoding: 'utf8' });
    expect(text).toContain('Swipe');
    // The shadowed label is an image now, with its text kept (invisible) over it.
    expect(text.match(/Featured/g)?.length).toBe(pngFiles.length);
  });
});

describe('handout', () => {
  const pageSize = (info: string) => info.match(/Page size:\s+([\d.]+) x ([\d.]+)/)!.slice(1).map(Number);

  it.each([
    ['a4', 3, [595.28, 841.89]],
    ['letter', 6, [612, 792]],
    ['a4', 1, [595.28, 841.89]],
  ] as const)('%s, %i per page: paper size, pages, every word of every post in order, page numbers, text inside the margins', async (paper, perPage, size) => {
    const thread = await loadThread('threads/devops-sre-platform-engineering.yaml');
    const out = await renderThread(thread, { formats: ['handout'], handout: { paper, perPage } });
    const file = writeTemp(out.handout!.bytes, 'handout.pdf');
    const info = execFileSync('pdfinfo', [file], { encoding: 'utf8' });
    expect(pageSize(info)).toEqual(size);
    const pages = Number(info.match(/Pages:\s+(\d+)/)![1]);
    expect(pages).toBe(out.handout!.pages);
    // Nine short posts: exactly ceil(9 / perPage) pages (none needs a continuation).
    expect(pages).toBe(Math.ceil(9 / perPage));
    const text = execFileSync('pdftotext', [file, '-'], { encoding: 'utf8' });
    expect(text).toContain(thread.title);
    // Each post's words in order (the cards' own text is real text too, so the page has it twice).
    for (const post of thread.posts) expectWordsInOrder(text, words(blocksText(postBlocks(post))));
    for (let p = 1; p <= pages; p++) {
      const pageText = execFileSync('pdftotext', ['-f', String(p), '-l', String(p), file, '-'], { encoding: 'utf8' });
      expect(pageText).toMatch(new RegExp(`(^|\\n)${p}\\s*/\\s*${pages}\\s*(\\n|$)`));
    }
    // Word boxes (pdftotext -bbox): inside 15 mm margins, page numbers in the bottom margin.
    const bbox = execFileSync('pdftotext', ['-bbox', file, '-'], { encoding: 'utf8' });
    for (const m of bbox.matchAll(/xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)"/g)) {
      const [x0, y0, x1, y1] = m.slice(1).map(Number) as [number, number, number, number];
      expect(x0).toBeGreaterThanOrEqual(42);
      expect(x1).toBeLessThanOrEqual(size[0] - 42);
      expect(y0).toBeGreaterThanOrEqual(42);
      expect(y1).toBeLessThanOrEqual(size[1] - 10);
    }
  });

  it('cards per page as vector forms, links clickable (thread source, @mentions), a bookmark per post', async () => {
    const out = await renderThread(await loadThread('tests/fixtures/threads/showcase.yaml'), { formats: ['handout'], handout: { paper: 'a4', perPage: 2 } });
    const pdf = await PDFDocument.load(out.handout!.bytes);
    const pages = pdf.getPages();
    expect(pages).toHaveLength(2);
    const forms = pages.map((page) => [...(page.node.Resources()?.lookupMaybe(PDFName.of('XObject'), PDFDict)?.entries() ?? [])].length);
    expect(forms).toEqual([2, 1]);
    const file = writeTemp(out.handout!.bytes, 'handout.pdf');
    expect(new Set(images(file).map((i) => i.object)).size).toBe(1); // the avatar photo, stored once
    const uris = pages.flatMap((page) =>
      (page.node.Annots()?.asArray() ?? []).map((ref) => {
        const a = pdf.context.lookup(ref, PDFDict);
        return String(a.lookup(PDFName.of('A'), PDFDict).get(PDFName.of('URI')));
      }),
    );
    expect(uris.some((u) => u.includes('https://example.com/maya/calm-on-call'))).toBe(true);
    expect(uris.some((u) => u.includes('https://x.com/iximiuz'))).toBe(true);
    expect(out.handout!.pages).toBe(2);
    const outline = pdf.catalog.lookup(PDFName.of('Outlines'), PDFDict);
    expect(Number(String(outline.get(PDFName.of('Count'))))).toBe(5);
  });

  it('a post too long for its cell continues in the next cell: no text is cut', async () => {
    const thread = await loadThread('tests/fixtures/threads/hard.json');
    const out = await renderThread(thread, { formats: ['handout'], handout: { paper: 'letter', perPage: 6 } });
    const text = execFileSync('pdftotext', [writeTemp(out.handout!.bytes, 'h.pdf'), '-'], { encoding: 'utf8' });
    for (const card of out.deck.cards.filter((c) => c.kind === 'post')) expectWordsInOrder(text, words(blocksText(card.blocks)));
    // …and that happened because some cells did continue (the hard thread's dense cards do at 6 per page).
    const deck = out.deck;
    const pages = await Promise.all(deck.cards.map(async (card) => ({ ...deck.size, ...(await cardVector(deck, card)) })));
    const direct = await deckToHandout(deck, pages, { paper: 'letter', perPage: 6 });
    expect(direct.continued).toBeGreaterThan(0);
    expect(Buffer.from(direct.bytes).equals(Buffer.from(out.handout!.bytes))).toBe(true);
  });
});
