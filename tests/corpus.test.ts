// The layout engine's promise, checked from the layout itself over a corpus of hard posts, for
// every built-in template at every size preset: every text box inside the card's safe area, no
// two text boxes overlapping, every word of the input on some card and in order, and body text
// at a readable size.
import { describe, expect, it } from 'vitest';
import satori from 'satori';
import { deckInfo, layoutThread, loadThread, renderCardSvg, type Deck } from '../src/index.ts';
import { designScale, SIZE_PRESETS } from '../src/model/sizes.ts';
import { templateNames } from '../src/template/registry.ts';
import { postBlocks } from '../src/layout/post-blocks.ts';
import { blocksText } from '../src/model/index.ts';

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

/** What platforms may crop or cover, at 1080 px (scaled with the card). */
const SAFE_INSET = 64;

function words(text: string): string[] {
  return text
    .replace(/[0-9#*]\ufe0f?\u20e3/gu, ' ') // keycaps are drawn as images
    .replace(/\p{Extended_Pictographic}|\p{Emoji_Modifier}|\p{Regional_Indicator}|[\u200d\ufe0f\u20e3]/gu, ' ')
    .split(/\s+/)
    .filter((w) => w.length > 0);
}

/** The body of a card alone, as satori lays it out in the body box (text boxes only). */
async function bodyBoxes(deck: Deck, card: Deck['cards'][number]): Promise<TextBox[]> {
  const { template, size, theme } = deck;
  const body = template.bodyBox(size);
  const node = template.renderBody({ card, deck: deckInfo(deck.thread, deck.cards.length), theme, size, fontSize: card.fontSize, body });
  const svg = await satori({ type: 'div', props: { style: { display: 'flex', width: body.width }, children: node } } as Parameters<typeof satori>[0], {
    width: body.width,
    ...deck.assets,
    embedFont: false,
  });
  return textBoxes(svg);
}

const thread = await loadThread('tests/fixtures/threads/hard.json');
const SIZES = Object.keys(SIZE_PRESETS) as Array<keyof typeof SIZE_PRESETS>;

describe.each(templateNames().flatMap((t) => SIZES.map((s) => [t, s] as const)))('corpus of hard posts: template %s, size %s', async (templateName, sizeName) => {
  const deck = await layoutThread(thread, { template: templateName, size: SIZE_PRESETS[sizeName] });
  const boxes: TextBox[][] = [];
  for (const card of deck.cards) boxes.push(textBoxes(await renderCardSvg(deck, card, undefined, { embedFont: false })));
  const inset = SAFE_INSET * designScale(deck.size);

  it('lays every post out, splitting the long ones, with no warnings', () => {
    expect(deck.warnings).toEqual([]);
    const parts = (n: number) => deck.cards.filter((c) => c.number === n).length;
    expect(parts(1)).toBeGreaterThan(1); // the 2,600-character post
    for (const n of [3, 4, 5, 6, 9, 10]) expect(parts(n)).toBe(1);
    const posts = deck.cards.filter((c) => c.kind === 'post');
    expect(posts.map((c) => c.label)).toEqual(posts.map((c) => `${c.number}/10`));
    expect(deck.cards[0]!.kind).toBe('cover');
    expect(deck.cards.at(-1)!.kind).toBe('outro');
  });

  it('keeps every text box inside the safe area', () => {
    for (const [i, list] of boxes.entries()) {
      expect(list.length, `card ${i + 1} has text`).toBeGreaterThan(0);
      for (const b of list) {
        if (!b.text.trim()) continue;
        const where = `card ${i + 1} "${b.text}" at ${b.x},${b.y}`;
        expect(b.x, where).toBeGreaterThanOrEqual(inset - 0.5);
        expect(b.x + b.width, where).toBeLessThanOrEqual(deck.size.width - inset + 0.5);
        expect(b.top, where).toBeGreaterThanOrEqual(inset - 0.5);
        expect(b.bottom, where).toBeLessThanOrEqual(deck.size.height - inset + 0.5);
      }
    }
  });

  it('never overlaps two text boxes', () => {
    for (const [i, list] of boxes.entries()) {
      const visible = list.filter((b) => b.text.trim());
      for (let a = 0; a < visible.length; a++) {
        for (let b = a + 1; b < visible.length; b++) {
          const p = visible[a]!;
          const q = visible[b]!;
          const xOverlap = Math.min(p.x + p.width, q.x + q.width) - Math.max(p.x, q.x);
          const yOverlap = Math.min(p.bottom, q.bottom) - Math.max(p.top, q.top);
          if (xOverlap > 0.5 && yOverlap > 0.5) {
            throw new Error(`card ${i + 1}: "${p.text}" (${p.x},${p.y}) overlaps "${q.text}" (${q.x},${q.y})`);
          }
        }
      }
    }
  });

  it('puts every word of every post on some card, in order, at a readable size', async () => {
    let shown = '';
    for (const card of deck.cards.filter((c) => c.kind === 'post')) {
      const list = await bodyBoxes(deck, card);
      shown += list.map((b) => b.text).join('');
      expect(card.fontSize).toBeGreaterThanOrEqual(32 * designScale(deck.size));
      // Body text ≥ 32 px (at 1080); code ≥ 28 px.
      for (const b of list) expect(b.fontSize, `"${b.text}"`).toBeGreaterThanOrEqual(28 * designScale(deck.size));
    }
    shown = shown.replace(/\s+/g, '');
    let at = 0;
    for (const post of thread.posts) {
      for (const word of words(blocksText(postBlocks(post)))) {
        const found = shown.indexOf(word, at);
        if (found < 0) throw new Error(`post ${post.number}: "${word}" is missing (or out of order) after position ${at}`);
        at = found + word.length;
      }
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
