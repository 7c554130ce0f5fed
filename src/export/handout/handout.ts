// The handout: the deck printed on A4 or Letter, 1/2/3/4/6 cards per page, each card as vectors
// beside (1 column) or above (2 columns) its full text, its images' alt text and its links; a
// title block on the first page, page numbers, print margins, outline and metadata. Text that
// does not fit its cell at 6 pt continues in the next cell, so nothing is ever cut.
import { PDFDocument, PDFName, PDFString, type PDFArray, type PDFPage, type PDFRef } from 'pdf-lib';
import type { Diagnostic } from '../../diagnostics.ts';
import type { Card, Deck } from '../../model/index.ts';
import type { PdfPage, PdfResult } from '../pdf.ts';
import { PdfFontSet } from '../pdf-fonts.ts';
import { addOutline, setMetadata } from '../pdf-structure.ts';
import { Canvas, n } from '../vector/canvas.ts';
import { VectorDoc } from '../vector/doc-context.ts';
import { flateStream } from '../vector/form.ts';
import { cardForm } from '../vector/page.ts';
import { cardText } from './card-text.ts';
import { MARGIN, PAPERS, type HandoutOptions } from './paper.ts';
import { linesHeight, TextSetter, type Line, type TextStyle } from './text-flow.ts';
import { fallbackWarnings } from '../pdf-warnings.ts';

const GAP = 16;
const FOOTER = 14;
const INK: [number, number, number] = [0.09, 0.1, 0.12];
const MUTED: [number, number, number] = [0.38, 0.4, 0.45];
const LINK: [number, number, number] = [0.1, 0.32, 0.75];
const MIN_SIZE = 6;

interface Item {
  card: Card;
  form?: { ref: PDFRef; width: number; height: number };
  links: PdfPage['layout'];
  /** Lines carried over from a cell that was too small (continuation cells have no card). */
  lines?: Line[];
}

interface Placed {
  page: PDFPage;
  canvas: Canvas;
}

export async function deckToHandout(deck: Deck, pages: readonly PdfPage[], opts: HandoutOptions): Promise<PdfResult & { pages: number; continued: number }> {
  const pdf = await PDFDocument.create({ updateMetadata: false });
  setMetadata(pdf, deck);
  const fonts = new PdfFontSet(pdf, deck.assets.fonts);
  const vdoc = new VectorDoc(pdf, fonts, deck.assets.graphemeImages);
  const setter = new TextSetter(fonts);
  const paper = PAPERS[opts.paper];
  const width = paper.width - 2 * MARGIN;
  const cols = opts.perPage >= 4 ? 2 : 1;
  const rows = opts.perPage / cols;
  const baseSize = opts.perPage === 1 ? 11 : opts.perPage <= 3 ? 9.5 : 8;

  const queue: Item[] = [];
  for (const card of deck.cards) {
    if (card.kind !== 'post') continue;
    const svg = pages[card.index]?.svg;
    queue.push({ card, form: svg ? await cardForm(vdoc, svg, card.index) : undefined, links: pages[card.index]?.layout });
  }

  const placed: Placed[] = [];
  const cardPage: PDFRef[] = [];
  /** Cells whose text went on in the next cell. */
  let continued = 0;
  while (queue.length || placed.length === 0) {
    const page = pdf.addPage([paper.width, paper.height]);
    const canvas = new Canvas();
    placed.push({ page, canvas });
    let top = paper.height - MARGIN;
    if (placed.length === 1) top -= await titleBlock(deck, setter, canvas, page, top, width);
    const bottom = MARGIN + FOOTER;
    const cellW = (width - GAP * (cols - 1)) / cols;
    const cellH = (top - bottom - GAP * (rows - 1)) / rows;
    for (let r = 0; r < rows && queue.length; r++) {
      for (let c = 0; c < cols && queue.length; c++) {
        const item = queue.shift()!;
        const x = MARGIN + c * (cellW + GAP);
        const y = top - r * (cellH + GAP);
        const rest = await drawCell(item, { x, y, w: cellW, h: cellH }, opts.perPage, baseSize, setter, canvas, page);
        if (!item.lines) cardPage[item.card.index] = page.ref;
        if (rest.length) {
          queue.unshift({ card: item.card, links: undefined, lines: rest });
          continued++;
        }
      }
    }
  }

  for (const [i, { page, canvas }] of placed.entries()) {
    // Page numbers, centred in the bottom margin.
    const style: TextStyle = { size: 8, weight: 400, family: 'inter', color: MUTED, leading: 1 };
    const label = `${i + 1} / ${placed.length}`;
    await setter.draw(canvas, { text: label, style, before: 0 }, (paper.width - (await setter.width(label, style))) / 2, MARGIN / 2);
    page.node.set(PDFName.of('Contents'), flateStream(pdf, canvas.content(), {}));
    page.node.set(PDFName.of('Resources'), canvas.resources(pdf));
  }
  // Bookmarks: the cover and end entries lead to the first and last pages.
  const refs = deck.cards.map((card) => cardPage[card.index] ?? (card.kind === 'outro' ? placed[placed.length - 1]!.page.ref : placed[0]!.page.ref));
  addOutline(pdf, deck, refs);
  const warnings: Diagnostic[] = fallbackWarnings(deck, vdoc, fonts, 'handout');
  return { bytes: await pdf.save({ useObjectStreams: true }), warnings, pages: placed.length, continued };
}

