// A golden image per built-in template and size preset (the first post card), plus each
// template's cover: a visual change to any design shows up here.
import { describe, expect, it } from 'vitest';
import { layoutThread, loadThread, renderCardSvg, svgToPng } from '../src/index.ts';
import { SIZE_PRESETS } from '../src/model/sizes.ts';
import { templateNames } from '../src/template/registry.ts';
import { decodePng, GOLDEN_TOLERANCE, matchGolden } from './helpers.ts';

const thread = await loadThread('tests/fixtures/threads/showcase.yaml');
const cases = templateNames().flatMap((t) => (Object.keys(SIZE_PRESETS) as Array<keyof typeof SIZE_PRESETS>).map((s) => [t, s] as const));

describe('template golden images (≤ 0.5% of pixels may differ)', () => {
  it.each(cases)('%s at %s: first post card', async (template, size) => {
    const deck = await layoutThread(thread, { template, size: SIZE_PRESETS[size] });
    const card = deck.cards.find((c) => c.kind === 'post')!;
    const png = svgToPng(await renderCardSvg(deck, card));
    const img = decodePng(png);
    expect([img.width, img.height]).toEqual([SIZE_PRESETS[size].width, SIZE_PRESETS[size].height]);
    const diff = matchGolden(`tpl-${template}-${size}`, png);
    expect(diff.ratio, `${diff.differentPixels} pixels differ`).toBeLessThanOrEqual(GOLDEN_TOLERANCE);
  });

  it.each(templateNames())('%s: cover card', async (template) => {
    const deck = await layoutThread(thread, { template });
    const png = svgToPng(await renderCardSvg(deck, deck.cards[0]!));
    const diff = matchGolden(`tpl-${template}-cover`, png);
    expect(diff.ratio, `${diff.differentPixels} pixels differ`).toBeLessThanOrEqual(GOLDEN_TOLERANCE);
  });
});
