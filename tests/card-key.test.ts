// The card key decides whether last build's picture of a card may be reused: it must differ
// whenever the picture can, and stay the same when nothing the picture depends on changed.
import { describe, expect, it } from 'vitest';
import { loadThread, layoutThread } from '../src/index.ts';
import { cardKey } from '../src/hash.ts';
import { expandComponents } from '../src/template/expand.ts';
import { cardElement, elementSvg } from '../src/render/render-svg.ts';
import { jsx } from 'satori/jsx/jsx-runtime';

const size = { width: 1080, height: 1350 };

describe('card keys', () => {
  it('two components with the same props are told apart (the tree is expanded before hashing)', () => {
    const Big = ({ text }: { text: string }) => jsx('div', { style: { fontSize: 80 }, children: text });
    const Small = ({ text }: { text: string }) => jsx('div', { style: { fontSize: 20 }, children: text });
    const a = expandComponents(jsx(Big, { text: 'same' }) as never);
    const b = expandComponents(jsx(Small, { text: 'same' }) as never);
    expect(cardKey(a, size, [])).not.toBe(cardKey(b, size, []));
    expect(cardKey(a, size, [])).toBe(cardKey(expandComponents(jsx(Big, { text: 'same' }) as never), size, []));
  });

  it('changes with the card size, the fonts, the salt; not between two layouts of the same thread', async () => {
    const file = 'threads/devops-sre-platform-engineering.yaml';
    const deck = await layoutThread(await loadThread(file));
    const again = await layoutThread(await loadThread(file));
    const el = (d: typeof deck, i: number) => expandComponents(cardElement(d, d.cards[i]!));
    const fonts = deck.assets.fonts;
    const key = cardKey(el(deck, 3), deck.size, fonts, 'v1');
    expect(cardKey(el(again, 3), again.size, again.assets.fonts, 'v1')).toBe(key);
    expect(cardKey(el(deck, 4), deck.size, fonts, 'v1')).not.toBe(key);
    expect(cardKey(el(deck, 3), { width: 1080, height: 1080 }, fonts, 'v1')).not.toBe(key);
    expect(cardKey(el(deck, 3), deck.size, fonts.slice(1), 'v1')).not.toBe(key);
    expect(cardKey(el(deck, 3), deck.size, fonts, 'v2')).not.toBe(key);
  });

  it('the expanded tree draws the same SVG as the template\'s own', async () => {
    const deck = await layoutThread(await loadThread('threads/devops-sre-platform-engineering.yaml'));
    for (const card of [deck.cards[0]!, deck.cards[5]!, deck.cards.at(-1)!]) {
      const element = cardElement(deck, card);
      expect(await elementSvg(deck, expandComponents(element))).toBe(await elementSvg(deck, element));
    }
  });
});
