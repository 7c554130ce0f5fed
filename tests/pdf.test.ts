// The PDF as a reader sees it: words extracted in order (poppler), fonts embedded as subsets,
// clickable links where the link text is, a bookmark per post, page labels, metadata.
import { describe, expect, it } from 'vitest';
import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { PDFArray, PDFDict, PDFDocument, PDFHexString, PDFName, PDFString, type PDFRef } from 'pdf-lib';
import { layoutThread, loadThread, renderThread } from '../src/index.ts';
import { postBlocks } from '../src/layout/post-blocks.ts';
import { blocksText } from '../src/model/index.ts';
import { tempDir } from './helpers.ts';
import { expectWordsInOrder, words } from './pdf-words.ts';

async function pdfOf(file: string): Promise<{ bytes: Uint8Array; path: string }> {
  const out = await renderThread(await loadThread(file), { formats: ['pdf'] });
  const p = path.join(tempDir(), 'deck.pdf');
  writeFileSync(p, out.pdf!);
  return { bytes: out.pdf!, path: p };
}

describe('PDF text (vector pages)', () => {
  it('pdftotext extracts every word of the source thread, in order', async () => {
    const thread = await loadThread('threads/devops-sre-platform-engineering.yaml');
    const { path: file } = await pdfOf('threads/devops-sre-platform-engineering.yaml');
    const text = execFileSync('pdftotext', [file, '-'], { encoding: 'utf8' });
    expectWordsInOrder(text, thread.posts.flatMap((p) => words(blocksText(postBlocks(p)))));
  });

  it('…and of a long multilingual thread (CJK, Cyrillic, Greek, Vietnamese, code, split posts), page by page', async () => {
    const deck = await layoutThread(await loadThread('tests/fixtures/threads/hard.json'));
    const { path: file } = await pdfOf('tests/fixtures/threads/hard.json');
    deck.cards.forEach((card, i) => {
      if (card.kind !== 'post') return;
      const text = execFileSync('pdftotext', ['-f', String(i + 1), '-l', String(i + 1), file, '-'], { encoding: 'utf8' });
      expectWordsInOrder(text, words(blocksText(card.blocks)));
    });
    const all = execFileSync('pdftotext', [file, '-'], { encoding: 'utf8' }).replace(/\s+/g, ' ');
    expect(all).toContain('中文也要能排版');
    expect(all).toContain('Ελληνικά γράμματα');
    expect(all).toContain('Tiếng Việt');
  });

  it('pdffonts: every font embedded, subset, with a Unicode map', async () => {
    const { path: file } = await pdfOf('tests/fixtures/threads/hard.json');
    const lines = execFileSync('pdffonts', [file], { encoding: 'utf8' }).trim().split('\n').slice(2);
    expect(lines.length).toBeGreaterThan(3);
    for (const line of lines) {
      const cols = line.trim().split(/\s+/);
      const [emb, sub, uni] = cols.slice(-5, -2);
      expect([line, emb, sub, uni]).toEqual([line, 'yes', 'yes', 'yes']);
      expect(cols[0]).toMatch(/^[A-Z]{6}\+/);
    }
  });
});

describe('PDF links, outline, labels, metadata', async () => {
  const { bytes } = await pdfOf('tests/fixtures/threads/showcase.yaml');
  const pdf = await PDFDocument.load(bytes, { updateMetadata: false });
  const deck = await layoutThread(await loadThread('tests/fixtures/threads/showcase.yaml'));

  it('link annotations with the right URIs, over the link text', () => {
    const found: Array<{ page: number; uri: string; rect: number[] }> = [];
    pdf.getPages().forEach((page, i) => {
      const annots = page.node.Annots();
      if (!annots) return;
      for (let k = 0; k < annots.size(); k++) {
        const a = pdf.context.lookup(annots.get(k), PDFDict);
        const action = a.lookup(PDFName.of('A'), PDFDict);
        const uri = action.lookup(PDFName.of('URI'), PDFString).decodeText();
        const rect = a.lookup(PDFName.of('Rect'), PDFArray).asArray().map((n) => Number(n.toString()));
        found.push({ page: i + 1, uri, rect });
      }
    });
    // Post 1 mentions @iximiuz; the outro links to the thread's source (two lines of link text).
    const mention = found.find((f) => f.uri === 'https://x.com/iximiuz');
    expect(mention?.page).toBe(2);
    const source = found.filter((f) => f.uri === 'https://example.com/maya/calm-on-call');
    expect(source.map((f) => f.page)).toEqual([5, 5]);
    for (const f of found) {
      const [x1, y1, x2, y2] = f.rect as [number, number, number, number];
      expect(x2 - x1).toBeGreaterThan(50);
      expect(y2 - y1).toBeGreaterThan(20);
      expect(x1).toBeGreaterThanOrEqual(0);
      expect(y2).toBeLessThanOrEqual(1350);
    }
    // The mention's box sits on the body's text lines, not on the header or footer.
    const [, y1, , y2] = mention!.rect as [number, number, number, number];
    expect(y1).toBeGreaterThan(200);
    expect(y2).toBeLessThan(1350 - 228);
  });

  it('an outline with the cover, a bookmark per post (its first words) and the end', () => {
    const outlines = pdf.catalog.lookup(PDFName.of('Outlines'), PDFDict);
    const titles: string[] = [];
    let ref = outlines.get(PDFName.of('First')) as PDFRef | undefined;
    while (ref) {
      const item = pdf.context.lookup(ref, PDFDict);
      titles.push(item.lookup(PDFName.of('Title'), PDFHexString).decodeText());
      ref = item.get(PDFName.of('Next')) as PDFRef | undefined;
    }
    expect(titles).toEqual([
      'Cover — Five habits of calm on-call teams',
      '1. Runbooks first. Every alert links to a runbook, and every…',
      '2. Review every page within a week. Delete the alerts nobody…',
      '3. Hand over with a written note, not a hallway chat.',
      'End',
    ]);
  });

  it('page labels match the cards, and metadata is set without timestamps', () => {
    const labels = pdf.catalog.lookup(PDFName.of('PageLabels'), PDFDict).lookup(PDFName.of('Nums'), PDFArray).asArray();
    const texts = labels.filter((_, i) => i % 2 === 1).map((d) => (pdf.context.lookup(d, PDFDict).lookup(PDFName.of('P'), PDFHexString)).decodeText());
    expect(texts).toEqual(['Cover', '1', '2', '3', 'End']);
    expect(deck.cards).toHaveLength(5);
    expect(pdf.getTitle()).toBe('Five habits of calm on-call teams');
    expect(pdf.getAuthor()).toBe('Maya Okafor (@mayaships)');
    expect(pdf.getSubject()).toBe('Five habits of calm on-call teams — https://example.com/maya/calm-on-call');
    expect(pdf.getKeywords()).toBe('thread @mayaships sre');
    expect(pdf.getCreator()).toBe('threadeck');
    expect(pdf.getCreationDate()).toBeUndefined();
  });
});