interface Box {
  x: number;
  /** Top edge (PDF y runs up). */
  y: number;
  w: number;
  h: number;
}

/** One cell: the card and its text; returns the lines that did not fit (for a continuation cell). */
async function drawCell(item: Item, cell: Box, perPage: number, baseSize: number, setter: TextSetter, canvas: Canvas, page: PDFPage): Promise<Line[]> {
  let textBox: Box = cell;
  if (item.form && !item.lines) {
    const aspect = item.form.width / item.form.height;
    let cw: number;
    let ch: number;
    let cx = cell.x;
    if (perPage === 1 || perPage >= 4) {
      // Card above its text.
      ch = cell.h * (perPage === 1 ? 0.56 : 0.5);
      cw = Math.min(cell.w, ch * aspect);
      ch = cw / aspect;
      if (perPage === 1) cx = cell.x + (cell.w - cw) / 2;
      textBox = { x: cell.x, y: cell.y - ch - GAP * 0.75, w: cell.w, h: cell.h - ch - GAP * 0.75 };
    } else {
      // Card beside its text.
      ch = cell.h;
      cw = Math.min(cell.w * 0.45, ch * aspect);
      ch = cw / aspect;
      textBox = { x: cell.x + cw + GAP, y: cell.y, w: cell.w - cw - GAP, h: cell.h };
    }
    const s = cw / item.form.width;
    canvas.q();
    canvas.op(`${n(s)} 0 0 ${n(s)} ${n(cx)} ${n(cell.y - ch)} cm`);
    canvas.op(`${canvas.name('XObject', item.form.ref)} Do`);
    canvas.Q();
    // A hairline frame, so light cards keep their edge on white paper.
    canvas.strokeColor(0.8, 0.81, 0.83);
    canvas.op(`0.5 w ${n(cx)} ${n(cell.y - ch)} ${n(cw)} ${n(ch)} re S`);
    for (const link of item.links?.links ?? []) {
      annotate(page, link.href, [cx + link.left * s, cell.y - (link.top + link.height) * s, cx + (link.left + link.width) * s, cell.y - link.top * s]);
    }
  }
  let lines = item.lines;
  let rest: Line[] = [];
  if (!lines) {
    for (let size = baseSize; ; size = Math.max(MIN_SIZE, size - 0.5)) {
      lines = await cardLines(item.card, (item.links?.links ?? []).map((l) => l.href), textBox.w, size, setter);
      if (linesHeight(lines) <= textBox.h || size === MIN_SIZE) break;
    }
  }
  const fit = fitCount(lines!, textBox.h);
  rest = lines!.slice(fit);
  let y = textBox.y;
  for (const line of lines!.slice(0, fit)) {
    y -= line.before + line.style.size * line.style.leading;
    const baseline = y + line.style.size * (line.style.leading - 1) * 0.5 + line.style.size * 0.22;
    await setter.draw(canvas, line, textBox.x, baseline);
    if (line.href) {
      const w = await setter.width(line.text, line.style);
      annotate(page, line.href, [textBox.x, baseline - line.style.size * 0.25, textBox.x + w, baseline + line.style.size * 0.85]);
    }
  }
  return rest;
}

