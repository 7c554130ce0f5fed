// The bench's PDF part: the vector PDF against the raster PDF (PNG pixels + invisible text) and
// the handout, on the source thread and a slice of the corpus: ms per card and bytes, next to the
// PNGs' bytes. Each export is measured alone (formats: ['pdf'] or ['handout']), one core.
import { loadThread, renderThread, type Thread } from '../src/index.ts';
import type { RenderOptions } from '../src/pipeline.ts';
import { forgetHeights } from '../src/layout/measure.ts';

interface Row {
  name: string;
  msPerCard: number;
  bytes: number;
}

async function measure(threads: Thread[], opts: RenderOptions): Promise<Row & { cards: number }> {
  let cards = 0;
  let bytes = 0;
  forgetHeights(); // each export lays the threads out afresh, as a first build does
  const t0 = performance.now();
  for (const t of threads) {
    const out = await renderThread(t, { template: 'default', ...opts });
    cards += out.deck.cards.length;
    bytes += out.pdf?.byteLength ?? out.handout?.bytes.byteLength ?? out.pngs.reduce((n, p) => n + p.byteLength, 0);
  }
  return { name: '', msPerCard: (performance.now() - t0) / cards, bytes, cards };
}

export async function pdfModes(files: string[]): Promise<{ label: string; cards: number; rows: Row[] }[]> {
  const sets = [
    { label: 'the source thread (threads/devops-sre-platform-engineering.yaml)', threads: [await loadThread('threads/devops-sre-platform-engineering.yaml')] },
    { label: `${files.length} corpus threads`, threads: await Promise.all(files.map((f) => loadThread(f))) },
  ];
  const out = [];
  for (const { label, threads } of sets) {
    await measure(threads.slice(0, 1), { formats: ['pdf'] }); // warm-up
    const png = await measure(threads, { formats: ['png'] });
    const vector = await measure(threads, { formats: ['pdf'], pdf: 'vector' });
    const raster = await measure(threads, { formats: ['pdf'], pdf: 'raster' });
    const handout = await measure(threads, { formats: ['handout'] });
    out.push({
      label,
      cards: png.cards,
      rows: [
        { ...png, name: 'PNG cards (for comparison)' },
        { ...vector, name: 'PDF, vector (default)' },
        { ...raster, name: 'PDF, --pdf raster' },
        { ...handout, name: 'handout (A4, 3 per page)' },
      ],
    });
  }
  return out;
}

export function printPdfModes(sets: Awaited<ReturnType<typeof pdfModes>>, log: (s?: string) => void): void {
  log('\n## PDF: vector vs raster (one core, in process, each export alone)\n');
  for (const set of sets) {
    const png = set.rows[0]!.bytes;
    log(`${set.label}, ${set.cards} cards:\n`);
    log('| output | ms / card | bytes | vs PNG bytes |');
    log('|---|---:|---:|---:|');
    for (const r of set.rows) log(`| ${r.name} | ${r.msPerCard.toFixed(1)} | ${r.bytes.toLocaleString('en')} | ${((100 * r.bytes) / png).toFixed(1)}% |`);
    log('');
  }
}
