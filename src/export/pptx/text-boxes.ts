// A card's styled runs → text boxes: one box per paragraph (or per list), as satori laid it out.
// Runs on one baseline join into lines (text-lines.ts's rule); consecutive lines of one size and
// family, a line height apart and aligned on one edge or centre, are one paragraph; list items
// (a line starting with a marker: •, –, 1.) stay in one box as a list.
import type { StyledRun } from './runs.ts';

export interface BoxLine {
  runs: StyledRun[];
  x: number;
  y: number;
  width: number;
  fontSize: number;
  /** satori's line height (the line box's height), px. */
  lineHeight: number;
  /** A list item's marker run and where its text starts. */
  marker?: { text: string; textX: number };
}

export interface TextBox {
  /** Paragraphs, each its lines (satori's line breaks). */
  paragraphs: BoxLine[][];
  left: number;
  top: number;
  width: number;
  height: number;
  align: 'left' | 'center' | 'right';
  /** true when the box holds list items. */
  list: boolean;
}

const MARKER = /^(?:[•◦▪‣–—-]|\d{1,3}[.)])$/;

export function lines(runs: readonly StyledRun[]): BoxLine[] {
  const out: BoxLine[] = [];
  let cur: BoxLine | undefined;
  for (const r of runs) {
    const gap = cur ? r.x - (cur.x + cur.width) : 0;
    if (cur && Math.abs(r.y - cur.y) < 0.5 && gap > -1 && gap < r.fontSize * 2.2 && (gap < r.fontSize * 0.6 || isMarker(cur))) {
      if (!cur.marker && isMarker(cur) && gap >= r.fontSize * 0.3) cur.marker = { text: markerText(cur), textX: r.x };
      cur.runs.push(r);
      cur.width = r.x + r.width - cur.x;
      cur.fontSize = Math.max(cur.fontSize, r.fontSize);
      cur.lineHeight = Math.max(cur.lineHeight, r.height);
    } else {
      cur = { runs: [r], x: r.x, y: r.y, width: r.width, fontSize: r.fontSize, lineHeight: r.height };
      out.push(cur);
    }
  }
  return out;
}

/** Only a marker on the line so far ("•", or "1" and "." as satori's two runs): its item text may start a wider gap away. */
function isMarker(line: BoxLine): boolean {
  return line.runs.length <= 2 && MARKER.test(markerText(line));
}
const markerText = (line: BoxLine) => line.runs.map((r) => r.text.trim()).join('');

/** A line's runs after its list marker. */
export function itemRuns(line: BoxLine): StyledRun[] {
  return line.marker ? line.runs.filter((r) => r.x >= line.marker!.textX - 0.5) : line.runs;
}

const family = (l: BoxLine) => l.runs[l.runs.length - 1]!.family;

export function textBoxes(runs: readonly StyledRun[], cardWidth: number): TextBox[] {
  const boxes: TextBox[] = [];
  let para: BoxLine[] = [];
  let box: BoxLine[][] = [];
  const flushBox = () => {
    if (para.length) box.push(para);
    if (box.length) boxes.push(boxOf(box, cardWidth));
    para = [];
    box = [];
  };
  for (const line of lines(runs)) {
    const prev = para[para.length - 1];
    if (!prev) {
      para.push(line);
      continue;
    }
    const dy = line.y - prev.y;
    const sameFace = Math.abs(line.fontSize - prev.fontSize) < 0.5 && family(line) === family(prev);
    const inList = Boolean(para[0]!.marker || box[0]?.[0]?.marker);
    if (sameFace && !line.marker && dy > 0 && dy < prev.lineHeight * 1.15 && continues(para, line)) {
      para.push(line); // the next line of this paragraph (or list item)
    } else if (sameFace && line.marker && inList && dy > 0 && dy < prev.lineHeight * 2 && Math.abs(line.x - para[0]!.x) < 1) {
      box.push(para); // the next item of this list
      para = [line];
    } else {
      flushBox();
      para.push(line);
    }
  }
  flushBox();
  return boxes;
}

/** The line lines up with the paragraph: same left edge (or a list item's text edge), centre or right edge. */
function continues(para: BoxLine[], line: BoxLine): boolean {
  const first = para[0]!;
  const left = first.marker ? first.marker.textX : first.x;
  const right = (l: BoxLine) => l.x + l.width;
  const centre = (l: BoxLine) => l.x + l.width / 2;
  return Math.abs(line.x - left) < 1.5 || Math.abs(line.x - first.x) < 1.5 || Math.abs(right(line) - right(first)) < first.fontSize * 0.4 || Math.abs(centre(line) - centre(first)) < 1.5;
}

function boxOf(paragraphs: BoxLine[][], cardWidth: number): TextBox {
  const all = paragraphs.flat();
  const left = Math.min(...all.map((l) => l.x));
  const right = Math.max(...all.map((l) => l.x + l.width));
  const first = all[0]!;
  const last = all[all.length - 1]!;
  const top = first.y - baselineOffset(first);
  const bottom = last.y - baselineOffset(last) + last.lineHeight;
  return { paragraphs, left, top, width: right - left, height: bottom - top, align: alignment(all, left, right, cardWidth), list: Boolean(first.marker) };
}

/** Where satori puts the baseline in a line box: the font's ascent plus half the leading (Inter-like metrics: ascent 0.97, descent 0.24 em). */
export function baselineOffset(l: BoxLine): number {
  return (l.lineHeight - 1.21 * l.fontSize) / 2 + 0.97 * l.fontSize;
}

function alignment(all: BoxLine[], left: number, right: number, cardWidth: number): TextBox['align'] {
  const near = (a: number, b: number, tol: number) => Math.abs(a - b) < tol;
  if (all.length > 1) {
    if (all.every((l) => near(l.x, left, 1.5)) || all.some((l) => l.marker)) return 'left';
    if (all.every((l) => near(l.x + l.width, right, l.fontSize * 0.4))) return 'right';
    return 'center';
  }
  // One line: centred on the card when it sits on the card's middle away from a margin.
  const l = all[0]!;
  if (near(l.x + l.width / 2, cardWidth / 2, 2) && l.x > cardWidth * 0.12) return 'center';
  return 'left';
}