/** How many lines fit a height (at least one, so a cell always makes progress). */
function fitCount(lines: readonly Line[], height: number): number {
  let h = 0;
  let i = 0;
  for (; i < lines.length; i++) {
    h += lines[i]!.before + lines[i]!.style.size * lines[i]!.style.leading;
    if (h > height + 0.01) break;
  }
  return Math.max(1, i);
}

async function cardLines(card: Card, cardLinks: readonly string[], width: number, size: number, setter: TextSetter): Promise<Line[]> {
  const body: TextStyle = { size, weight: 400, family: 'inter', color: INK, leading: 1.35 };
  const lines: Line[] = [];
  const part = card.part.count > 1 ? ` · part ${card.part.index} of ${card.part.count}` : '';
  lines.push(...(await setter.wrap(`Post ${card.number} of ${card.total}${part}`, width, { ...body, size: size * 0.85, weight: 700, color: MUTED })));
  const { paragraphs, links: textLinks } = cardText(card);
  // Links the card shows (Markdown links, bare URLs) and the ones its template adds (@mentions → profiles).
  const links = [...new Set([...textLinks, ...cardLinks])];
  for (const p of paragraphs) {
    const style: TextStyle =
      p.kind === 'heading' ? { ...body, weight: 700 }
      : p.kind === 'code' ? { ...body, family: 'jetbrains mono', size: size * 0.9 }
      : p.kind === 'alt' || p.kind === 'quote' ? { ...body, italic: true, color: MUTED }
      : body;
    lines.push(...(await setter.wrap(p.text, width, style, size * 0.45)));
  }
  for (const [i, href] of links.entries()) {
    lines.push(...(await setter.wrap(href, width, { ...body, size: size * 0.9, color: LINK }, i === 0 ? size * 0.45 : 0, href)));
  }
  return lines;
}

/** Title, author and date, source; returns the height it takes. */
async function titleBlock(deck: Deck, setter: TextSetter, canvas: Canvas, page: PDFPage, top: number, width: number): Promise<number> {
  const { thread } = deck;
  const by = [thread.author.name + (thread.author.handle ? ` (${thread.author.handle})` : ''), thread.date].filter(Boolean).join(' · ');
  const lines: Line[] = [
    ...(await setter.wrap(thread.title, width, { size: 18, weight: 700, family: 'inter', color: INK, leading: 1.25 })),
    ...(await setter.wrap(by, width, { size: 10, weight: 400, family: 'inter', color: MUTED, leading: 1.4 }, 2)),
  ];
  if (thread.source) lines.push(...(await setter.wrap(thread.source, width, { size: 9, weight: 400, family: 'inter', color: LINK, leading: 1.4 }, 0, thread.source)));
  let y = top;
  for (const line of lines) {
    y -= line.before + line.style.size * line.style.leading;
    const baseline = y + line.style.size * 0.22;
    await setter.draw(canvas, line, MARGIN, baseline);
    if (line.href) annotate(page, line.href, [MARGIN, baseline - 3, MARGIN + (await setter.width(line.text, line.style)), baseline + line.style.size]);
  }
  y -= 8;
  canvas.strokeColor(0.8, 0.81, 0.83);
  canvas.op(`0.75 w ${n(MARGIN)} ${n(y)} m ${n(MARGIN + width)} ${n(y)} l S`);
  return top - y + GAP;
}

function annotate(page: PDFPage, href: string, rect: [number, number, number, number]): void {
  const ctx = page.doc.context;
  const annots = (page.node.Annots() ?? ctx.obj([])) as PDFArray;
  annots.push(ctx.register(ctx.obj({ Type: 'Annot', Subtype: 'Link', Rect: rect.map((v) => Math.round(v * 100) / 100), Border: [0, 0, 0], A: { Type: 'Action', S: 'URI', URI: PDFString.of(href) } })));
  page.node.set(PDFName.of('Annots'), annots);
}
