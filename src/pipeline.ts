// In-memory pipeline for one thread: Thread → Deck → SVG → PNG / PDF. No disk access.
import type { Card, Deck, OutputKind, Thread } from './model/index.ts';
import { layoutThread, type LayoutOptions } from './layout/paginate.ts';
import { cardElement, elementSvg } from './render/render-svg.ts';
import { cardKey } from './hash.ts';
import { expandComponents } from './template/expand.ts';
import { rasterize } from './export/png.ts';
import type { PdfMode, PdfPage } from './export/pdf.ts';
import { cardLayout, cardVector } from './render/card-layout.ts';
import { DEFAULT_HANDOUT, type HandoutOptions } from './export/handout/paper.ts';

export interface RenderOptions extends LayoutOptions {
  formats?: readonly OutputKind[];
  /** vector (default): real text and shapes; raster: each page the card's pixels under an invisible text layer. */
  pdf?: PdfMode;
  /** The handout's paper and cards per page (format `handout`). */
  handout?: HandoutOptions;
  /** Per-card reuse (the build cache): each card's PNG/SVG is looked up by its key before rendering. */
  reuse?: CardReuse;
  /** Render only the cards whose index ≡ slice.index (mod slice.count): a share of a big thread (PNG/SVG only). */
  slice?: { index: number; count: number };
  /**
   * Called as each card is done (its PNG/SVG rendered or reused, its PDF page drawn), with its index,
   * the deck's card count and what was made of it; a promise it returns is waited for before the next card.
   */
  onCard?: (index: number, cards: number, done: CardDone) => void | Promise<void>;
  /**
   * Called once the deck is laid out, before any card is drawn, with the keys of the cards to draw
   * (with `reuse`; in order); a promise it returns is waited for (the preview announces the cards).
   */
  onDeck?: (deck: Deck, keys: readonly string[]) => void | Promise<void>;
}

/** One card, done: its key (with `reuse`), its PNG (when PNG was asked for) and whether it came from `reuse`. */
export interface CardDone {
  key?: string;
  png?: Uint8Array;
  reused: boolean;
}

/** Outputs of cards rendered before, found by card key (render/card-key.ts). */
export interface CardReuse {
  /** Mixed into every key: the tool's version, so an upgrade never reuses an old picture. */
  salt: string;
  get(key: string): { png?: Uint8Array; svg?: string } | undefined;
}

export interface RenderedThread {
  deck: Deck;
  /** Each card's SVG (text as paths) when SVG was asked for; with PNG or a raster PDF only, those of the cards rendered (a reused card has none). */
  svgs: string[];
  pngs: Uint8Array[];
  pdf?: Uint8Array;
  handout?: { bytes: Uint8Array; pages: number };
  /** The self-contained HTML deck (format `html`). */
  html?: string;
  /** The PowerPoint deck (format `pptx`). */
  pptx?: { bytes: Uint8Array; slides: number };
  /** Each card's key, when `reuse` was given (for the cache to record). */
  keys: string[];
  /** Cards whose PNG/SVG came from `reuse` instead of being rendered. */
  reused: number;
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
    // The HTML deck shows each card's SVG (text as paths) under a text layer placed from satori's layout.
    html: formats.includes('html'),
    // The PPTX puts editable text boxes where satori laid the text out, over the card without its text.
    pptx: formats.includes('pptx'),
  };
  const needSvg = want.svg || want.html;
  const svgs: string[] = [];
  const pngs: Uint8Array[] = [];
  const pages: PdfPage[] = [];
  const vectorPages: PdfPage[] = [];
  const keys: string[] = [];
  let reused = 0;
  const { width, height } = deck.size;
  const inSlice = (card: Card) => !opts.slice || card.index % opts.slice.count === opts.slice.index;
  const pictured = want.png || needSvg || want.rgb;
  // Components expanded: the tree satori draws, hashed whole (template/expand.ts).
  const picture = (card: Card) => {
    const element = expandComponents(cardElement(deck, card));
    return { element, key: opts.reuse && cardKey(element, deck.size, deck.assets.fonts, opts.reuse.salt) };
  };
  // With onDeck, every card's key is known before the first is drawn (and its tree made once).
  const planned = opts.onDeck && pictured ? new Map(deck.cards.filter(inSlice).map((card) => [card.index, picture(card)])) : undefined;
  if (opts.onDeck) {
    const ack = opts.onDeck(deck, planned ? [...planned.values()].flatMap((p) => (p.key ? [p.key] : [])) : []);
    if (ack) await ack;
  }
  for (const card of deck.cards) {
    if (!inSlice(card)) continue;
    const done: CardDone = { reused: false };
    if (pictured) {
      const { element, key } = planned?.get(card.index) ?? picture(card);
      // A card seen before (same picture inputs) is not rendered again; the raster PDF needs its pixels, so it always renders.
      if (key) keys.push((done.key = key));
      const old = key && !want.rgb ? opts.reuse!.get(key) : undefined;
      if (old && (!want.png || old.png) && (!needSvg || old.svg !== undefined)) {
        if (want.png) pngs.push((done.png = old.png!));
        if (needSvg) svgs.push(old.svg!);
        reused++;
        done.reused = true;
      } else {
        const svg = await elementSvg(deck, element);
        svgs.push(svg);
        if (want.png || want.rgb) {
          const raster = rasterize(svg, want);
          if (raster.png) pngs.push((done.png = raster.png));
          if (raster.rgb) pages.push({ width, height, rgb: raster.rgb, layout: await cardLayout(deck, card) });
          await yieldToLoop();
        }
      }
    }
    // The vector page needs satori's text positions, not glyph outlines: one more satori pass, no resvg.
    if (want.vector || want.html || want.pptx) vectorPages.push({ width, height, ...(await cardVector(deck, card)) });
    const ack = opts.onCard?.(card.index, deck.cards.length, done);
    if (ack) await ack;
  }
  const out: RenderedThread = { deck, svgs, pngs, keys, reused };
  if (formats.includes('pdf')) {
    // The PDF writer (pdf-lib, fontkit, the SVG translator) is loaded only for builds that make a PDF.
    const { deckToPdf } = await import('./export/pdf.ts');
    const pdf = await deckToPdf(deck, pdfMode === 'vector' ? vectorPages : pages);
    out.pdf = pdf.bytes;
    deck.warnings.push(...pdf.warnings);
  }
  if (want.html) {
    const { deckToHtml } = await import('./export/html/deck-html.ts');
    out.html = deckToHtml(deck, vectorPages.map((p, i) => ({ svg: svgs[i]!, layout: p.layout! })));
  }
  if (want.pptx) {
    const { deckToPptx } = await import('./export/pptx/deck-pptx.ts');
    const pptx = await deckToPptx(deck, vectorPages.map((p) => ({ svg: p.svg!, layout: p.layout! })));
    out.pptx = { bytes: pptx.bytes, slides: pptx.slides };
  }
  if (formats.includes('handout')) {
    const { deckToHandout } = await import('./export/handout/handout.ts');
    const handout = await deckToHandout(deck, vectorPages, opts.handout ?? DEFAULT_HANDOUT);
    out.handout = { bytes: handout.bytes, pages: handout.pages };
    // The same elements fall back in both PDFs: report them once.
    const both = formats.includes('pdf') && pdfMode === 'vector';
    deck.warnings.push(...handout.warnings.filter((w) => !both || w.rule !== 'pdf-raster-fallback'));
  }
  return out;
}
