// Platform limits, as warnings: LinkedIn document posts (≤ 300 pages, ≤ 100 MB, portrait or
// square pages read best) and Instagram carousels (≤ 20 images).
import type { Diagnostic } from '../diagnostics.ts';
import type { Deck, OutputKind } from '../model/index.ts';
import { orientation } from '../model/sizes.ts';

export const LIMITS = {
  linkedinPages: 300,
  linkedinBytes: 100 * 1024 * 1024,
  instagramCards: 20,
};

export function platformWarnings(deck: Deck, formats: readonly OutputKind[], pdfBytes?: number): Diagnostic[] {
  const out: Diagnostic[] = [];
  const warn = (message: string) => out.push({ severity: 'warning', rule: 'platform', file: deck.thread.file, message });
  const cards = deck.cards.length;
  if (formats.includes('pdf')) {
    if (cards > LIMITS.linkedinPages) warn(`the PDF has ${cards} pages; LinkedIn document posts take at most ${LIMITS.linkedinPages}`);
    if (pdfBytes !== undefined && pdfBytes > LIMITS.linkedinBytes) {
      warn(`the PDF is ${(pdfBytes / 1048576).toFixed(1)} MB; LinkedIn document posts take at most 100 MB`);
    }
    if (orientation(deck.size) === 'landscape') {
      warn(`the cards are landscape (${deck.size.width}×${deck.size.height}); a LinkedIn carousel shows them small — use --size linkedin (1080×1350) or square`);
    }
  }
  if (formats.includes('png') && cards > LIMITS.instagramCards) {
    warn(`${cards} cards; an Instagram carousel takes at most ${LIMITS.instagramCards} images`);
  }
  return out;
}
