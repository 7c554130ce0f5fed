// Which fonts a text needs: the bundled faces its characters are drawn with (the rest are never
// read or parsed), CJK subset files loaded on demand, and the code points no bundled font covers.
import { readFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { decodeHTML } from 'entities';
import { fontCodePoints } from './cmap.ts';
import { bundledGroups, bundledWoff, fontsourceDir, groupFaces, MONO_FONT, subsetFamily, SYMBOL_FONT, type FaceGroup, type FontFace } from './fonts.ts';

/** Family names of the bundled CJK fonts; each loaded subset file is named `<family> <subset>` (see subsetFamily). */
export const CJK_FONTS = { sc: 'Noto Sans SC', jp: 'Noto Sans JP', kr: 'Noto Sans KR' } as const;
type Cjk = keyof typeof CJK_FONTS;
const PACKAGES: Record<Cjk, string> = { sc: 'noto-sans-sc', jp: 'noto-sans-jp', kr: 'noto-sans-kr' };
const LANGS: Record<Cjk, string> = { sc: 'zh-CN', jp: 'ja-JP', kr: 'ko-KR' };
const dirs = new Map<Cjk, string>();
const cjkDir = (cjk: Cjk): string => dirs.get(cjk) ?? dirs.set(cjk, fontsourceDir(`@fontsource/${PACKAGES[cjk]}`)).get(cjk)!;
/** satori picks the nearest loaded weight: 500 → 400, 600/800 → 700. */
const CJK_WEIGHTS = [400, 700] as const;

const KANA = /[\p{Script=Hiragana}\p{Script=Katakana}]/u;
const HANGUL = /\p{Script=Hangul}/u;
const HAN = /\p{Script=Han}/u;
/** Drawn by no font, or drawn as emoji images: never "uncovered". */
const EMOJI_OR_FORMAT = /[\p{Cc}\p{Cf}\p{Variation_Selector}\p{Extended_Pictographic}\p{Regional_Indicator}\p{Emoji_Modifier}\u20E3]/u;
const SPACE = /\p{White_Space}/u;

/** Code points (unique, in order of appearance) worth a font lookup: no ASCII controls, emoji parts or format chars. */
function codePoints(text: string, skipSpaces: boolean): number[] {
  const seen = new Set<number>();
  const out: number[] = [];
  for (const ch of text) {
    const cp = ch.codePointAt(0)!;
    if (seen.has(cp)) continue;
    seen.add(cp);
    if (cp < 0x80 ? cp <= 0x20 || cp === 0x7f : EMOJI_OR_FORMAT.test(ch) || (skipSpaces && SPACE.test(ch))) continue;
    out.push(cp);
  }
  return out;
}

function coverageOf(fonts: readonly FontFace[]): Set<number>[] {
  return [...new Set(fonts.map((f) => f.data))].map(fontCodePoints);
}

/**
 * Code points of `text` that none of `fonts` has a glyph for, sorted. Whitespace, control and
 * format characters (ZWJ…), variation selectors and emoji (drawn as images) are never reported.
 */
export function uncoveredCodePoints(text: string, fonts: readonly FontFace[]): number[] {
  const cps = codePoints(text, true);
  if (!cps.length) return [];
  const sets = coverageOf(fonts);
  return cps.filter((cp) => !sets.some((s) => s.has(cp))).sort((a, b) => a - b);
}

/** "U+0F00 ༀ, U+1F8A0 🢠" — unique, sorted, at most `max` then "… and N more". */
export function formatCodePoints(cps: readonly number[], max = 20): string {
  const unique = [...new Set(cps)].sort((a, b) => a - b);
  const shown = unique.slice(0, max).map((cp) => {
    const hex = `U+${cp.toString(16).toUpperCase().padStart(4, '0')}`;
    const ch = String.fromCodePoint(cp);
    if (/[\p{C}]/u.test(ch)) return hex; // controls, surrogates, private use, unassigned: no useful glyph
    return `${hex} ${/\p{M}/u.test(ch) ? `◌${ch}` : ch}`;
  });
  const rest = unique.length - shown.length;
  return shown.join(', ') + (rest > 0 ? ` … and ${rest} more` : '');
}

// ---- CJK subsets: fontsource's unicode.json (one unicode-range per subset file) ----

interface SubsetIndex {
  keys: string[]; // subset names as in file names: "117", "latin-ext"
  bmp: Uint8Array; // code point → 1 + index in keys of the first subset listing it, 0 for none
  astral: Map<number, number>; // the same above U+FFFF
}
const indexes = new Map<Cjk, SubsetIndex>();

function subsetIndex(cjk: Cjk): SubsetIndex {
  let index = indexes.get(cjk);
  if (index) return index;
  const file = path.join(cjkDir(cjk), '..', 'unicode.json');
  const ranges = JSON.parse(readFileSync(file, 'utf8')) as Record<string, string>;
  // The numbered CJK slices first, then the named latin/cyrillic/vietnamese ones.
  const entries = Object.entries(ranges).sort(([a], [b]) => Number(!a.startsWith('[')) - Number(!b.startsWith('[')));
  index = { keys: [], bmp: new Uint8Array(0x10000), astral: new Map() };
  for (const [key, list] of entries) {
    const n = index.keys.push(key.replace(/^\[|\]$/g, '')); // ≤ 255 subsets per family
    for (const range of list.split(',')) {
      const [lo, hi = lo] = range.trim().slice(2).split('-').map((h) => parseInt(h, 16));
      for (let cp = lo!; cp <= hi!; cp++) {
        if (cp < 0x10000) index.bmp[cp] ||= n;
        else if (!index.astral.has(cp)) index.astral.set(cp, n);
      }
    }
  }
  indexes.set(cjk, index);
  return index;
}

/** Index in `keys` of the subset file whose range lists `cp`, or undefined. */
function subsetOf(index: SubsetIndex, cp: number): number | undefined {
  const n = cp < 0x10000 ? index.bmp[cp]! : index.astral.get(cp) ?? 0;
  return n ? n - 1 : undefined;
}

/** Han and CJK punctuation go to JP when the text has kana, to KR in Hangul-only text, else to SC; Hangul to KR. */
function familyOrder(text: string): { hangul: Cjk[]; other: Cjk[] } {
  const other: Cjk[] = KANA.test(text) ? ['jp', 'sc', 'kr'] : HANGUL.test(text) && !HAN.test(text) ? ['kr', 'sc', 'jp'] : ['sc', 'jp', 'kr'];
  return { hangul: ['kr', ...other.filter((c) => c !== 'kr')], other };
}

/** The CJK subset files `text` needs beyond the bundled faces (`bundled(cp)`: some face has it): family → subset indexes, in family priority order. */
function neededSubsets(text: string, bundled: (cp: number) => boolean): Map<Cjk, Set<number>> {
  const need = new Map<Cjk, Set<number>>();
  const cps = codePoints(text, false).filter((cp) => !bundled(cp));
  if (!cps.length) return need;
  const order = familyOrder(text);
  for (const cjk of order.other) need.set(cjk, new Set());
  for (const cp of cps) {
    for (const cjk of HANGUL.test(String.fromCodePoint(cp)) ? order.hangul : order.other) {
      const i = subsetOf(subsetIndex(cjk), cp);
      if (i !== undefined) {
        need.get(cjk)!.add(i);
        break;
      }
    }
  }
  return need;
}

const files = new Map<string, Promise<Buffer>>();

function readCached(file: string): Promise<Buffer> {
  let data = files.get(file);
  if (!data) {
    data = readFile(file);
    data.catch(() => files.delete(file));
    files.set(file, data);
  }
  return data;
}

/** Paths of every CJK file loaded so far in this process (for tests and measurements). */
export function loadedCjkFiles(): string[] {
  return [...files.keys()];
}

// ---- bundled faces: only the family names a text is drawn with ----

/** Text a deck draws besides its posts, title and author (see layout/thread-text.ts). */
export interface AlsoDrawn {
  /** Cover, outro, footer, date, source link, the posts as rendered (character references decoded): faces are chosen for it too. */
  chrome?: string;
  /** Drawn in MONO_FONT_STACK (inline code, code blocks, 𝚖𝚘𝚗𝚘 letters); when absent, guessed from the text. */
  mono?: string;
}

/**
 * What templates, the handout and Markdown rendering add to every deck: labels ("Swipe to read",
 * "No. 3 — of 9", "Thread · 9 posts", "3/9 · cont."), dates, list bullets, "…" of shortened links.
 */
const CHROME = ' !"#$%&\'()*+,-./0123456789:;<=>?@ABCDEFGHIJKLMNOPQRSTUVWXYZ[\\]^_`abcdefghijklmnopqrstuvwxyz{|}~\u00a0·—–…•×';
/** Could be Markdown code (a backtick, a ~~~ fence, indentation) or 𝚖𝚘𝚗𝚘𝚜𝚙𝚊𝚌𝚎 letters: drawn in the monospace stack. */
const MAYBE_CODE = /`|~~~|\t| {4}|[\u{1D670}-\u{1D6A3}\u{1D7F6}-\u{1D7FF}]/u;
/** Math alphanumerics and the letterlike symbols filling their holes: drawn folded (unicode-fold.ts), 𝛂 as α. */
const FOLDED = /[\u{1D400}-\u{1D7FF}\u2102\u210A-\u210E\u2110-\u2112\u2115\u2119-\u211D\u2124\u2128\u212C\u212D\u212F-\u2131\u2133\u2134]/u;
/** Character references, which Markdown decodes (&rarr; → →); invalid numeric ones become U+FFFD. */
const REFERENCE = /&(?:#[0-9]{1,7}|#[xX][0-9a-fA-F]{1,6}|[A-Za-z][A-Za-z0-9]{1,31});/;

/**
 * Code points a text can be drawn with: its own, the folded forms of math letters, decoded character
 * references, and all of these upper-cased (templates upper-case titles, footers, initials). Line
 * feeds and tabs are left out: satori breaks lines and moves to tab stops, no face draws them.
 */
function drawnCodePoints(text: string): Set<number> {
  const decoded = REFERENCE.test(text) ? `${text}\n${decodeHTML(text)}\ufffd` : text;
  let forms = decoded;
  for (const ch of decoded) if (FOLDED.test(ch)) forms += ch.normalize('NFKC');
  const out = new Set<number>();
  for (const s of [forms, forms.toUpperCase(), forms.toLocaleUpperCase()]) {
    for (const ch of s) {
      const cp = ch.codePointAt(0)!;
      if (cp !== 0x0a && cp !== 0x09) out.add(cp);
    }
  }
  return out;
}

const coverages = new Map<FaceGroup, Promise<Set<number>[]>>();

/** The cmap of each face of a bundled group (read from the WOFF files, once per process). */
function groupCoverage(group: FaceGroup): Promise<Set<number>[]> {
  let p = coverages.get(group);
  if (!p) {
    p = Promise.all(group.faces.map((f) => bundledWoff(f).then(fontCodePoints)));
    p.catch(() => coverages.delete(group));
    coverages.set(group, p);
  }
  return p;
}

interface GroupPick {
  /** Indexes in bundledGroups() of the groups to load, ascending. */
  groups: Set<number>;
  /** Whether some face of some bundled group has the code point (the CJK check). */
  bundled(cp: number): boolean;
}

/**
 * The bundled family names that draw `cps`, following satori's fallback (and the PDF's, which
 * copies it): per character the family names asked for, then the names in array order, the first
 * whose face (picked by weight and style) has a glyph; none: the last name. So for each code point:
 * every group up to the first one all of whose faces have it (DejaVu's 400 and 700 differ), read
 * in order and only as far as needed. Always Inter latin (templates name `Inter`); JetBrains Mono
 * latin and latin-ext when something is drawn in MONO_FONT_STACK. A code point no face covers
 * (emoji pictures sit on the last face's ascent; tofu is its .notdef) needs the last name kept:
 * JetBrains Mono latin-ext — and DejaVu Sans when it is in the monospace stack, whose last
 * fallback in the PDF's text layer is DejaVu (that one leaves the asked-for names out of the rest).
 */
async function pickGroups(cps: Set<number>, mono: Set<number> | undefined): Promise<GroupPick> {
  const all = bundledGroups();
  const index = (name: string) => all.findIndex((g) => g.name === name);
  const monoGroups = [index(MONO_FONT), index(subsetFamily(MONO_FONT, 'latin-ext'))];
  const groups = new Set<number>([0]);
  const covered = new Set<number>(); // code points some bundled face has
  const full = new Set<number>(); // code points a whole group has (never falls through to the last face)
  const latin = await groupCoverage(all[0]!);
  let uncovered = false;
  for (const cp of cps) {
    if (latin.every((s) => s.has(cp))) {
      covered.add(cp);
      full.add(cp);
      continue;
    }
    for (let i = 0; i < all.length; i++) {
      const sets = await groupCoverage(all[i]!);
      if (!sets.some((s) => s.has(cp))) continue;
      groups.add(i);
      covered.add(cp);
      if (sets.every((s) => s.has(cp))) {
        full.add(cp);
        break;
      }
    }
    if (!full.has(cp)) uncovered = true;
  }
  if (uncovered) groups.add(all.length - 1);
  if (mono) {
    for (const i of monoGroups) groups.add(i);
    // Inside the stack the mono names come first, then the others in order (the groups found above).
    const monoSets = await Promise.all(monoGroups.map((i) => groupCoverage(all[i]!)));
    const others = all.filter((_, i) => !monoGroups.includes(i));
    for (const cp of mono) {
      if (monoSets.some((sets) => sets.every((s) => s.has(cp)))) continue;
      let drawn = false;
      for (const g of others) {
        const sets = await groupCoverage(g);
        if (sets.every((s) => s.has(cp))) {
          drawn = true;
          break;
        }
      }
      if (!drawn) {
        groups.add(index(SYMBOL_FONT));
        break;
      }
    }
  }
  return { groups, bundled: (cp) => covered.has(cp) };
}

const picked = new Map<string, Promise<FontFace[]>>();

/** The faces of some bundled groups, in the bundled order: one shared array per set of groups. */
function facesOf(groups: Set<number>): Promise<FontFace[]> {
  const list = [...groups].sort((a, b) => a - b);
  const key = list.join(',');
  let p = picked.get(key);
  if (!p) {
    const all = bundledGroups();
    p = groupFaces(list.map((i) => all[i]!));
    p.catch(() => picked.delete(key));
    picked.set(key, p);
  }
  return p;
}

/**
 * The bundled faces `text` is drawn with (see pickGroups) plus the CJK subset files, weights 400
 * and 700, whose ranges contain characters of `text` no bundled face has — chosen from `text` only,
 * as before. `also` adds what the deck draws besides (chrome, chosen for; mono, the monospace text).
 * A Latin thread gets Inter latin's 7 faces (and JetBrains Mono latin-ext when it has emoji); the
 * same choice returns the same array. Every character is drawn by the face it would be among all
 * 55 bundled faces (loadFonts()).
 */
export async function fontsForText(text: string, also: AlsoDrawn = {}): Promise<FontFace[]> {
  const shown = `${text}\n${also.chrome ?? ''}\n${also.mono ?? ''}`;
  const mono = also.mono !== undefined ? (also.mono ? drawnCodePoints(also.mono) : undefined) : MAYBE_CODE.test(shown) ? drawnCodePoints(shown) : undefined;
  const pick = await pickGroups(drawnCodePoints(`${shown}\n${CHROME}`), mono);
  const jobs: Promise<FontFace>[] = [];
  for (const [cjk, subsets] of neededSubsets(text, pick.bundled)) {
    const { keys } = subsetIndex(cjk);
    for (const i of [...subsets].sort((a, b) => a - b)) {
      const key = keys[i]!;
      const name = subsetFamily(CJK_FONTS[cjk], key);
      for (const weight of CJK_WEIGHTS) {
        const file = path.join(cjkDir(cjk), `${PACKAGES[cjk]}-${key}-${weight}-normal.woff`);
        jobs.push(readCached(file).then((data) => ({ name, data, weight, style: 'normal' as const, lang: LANGS[cjk] })));
      }
    }
  }
  const base = await facesOf(pick.groups);
  return jobs.length ? [...base, ...(await Promise.all(jobs))] : base;
}
