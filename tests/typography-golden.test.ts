// Golden images, one per typography feature, cut from the hard-case corpus: Markdown lists and
// inline styles, highlighted code with a block quote, colour emoji, CJK, Unicode pseudo-bold,
// a quoted post, a split post's continuation card, a broken long word, Cyrillic/Greek/Vietnamese.
import { describe, expect, it } from 'vitest';
import { layoutThread, loadThread, renderCardSvg, svgToPng } from '../src/index.ts';
import { GOLDEN_TOLERANCE, matchGolden } from './helpers.ts';

const FEATURES: Array<[name: string, post: number, part: number]> = [
  ['type-split-first', 1, 1],
  ['type-split-continued', 1, 2],
  ['type-long-word', 2, 1],
  ['type-long-url', 3, 1],
  ['type-emoji', 4, 1],
  ['type-cjk', 5, 1],
  ['type-pseudo-bold', 6, 1],
  ['type-markdown-lists', 7, 1],
  ['type-code-quote', 8, 1],
  ['type-quote-post', 9, 1],
  ['type-scripts', 10, 1],
];

describe('typography golden images (≤ 0.5% of pixels may differ)', async () => {
  const deck = await layoutThread(await loadThread('tests/fixtures/threads/hard.json'));
  it.each(FEATURES)('%s', async (name, post, part) => {
    const card = deck.cards.find((c) => c.number === post && c.part.index === part);
    expect(card, `post ${post} part ${part}`).toBeDefined();
    const png = svgToPng(await renderCardSvg(deck, card!));
    const diff = matchGolden(name, png);
    expect(diff.ratio, `${diff.differentPixels} pixels differ`).toBeLessThanOrEqual(GOLDEN_TOLERANCE);
  });
});
