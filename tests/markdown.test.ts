import { describe, expect, it } from 'vitest';
import { parsePostText, shortenUrl } from '../src/text/markdown.ts';
import { breakOffsets, cutBlock } from '../src/text/cut.ts';
import { splitBlocks } from '../src/layout/split.ts';
import { blocksText, type Block } from '../src/model/index.ts';

describe('post Markdown → rich blocks', () => {
  it('keeps paragraphs and single line breaks', () => {
    const blocks = parsePostText('First line\nsecond line\n\nNew paragraph.');
    expect(blocks).toEqual([
      { kind: 'paragraph', spans: [{ text: 'First line\nsecond line' }] },
      { kind: 'paragraph', spans: [{ text: 'New paragraph.' }] },
    ]);
  });

  it('styles bold, italic, code, strikethrough and links; shortens bare URLs', () => {
    const [p] = parsePostText('**bold** _it_ `x()` ~~old~~ [docs](https://example.com/docs) https://www.example.com/a/very/long/path/that/goes/on/and/on');
    expect(p).toEqual({
      kind: 'paragraph',
      spans: [
        { text: 'bold', bold: true },
        { text: ' ' },
        { text: 'it', italic: true },
        { text: ' ' },
        { text: 'x()', mono: true },
        { text: ' ' },
        { text: 'old', strike: true },
        { text: ' ' },
        { text: 'docs', href: 'https://example.com/docs', accent: 'link' },
        { text: ' ' },
        { text: 'example.com/a/very/long/path/th…', href: 'https://www.example.com/a/very/long/path/that/goes/on/and/on', accent: 'link' },
      ],
    });
  });

  it('marks @mentions and #hashtags, not e-mail addresses or "#1"', () => {
    const [p] = parsePostText('Thanks @iximiuz! #DevOps is #1, mail me@example.com');
    const accents = p!.kind === 'paragraph' ? p!.spans.filter((s) => s.accent && s.accent !== 'link').map((s) => [s.text, s.accent]) : [];
    expect(accents).toEqual([
      ['@iximiuz', 'mention'],
      ['#DevOps', 'hashtag'],
    ]);
  });

  it('folds Unicode pseudo-bold into bold spans', () => {
    const [p] = parsePostText('𝗪𝗵𝗮𝘁 matters');
    expect(p).toEqual({ kind: 'paragraph', spans: [{ text: 'What', bold: true }, { text: ' matters' }] });
  });

  it('parses bullet, numbered and nested lists, block quotes and code', () => {
    const blocks = parsePostText('3. three\n4. four\n\n- a\n  - b\n\n> quoted\n\n```js\nconst x = 1; // one\n```');
    expect(blocks.map((b) => b.kind)).toEqual(['list', 'list', 'quote', 'code']);
    const [ol, ul, , code] = blocks as [Extract<Block, { kind: 'list' }>, Extract<Block, { kind: 'list' }>, Block, Extract<Block, { kind: 'code' }>];
    expect(ol.items.map((i) => i.marker)).toEqual(['3.', '4.']);
    expect(ul.items.map((i) => [i.marker, i.depth])).toEqual([
      ['•', 0],
      ['•', 1],
    ]);
    expect(code.lang).toBe('js');
    const colours = new Set(code.lines[0]!.map((s) => s.color));
    expect(colours.size).toBeGreaterThan(2); // keyword, number, comment… highlighted
    expect(code.lines[0]!.map((s) => s.text).join('')).toBe('const x = 1; // one');
  });

  it('shortens URLs sensibly', () => {
    expect(shortenUrl('https://iximiuz.com/en/posts/')).toBe('iximiuz.com/en/posts');
    expect(shortenUrl('https://example.com/' + 'x'.repeat(80))).toHaveLength(32);
  });
});

describe('cutting and splitting', () => {
  const para = (text: string): Block => ({ kind: 'paragraph', spans: [{ text }] });

  it('offers sentence and word boundaries, never inside a word', () => {
    const b = para('One two. Three four.');
    expect(breakOffsets(b, 'sentence')).toEqual([9]);
    expect(breakOffsets(b, 'word')).toEqual([3, 4, 7, 8, 9, 14, 15, 19]); // word edges only
    const [a, c] = cutBlock(b, 9);
    expect(blocksText([a!])).toBe('One two.');
    expect(blocksText([c!])).toBe('Three four.');
  });

  it('a list cut mid-item continues without repeating the marker', () => {
    const list: Block = { kind: 'list', ordered: true, items: [{ marker: '1.', depth: 0, spans: [{ text: 'Alpha beta' }] }, { marker: '2.', depth: 0, spans: [{ text: 'Gamma' }] }] };
    const [a, b] = cutBlock(list, 6);
    expect(a).toMatchObject({ items: [{ marker: '1.', spans: [{ text: 'Alpha' }] }] });
    expect(b).toMatchObject({ items: [{ marker: '', spans: [{ text: 'beta' }] }, { marker: '2.' }] });
  });

  // A fake measure: every character is 1 px tall, a block gap 0; the card is 30 px.
  const measure = async (blocks: Block[]) => blocksText(blocks).replace(/\n\n/g, '').length;

  it('prefers paragraph breaks, then sentences, then words; keeps every word in order', async () => {
    const blocks = [para('Short one.'), para('A much longer paragraph. It has two sentences here.')];
    // 36 px: the first paragraph is too small a card alone, so the next one is cut at its sentence.
    expect((await splitBlocks(blocks, measure, 36)).map((c) => blocksText(c))).toEqual([
      'Short one.\n\nA much longer paragraph.',
      'It has two sentences here.',
    ]);
    // 30 px: that sentence does not fit beside it, so the card ends at the paragraph break.
    expect((await splitBlocks(blocks, measure, 30)).map((c) => blocksText(c))).toEqual([
      'Short one.',
      'A much longer paragraph.',
      'It has two sentences here.',
    ]);
  });

  it('breaks a word only when it alone is wider than the card', async () => {
    const word = 'x'.repeat(70);
    const chunks = await splitBlocks([para(`Hi ${word} end`)], measure, 30);
    expect(chunks.map((c) => blocksText(c)).join('').replace(/\s/g, '')).toBe(`Hi${word}end`);
    expect(chunks.every((c) => blocksText(c).length <= 30)).toBe(true);
  });
});
