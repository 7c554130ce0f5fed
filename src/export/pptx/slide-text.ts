// One text box → pptxgenjs text runs and box options: a paragraph per paragraph (satori's line
// breaks kept as soft breaks, so the box shows exactly satori's lines), each run in its face, size,
// weight, colour and letter spacing, links as hyperlinks, list items as bullets or numbers.
import type pptxModule from 'pptxgenjs';
import type { LinkBox } from '../../render/card-layout.ts';
import type { StyledRun } from './runs.ts';
import { itemRuns, type BoxLine, type TextBox } from './text-boxes.ts';

type TextRun = pptxModule.default.TextProps;
type BoxOptions = pptxModule.default.TextPropsOptions;

/** px → inches (96 px to the inch, as the slide size) and px → points. */
export const inch = (px: number) => px / 96;
export const pt = (px: number) => Math.round(px * 0.75 * 100) / 100;

/** Faces satori names in lower case → the family name an office suite knows ("space grotesk" → "Space Grotesk"); whether the deck has a family. */
export interface FamilyNames {
  (family: string): string;
  has(family: string): boolean;
}

/**
 * satori falls back glyph by glyph (Chinese in an "inter" run is drawn by Noto Sans SC); an office
 * suite needs the face named: Hangul, kana and Han text is cut out of a run and named after the
 * Noto family the deck loaded for it.
 */
const CJK = /(\p{Script=Hangul}+)|([\p{Script=Hiragana}\p{Script=Katakana}\u30fc]+)|([\p{Script=Han}\u3000-\u303f\uff00-\uffef]+)/gu;
function scriptPieces(r: StyledRun, names: FamilyNames): StyledRun[] {
  if (!/[\p{Script=Hangul}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Han}]/u.test(r.text)) return [r];
  const hasJp = names.has('noto sans jp');
  const family = (m: RegExpExecArray) => (m[1] ? 'noto sans kr' : m[2] || (hasJp && !names.has('noto sans sc')) ? 'noto sans jp' : 'noto sans sc');
  const out: StyledRun[] = [];
  let at = 0;
  for (const m of r.text.matchAll(CJK)) {
    if (m.index! > at) out.push({ ...r, text: r.text.slice(at, m.index) });
    const f = family(m);
    out.push({ ...r, text: m[0], family: names.has(f) ? f : r.family });
    at = m.index! + m[0].length;
  }
  if (at < r.text.length) out.push({ ...r, text: r.text.slice(at) });
  return out;
}

export function boxRuns(box: TextBox, links: readonly LinkBox[], names: FamilyNames): TextRun[] {
  const out: TextRun[] = [];
  let prevLast: BoxLine | undefined;
  box.paragraphs.forEach((para, p) => {
    para.forEach((line, l) => {
      const runs = itemRuns(line);
      runs.forEach((r, i) => {
        const before = i > 0 ? runs[i - 1]! : undefined;
        const space = before && r.x - (before.x + before.width) > r.fontSize / 6 ? ' ' : '';
        const pieces = scriptPieces(r, names);
        pieces.forEach((piece, k) => {
          const options: TextRun['options'] = { ...runStyle(piece, names), ...link(r, links) };
          const start = i === 0 && k === 0;
          if (start && l === 0) Object.assign(options, paragraphStyle(box, para, prevLast));
          if (start && l > 0) options.softBreakBefore = true;
          if (i === runs.length - 1 && k === pieces.length - 1 && l === para.length - 1 && p < box.paragraphs.length - 1) options.breakLine = true;
          const text = k === 0 && i > 0 ? space + piece.text : piece.text;
          // Runs of one style in a row are one run (fewer, larger runs edit better).
          const last = out[out.length - 1];
          if (last && !start && sameStyle(last.options, options)) last.text += text;
          else out.push({ text, options });
        });
      });
      prevLast = line;
    });
  });
  return out;
}

const WEIGHT_NAMES: Record<number, string> = { 100: 'Thin', 200: 'ExtraLight', 300: 'Light', 500: 'Medium', 600: 'SemiBold', 800: 'ExtraBold' };

