// Text widths from the fonts' own advance widths, for chrome that must stay on one line (a name, a
// footer, a running head): `textWidth` and the kit's one truncation helper, `fitLine`. The faces are
// the ones satori draws with — the bundled Inter / DejaVu Sans and the @fontsource families a
// template loads through `fontsource()` — read synchronously once per process (a face is a few
// tens of KB; its cmap and hmtx are parsed on first use), so a card pays only a table lookup per
// character. Widths are the sum of the advances plus the letter spacing, without kerning (which
// in these fonts tightens a line more often than it widens it), so a fitted line has room to spare.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { cmapGlyphs, fontTable } from '../assets/cmap.ts';
import { bundledGroups, fontsourceDir, fontsourceFaces, type FontFace } from '../assets/fonts.ts';

type Weight = FontFace['weight'];
type Style = FontFace['style'];
interface FaceFile {
  weight: Weight;
  style: Style;
  file: string;
}
/** One family name's faces (one subset): satori picks among them by weight and style. */
type Group = readonly FaceFile[];

/** A family's subset groups in satori's order (`Lora`, then `Lora latin-ext`…), by lower-case family name. */
const registered = new Map<string, Group[]>();
let fallbacks: Group[] | undefined;

/** Inter's subsets, DejaVu Sans and JetBrains Mono: what satori falls back to after the named families. */
function bundled(): Group[] {
  if (fallbacks) return fallbacks;
  fallbacks = [];
  for (const g of bundledGroups()) {
    const group = g.faces.map((f) => ({ weight: f.weight, style: f.style, file: f.file }));
    fallbacks.push(group);
    // Inter's subsets all answer to "Inter" here (the latin file first); likewise the mono font.
    const family = g.name.replace(/ (latin-ext|cyrillic-ext|cyrillic|greek-ext|greek|vietnamese)$/, '').toLowerCase();
    registered.set(family, [...(registered.get(family) ?? []), group]);
  }
  return fallbacks;
}

/**
 * A @fontsource family for a template's `fonts()`: loads its faces for satori (fontsourceFaces,
 * one family name per subset) and lets textWidth / fitLine measure the family by its name.
 */
