import { describe, expect, it } from 'vitest';
import { PDFDocument } from 'pdf-lib';
import { loadThread, layoutThread, renderThread, getTemplate } from '../src/index.ts';
import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { decodePng, diffPngs, GOLDEN_TOLERANCE, matchGolden, meanAbsDiff, tempDir } from './helpers.ts';

const PNG_SIGNATURE = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];

describe('layout', () => {
  it('numbers every card n/N in post order and marks the last', async () => {
    const thread = await loadThread('threads/devops-sre-platform-engineering.yaml');
    const deck = await layoutThread(thread);
    expect(deck.cards.map((c) => c.kind)).toEqual(['cover', ...Array(9).fill('post'), 'outro']);
    expect(deck.cards.filter((c) => c.kind === 'post').map((c) => c.label)).toEqual(['1/9', '2/9', '3/9', '4/9', '5/9', '6/9', '7/9', '8/9', '9/9']);
    expect(deck.cards.map((c) => c.isLast)).toEqual([...Array(10).fill(false), true]);
    expect(deck.size).toEqual({ width: 1080, height: 1350 });
  });

  it('auto-fits: short posts get larger text than long ones, all within the template range', async () => {
    const thread = await loadThread('threads/devops-sre-platform-engineering.yaml');
    const deck = await layoutThread(thread);
    const { max, min } = getTemplate('default').bodySize;
    for (const card of deck.cards) {
      expect(card.fontSize).toBeGreaterThanOrEqual(min);
      expect(card.fontSize).toBeLessThanOrEqual(max);
    }
    const posts = deck.cards.filter((c) => c.kind === 'post');
    const short = posts[3]!; // one sentence
    const long = posts[4]!; // three paragraphs
    expect(short.fontSize).toBe(max);
    expect(long.fontSize).toBeLessThan(short.fontSize);
    expect(deck.warnings).toEqual([]);
  });

  it('splits a post too long for one card over several cards that keep its number', async () => {
    const thread = await loadThread('threads/devops-sre-platform-engineering.yaml');
    const long = { ...thread.posts[0]!, text: Array(6).fill(thread.posts[0]!.text).join('\n\n') };
    const deck = await layoutThread({ ...thread, posts: [long, thread.posts[1]!] });
    const parts = deck.cards.filter((c) => c.number === 1);
    expect(parts.length).toBeGreaterThan(1);
    expect(parts.map((c) => c.part)).toEqual(parts.map((_, i) => ({ index: i + 1, count: parts.length })));
    expect(parts.every((c) => c.label === '1/2')).toBe(true);
    expect(deck.cards.filter((c) => c.kind === 'post').at(-1)!.label).toBe('2/2');
    // Balanced: one size for all parts, at or above the minimum.
    expect(new Set(parts.map((c) => c.fontSize)).size).toBe(1);
    expect(parts[0]!.fontSize).toBeGreaterThanOrEqual(getTemplate('default').bodySize.min);
    expect(deck.warnings).toEqual([]);
  });
});

describe('PNG and PDF export', () => {
  it('renders the source thread to eleven 1080×1350 PNGs (cover, 9 posts, outro) and a PDF page per card', async () => {
    const thread = await loadThread('threads/devops-sre-platform-engineering.yaml');
    const out = await renderThread(thread, { formats: ['png', 'pdf'] });
    expect(out.pngs).toHaveLength(11);
    for (const png of out.pngs) {
      expect([...png.subarray(0, 8)]).toEqual(PNG_SIGNATURE);
      const img = decodePng(png);
      expect([img.width, img.height]).toEqual([1080, 1350]);
    }
    const pdf = await PDFDocument.load(out.pdf!, { updateMetadata: false });
    expect(pdf.getPageCount()).toBe(11);
    for (const page of pdf.getPages()) expect(page.getSize()).toEqual({ width: 1080, height: 1350 });
    expect(pdf.getTitle()).toBe('DevOps, SRE, and Platform Engineering');
    expect(pdf.getAuthor()).toBe('Ivan Velichko (@iximiuz)');
    expect(pdf.getCreationDate()).toBeUndefined();
    expect(Buffer.from(out.pdf!).toString('latin1')).not.toMatch(/CreationDate|ModDate/);
  });

  it('each PDF page, rasterized by poppler at 72 dpi, matches its PNG (mean abs diff ≤ 4/255)', async () => {
    const out = await renderThread(await loadThread('tests/fixtures/threads/with-images.yaml'), { formats: ['png', 'pdf'] });
    const dir = tempDir();
    const pdfFile = path.join(dir, 'deck.pdf');
    writeFileSync(pdfFile, out.pdf!);
    execFileSync('pdftoppm', ['-png', '-r', '72', pdfFile, path.join(dir, 'page')]);
    out.pngs.forEach((png, i) => {
      const page = readFileSync(path.join(dir, `page-${i + 1}.png`));
      expect(meanAbsDiff(page, png)).toBeLessThanOrEqual(4);
    });
    // …and the comparison would notice the wrong page.
    expect(meanAbsDiff(readFileSync(path.join(dir, 'page-2.png')), out.pngs[0]!)).toBeGreaterThan(4);
    expect(out.pngs).toHaveLength(4);
  });

  it('gives the same bytes for the same input', async () => {
    const thread = await loadThread('tests/fixtures/threads/good.yaml');
    const a = await renderThread(thread, { formats: ['png', 'pdf', 'svg'] });
    const b = await renderThread(thread, { formats: ['png', 'pdf', 'svg'] });
    expect(Buffer.compare(Buffer.from(a.pdf!), Buffer.from(b.pdf!))).toBe(0);
    a.pngs.forEach((png, i) => expect(Buffer.compare(Buffer.from(png), Buffer.from(b.pngs[i]!))).toBe(0));
    expect(a.svgs).toEqual(b.svgs);
  });
});

describe('default template, golden images', () => {
  it('matches the golden cards (≤ 0.5% of pixels may differ)', async () => {
    const plain = await renderThread(await loadThread('tests/fixtures/threads/good.yaml'), { formats: ['png'] });
    const pictures = await renderThread(await loadThread('tests/fixtures/threads/with-images.yaml'), { formats: ['png'] });
    const cases: Array<[string, Uint8Array]> = [
      ['default-cover', plain.pngs[0]!],
      ['default-paragraphs', plain.pngs[2]!],
      ['default-avatar-image', pictures.pngs[1]!],
      ['default-last-post', pictures.pngs[2]!],
      ['default-outro', pictures.pngs[3]!],
    ];
    for (const [name, png] of cases) {
      const diff = matchGolden(name, png);
      expect(diff.ratio, `${name}: ${diff.differentPixels} pixels differ`).toBeLessThanOrEqual(GOLDEN_TOLERANCE);
    }
  });

  it('the comparison notices a different card (the golden test can fail)', async () => {
    const plain = await renderThread(await loadThread('tests/fixtures/threads/good.yaml'), { formats: ['png'] });
    // Cards 1 and 3 differ only in text, badge and progress bar: still well over the tolerance.
    expect(diffPngs(plain.pngs[0]!, plain.pngs[2]!).ratio).toBeGreaterThan(GOLDEN_TOLERANCE);
  });
});
