// Layout abuse: posts built to make the layout engine work for minutes or overflow satori's stack,
// and cards too big to allocate. Each renders, or fails at load with its limit named — in seconds
// (vitest's per-test timeouts below are the bound; a hang fails the test).
import { describe, expect, it } from 'vitest';
import { layoutThread, parseThread, renderCardSvg, renderThread, ThreadeckError, formatDiagnostic } from '../../src/index.ts';
import { MAX_POST_DEPTH, MAX_POST_LINES, MAX_POST_LIST_ITEMS, MAX_POST_RUNS } from '../../src/load/post-limits.ts';
import { MAX_CARD_SIDE, parseSize } from '../../src/model/sizes.ts';
import { decodePng, runCli, tempDir } from '../helpers.ts';
import path from 'node:path';
import { existsSync, writeFileSync } from 'node:fs';

const thread = (posts: unknown[], extra: Record<string, unknown> = {}) => JSON.stringify({ title: 't', author: { name: 'A' }, posts, ...extra });

async function errors(text: string): Promise<string[]> {
  const err = await parseThread(text, { file: 'h.json' }).catch((e: unknown) => e);
  expect(err).toBeInstanceOf(ThreadeckError);
  return (err as ThreadeckError).diagnostics.map(formatDiagnostic);
}

/** Text satori drew, from <text> elements (embedFont: false). */
function textRuns(svg: string) {
  return [...svg.matchAll(/<text\b([^>]*)>([^<]*)<\/text>/g)].map((m) => {
    const attr = (name: string) => Number(new RegExp(`\\b${name}="([-\\d.]+)"`).exec(m[1]!)?.[1]);
    return { text: m[2]!, x: attr('x'), y: attr('y'), width: attr('width'), fontSize: attr('font-size') };
  });
}

describe('a 2,000-character unbroken word', () => {
  it('is broken across cards, every character drawn inside the card', { timeout: 60_000 }, async () => {
    const word = 'x'.repeat(2000);
    const t = await parseThread(thread([word]), { file: 'h.json' });
    const { deck, pngs } = await renderThread(t, { formats: ['png'] });
    const posts = deck.cards.filter((c) => c.kind === 'post');
    expect(posts.length).toBeGreaterThan(1);
    expect(deck.warnings).toEqual([]);
    let drawn = 0;
    for (const card of posts) {
      for (const r of textRuns(await renderCardSvg(deck, card, undefined, { embedFont: false }))) {
        expect(r.x).toBeGreaterThanOrEqual(0);
        expect(r.x + r.width).toBeLessThanOrEqual(deck.size.width);
        expect(r.y).toBeLessThanOrEqual(deck.size.height);
        drawn += (r.text.match(/x/g) ?? []).length;
      }
    }
    expect(drawn).toBeGreaterThanOrEqual(2000);
    for (const png of pngs) expect([decodePng(png).width, decodePng(png).height]).toEqual([1080, 1350]);
  });
});

