// Unicode text helpers: fold "𝗯𝗼𝗹𝗱"/"𝘪𝘵𝘢𝘭𝘪𝘤" math-alphanumeric pseudo-formatting into styled runs; detect RTL and CJK scripts.

export interface StyledRun {
  text: string;
  bold: boolean;
  italic: boolean;
  mono: boolean;
}

type Style = Omit<StyledRun, 'text'>;
const PLAIN: Style = { bold: false, italic: false, mono: false };
const B: Style = { bold: true, italic: false, mono: false };
const I: Style = { bold: false, italic: true, mono: false };
const BI: Style = { bold: true, italic: true, mono: false };
const M: Style = { bold: false, italic: false, mono: true };

// Mathematical Alphanumeric Symbols, in block order (Unicode chapter 22.2).
// Latin: 13 alphabets of 52 letters from U+1D400: bold, italic, bold italic, script, bold script,
// fraktur, double-struck, bold fraktur, sans-serif, sans bold, sans italic, sans bold italic, monospace.
const LATIN: readonly Style[] = [B, I, BI, PLAIN, B, PLAIN, PLAIN, B, PLAIN, B, I, BI, M];
// Greek: 5 alphabets of 58 from U+1D6A8: bold, italic, bold italic, sans bold, sans bold italic.
const GREEK: readonly Style[] = [B, I, BI, B, BI];
// Digits: 5 sets of 10 from U+1D7CE: bold, double-struck, sans-serif, sans bold, monospace.
const DIGITS: readonly Style[] = [B, PLAIN, PLAIN, B, M];

/** Letterlike Symbols that fill the holes of the math alphabets; only ℎ (italic h) has a style we keep. */
const LETTERLIKE_HOLES = /[\u2102\u210A-\u210E\u2110-\u2112\u2115\u2119-\u211D\u2124\u2128\u212C\u212D\u212F-\u2131\u2133\u2134]/u;
const HOLE_STYLE: Readonly<Record<string, Style>> = { '\u210E': I };

function mathStyle(cp: number): Style | undefined {
  if (cp < 0x1d400 || cp > 0x1d7ff) return undefined;
  if (cp < 0x1d6a4) return LATIN[Math.floor((cp - 0x1d400) / 52)];
  if (cp <= 0x1d6a5) return I; // dotless ı, ȷ (italic)
  if (cp < 0x1d6a8) return undefined; // unassigned
  if (cp < 0x1d7ca) return GREEK[Math.floor((cp - 0x1d6a8) / 58)];
  if (cp <= 0x1d7cb) return B; // bold Ϝ ϝ
  if (cp < 0x1d7ce) return undefined; // unassigned
  return DIGITS[Math.floor((cp - 0x1d7ce) / 10)];
}

const same = (a: Style, b: Style) => a.bold === b.bold && a.italic === b.italic && a.mono === b.mono;
const isPlain = (s: Style) => !s.bold && !s.italic && !s.mono;
/** Gaps absorbed between two runs of one style: spaces and punctuation on one line ("𝗕𝗼𝗹𝗱, 𝘁𝗲𝘅𝘁"). */
const JOINABLE_GAP = /^[\p{Zs}\t\p{P}]+$/u;

/**
 * Splits text into runs, folding math-alphanumeric letters and digits to plain ones and tagging
 * their style. Letterlike holes (ℎ ℬ ℭ ℂ …) fold only inside a word that also has math letters, so
 * a lone ℝ or ℏ stays as written. Everything else is kept unchanged in unstyled runs.
 */
export function foldStyledRuns(text: string): StyledRun[] {
  const runs: StyledRun[] = [];
  const push = (chunk: string, style: Style) => {
    const last = runs[runs.length - 1];
    if (last && same(last, style)) last.text += chunk;
    else runs.push({ text: chunk, ...style });
  };
  // Words (split at whitespace, kept) decide whether letterlike holes are pseudo-formatting.
  for (const word of text.split(/(\s+)/u)) {
    const styledWord = /[\u{1D400}-\u{1D7FF}]/u.test(word);
    for (const ch of word) {
      const cp = ch.codePointAt(0)!;
      const style = mathStyle(cp) ?? (styledWord && LETTERLIKE_HOLES.test(ch) ? HOLE_STYLE[ch] ?? PLAIN : undefined);
      if (style) push(ch.normalize('NFKC'), style);
      else push(ch, PLAIN);
    }
  }
  // Absorb a gap of spaces/punctuation between two runs of the same style.
  for (let i = 1; i + 1 < runs.length; i++) {
    const [prev, gap, next] = [runs[i - 1]!, runs[i]!, runs[i + 1]!];
    if (isPlain(gap) && !isPlain(prev) && same(prev, next) && JOINABLE_GAP.test(gap.text)) {
      prev.text += gap.text + next.text;
      runs.splice(i, 2);
      i--;
    }
  }
  return runs;
}

/** The text with math-alphanumeric pseudo-formatting folded to plain letters and digits. */
export function foldText(text: string): string {
  return foldStyledRuns(text).map((r) => r.text).join('');
}

export type RtlScript = 'Arabic' | 'Hebrew' | 'Syriac' | 'Thaana' | 'NKo';
const RTL = /(\p{Script=Arabic})|(\p{Script=Hebrew})|(\p{Script=Syriac})|(\p{Script=Thaana})|(\p{Script=Nko})/u;
const RTL_NAMES: readonly RtlScript[] = ['Arabic', 'Hebrew', 'Syriac', 'Thaana', 'NKo'];

/** The first right-to-left script found in text, or undefined. */
export function rtlScript(text: string): RtlScript | undefined {
  const m = RTL.exec(text);
  if (!m) return undefined;
  const group = m.slice(1).findIndex((g) => g !== undefined);
  return RTL_NAMES[group];
}

export type CjkKind = 'han' | 'kana' | 'hangul';
const HAN = /\p{Script=Han}/u;
// ー ゛ ゜ ｰ are Common script but only used with kana.
const KANA = /[\p{Script=Hiragana}\p{Script=Katakana}\u30FC\u309B\u309C\uFF70]/u;
const HANGUL = /\p{Script=Hangul}/u;
const CJK = new RegExp(`${HAN.source}|${KANA.source}|${HANGUL.source}`, 'u');

/** Whether text has Han, kana or Hangul letters (CJK punctuation alone does not count). */
export function hasCjk(text: string): boolean {
  return CJK.test(text);
}

/** Which CJK writing systems text uses. */
export function cjkKinds(text: string): Set<CjkKind> {
  const kinds = new Set<CjkKind>();
  if (HAN.test(text)) kinds.add('han');
  if (KANA.test(text)) kinds.add('kana');
  if (HANGUL.test(text)) kinds.add('hangul');
  return kinds;
}
