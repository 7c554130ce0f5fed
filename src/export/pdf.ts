// Export: card rasters → one PDF, a page per card, page size = card size (1 px = 1 pt).
// Pages are raw RGB deflated with node's zlib and embedded as image XObjects through pdf-lib's
// low-level API (pdf-lib's embedPng decodes and re-deflates in JS: ~3× slower, and larger files).
// Deterministic: no timestamps, fixed producer, so the same cards give the same bytes.
import { deflateSync } from 'node:zlib';
import { PDFDocument, drawObject, popGraphicsState, pushGraphicsState, concatTransformationMatrix } from 'pdf-lib';
import type { Thread } from '../model.ts';

export const PRODUCER = 'threadeck';

export interface PdfPage {
  width: number;
  height: number;
  /** 8-bit RGB pixels, width × height × 3 bytes. */
  rgb: Uint8Array;
}

export async function rastersToPdf(thread: Thread, pages: readonly PdfPage[]): Promise<Uint8Array> {
  const pdf = await PDFDocument.create({ updateMetadata: false });
  pdf.setTitle(thread.title, { showInWindowTitleBar: true });
  pdf.setAuthor(thread.author.handle ? `${thread.author.name} (${thread.author.handle})` : thread.author.name);
  pdf.setCreator(PRODUCER);
  pdf.setProducer(PRODUCER);
  if (thread.source) pdf.setSubject(thread.source);

  for (const { width, height, rgb } of pages) {
    if (rgb.length !== width * height * 3) throw new Error(`page pixels do not match ${width}×${height}`);
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
  }
  return pdf.save({ useObjectStreams: true });
}

