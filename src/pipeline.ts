// In-memory pipeline for one thread: Thread → Deck → SVG → PNG / PDF. No disk access.
import type { Deck, OutputKind, Thread } from './model.ts';
import { layoutThread, type LayoutOptions } from './layout/paginate.ts';
import { renderCardSvg } from './render/render-svg.ts';
import { rasterize } from './export/png.ts';
import { deckToPdf, type PdfPage } from './export/pdf.ts';
import { cardLayout } from './render/card-layout.ts';

export interface RenderOptions extends LayoutOptions {
  formats?: readonly OutputKind[];
}

export interface RenderedThread {
  deck: Deck;
  svgs: string[];
  pngs: Uint8Array[];
  pdf?: Uint8Array;
}

/** Lets resvg's native buffers be freed between cards (they are released when the event loop turns). */
const yieldToLoop = () => new Promise<void>((resolve) => setImmediate(resolve));

export async function renderThread(thread: Thread, opts: RenderOptions = {}): Promise<RenderedThread> {
  const formats = opts.formats ?? ['png', 'pdf'];
  const deck = await layoutThread(thread, opts);
  const want = { png: formats.includes('png'), rgb: formats.includes('pdf') };
  const svgs: string[] = [];
  const pngs: Uint8Array[] = [];
  const pages: PdfPage[] = [];
  for (const card of deck.cards) {
    const svg = await renderCardSvg(deck, card);
    svgs.push(svg);
    if (want.png || want.rgb) {
      const raster = rasterize(svg, want);
      if (raster.png) pngs.push(raster.png);
      if (raster.rgb) pages.push({ width: raster.width, height: raster.height, rgb: raster.rgb, layout: await cardLayout(deck, card) });
      await yieldToLoop();
    }
  }
  const out: RenderedThread = { deck, svgs, pngs };
  if (want.rgb) {
    const pdf = await deckToPdf(deck, pages);
    out.pdf = pdf.bytes;
    deck.warnings.push(...pdf.warnings);
  }
  return out;
}
