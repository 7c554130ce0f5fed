// Fonts for the PDF's text: the very faces satori drew with, embedded as subsets through
// pdf-lib + fontkit, and for each character the face that has it (requested family first, then
// the same fallback order satori uses) — so extracted text is exactly the card's text.
import fontkit from '@pdf-lib/fontkit';
import type { PDFDocument, PDFFont, PDFHexString } from 'pdf-lib';
import type { FontFace } from '../assets/fonts.ts';
import { fontCodePoints } from '../assets/font-coverage.ts';
import type { TextRun } from '../render/card-layout.ts';

export interface TextSegment {
  text: string;
  font: PDFFont;
}

export class PdfFontSet {
  private readonly embedded = new Map<FontFace, Promise<PDFFont | undefined>>();
  /** Faces that could not be embedded (their text is left out of the text layer). */
  readonly failed = new Set<string>();

  constructor(
    private readonly pdf: PDFDocument,
    private readonly faces: readonly FontFace[],
  ) {
    pdf.registerFontkit(fontkit);
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

  /** The run's text cut into pieces, each with the embedded face that draws it. */
  async segments(run: TextRun): Promise<TextSegment[]> {
    const order = this.candidates(run);
    const out: Array<{ text: string; face: FontFace }> = [];
    for (const ch of run.text) {
      const cp = ch.codePointAt(0)!;
      const face = order.find((f) => fontCodePoints(f.data).has(cp)) ?? order[0];
      if (!face) continue;
      const last = out[out.length - 1];
      if (last && last.face === face) last.text += ch;
      else out.push({ text: ch, face });
    }
    const segments: TextSegment[] = [];
    for (const piece of out) {
      const font = await this.embed(piece.face);
      if (font) segments.push({ text: piece.text, font });
    }
    return segments;
  }

  private candidates(run: TextRun): FontFace[] {
    const requested = run.family.split(',').map((f) => f.trim().replace(/^["']|["']$/g, '').toLowerCase());
    const score = (f: FontFace) => Math.abs(f.weight - run.weight) + (f.style === 'italic' === run.italic ? 0 : 1000);
    const named = requested.flatMap((name) => this.faces.filter((f) => f.name.toLowerCase() === name).sort((a, b) => score(a) - score(b)));
    const rest = this.faces.filter((f) => !named.includes(f));
    // Among fallbacks, keep satori's order but prefer the right weight/style of each family.
    const byFamily = new Map<string, FontFace[]>();
    for (const f of rest) byFamily.set(f.name, [...(byFamily.get(f.name) ?? []), f]);
    const fallbacks = [...byFamily.values()].flatMap((list) => list.sort((a, b) => score(a) - score(b)));
    return [...named, ...fallbacks];
  }

  private embed(face: FontFace): Promise<PDFFont | undefined> {
    let p = this.embedded.get(face);
    if (!p) {
      // A fixed subset tag instead of pdf-lib's random name suffix: same input, same bytes.
      const customName = `${subsetTag(this.embedded.size)}+${face.name.replace(/[^A-Za-z0-9]+/g, '')}-${face.weight}${face.style === 'italic' ? 'Italic' : ''}`;
      p = this.pdf.embedFont(face.data, { subset: true, customName }).catch(() => {
        this.failed.add(`${face.name} ${face.weight}${face.style === 'italic' ? ' italic' : ''}`);
        return undefined;
      });
      this.embedded.set(face, p);
    }
    return p;
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