export function fontsource(pkg: string, family: string, faces: ReadonlyArray<{ weight: Weight; style: Style }>, subsets: readonly string[] = ['latin', 'latin-ext']): () => Promise<FontFace[]> {
  if (!registered.has(family.toLowerCase())) {
    const prefix = pkg.replace(/^@fontsource\//, '');
    let dir: string | undefined;
    const file = (subset: string, f: { weight: Weight; style: Style }) => path.join((dir ??= fontsourceDir(pkg)), `${prefix}-${subset}-${f.weight}-${f.style}.woff`);
    registered.set(
      family.toLowerCase(),
      subsets.map((subset) => faces.map((f) => ({ ...f, get file() { return file(subset, f); } }))),
    );
  }
  return () => fontsourceFaces(pkg, family, faces, subsets);
}

// ---------------------------------------------------------------- one face: cmap and advances

interface Face {
  /** Advance in em per code point the face has a glyph for. */
  advance: Map<number, number>;
}

const faces = new Map<string, Face>();

/** cmap (formats 4 and 12) → glyph ids; hmtx → advances. An unreadable file has no glyphs. */
function readFace(file: string): Face {
  let face = faces.get(file);
  if (face) return face;
  face = { advance: new Map() };
  faces.set(file, face);
  try {
    const data = readFileSync(file);
    const head = fontTable(data, 'head')!;
    const hhea = fontTable(data, 'hhea')!;
    const hmtx = fontTable(data, 'hmtx')!;
    const perEm = head.readUInt16BE(18);
    const metrics = hhea.readUInt16BE(34);
    const advanceOf = (glyph: number) => hmtx.readUInt16BE(4 * Math.min(glyph, metrics - 1)) / perEm;
    for (const [cp, glyph] of cmapGlyphs(data) ?? []) face.advance.set(cp, advanceOf(glyph));
  } catch {
    face.advance.clear(); // truncated or missing: measured by the fallbacks
  }
  return face;
}

/** satori's face matching (as in its font.ts): the weight by CSS's fallback order, then the style. */
function pick(group: Group, weight: number, style: Style): FaceFile | undefined {
  const rank = (f: FaceFile) => {
    const w = f.weight;
    let r: number;
    if (w === weight) r = 0;
    else if ((weight === 400 && w === 500) || (weight === 500 && w === 400)) r = 1;
    else if (weight <= 500) r = w < weight ? 2 + (weight - w) : 1000 + (w - weight);
    else r = w > weight ? 2 + (w - weight) : 1000 + (weight - w);
    return r * 2 + (f.style === style ? 0 : 1);
  };
  let best: FaceFile | undefined;
  for (const f of group) if (!best || rank(f) < rank(best)) best = f;
  return best;
}

// ---------------------------------------------------------------- widths

export interface TextStyle {
  fontSize: number;
  /** A CSS font-family list, as the element sets it; unknown families are measured as Inter. */
  fontFamily?: string;
  fontWeight?: number;
  italic?: boolean;
  /** px added after each character, as CSS letter-spacing. */
  letterSpacing?: number;
}

/** Per family/weight/style: code point → advance in em, from the first face that has the glyph. */
const lookups = new Map<string, Map<number, number>>();
/** Characters no bundled or registered face has (CJK from on-demand fonts, emoji images): on the wide side. */
const UNKNOWN_EM = 1.1;
const PICTOGRAPHIC = /\p{Extended_Pictographic}|\p{Regional_Indicator}/u;
const segmenter = new Intl.Segmenter('en', { granularity: 'grapheme' });
const PRINTABLE_ASCII = /^[\x20-\x7e]*$/;

function lookup(style: TextStyle): (cp: number) => number {
  const weight = style.fontWeight ?? 400;
  const italic: Style = style.italic ? 'italic' : 'normal';
  const key = `${style.fontFamily ?? ''}|${weight}|${italic}`;
  let cache = lookups.get(key);
  if (!cache) lookups.set(key, (cache = new Map()));
  const known = cache;
  return (cp) => {
    let em = known.get(cp);
    if (em !== undefined) return em;
    const rest = bundled();
    const named = (style.fontFamily ?? '')
      .split(',')
      .map((f) => f.trim().replace(/^["']|["']$/g, '').toLowerCase())
      .flatMap((f) => registered.get(f) ?? []);
    em = UNKNOWN_EM;
    for (const group of [...named, ...rest]) {
      const f = pick(group, weight, italic);
      const adv = f && readFace(f.file).advance.get(cp);
      if (adv !== undefined) {
        em = adv;
        break;
      }
    }
    known.set(cp, em);
    return em;
  };
}

/** The text's graphemes, each with its width in px at `style`. */
function graphemeWidths(text: string, style: TextStyle): Array<[string, number]> {
  const advance = lookup(style);
  const spacing = style.letterSpacing ?? 0;
  const out: Array<[string, number]> = [];
  if (PRINTABLE_ASCII.test(text)) {
    // one character per grapheme: no segmenter needed (most chrome lines)
    for (const ch of text) out.push([ch, advance(ch.charCodeAt(0)) * style.fontSize + spacing]);
    return out;
  }
  for (const { segment } of segmenter.segment(text)) {
    let em = 0;
    if (PICTOGRAPHIC.test(segment)) em = UNKNOWN_EM; // an emoji (sequence) is drawn as one image
    else for (const ch of segment) em += advance(ch.codePointAt(0)!);
    out.push([segment, em * style.fontSize + spacing]);
  }
  return out;
}

/** Width in px of `text` set on one line in `style` (advances and letter spacing; no kerning). */
export function textWidth(text: string, style: TextStyle): number {
  let w = 0;
  for (const [, gw] of graphemeWidths(text, style)) w += gw;
  return w;
}

/**
 * What satori's shaping may add to the sum of the advances (a kerning pair that widens, a ligature
 * with letter spacing): measured at most 0.7% of a line plus about 1 px (Inter, Lora, Space
 * Grotesk); fitLine keeps this much in hand.
 */
const SLACK = 0.01;
const SLACK_EM = 0.05;

export interface FitLineOptions {
  /** Shrink the text down to this size before cutting it (default: never shrink). */
  minFontSize?: number;
  /** Cut at a word boundary when that keeps at least this share of what fits (default 0.6); 1 cuts anywhere. */
  wordShare?: number;
}

/**
 * `text` on one line of at most `maxWidth` px, measured with the font's real advances: as it is if
 * it fits; else shrunk (down to `minFontSize`); else cut — at a word when one is near the end, at a
 * character otherwise, trailing spaces and separators dropped — and ended with "…". Use it rather
 * than satori's `textOverflow: ellipsis`, which reports the cut word at its full width (a phantom
 * overflow for the layout checks). `fontSize` is the size to draw the result at.
 */
export function fitLine(text: string, maxWidth: number, style: TextStyle, opts: FitLineOptions = {}): { text: string; fontSize: number } {
  const room = (size: number) => (maxWidth - SLACK_EM * size) / (1 + SLACK);
  const width = textWidth(text, style);
  if (width <= room(style.fontSize)) return { text, fontSize: style.fontSize };
  let fontSize = style.fontSize;
  if (opts.minFontSize !== undefined && opts.minFontSize < fontSize) {
    // advances scale with the size, letter spacing does not
    const spacing = graphemeWidths(text, style).length * (style.letterSpacing ?? 0);
    fontSize = Math.max(opts.minFontSize, (maxWidth - spacing * (1 + SLACK)) / (((width - spacing) * (1 + SLACK)) / style.fontSize + SLACK_EM));
    if (textWidth(text, { ...style, fontSize }) <= room(fontSize) + 1e-9) return { text, fontSize };
  }
  const at = { ...style, fontSize };
  const limit = room(fontSize) - textWidth('…', at);
  const parts = graphemeWidths(text, at);
  let used = 0;
  let cut = 0;
  while (cut < parts.length && used + parts[cut]![1] <= limit) used += parts[cut++]![1];
  const head = parts
    .slice(0, cut)
    .map(([g]) => g)
    .join('');
  const word = head.lastIndexOf(' ');
  const share = opts.wordShare ?? 0.6;
  const kept = (share < 1 && word > head.length * share ? head.slice(0, word) : head).replace(/[\s,.;:·—–-]+$/u, '');
  return { text: kept ? `${kept}…` : '', fontSize };
}
