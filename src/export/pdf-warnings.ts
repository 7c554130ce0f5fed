// Warnings a PDF export reports: fonts that could not be embedded, elements drawn as images.
import type { Diagnostic } from '../diagnostics.ts';
import type { Deck } from '../model/index.ts';
import type { PdfFontSet } from './pdf-fonts.ts';
import type { VectorDoc } from './vector/doc-context.ts';

export function fallbackWarnings(deck: Deck, vdoc: VectorDoc, fonts: PdfFontSet, what: 'PDF' | 'handout'): Diagnostic[] {
  const file = deck.thread.file;
  const out: Diagnostic[] = [...fonts.failed].map((face) => ({
    severity: 'warning',
    rule: 'pdf-font',
    file,
    message: `the ${what} leaves out text in ${face}: that font could not be embedded`,
  }));
  for (const f of vdoc.fallbacks) {
    out.push({
      severity: 'warning',
      rule: 'pdf-raster-fallback',
      file,
      message: `${what}, card ${f.card + 1}: ${f.reason} in ${f.element} has no vector form; that element is drawn as an image${f.text ? ' and its text as real text over it, without the effect' : ''} (the rest stays vector)`,
    });
  }
  return out;
}
