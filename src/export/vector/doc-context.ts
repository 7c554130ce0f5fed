// What the pages of one vector PDF share: embedded fonts, images (one XObject per distinct image,
// so an avatar on every card is stored once), graphics states, shadings, and the warnings.
import type { PDFDocument, PDFRef } from 'pdf-lib';
import type { PdfFontSet } from '../pdf-fonts.ts';

export interface Fallback {
  /** Card index (0-based) and what could not be drawn as vectors. */
  card: number;
  element: string;
  reason: string;
  /** The element had text: drawn as vector text over the image, without the effect. */
  text?: boolean;
}

export class VectorDoc {
  readonly gstates = new Map<string, PDFRef>();
  readonly shadings = new Map<string, PDFRef>();
  readonly images = new Map<string, Promise<PlacedImage | undefined>>();
  readonly fallbacks: Fallback[] = [];

  /** Emoji images (their data: URI) → the text they stand for, so the PDF's text has them too. */
  readonly emoji: Map<string, string>;

  constructor(
    readonly pdf: PDFDocument,
    readonly fonts: PdfFontSet,
    graphemeImages: Record<string, string> = {},
  ) {
    this.emoji = new Map(Object.entries(graphemeImages).map(([text, uri]) => [uri, text]));
  }

  /** An ExtGState with the given entries, one object per distinct set. */
  gstate(entries: Record<string, unknown>, key = JSON.stringify(entries)): PDFRef {
    let ref = this.gstates.get(key);
    if (!ref) this.gstates.set(key, (ref = this.pdf.context.register(this.pdf.context.obj({ Type: 'ExtGState', ...entries } as never))));
    return ref;
  }

  alpha(fill: number, stroke = fill): PDFRef {
    return this.gstate({ ca: round(fill), CA: round(stroke) });
  }
}

/** An image ready to draw: an XObject and its natural size (px for rasters, viewBox for SVG). */
export interface PlacedImage {
  ref: PDFRef;
  width: number;
  height: number;
  /** SVG forms: the viewBox origin. */
  x?: number;
  y?: number;
  /** SVG images keep their own preserveAspectRatio inside the form. */
  svg?: boolean;
}

const round = (v: number) => Math.round(Math.min(1, Math.max(0, v)) * 1000) / 1000;
