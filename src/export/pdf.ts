// Export: card PNGs → one PDF, a page per card, page size = card size (1 px = 1 pt).
// Deterministic: no timestamps, fixed producer, so the same cards give the same bytes.
import { PDFDocument } from 'pdf-lib';
import type { Deck } from '../model.ts';

export const PRODUCER = 'threadeck';

export async function pngsToPdf(deck: Deck, pngs: readonly Uint8Array[]): Promise<Uint8Array> {
  const pdf = await PDFDocument.create({ updateMetadata: false });
  const { thread } = deck;
  pdf.setTitle(thread.title, { showInWindowTitleBar: true });
  pdf.setAuthor(thread.author.handle ? `${thread.author.name} (${thread.author.handle})` : thread.author.name);
  pdf.setCreator(PRODUCER);
  pdf.setProducer(PRODUCER);
  if (thread.source) pdf.setSubject(thread.source);
  for (const bytes of pngs) {
    const image = await pdf.embedPng(bytes);
    const page = pdf.addPage([deck.size.width, deck.size.height]);
    page.drawImage(image, { x: 0, y: 0, width: deck.size.width, height: deck.size.height });
  }
  return pdf.save({ useObjectStreams: true });
}
