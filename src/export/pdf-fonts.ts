// Fonts for the PDF's text: the very faces satori drew with, embedded as subsets through
// pdf-lib + fontkit, and for each character the face that has it (requested family first, then
// the same fallback order satori uses) — so extracted text is exactly the card's text.
import fontkit from '@pdf-lib/fontkit';
import type { PDFDocument, PDFFont, PDFHexString } from 'pdf-lib';
import type { FontFace } from '../assets/fonts.ts';
import { fontCodePoints } from '../assets/cmap.ts';
import { toSfnt } from '../assets/sfnt.ts';
import type { TextRun } from '../render/card-layout.ts';

/**
 * fontkit with parsed fonts kept per font buffer, for every document of the process: parsing
 * (and fontkit's glyph and layout caches) is paid once, not once per PDF. Fonts are read-only
 * to pdf-lib (subsets are separate objects).
 */
const parsed = new WeakMap<Uint8Array, unknown>();
const sharedFontkit = {
  create(data: Uint8Array, postscriptName?: string): unknown {
    if (postscriptName) return fontkit.create(data, postscriptName);
    let font = parsed.get(data);
    if (!font) parsed.set(data, (font = fontkit.create(data)));
    return font;
  },
} as unknown as typeof fontkit;

export interface TextSegment {
  text: string;
  font: PDFFont;
  /** satori draws this piece with synthetic bold (stroked) / italic (slanted): the face lacks it. */
  bold?: boolean;
  italic?: boolean;
}

export class PdfFontSet {
  private readonly embedded = new Map<FontFace, Promise<PDFFont | undefined>>();
  /** Faces that could not be embedded (their text is left out of the text layer). */
  readonly failed = new Set<string>();

  constructor(
    private readonly pdf: PDFDocument,
    private readonly faces: readonly FontFace[],
  ) {
    pdf.registerFontkit(sharedFontkit);
  }

  private readonly encoded = new Map<PDFFont, Map<string, PDFHexString>>();

  /** font.encodeText, cached: words repeat, and pdf-lib's encoding (a fontkit layout) is slow. */
  encode(font: PDFFont, text: string): PDFHexString {
    let byText = this.encoded.get(font);
    if (!byText) this.encoded.set(font, (byText = new Map()));
    let hex = byText.get(text);
    if (!hex) byText.set(text, (hex = font.encodeText(text)));
    return hex;
  }

  /** Per requested family/weight/style: the face satori draws each code point with. */
  private readonly picks = new Map<string, (cp: number) => FontFace | undefined>();
  private readonly shaped = new Map<PDFFont, Map<string, Shaped>>();

  /**
   * `text` shaped as satori shapes it (kerning, ligatures — fontkit here, harfbuzz there): the
   * glyphs as TJ operands with the kerning as position adjustments, and the advance width in em.
   */
  shape(font: PDFFont, text: string): Shaped {
    let byText = this.shaped.get(font);
    if (!byText) this.shaped.set(font, (byText = new Map()));
    let out = byText.get(text);
    if (!out) {
      out = shapeRun(font, text, (t, glyphs) => (glyphs && encodeGlyphs(font, glyphs)) || this.encode(font, t).asString());
      byText.set(text, out);
    }
    return out;
  }

  /** The run's text cut into pieces, each with the embedded face that draws it (as satori picks faces). */
  async segments(run: TextRun): Promise<TextSegment[]> {
    const key = `${run.family}|${run.weight}|${run.italic}`;
    let pick = this.picks.get(key);
    if (!pick) {
      const order = this.candidates(run);
      const byCp = new Map<number, FontFace | undefined>();
      // Like satori: the first face with the glyph, else the last one.
      pick = (cp) => {
        if (!byCp.has(cp)) byCp.set(cp, order.find((f) => fontCodePoints(f.data).has(cp)) ?? order[order.length - 1]);
        return byCp.get(cp);
      };
      this.picks.set(key, pick);
    }
    const out: Array<{ text: string; face: FontFace }> = [];
    for (const ch of run.text) {
      const face = pick(ch.codePointAt(0)!);
      if (!face) continue;
      const last = out[out.length - 1];
      if (last && last.face === face) last.text += ch;
      else out.push({ text: ch, face });
    }
    const segments: TextSegment[] = [];
    for (const piece of out) {
      const font = await this.embed(piece.face);
      if (!font) continue;
      // satori synthesizes what the face lacks, as Chrome does: bold from 600, italic by slanting.
      segments.push({ text: piece.text, font, bold: run.weight >= 600 && piece.face.weight < 600, italic: run.italic && piece.face.style !== 'italic' });
    }
    return segments;
  }

