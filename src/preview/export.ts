// The preview's downloads — the PDF, the handout or the PNG cards of a thread — made by
// renderThread exactly as `threadeck build` makes them, named as build names them. Imported on the
// first export only: previewing needs none of the PDF code (pdf-lib, fontkit's layout).
import path from 'node:path';
import type { Thread } from '../model/index.ts';
import { renderThread, type RenderOptions } from '../pipeline.ts';
import { planOutputs } from '../write/output-paths.ts';
import { renderer, type Renderer } from './renderer.ts';
import { view } from './results.ts';
import type { DiagnosticView } from './views.ts';

export type ExportKind = 'pdf' | 'handout' | 'png';

export type ExportOutcome = { ok: true; files: Array<{ name: string; bytes: Uint8Array }> } | { ok: false; errors: DiagnosticView[] };

/** The export of the thread `prepare` gives (parsed, with what it is drawn with); its problems as the page shows them. */
export async function exportPrepared(kind: ExportKind, displayName: string, prepare: (r: Renderer) => Promise<{ thread: Thread; opts: RenderOptions }>): Promise<ExportOutcome> {
  const r = await renderer();
  try {
    const { thread, opts } = await prepare(r);
    return { ok: true, files: await exportThread(thread, opts, kind) };
  } catch (err) {
    return { ok: false, errors: r.toDiagnostics(err, displayName).map((d) => view(d)) };
  }
}

export async function exportThread(thread: Thread, opts: RenderOptions, kind: ExportKind): Promise<Array<{ name: string; bytes: Uint8Array }>> {
  const out = await renderThread(thread, { ...opts, formats: [kind] });
  const plan = planOutputs('', thread.slug, out.deck.cards.length);
  if (kind === 'pdf') return [{ name: path.basename(plan.pdf), bytes: out.pdf! }];
  if (kind === 'handout') return [{ name: path.basename(plan.handout), bytes: out.handout!.bytes }];
  return out.pngs.map((bytes, i) => ({ name: path.basename(plan.cards.png[i]!), bytes }));
}
