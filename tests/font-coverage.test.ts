// Font coverage: only the bundled faces a text is drawn with (the same faces as among all 55),
// CJK subsets loaded on demand, uncovered code points reported, satori falls back across faces.
import { describe, expect, it } from 'vitest';
import { createRequire } from 'node:module';
import satori from 'satori';
import type { Font } from '@pdf-lib/fontkit';
import { loadFonts, MONO_FONT, MONO_FONT_STACK, SYMBOL_FONT, type FontFace } from '../src/assets/fonts.ts';
import { fontsForText, formatCodePoints, uncoveredCodePoints } from '../src/assets/font-coverage.ts';
import { readCmap } from '../src/assets/cmap.ts';
import { parseThread } from '../src/load/load-thread.ts';
import { threadText } from '../src/layout/thread-text.ts';
import { satoriAssets } from '../src/layout/satori-assets.ts';
import { emojiGraphemeImages } from '../src/assets/emoji.ts';

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
    expect(cjk(fonts)).toEqual([]);
    const all = await loadFonts();
    expect(fonts.every((f) => all.includes(f))).toBe(true);
  });

  it('adds Noto Sans SC subsets (400 and 700 only) for Chinese', async () => {
    const fonts = await fontsForText('我们今天发布了新版本，欢迎试用！');
    expect(cjk(fonts)).toEqual(['Noto Sans SC']);
    const added = fonts.filter((f) => f.name.startsWith('Noto'));
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
    expect(families(fonts)).toEqual(expect.arrayContaining(['Inter', 'Noto Sans SC', 'Noto Sans JP', 'Noto Sans KR']));
  });
});

/** Family names of a deck's bundled faces, in array order. */
const names = (fonts: FontFace[]) => [...new Set(fonts.map((f) => f.name))].filter((n) => !n.startsWith('Noto'));
const deckFonts = async (yaml: string) => (await satoriAssets(threadText(await parseThread(yaml)))).fonts;
const thread = (posts: string[], extra = '') => `title: A thread\nauthor: {name: Ann Lee, handle: "@ann"}\n${extra}posts:\n${posts.map((p) => `  - ${JSON.stringify(p)}`).join('\n')}\n`;

