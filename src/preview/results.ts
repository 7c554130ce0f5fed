// A render's outcome as the page sees it: diagnostics with their CLI text, and the result of a
// render that failed — the last good cards, marked stale, next to the errors.
import { formatDiagnostic, type Diagnostic } from '../diagnostics.ts';
import type { CardView, DiagnosticView, RenderResult } from './views.ts';

export function view(d: Diagnostic, cards?: number[]): DiagnosticView {
  return { ...d, text: formatDiagnostic(d), ...(cards?.length ? { cards } : {}) };
}

/** The cards and title of the last good render. */
export interface LastGood {
  cards: CardView[];
  title: string | null;
}

export function failedResult(seq: number, diagnostics: Diagnostic[], lastGood: LastGood, rendered: number, ms: RenderResult['ms']): RenderResult {
  const all = diagnostics.map((d) => view(d));
  return {
    seq,
    ok: false,
    stale: true,
    cards: lastGood.cards,
    errors: all.filter((d) => d.severity === 'error'),
    warnings: all.filter((d) => d.severity === 'warning'),
    rendered,
    ms,
    title: lastGood.title,
  };
}

/** No such file, and no text from the editor yet. */
export function missingFile(seq: number, file: string, lastGood: LastGood): RenderResult {
  const missing: Diagnostic = { severity: 'error', rule: 'io', file, message: 'file not found; save from the editor to create it' };
  return failedResult(seq, [missing], lastGood, 0, { total: 0, load: 0, layout: 0, render: 0 });
}
