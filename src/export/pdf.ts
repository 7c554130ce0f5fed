// Export: the deck as one PDF, a page per card, page size = card size (1 px = 1 pt). A vector page
// is the card's SVG translated into PDF operators with real text (vector/page.ts); a raster page
// is the card's pixels (raw RGB deflated with node's zlib, an image XObject — pdf-lib's embedPng
// decodes and re-deflates in JS, ~3× slower) under an invisible text layer. Both get link
// annotations; the document gets bookmarks, page labels and metadata. Deterministic: no
// timestamps, so the same cards give the same bytes.
import { deflateSync } from 'node:zlib';
import { PDFDocument, drawObject, popGraphicsState, pushGraphicsState, concatTransformationMatrix, type PDFRef } from 'pdf-lib';
import type { Diagnostic } from '../diagnostics.ts';
import type { Deck } from '../model/index.ts';
import type { CardLayout } from '../render/card-layout.ts';
import { PdfFontSet } from './pdf-fonts.ts';
import { addOutline, addPageLabels, setMetadata } from './pdf-structure.ts';
import { addLinks, addTextLayer } from './pdf-text.ts';
import { VectorDoc } from './vector/doc-context.ts';
import { fallbackWarnings } from './pdf-warnings.ts';
import { drawSvgPage } from './vector/page.ts';

export { PRODUCER } from './pdf-structure.ts';

export type PdfMode = 'vector' | 'raster';

export interface PdfPage {
  width: number;
  height: number;
  /** Vector pages: the card's SVG with text kept as <text> (satori, embedFont: false). */
  svg?: string;
  /** Raster pages: 8-bit RGB pixels, width × height × 3 bytes. */
  rgb?: Uint8Array;
  /** The card's text and links, for the text layer; without it the page is an image only. */
  layout?: CardLayout;
}

export interface PdfResult {
  bytes: Uint8Array;
  warnings: Diagnostic[];
}

export async function deckToPdf(deck: Deck, pages: readonly PdfPage[]): Promise<PdfResult> {
  const pdf = await PDFDocument.create({ updateMetadata: false });
  setMetadata(pdf, deck);
  const fonts = new PdfFontSet(pdf, deck.assets.fonts);
  const refs: PDFRef[] = [];
  const vdoc = new VectorDoc(pdf, fonts, deck.assets.graphemeImages);
  for (const [index, { width, height, rgb, svg, layout }] of pages.entries()) {
    if (svg) {
      const page = pdf.addPage([width, height]);
      await drawSvgPage(vdoc, page, svg, index);
      if (layout) addLinks(page, layout, height);
      refs.push(page.ref);
      continue;
    }
    if (!rgb || rgb.length !== width * height * 3) throw new Error(`page pixels do not match ${width}×${height}`);
    const stream = pdf.context.stream(deflateSync(rgb, { level: 6 }), {
      Type: 'XObject',
      Subtype: 'Image',
      Width: width,
      Height: height,
      ColorSpace: 'DeviceRGB',
      BitsPerComponent: 8,
      Filter: 'FlateDecode',
    });
    const ref = pdf.context.register(stream);
    const page = pdf.addPage([width, height]);
    const name = page.node.newXObject('Card', ref);
    page.pushOperators(pushGraphicsState(), concatTransformationMatrix(width, 0, 0, height, 0, 0), drawObject(name), popGraphicsState());
    if (layout) {
      await addTextLayer(page, layout, fonts, height);
      addLinks(page, layout, height);
    }
    refs.push(page.ref);
  }
  addOutline(pdf, deck, refs);
  addPageLabels(pdf, deck);
  const warnings = fallbackWarnings(deck, vdoc, fonts, 'PDF');
  return { bytes: await pdf.save({ useObjectStreams: true }), warnings };
}
