// Plain text set in the PDF: wrapped to a width with the deck's own fonts (per character the face
// satori would use, so any script the cards show prints here too), drawn as real text.
import type { PDFFont } from 'pdf-lib';
import type { TextRun } from '../../render/card-layout.ts';
import type { PdfFontSet } from '../pdf-fonts.ts';
import type { Canvas } from '../vector/canvas.ts';
import { n } from '../vector/canvas.ts';

export interface TextStyle {
  size: number;
  weight: number;
  italic?: boolean;
  /** CSS family (lower case) as the cards name it. */
  family: string;
  color: [number, number, number];
  /** Space from one baseline to the next, in units of size. */
  leading: number;
}

export interface Line {
  text: string;
  style: TextStyle;
  /** Extra space above this line (paragraph spacing), pt. */
  before: number;
  href?: string;
}

type Piece = { text: string; font: PDFFont };

export class TextSetter {
  private readonly widths = new Map<string, number>();

  constructor(private readonly fonts: PdfFontSet) {}

  private run(text: string, style: TextStyle): TextRun {
    return { text, x: 0, y: 0, width: 0, height: 0, fontSize: style.size, family: style.family, weight: style.weight, italic: !!style.italic };
  }

  private async pieces(text: string, style: TextStyle): Promise<Piece[]> {
    return this.fonts.segments(this.run(text, style));
  }

  async width(text: string, style: TextStyle): Promise<number> {
    const key = `${style.family}|${style.weight}|${style.italic}|${text}`;
    let em = this.widths.get(key);
    if (em === undefined) {
      em = 0;
      for (const p of await this.pieces(text, style)) em += this.fonts.shape(p.font, p.text).em;
      this.widths.set(key, em);
    }
    return em * style.size;
  }

  /** `text` (newlines kept as line breaks) wrapped to `width`; words longer than a line are cut between characters. */
  async wrap(text: string, width: number, style: TextStyle, before = 0, href?: string): Promise<Line[]> {
    const lines: Line[] = [];
    for (const para of text.split('\n')) {
      let line = '';
      // Width of the line so far, with its trailing space: words are measured one by one (cached),
      // not the growing line (each new string would be shaped again).
      let used = 0;
      const push = () => {
        lines.push({ text: line.trimEnd(), style, before: lines.length === 0 ? before : 0, href });
        line = '';
        used = 0;
      };
      for (const word of para.split(/(?<=\s)/u)) {
        const bare = word.trimEnd();
        const w = await this.width(bare, style);
        if (used + w <= width + 0.01) {
          line += word;
          used += word === bare ? w : await this.width(word, style);
          continue;
        }
        if (line.trim()) push();
        // A word wider than the line: cut it between characters (widths summed, not re-shaped).
        let rest = word;
        while ((await this.width(rest.trimEnd(), style)) > width + 0.01) {
          const chars = [...rest];
          let k = 0;
          let w = 0;
          while (k < chars.length) {
            const cw = await this.width(chars[k]!, style);
            if (k > 0 && w + cw > width + 0.01) break;
            w += cw;
            k++;
          }
          line = chars.slice(0, k).join('');
          push();
          rest = chars.slice(k).join('');
        }
        line = rest;
        used = await this.width(rest, style);
      }
      if (line.trim() || para === '') push();
    }
    return lines;
  }

  /** Draws one line with its baseline at (x, y), PDF coordinates. */
  async draw(canvas: Canvas, line: Line, x: number, y: number): Promise<void> {
    if (!line.text.trim()) return;
    const { style } = line;
    canvas.fillColor(...style.color);
    canvas.op('BT');
    for (const piece of await this.pieces(line.text, style)) {
      const shaped = this.fonts.shape(piece.font, piece.text);
      canvas.textState(canvas.name('Font', piece.font.ref), style.size, 0, 100);
      canvas.op(`1 0 0 1 ${n(x)} ${n(y)} Tm`);
      canvas.op(shaped.tj);
      x += shaped.em * style.size;
    }
    canvas.op('ET');
  }
}

/** Height a list of lines takes. */
export function linesHeight(lines: readonly Line[]): number {
  return lines.reduce((h, l) => h + l.before + l.style.size * l.style.leading, 0);
}
