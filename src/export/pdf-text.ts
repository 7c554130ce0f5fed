// The PDF's text layer: every word of the card as real text at the place the card draws it
// (invisible over the raster page, so it can be searched, selected and copied), and link
// annotations over link text.
import {
  PDFArray,
  PDFName,
  PDFString,
  beginText,
  endText,
  popGraphicsState,
  pushGraphicsState,
  setCharacterSqueeze,
  setFontAndSize,
  setTextMatrix,
  setTextRenderingMode,
  showText,
  TextRenderingMode,
  type PDFOperator,
  type PDFPage,
} from 'pdf-lib';
import type { CardLayout } from '../render/card-layout.ts';
import type { PdfFontSet } from './pdf-fonts.ts';

export async function addTextLayer(page: PDFPage, layout: CardLayout, fonts: PdfFontSet, pageHeight: number): Promise<void> {
  const ops: PDFOperator[] = [pushGraphicsState(), beginText(), setTextRenderingMode(TextRenderingMode.Invisible)];
  const keys = new Map<string, PDFName>();
  for (const run of layout.runs) {
    const segments = await fonts.segments(run);
    if (!segments.length) continue;
    // A run in one face is drawn at its place and natural width (the same font satori used, so
    // it covers the word within a letter-spacing); a run mixing faces is placed piece by piece,
    // stretched to the width satori laid out (widths from the cached shaping, see PdfFontSet.shape).
    let natural = [run.width];
    let squeeze = 100;
    if (segments.length > 1) {
      natural = segments.map((s) => fonts.shape(s.font, s.text).em * run.fontSize);
      const total = natural.reduce((a, b) => a + b, 0);
      if (total > 0 && run.width > 0) squeeze = (run.width / total) * 100;
    }
    let x = run.x;
    for (const [i, seg] of segments.entries()) {
      // Keyed by the font object: subset files of one family share a PostScript name.
      const id = seg.font.ref.toString();
      let key = keys.get(id);
      if (!key) {
        key = page.node.newFontDictionary('F', seg.font.ref);
        keys.set(id, key);
      }
      ops.push(
        setFontAndSize(key, run.fontSize),
        setCharacterSqueeze(squeeze),
        setTextMatrix(1, 0, 0, 1, x, pageHeight - run.y),
        showText(fonts.encode(seg.font, seg.text)),
      );
      x += (natural[i]! * squeeze) / 100;
    }
  }
  ops.push(endText(), popGraphicsState());
  page.pushOperators(...ops);
}

/** URI link annotations over each link box. */
export function addLinks(page: PDFPage, layout: CardLayout, pageHeight: number): void {
  if (!layout.links.length) return;
  const ctx = page.doc.context;
  const annots = page.node.Annots() ?? ctx.obj([]);
  for (const link of layout.links) {
    const annot = ctx.obj({
      Type: 'Annot',
      Subtype: 'Link',
      Rect: [link.left, pageHeight - link.top - link.height, link.left + link.width, pageHeight - link.top],
      Border: [0, 0, 0],
      A: { Type: 'Action', S: 'URI', URI: PDFString.of(link.href) },
    });
    (annots as PDFArray).push(ctx.register(annot));
  }
  page.node.set(PDFName.of('Annots'), annots);
}
