// In-memory pipeline for one thread: Thread → Deck → SVG → PNG / PDF. No disk access.
import type { Deck, OutputKind, Thread } from './model.ts';
import { layoutThread, type LayoutOptions } from './layout/paginate.ts';
import { renderCardSvg } from './render/render-svg.ts';
import { rasterize } from './export/png.ts';
import { deckToPdf, type PdfMode, type PdfPage } from './export/pdf.ts';
import { cardLayout, cardVector } from './render/card-layout.ts';
import { deckToHandout } from './export/handout/handout.ts';
import { DEFAULT_HANDOUT, type HandoutOptions } from './export/handout/paper.ts';

export interface RenderOptions extends LayoutOptions {
  formats?: readonly OutputKind[];
  /** vector (default): real text and shapes; raster: each page the card's pixels under an invisible text layer. */
  pdf?: PdfMode;
  /** The handout's paper and cards per page (format `handout`). */
  handout?: HandoutOptions;
}

export interface RenderedThread {
  deck: Deck;
  /** The cards' SVGs (text as paths), when PNG, SVG or a raster PDF was asked for. */
  svgs: string[];
  pngs: Uint8Array[];
  pdf?: Uint8Array;
  handout?: { bytes: Uint8Array; pages: number };
}

/** Lets resvg's native buffers be freed between cards (they are released when the event loop turns). */
const yieldToLoop = () => new Promise<void>((resolve) => setImmediate(resolve));

export async function renderThread(thread: Thread, opts: RenderOptions = {}): Promise<RenderedThread> {
  const formats = opts.formats ?? ['png', 'pdf'];
  const deck = await layoutThread(thread, opts);
  const pdfMode: PdfMode = opts.pdf ?? 'vector';
  const want = {
    png: formats.includes('png'),
    svg: formats.includes('svg'),
    vector: (formats.includes('pdf') && pdfMode === 'vector') || formats.includes('handout'),
    rgb: formats.includes('pdf') && pdfMode === 'raster',
  };
  const svgs: string[] = [];
  const pngs: Uint8Array[] = [];
  const pages: PdfPage[] = [];
  const vectorPages: PdfPage[] = [];
  const { width, height } = deck.size;
  for (const card of deck.cards) {
    if (want.png || want.svg || want.rgb) {
      const svg = await renderCardSvg(deck, card);
      svgs.push(svg);
      if (want.png || want.rgb) {
        const raster = rasterize(svg, want);
        if (raster.png) pngs.push(raster.png);
        if (raster.rgb) pages.push({ width, height, rgb: raster.rgb, layout: await cardLayout(deck, card) });
        await yieldToLoop();
      }
    }
    // The vector page needs satori's text positions, not glyph outlines: one more satori pass, no resvg.
    if (want.vector) vectorPages.push({ width, height, ...(await cardVector(deck, card)) });
  }
  const out: RenderedThread = { deck, svgs, pngs };
  if (formats.includes('pdf')) {
    const pdf = await deckToPdf(deck, pdfMode === 'vector' ? vectorPages : pages);
    out.pdf = pdf.bytes;
    deck.warnings.push(...pdf.warnings);
  }
  if (formats.includes('handout')) {
    const handout = await deckToHandout(deck, vectorPages, opts.handout ?? DEFAULT_HANDOUT);
    out.handout = { bytes: handout.bytes, pages: handout.pages };
    // The same elements fall back in both PDFs: report them once.
    const both = formats.includes('pdf') && pdfMode === 'vector';
    deck.warnings.push(...handout.warnings.filter((w) => !both || w.rule !== 'pdf-raster-fallback'));
  }
  return out;
}