function runStyle(r: StyledRun, names: FamilyNames): TextRun['options'] {
  return {
    // 700 is bold; other weights are their own family in office suites ("Inter Medium", as the static fonts name them).
    fontFace: names(r.family) + (WEIGHT_NAMES[r.weight] ? ` ${WEIGHT_NAMES[r.weight]}` : ''),
    fontSize: pt(r.fontSize),
    bold: r.weight === 700 || r.weight === 900,
    italic: r.italic,
    color: r.color,
    ...(r.opacity < 1 && { transparency: Math.round((1 - r.opacity) * 100) }),
    ...(r.letterSpacing && { charSpacing: pt(r.letterSpacing) }),
  };
}

function link(r: StyledRun, links: readonly LinkBox[]): TextRun['options'] {
  const cx = r.x + r.width / 2;
  const hit = links.find((k) => cx >= k.left - 1 && cx <= k.left + k.width + 1 && r.y >= k.top - 1 && r.y - r.fontSize * 0.6 <= k.top + k.height + 1);
  return hit ? { hyperlink: { url: hit.href, tooltip: hit.href } } : {};
}

function paragraphStyle(box: TextBox, para: BoxLine[], prevLast: BoxLine | undefined): TextRun['options'] {
  const first = para[0]!;
  const o: TextRun['options'] = { align: box.align, lineSpacing: pt(first.lineHeight) };
  if (prevLast) o.paraSpaceBefore = Math.max(0, pt(first.y - prevLast.y - first.lineHeight));
  if (first.marker) {
    const indent = pt(first.marker.textX - first.x);
    const n = /^(\d+)([.)])$/.exec(first.marker.text);
    o.bullet = n
      ? { type: 'number', numberStartAt: Number(n[1]), numberType: n[2] === ')' ? 'arabicParenR' : 'arabicPeriod', indent }
      : { characterCode: first.marker.text.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0'), indent };
  }
  return o;
}

const STYLE_KEYS = ['fontFace', 'fontSize', 'bold', 'italic', 'color', 'transparency', 'charSpacing'] as const;
function sameStyle(a: TextRun['options'], b: TextRun['options']): boolean {
  if (b?.softBreakBefore || b?.bullet || b?.breakLine !== a?.breakLine) return false;
  if (a?.hyperlink?.url !== b?.hyperlink?.url) return false;
  return STYLE_KEYS.every((k) => a?.[k] === b?.[k]);
}

/**
 * How much higher the box goes than satori's line box: with exact line spacing an office suite puts
 * all the leading above the first line, satori half above and half below, and LibreOffice's line sits
 * about 0.04 em lower (measured against the PNGs with the bundled fonts installed; tests/pptx-office.test.ts).
 */
function officeLead(box: TextBox): number {
  const first = box.paragraphs[0]![0]!;
  return (first.lineHeight - 1.21 * first.fontSize) / 2 + 0.04 * first.fontSize;
}

/**
 * The box: at satori's place; a little wider than satori's widest line (an office suite measures
 * with its own shaping; a line a hair too wide must not wrap again), grown away from its alignment edge.
 */
export function boxOptions(box: TextBox, cardWidth: number, name: string): BoxOptions {
  const size = Math.max(...box.paragraphs.flat().map((l) => l.fontSize));
  const slack = Math.min(box.width * 0.06 + size * 0.5, cardWidth);
  let left = box.left;
  if (box.align === 'right') left -= slack;
  else if (box.align === 'center') left -= slack / 2;
  left = Math.max(0, left);
  const width = Math.min(box.width + slack, cardWidth - left);
  return {
    x: inch(left),
    y: inch(box.top - officeLead(box)),
    w: inch(width),
    h: inch(box.height),
    margin: 0,
    valign: 'top',
    // One line stays one line whatever the office suite measures; a paragraph wraps as text does.
    wrap: box.paragraphs.length > 1 || box.paragraphs[0]!.length > 1,
    fit: 'none',
    objectName: name,
  };
}