  /** One face per family, best match first for the requested families, then every other family in load order (satori's fallback order). */
  private candidates(run: TextRun): FontFace[] {
    const families = new Map<string, FontFace[]>();
    for (const f of this.faces) {
      const key = f.name.toLowerCase();
      families.set(key, [...(families.get(key) ?? []), f]);
    }
    const requested = run.family.split(',').map((f) => f.trim().replace(/^["']|["']$/g, '').toLowerCase());
    const style = run.italic ? 'italic' : 'normal';
    const named = requested.flatMap((name) => (families.has(name) ? [bestFace(families.get(name)!, run.weight, style)] : []));
    const rest = [...families.entries()].filter(([name]) => !requested.includes(name)).map(([, list]) => bestFace(list, run.weight, style));
    return [...named, ...rest];
  }

  private embed(face: FontFace): Promise<PDFFont | undefined> {
    let p = this.embedded.get(face);
    if (!p) {
      // A fixed subset tag instead of pdf-lib's random name suffix: same input, same bytes.
      const customName = `${subsetTag(this.embedded.size)}+${face.name.replace(/[^A-Za-z0-9]+/g, '')}-${face.weight}${face.style === 'italic' ? 'Italic' : ''}`;
      p = this.pdf.embedFont(toSfnt(face.data), { subset: true, customName }).catch(() => {
        this.failed.add(`${face.name} ${face.weight}${face.style === 'italic' ? ' italic' : ''}`);
        return undefined;
      });
      this.embedded.set(face, p);
    }
    return p;
  }
}

export interface Shaped {
  /** The text-showing operator: `[<glyphs> kern <glyphs>…] TJ`. */
  tj: string;
  /** Advance width with kerning, in em (× font size for user units; letter spacing not included). */
  em: number;
}

interface FontkitFont {
  unitsPerEm: number;
  glyphForCodePoint(cp: number): { advanceWidth: number };
  layout(text: string): { glyphs: Array<{ id: number; advanceWidth: number }>; positions: Array<{ xAdvance: number }> };
}

/** The fontkit font behind a pdf-lib custom font (pdf-lib keeps it on its embedder). */
function fontkitFont(font: PDFFont): FontkitFont {
  return (font as unknown as { embedder: { font: FontkitFont } }).embedder.font;
}

/** satori's face matching (its font.ts compareFont): weight first, by CSS's fallback order, then style. */
function bestFace(list: readonly FontFace[], weight: number, style: string): FontFace {
  let best = list[0]!;
  for (const next of list.slice(1)) if (compareFaces(weight, style, best, next) > 0) best = next;
  return best;
}

function compareFaces(weight: number, style: string, a: FontFace, b: FontFace): number {
  if (a.weight !== b.weight) {
    if (a.weight === weight) return -1;
    if (b.weight === weight) return 1;
    if (weight === 400 && a.weight === 500) return -1;
    if (weight === 500 && a.weight === 400) return -1;
    if (weight === 400 && b.weight === 500) return 1;
    if (weight === 500 && b.weight === 400) return 1;
    if (weight < 400) {
      if (a.weight < weight && b.weight < weight) return b.weight - a.weight;
      if (a.weight < weight) return -1;
      if (b.weight < weight) return 1;
      return a.weight - b.weight;
    }
    if (weight < a.weight && weight < b.weight) return a.weight - b.weight;
    if (weight < a.weight) return -1;
    if (weight < b.weight) return 1;
    return b.weight - a.weight;
  }
  if (a.style !== b.style) {
    if (a.style === style) return -1;
    if (b.style === style) return 1;
  }
  return -1;
}

type Glyph = { id: number; advanceWidth: number };

/**
 * Subset glyph codes for glyphs already laid out — what pdf-lib's encodeText does after its own
 * fontkit layout (the same one, done twice otherwise: layout is most of the vector text's cost).
 * Uses pdf-lib's subset embedder fields; undefined when they are not there (then encodeText).
 */
function encodeGlyphs(font: PDFFont, glyphs: readonly Glyph[]): string | undefined {
  const e = (font as unknown as { embedder: SubsetEmbedder }).embedder;
  if (!e.subset || !e.glyphs || !e.glyphIdMap || !e.glyphCache) return undefined;
  let hex = '';
  for (const glyph of glyphs) {
    const id = e.subset.includeGlyph(glyph);
    e.glyphs[id - 1] = glyph;
    e.glyphIdMap.set(glyph.id, id);
    hex += id.toString(16).toUpperCase().padStart(4, '0');
  }
  e.glyphCache.invalidate();
  return hex;
}

interface SubsetEmbedder {
  subset?: { includeGlyph(glyph: Glyph): number };
  glyphs?: Glyph[];
  glyphIdMap?: Map<number, number>;
  glyphCache?: { invalidate(): void };
}

function shapeRun(font: PDFFont, text: string, encode: (text: string, glyphs?: readonly Glyph[]) => string): Shaped {
  const fk = fontkitFont(font);
  const perEm = 1000 / fk.unitsPerEm;
  try {
    const run = fk.layout(text);
    for (const g of run.glyphs) void g.advanceWidth; // throws for a glyph the file lacks: before it reaches the subset
    const hex = encode(text, run.glyphs as unknown as Glyph[]);
    if (hex.length !== run.glyphs.length * 4) throw new Error('glyphs and codes differ');
    const parts: string[] = [];
    let pending = '';
    let width = 0;
    for (let i = 0; i < run.glyphs.length; i++) {
      const adv = run.positions[i]!.xAdvance;
      width += adv;
      pending += hex.slice(i * 4, i * 4 + 4);
      const kern = Math.round((run.glyphs[i]!.advanceWidth - adv) * perEm * 10) / 10;
      if (kern !== 0 && i < run.glyphs.length - 1) {
        parts.push(`<${pending}>`, String(kern));
        pending = '';
      }
    }
    if (pending) parts.push(`<${pending}>`);
    return { tj: `[${parts.join(' ')}] TJ`, em: width / fk.unitsPerEm };
  } catch {
    // Some subset files lack the glyphs their ligature rules name (JetBrains Mono's "//"): one
    // character at a time, no shaping.
    let width = 0;
    let hex = '';
    for (const ch of text) {
      hex += encode(ch);
      width += fk.glyphForCodePoint(ch.codePointAt(0)!).advanceWidth;
    }
    return { tj: `<${hex}> Tj`, em: width / fk.unitsPerEm };
  }
}

/** "AAAAAA", "AAAAAB", … — the six-letter prefix PDF uses to mark a font subset. */
function subsetTag(n: number): string {
  let tag = '';
  for (let i = 0; i < 6; i++) {
    tag = String.fromCharCode(65 + (n % 26)) + tag;
    n = Math.floor(n / 26);
  }
  return tag;
}