describe('5,000-node posts inside the 25,000-character limit are refused at load, naming the limit', () => {
  const n = 5000;
  it.each([
    ['5,000 list items', Array.from({ length: n }, (_, i) => `- ${i % 10}`).join('\n'), new RegExp(`the post has 5,000 list items; the limit is ${MAX_POST_LIST_ITEMS} a post; split the list over several posts`)],
    ['lists nested 40 levels deep', Array.from({ length: 40 }, (_, i) => `${' '.repeat(i * 2)}- x`).join('\n'), new RegExp(`nests quotes and lists 40 levels deep; the limit is ${MAX_POST_DEPTH} levels`)],
    ['5,000 lines', Array.from({ length: n }, () => 'a').join('\n'), new RegExp(`the post has 5,000 lines \\(paragraphs, list items, line breaks, code lines\\); the limit is ${MAX_POST_LINES} a post`)],
    ['5,000 paragraphs', Array.from({ length: n }, () => 'a').join('\n\n'), /the post has 5,000 lines/],
    ['a 5,000-line code block', `\`\`\`\n${'x\n'.repeat(n)}\`\`\``, /the post has 5,00\d lines/],
    ['5,000 styled words', Array.from({ length: n }, (_, i) => (i % 2 ? '*a*' : '`b`')).join(' '), new RegExp(`separately styled pieces of text .*; the limit is ${MAX_POST_RUNS.toLocaleString('en-US')} a post`)],
    ['5,000 nested quotes', '> '.repeat(n) + 'deep', /nests quotes or lists too deeply to read; the limit is 16 levels; flatten them/],
    ['12,000 nested quotes', '>'.repeat(12_000) + ' deep', /nests quotes or lists too deeply/],
  ])('%s', { timeout: 20_000 }, async (_, text, message) => {
    expect(text.length).toBeLessThanOrEqual(25_000);
    const e = await errors(thread(['first', text]));
    expect(e).toHaveLength(1);
    expect(e[0]).toMatch(/^h\.json:1:\d+ posts\[1\]: /);
    expect(e[0]).toMatch(message);
  });

  it('the limits apply to a quoted post too', async () => {
    const e = await errors(thread([{ text: 'hi', quote: { author: { name: 'B' }, text: Array.from({ length: 400 }, () => 'a').join('\n') } }]));
    expect(e[0]).toMatch(/posts\[0\]: the quoted post has 400 lines/);
  });

  it('nested brackets and emphasis (no structure limit applies) lay out in seconds', { timeout: 60_000 }, async () => {
    const t = await parseThread(thread(['['.repeat(1000) + 'a' + '](x)'.repeat(1000), '*'.repeat(3000) + 'a' + '*'.repeat(3000)]), { file: 'h.json' });
    const deck = await layoutThread(t);
    expect(deck.cards.filter((c) => c.kind === 'post').length).toBeGreaterThanOrEqual(2);
  });

  it(`a post at the limits lays out: ${MAX_POST_LIST_ITEMS} list items, then ${MAX_POST_LINES} lines`, { timeout: 90_000 }, async () => {
    const list = Array.from({ length: MAX_POST_LIST_ITEMS }, (_, i) => `- item ${i}`).join('\n');
    const lines = Array.from({ length: MAX_POST_LINES }, (_, i) => `line ${i}`).join('\n');
    const deck = await layoutThread(await parseThread(thread([list, lines]), { file: 'h.json' }));
    expect(deck.cards.filter((c) => c.number === 1).length).toBeGreaterThan(1);
    expect(deck.cards.filter((c) => c.number === 2).length).toBeGreaterThan(1);
  });
});

describe('a card of 100,000 × 100,000 pixels is refused before rendering', () => {
  it('parseSize names the limit', () => {
    expect(parseSize('100000x100000')).toBe(`card sides must be between 320 and ${MAX_CARD_SIDE} px; got 100000×100000`);
    expect(parseSize('99999999999999999999x1080')).toMatch(/card sides must be between 320 and 4096 px/);
    expect(parseSize('0x0')).toMatch(/card sides must be between/);
    expect(parseSize('-5x100')).toMatch(/expected a size preset/);
  });

  it('size: in the thread file is a positioned error', async () => {
    const e = await errors(thread(['hi'], { size: '100000x100000' }));
    expect(e).toHaveLength(1);
    expect(e[0]).toMatch(/^h\.json:1:\d+ size: .*card sides must be between 320 and 4096 px; got 100000×100000/);
  });

  it('--size on the command line is a usage error (exit 2); size: in a file fails that thread alone (exit 1)', () => {
    const dir = tempDir('threadeck-hostile-size-');
    const big = path.join(dir, 'big.yaml');
    const ok = path.join(dir, 'ok.yaml');
    writeFileSync(big, 'title: t\nauthor: {name: A}\nsize: 100000x100000\nposts: [hi]\n');
    writeFileSync(ok, 'title: t\nauthor: {name: A}\nposts: [hi]\n');
    const flag = runCli(['build', ok, '--size', '100000x100000', '--out', path.join(dir, 'out')]);
    expect(flag.code).toBe(2);
    expect(flag.stderr).toMatch(/--size: card sides must be between 320 and 4096 px; got 100000×100000/);
    expect(existsSync(path.join(dir, 'out'))).toBe(false);
    const file = runCli(['build', big, ok, '--out', path.join(dir, 'out'), '--format', 'png']);
    expect(file.code).toBe(1);
    expect(file.stdout + file.stderr).toMatch(/big\.yaml:3:7 size: .*card sides must be between 320 and 4096 px; got 100000×100000/);
    expect(existsSync(path.join(dir, 'out', 'big'))).toBe(false);
    expect(existsSync(path.join(dir, 'out', 'ok', 'ok-01.png'))).toBe(true);
  });
});
