// Twemoji lookup (file naming, FE0F rules), the satori asset loader, emoji splitting, and an emoji render.
import { describe, expect, it } from 'vitest';
import satori from 'satori';
import { loadFonts } from '../src/assets/fonts.ts';
import {
  emojiDataUri,
  emojiGraphemeImages,
  isEmojiGrapheme,
  loadEmoji,
  satoriAssetLoader,
  splitEmoji,
  twemojiFile,
  twemojiName,
} from '../src/assets/emoji.ts';

const PREFIX = 'data:image/svg+xml;base64,';
const decode = (uri: string) => Buffer.from(uri.slice(PREFIX.length), 'base64').toString('utf8');

const CASES: Array<[string, string, string]> = [
  ['simple', '🧵', '1f9f5'],
  ['simple', '😀', '1f600'],
  ['ZWJ', '👩‍💻', '1f469-200d-1f4bb'],
  ['ZWJ family', '👨‍👩‍👧‍👦', '1f468-200d-1f469-200d-1f467-200d-1f466'],
  ['ZWJ with FE0F', '🏳️‍🌈', '1f3f3-fe0f-200d-1f308'],
  ['skin tone', '👍🏽', '1f44d-1f3fd'],
  ['skin tone ZWJ', '🧑🏿‍💻', '1f9d1-1f3ff-200d-1f4bb'],
  ['flag', '🇺🇦', '1f1fa-1f1e6'],
  ['flag', '🇯🇵', '1f1ef-1f1f5'],
  ['keycap', '1️⃣', '31-20e3'],
  ['keycap', '#️⃣', '23-20e3'],
  ['text-default + FE0F', '❤️', '2764'],
  ['text-default + FE0F', '☀️', '2600'],
  ['text-default + FE0F', '✔️', '2714'],
  ['letterlike + FE0F', '©️', 'a9'],
  ['letterlike + FE0F', '™️', '2122'],
];

describe('Twemoji lookup', () => {
  it.each(CASES)('%s %s → %s.svg as an SVG data URI', (_kind, emoji, file) => {
    expect(twemojiFile(emoji)).toBe(file);
    const uri = emojiDataUri(emoji);
    expect(uri?.startsWith(PREFIX)).toBe(true);
    expect(decode(uri!).startsWith('<svg')).toBe(true);
  });

  it('names files by the Twemoji rule: FE0F dropped without ZWJ, kept with one', () => {
    expect(twemojiName('❤️')).toBe('2764');
    expect(twemojiName('❤️‍🔥')).toBe('2764-fe0f-200d-1f525');
    expect(twemojiName('1️⃣')).toBe('31-20e3');
  });

  it('finds ZWJ files whatever FE0Fs the input has or lacks', () => {
    expect(twemojiFile('🏳\u200D🌈')).toBe('1f3f3-fe0f-200d-1f308'); // FE0F missing
    expect(twemojiFile('🏴\u200D☠️')).toBe('1f3f4-200d-2620-fe0f');
    expect(twemojiFile('👁️\u200D🗨️')).toBe('1f441-200d-1f5e8'); // file has no FE0F at all
    expect(twemojiFile('1\u20E3')).toBe('31-20e3'); // keycap without FE0F
  });

  it('returns undefined for graphemes without a file, and caches', async () => {
    expect(emojiDataUri('a')).toBeUndefined();
    expect(emojiDataUri('\u{1FAEA}')).toBeUndefined(); // Emoji 16, newer than Twemoji 15
    expect(emojiDataUri('')).toBeUndefined();
    expect(emojiDataUri('🧵')).toBe(emojiDataUri('🧵'));
    expect(await loadEmoji('🧵')).toBe(emojiDataUri('🧵'));
  });
});

describe('satoriAssetLoader', () => {
  it('answers emoji with a data URI and everything else with no fonts, reporting misses', async () => {
    const missing: Array<[string, string]> = [];
    const load = satoriAssetLoader((segment, code) => missing.push([segment, code]));
    expect(await load('emoji', '🧵')).toBe(emojiDataUri('🧵'));
    expect(await load('emoji', '\u{1FAEA}')).toEqual([]);
    expect(await load('ja-JP', '日本')).toEqual([]);
    expect(missing).toEqual([['\u{1FAEA}', 'emoji'], ['日本', 'ja-JP']]);
    expect(await satoriAssetLoader()('unknown', 'x')).toEqual([]);
  });
});

describe('splitEmoji', () => {
  it('separates emoji graphemes from text', () => {
    expect(splitEmoji('Hi 👋🏽 team 👩‍💻!')).toEqual([
      { text: 'Hi ', emoji: false },
      { text: '👋🏽', emoji: true },
      { text: ' team ', emoji: false },
      { text: '👩‍💻', emoji: true },
      { text: '!', emoji: false },
    ]);
    expect(splitEmoji('🇺🇦🇯🇵').map((p) => p.text)).toEqual(['🇺🇦', '🇯🇵']);
  });

  it('treats text-default symbols as emoji only with FE0F', () => {
    for (const e of ['❤️', '✔️', '©️', '™️', '1️⃣', '#️⃣', '😀', '🧵']) expect(isEmojiGrapheme(e)).toBe(true);
    for (const t of ['❤', '✔', '©', '™', '1', '#', 'a', '→', '❤\uFE0E']) expect(isEmojiGrapheme(t)).toBe(false);
  });
});

describe('rendering with satori', () => {
  const card = (text: string) => ({
    type: 'div',
    props: { style: { display: 'flex', fontFamily: 'Inter', fontSize: 48 }, children: text },
  });

  it('draws an emoji segment as an <image> through loadAdditionalAsset', async () => {
    const fonts = await loadFonts();
    const svg = await satori(card('Thread 🧵 👩‍💻') as never, {
      width: 600, height: 100, fonts, loadAdditionalAsset: satoriAssetLoader(),
    });
    expect(svg.match(/<image /g)?.length).toBe(2);
    expect(svg).toContain(emojiDataUri('🧵'));
  });

  // satori asks loadAdditionalAsset only for glyphs no font has; DejaVu Sans draws 😀 in black and white.
  it('draws emoji a bundled font covers in colour through graphemeImages', async () => {
    const fonts = await loadFonts();
    const withImages = await satori(card('😀') as never, {
      width: 100, height: 100, fonts, graphemeImages: emojiGraphemeImages('😀'), loadAdditionalAsset: satoriAssetLoader(),
    });
    expect(withImages).toContain(emojiDataUri('😀'));
  });
});
