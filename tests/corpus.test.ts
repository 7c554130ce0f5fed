// The layout engine's promise, checked from the layout itself over a corpus of hard posts: every
// text box inside the card's safe area, no two text boxes overlapping, every word of the input on
// some card and in order, and body text at a readable size.
import { describe, expect, it } from 'vitest';
import { getTemplate, layoutThread, loadThread, renderCardSvg, type Deck } from '../src/index.ts';
import { postBlocks } from '../src/layout/post-blocks.ts';
import { blocksText } from '../src/text/rich.ts';

interface TextBox {
  text: string;
  x: number;
  y: number;
  width: number;
  fontSize: number;
  top: number;
  bottom: number;
}

const unescape = (s: string) =>
  s.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&#39;/g, "'").replace(/&#x27;/g, "'").replace(/&amp;/g, '&');

/** The <text> elements satori emits with embedFont: false: one per word or run, positioned. */
function textBoxes(svg: string): TextBox[] {
  const out: TextBox[] = [];
  for (const m of svg.matchAll(/<text\b([^>]*)>([^<]*)<\/text>/g)) {
    const attr = (name: string) => Number(new RegExp(`\\b${name}="([-\\d.]+)"`).exec(m[1]!)?.[1]);
    const fontSize = attr('font-size');
    const y = attr('y');
    out.push({ text: unescape(m[2]!), x: attr('x'), y, width: attr('width'), fontSize, top: y - 0.78 * fontSize, bottom: y + 0.2 * fontSize });
  }
  return out;
}

const SAFE_INSET = 64; // px at 1080 wide: what platforms may crop or cover

async function cardBoxes(deck: Deck): Promise<TextBox[][]> {
  const out: TextBox[][] = [];
  for (const card of deck.cards) out.push(textBoxes(await renderCardSvg(deck, card, undefined, { embedFont: false })));
  return out;
}

function words(text: string): string[] {
  return text
    .replace(/[0-9#*]\ufe0f?\u20e3/gu, ' ') // keycaps are drawn as images
    .replace(/\p{Extended_Pictographic}|\p{Emoji_Modifier}|\p{Regional_Indicator}|[\u200d\ufe0f\u20e3]/gu, ' ')
    .split(/\s+/)
    .filter((w) => w.length > 0);
}

describe('corpus of hard posts', async () => {
  const thread = await loadThread('tests/fixtures/threads/hard.json');
  const deck = await layoutThread(thread);
  const boxes = await cardBoxes(deck);
  const template = deck.template;
  const body = template.bodyBox(deck.size);
  const bodyTop = (84 + 96 + 48) * (deck.size.width / 1080);

  it('lays every post out, splitting the long ones, with no warnings', () => {
    expect(deck.warnings).toEqual([]);
    const parts = (n: number) => deck.cards.filter((c) => c.number === n).length;
    expect(parts(1)).toBeGreaterThan(1); // the 2,600-character post
    expect(parts(2)).toBeGreaterThan(1); // the 2,000-character word
    for (const n of [3, 4, 5, 6, 7, 8, 9, 10]) expect(parts(n)).toBe(1);
    const posts = deck.cards.filter((c) => c.kind === 'post');
    expect(posts.map((c) => c.label)).toEqual(posts.map((c) => `${c.number}/10`));
    expect(deck.cards[0]!.kind).toBe('cover');
    expect(deck.cards.at(-1)!.kind).toBe('outro');
  });

  it('keeps every text box inside the safe area', () => {
    for (const [i, list] of boxes.entries()) {
      expect(list.length, `card ${i + 1} has text`).toBeGreaterThan(0);
      for (const b of list) {
        const where = `card ${i + 1} "${b.text}" at ${b.x},${b.y}`;
        expect(b.x, where).toBeGreaterThanOrEqual(SAFE_INSET);
        expect(b.x + b.width, where).toBeLessThanOrEqual(deck.size.width - SAFE_INSET + 0.5);
        expect(b.top, where).toBeGreaterThanOrEqual(SAFE_INSET);
        expect(b.bottom, where).toBeLessThanOrEqual(deck.size.height - SAFE_INSET);
      }
    }
  });

  it('never overlaps two text boxes', () => {
    for (const [i, list] of boxes.entries()) {
      for (let a = 0; a < list.length; a++) {
        for (let b = a + 1; b < list.length; b++) {
          const p = list[a]!;
          const q = list[b]!;
          const xOverlap = Math.min(p.x + p.width, q.x + q.width) - Math.max(p.x, q.x);
          const yOverlap = Math.min(p.bottom, q.bottom) - Math.max(p.top, q.top);
          if (xOverlap > 0.5 && yOverlap > 0.5) {
            throw new Error(`card ${i + 1}: "${p.text}" (${p.x},${p.y}) overlaps "${q.text}" (${q.x},${q.y})`);
          }
        }
      }
    }
  });

  const inBody = (b: TextBox) => b.top >= bodyTop - 4 && b.bottom <= bodyTop + body.height + 4;

  it('puts every word of every post on some card, in order', () => {
    const shown = boxes
      .map((list) => list.filter(inBody).map((b) => b.text).join(''))
      .join('')
      .replace(/\s+/g, '');
    let at = 0;
    for (const post of thread.posts) {
      for (const word of words(blocksText(postBlocks(post)))) {
        const found = shown.indexOf(word, at);
        if (found < 0) throw new Error(`post ${post.number}: "${word}" is missing (or out of order) after position ${at}`);
        at = found + word.length;
      }
    }
  });

  it('draws body text at a readable size (≥ 32 px at 1080 wide; code ≥ 28 px)', () => {
    for (const [i, list] of boxes.entries()) {
      for (const b of list.filter(inBody)) {
        expect(b.fontSize, `card ${i + 1} "${b.text}"`).toBeGreaterThanOrEqual(28);
      }
      const card = deck.cards[i]!;
      expect(card.fontSize).toBeGreaterThanOrEqual(32);
    }
  });
});

describe('scripts the renderer cannot draw', () => {
  it('refuses right-to-left text with a message naming the post and its position', async () => {
    const { parseThread, ThreadeckError } = await import('../src/index.ts');
    const thread = await parseThread('title: t\nauthor: {name: A}\nposts:\n  - fine\n  - مرحبا بالعالم\n', { file: 'rtl.yaml' });
    const err = await layoutThread(thread).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ThreadeckError);
    expect((err as Error).message).toBe(
      'rtl.yaml:5:5 posts[1]: post 2 contains Arabic text, which is written right to left; threadeck cannot lay out right-to-left scripts yet and refuses rather than draw it reversed',
    );
  });

  it('warns, listing the code points, about characters no bundled font covers', async () => {
    const { parseThread } = await import('../src/index.ts');
    const thread = await parseThread('title: t\nauthor: {name: A}\nposts:\n  - "Tibetan ༀ and a hieroglyph 𓀀"\n', { file: 'g.yaml' });
    const deck = await layoutThread(thread);
    expect(deck.warnings).toHaveLength(1);
    expect(deck.warnings[0]).toMatchObject({ severity: 'warning', rule: 'missing-glyph', line: 4, column: 5 });
    expect(deck.warnings[0]!.message).toContain('U+0F00 ༀ, U+13000 𓀀');
  });
});
