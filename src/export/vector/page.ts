// One card's SVG (satori, embedFont: false) → vector drawing: y flipped once so the translator
// works in SVG coordinates; each top-level element that cannot be drawn as vectors is rolled back
// and drawn as an image instead, and reported. Drawn as a page of its own (the carousel PDF) or
// as a form XObject to place anywhere (the handout).
import { PDFName, type PDFPage, type PDFRef } from 'pdf-lib';
import { Canvas, n, parseTransform } from './canvas.ts';
import type { VectorDoc } from './doc-context.ts';
import { drawElement } from './draw.ts';
import type { Env } from './env.ts';
import { drawRasterFallback } from './fallback.ts';
import { flateStream } from './form.ts';
import { DEFINITIONS, elements, num, parseSvg, type Element } from './svg-dom.ts';
import { drawTextChain, textChains } from './text.ts';
import { inherit } from './style.ts';
import { Unsupported } from './unsupported.ts';

export interface CardDrawing {
  canvas: Canvas;
  width: number;
  height: number;
}

/** The card as operators in PDF space (origin bottom-left, 1 unit = 1 px). */
export async function drawSvgCard(vdoc: VectorDoc, svg: string, card: number): Promise<CardDrawing> {
  const doc = parseSvg(svg);
  const width = num(doc.root, 'width');
  const height = num(doc.root, 'height');
  const canvas = new Canvas();
  canvas.op(`1 0 0 -1 0 ${n(height)} cm`);
  const env: Env = { doc, vdoc, style: {}, alpha: 1, box: { x: 0, y: 0, w: width, h: height } };
  for (const chain of textChains(elements(doc.root))) {
    const el = chain[0]!;
    const mark = canvas.mark();
    try {
      await drawElement(el, canvas, env, chain);
    } catch (err) {
      if (!(err instanceof Unsupported)) throw err;
      canvas.rollback(mark);
      let text = false;
      for (const part of chain) {
        drawRasterFallback(part, canvas, env, width, height);
        text = (await drawTextOver(part, canvas, env)) || text;
      }
      vdoc.fallbacks.push({ card, element: `<${el.name}>`, reason: err.what, text });
    }
  }
  return { canvas, width, height };
}

/**
 * The <text> inside an element drawn as an image, drawn as vector text over it: resvg has no fonts
 * for satori's <text> (the image holds the element's other paint), so the text keeps its place,
 * stays real text, and loses only the effect (a text shadow, say). Returns whether there was any.
 */
async function drawTextOver(el: Element, canvas: Canvas, env: Env): Promise<boolean> {
  if (DEFINITIONS.has(el.name)) return false;
  const style = inherit(env.style, el);
  if (el.name === 'text') {
    const before = canvas.mark();
    return drawTextChain([el], canvas, { ...env, style, flood: undefined }).then(
      () => true,
      () => (canvas.rollback(before), false),
    );
  }
  const t = parseTransform(el.attribs.transform);
  canvas.q();
  if (t) canvas.transform(t);
  let any = false;
  for (const child of elements(el)) any = (await drawTextOver(child, canvas, { ...env, style })) || any;
  canvas.Q();
  return any;
}

export async function drawSvgPage(vdoc: VectorDoc, page: PDFPage, svg: string, card: number): Promise<void> {
  const { canvas } = await drawSvgCard(vdoc, svg, card);
  const pdf = vdoc.pdf;
  page.node.set(PDFName.of('Contents'), flateStream(pdf, canvas.content(), {}));
  page.node.set(PDFName.of('Resources'), canvas.resources(pdf));
}

/** The card as a form XObject, BBox = the card (0 0 width height). */
export async function cardForm(vdoc: VectorDoc, svg: string, card: number): Promise<{ ref: PDFRef; width: number; height: number }> {
  const { canvas, width, height } = await drawSvgCard(vdoc, svg, card);
  const pdf = vdoc.pdf;
  const ref = flateStream(pdf, canvas.content(), { Type: 'XObject', Subtype: 'Form', BBox: [0, 0, width, height], Resources: canvas.resources(pdf) });
  return { ref, width, height };
}