describe('bundled faces: only those the text is drawn with', () => {
  it('gives a Latin thread Inter latin alone (7 of the 55 faces), as sfnt, the same objects as loadFonts()', async () => {
    const fonts = await deckFonts(thread(['Ship small changes often.\nDeploys went from 38 to 123 — “boring”, naïve… • done', '**Bold**, *italic*, [a link](https://example.com/a/very/long/path/to/shorten)']));
    expect(names(fonts)).toEqual(['Inter']);
    expect(fonts.map((f) => `${f.weight}${f.style[0]}`)).toEqual(['400n', '500n', '600n', '700n', '800n', '400i', '600i']);
    const all = await loadFonts();
    expect(fonts.every((f) => all.includes(f) && f.data.toString('latin1', 0, 4) === '\0\x01\0\0')).toBe(true);
    // Same choice, same array (satori keeps its parsed fonts per array).
    expect(await deckFonts(thread(['Another plain post.']))).toBe(fonts);
  });

  it('adds JetBrains Mono (latin and latin-ext) for inline code, fenced and indented code blocks and 𝚖𝚘𝚗𝚘 letters, not for a stray backtick in plain text', async () => {
    const mono = [MONO_FONT, `${MONO_FONT} latin-ext`];
    for (const post of ['Run `npm test` first', '```\nls -la\n```', 'Before:\n\n    indented code', '𝚖𝚘𝚗𝚘 letters']) {
      expect(names(await deckFonts(thread([post]))), post).toEqual(['Inter', ...mono]);
    }
    expect(names(await deckFonts(thread(['No code here, just text.'])))).toEqual(['Inter']);
    // A plain string is guessed from: anything that could be code gets the mono faces.
    expect(names(await fontsForText('x = `y`'))).toEqual(['Inter', ...mono]);
  });

  it('adds the Inter subset a script needs, DejaVu Sans for symbols, each in the bundled order', async () => {
    const cases: Array<[string, string[]]> = [
      ['Привет, мир', ['Inter', 'Inter cyrillic']],
      ['Γειά σου κόσμε', ['Inter', 'Inter greek']],
      ['Xin chào thế giới', ['Inter', 'Inter vietnamese']],
      ['cảm ơn', ['Inter', 'Inter latin-ext', 'Inter vietnamese']], // ơ is in latin-ext too, which comes first
      ['Łódź, Șțefan', ['Inter', 'Inter latin-ext']],
      ['ǆ', ['Inter', 'Inter latin-ext', SYMBOL_FONT]], // upper-cased by templates, Ǆ is DejaVu's
      ['600 → 120 lines ✓', ['Inter', SYMBOL_FONT]],
      ['Entities decode: &rarr;', ['Inter', SYMBOL_FONT]],
      ['ἀρχή, Ѣ', ['Inter', 'Inter cyrillic-ext', 'Inter greek', 'Inter greek-ext']],
    ];
    for (const [post, expected] of cases) expect(names(await deckFonts(thread([post]))), post).toEqual(expected);
    // Math bold Greek in the title is drawn folded (α) on the cards, so Inter greek comes too; the
    // handout prints the title as written, 𝛂 with no glyph, so the last face stays.
    expect(names(await deckFonts(thread(['plain'], '').replace('A thread', '𝛂 thread')))).toEqual(['Inter', 'Inter greek', `${MONO_FONT} latin-ext`]);
  });

  it('covers what the cards draw besides the posts: cover hook, outro, theme footer', async () => {
    expect(names(await deckFonts(thread(['plain'], 'cover: {hook: "Привет"}\n')))).toEqual(['Inter', 'Inter cyrillic']);
    expect(names(await deckFonts(thread(['plain'], 'outro: {title: "Ευχαριστώ", text: "Follow →"}\n')))).toEqual(['Inter', 'Inter greek', SYMBOL_FONT]);
    expect(names(await deckFonts(thread(['plain'], 'theme: {footer: "Tiếng Việt"}\n')))).toEqual(['Inter', 'Inter vietnamese']);
  });

  it('keeps the last face (JetBrains Mono latin-ext) when something has no glyph: emoji sit on its ascent, tofu is its .notdef', async () => {
    expect(names(await deckFonts(thread(['Launch day 🚀'])))).toEqual(['Inter', `${MONO_FONT} latin-ext`]);
    expect(names(await deckFonts(thread(['Tibetan ༀ'])))).toEqual(['Inter', `${MONO_FONT} latin-ext`]);
    // In code the PDF's text layer falls back to DejaVu Sans last.
    expect(names(await deckFonts(thread(['```\ntofu ༀ\n```'])))).toEqual(['Inter', SYMBOL_FONT, MONO_FONT, `${MONO_FONT} latin-ext`]);
  });

  it('still picks CJK subsets from the thread text only, after the bundled faces', async () => {
    const fonts = await deckFonts(thread(['我们今天发布了新版本 → 中文']));
    expect(names(fonts)).toEqual(['Inter', SYMBOL_FONT, `${MONO_FONT} latin-ext`]);
    expect(cjk(fonts)).toEqual(['Noto Sans SC']);
    expect(fonts.findIndex((f) => f.name.startsWith('Noto'))).toBe(fonts.filter((f) => !f.name.startsWith('Noto')).length);
    // A CJK cover hook stays as it was (not loaded): choosing bundled faces never changes the CJK files.
    expect(cjk(await deckFonts(thread(['plain'], 'cover: {hook: "中文"}\n')))).toEqual([]);
  });

  it('draws every sample exactly as all 55 faces do (satori SVG), in every style and in the monospace stack', async () => {
    const all = await loadFonts();
    const samples = [
      'Plain Latin, “quotes” — dashes… and 12/34',
      'Привет → мир ✓ Γειά σου Łódź Tiếng Việt ₫ ἀρχή Ѣ',
      'Emoji 🚀 start 👍🏽 and ❤️ ♥︎ tofu ༀ 𓀀 e\u0301',
      '中文 日本語のかな 한국어 → ✓',
    ];
    for (const text of samples) {
      for (const style of [{ fontFamily: 'Inter', fontWeight: 400 }, { fontFamily: 'Inter', fontWeight: 700, fontStyle: 'italic' }, { fontFamily: MONO_FONT_STACK, fontWeight: 400 }]) {
        // Text in the monospace stack is code: the deck says so (threadText's `mono`).
        const picked = await fontsForText(text, style.fontFamily === 'Inter' ? {} : { mono: text });
        for (const fontSize of [23, 40]) {
          const el = { type: 'div', props: { style: { display: 'block', whiteSpace: 'pre-wrap', width: 700, lineHeight: 1.38, fontSize, ...style }, children: `${text}\n${text.toUpperCase()}` } };
          const opts = { width: 700, height: 400, graphemeImages: emojiGraphemeImages(text), loadAdditionalAsset: async () => [] };
          const every = [...all, ...picked.filter((f) => f.name.startsWith('Noto'))];
          expect(await satori(el as Parameters<typeof satori>[0], { ...opts, fonts: picked }), `${text} ${JSON.stringify(style)} ${fontSize}`).toBe(
            await satori(el as Parameters<typeof satori>[0], { ...opts, fonts: every }),
          );
        }
      }
    }
  });

  it('the comparison above can fail: without DejaVu Sans the arrow is drawn differently', async () => {
    const text = 'Привет → мир';
    const picked = await fontsForText(text);
    const el = { type: 'div', props: { style: { display: 'flex', fontFamily: 'Inter', fontSize: 40 }, children: text } };
    const render = (fonts: FontFace[]) => satori(el as Parameters<typeof satori>[0], { width: 700, height: 80, fonts });
    expect(await render(picked.filter((f) => f.name !== SYMBOL_FONT))).not.toBe(await render(picked));
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
