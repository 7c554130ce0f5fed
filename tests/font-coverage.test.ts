// Font coverage: CJK subsets loaded on demand, uncovered code points reported, satori falls back across faces.
import { describe, expect, it } from 'vitest';
import { createRequire } from 'node:module';
import satori from 'satori';
import type { Font } from '@pdf-lib/fontkit';
import { loadFonts, MONO_FONT, SYMBOL_FONT, type FontFace } from '../src/assets/fonts.ts';
import { fontsForText, formatCodePoints, readCmap, uncoveredCodePoints } from '../src/assets/font-coverage.ts';

const MIXED =
  'English: ship small changes often. 中文：我们今天发布了新版本，欢迎试用！ 日本語のかな：ひらがなとカタカナ、漢字も。 ' +
  '한국어: 안녕하세요, 반갑습니다. Русский: Привет, мир! Ελληνικά: Γειά σου κόσμε. Tiếng Việt: Xin chào thế giới, cảm ơn.';

const families = (fonts: FontFace[]) => [...new Set(fonts.map((f) => f.name.replace(/ (\d+|latin|latin-ext|cyrillic|vietnamese)$/, '')))];
const cjk = (fonts: FontFace[]) => families(fonts).filter((f) => f.startsWith('Noto Sans'));

function render(text: string, fonts: FontFace[]): Promise<string> {
  const el = { type: 'div', props: { style: { display: 'flex', fontFamily: 'Inter', fontSize: 32 }, children: text } };
  return satori(el as Parameters<typeof satori>[0], { width: 800, height: 60, fonts });
}

describe('fontsForText', () => {
  it('loads no CJK file for Latin, Cyrillic, Greek or Vietnamese text', async () => {
    const fonts = await fontsForText('Ship small PRs — «often». Привет, Γειά σου, Tiếng Việt, Łódź ✓ → 👍🏽');
    expect(fonts).toBe(await loadFonts());
  });

  it('adds Noto Sans SC subsets (400 and 700 only) for Chinese', async () => {
    const base = await loadFonts();
    const fonts = await fontsForText('我们今天发布了新版本，欢迎试用！');
    expect(cjk(fonts)).toEqual(['Noto Sans SC']);
    const added = fonts.slice(base.length);
    expect(new Set(added.map((f) => f.weight))).toEqual(new Set([400, 700]));
    expect(added.length).toBeLessThan(20);
    expect(uncoveredCodePoints('我们今天发布了新版本，欢迎试用！', fonts)).toEqual([]);
  });

  it('uses Noto Sans JP for Han and kana when the text has kana', async () => {
    expect(cjk(await fontsForText('日本語のかな：ひらがなとカタカナ、漢字も。'))).toEqual(['Noto Sans JP']);
  });

  it('uses Noto Sans KR for Hangul', async () => {
    expect(cjk(await fontsForText('한국어: 안녕하세요, 반갑습니다.'))).toEqual(['Noto Sans KR']);
  });

  it('gives each face a name of its own per weight and style (satori keeps one face per name)', async () => {
    const fonts = await fontsForText(MIXED);
    const keys = fonts.map((f) => `${f.name}|${f.weight}|${f.style}`);
    expect(new Set(keys).size).toBe(keys.length);
    expect(families(fonts)).toEqual(expect.arrayContaining(['Inter', SYMBOL_FONT, MONO_FONT, 'Noto Sans SC', 'Noto Sans JP', 'Noto Sans KR']));
  });
});

describe('uncoveredCodePoints', () => {
  it('finds nothing missing in the mixed-script paragraph', async () => {
    expect(uncoveredCodePoints(MIXED, await fontsForText(MIXED))).toEqual([]);
  });

  it('reports Tibetan and Egyptian hieroglyphs, not whitespace, ZWJ, variation selectors or emoji', async () => {
    const text = 'Om ༀ and 𓀀 — 👨‍👩‍👧 🇫🇷 1️⃣ 👍🏽 ♥︎\u3000\t\u200d\ufe0f';
    expect(uncoveredCodePoints(text, await fontsForText(text))).toEqual([0x0f00, 0x13000]);
  });

  it('reads the same cmaps as fontkit', async () => {
    const fontkit = createRequire(import.meta.url)('@pdf-lib/fontkit') as { create(data: Uint8Array): Font };
    const fonts = await fontsForText(MIXED);
    for (const { data } of fonts.filter((_, i) => i % 3 === 0)) {
      const font = fontkit.create(data);
      expect(readCmap(data)).toEqual(new Set(font.characterSet.filter((cp) => font.hasGlyphForCodePoint(cp))));
    }
  });
});

describe('formatCodePoints', () => {
  it('lists unique sorted code points with their characters', () => {
    expect(formatCodePoints([0x1f8a0, 0x0f00, 0x0f00])).toBe('U+0F00 ༀ, U+1F8A0 🢠');
  });

  it('stops after 20', () => {
    const cps = Array.from({ length: 25 }, (_, i) => 0x13000 + i);
    expect(formatCodePoints(cps)).toMatch(/^U\+13000 𓀀, .*U\+13013 \S+ … and 5 more$/);
  });
});

describe('satori font fallback', () => {
  it('draws Cyrillic with Inter, not DejaVu Sans', async () => {
    const base = await loadFonts();
    const noDejaVu = base.filter((f) => f.name !== SYMBOL_FONT);
    expect(await render('Привет, мир', base)).toBe(await render('Привет, мир', noDejaVu));
  });

  it('draws CJK from the Noto faces, not as tofu', async () => {
    const text = '中文 日本語のかな 한국어';
    const [withCjk, baseOnly] = await Promise.all([fontsForText(text).then((f) => render(text, f)), loadFonts().then((f) => render(text, f))]);
    expect(withCjk).not.toBe(baseOnly);
  });
});
