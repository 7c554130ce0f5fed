// A card's text runs (satori's words, from card-layout.ts) joined into lines: runs on one baseline,
// in one size, with no wide gap between them, for the HTML deck's text layer.
import type { TextRun } from '../../render/card-layout.ts';

export interface TextLine {
  text: string;
  /** Left edge, baseline and width, px from the card's top-left. */
  x: number;
  y: number;
  width: number;
  fontSize: number;
  runs: TextRun[];
}

/** Runs in satori's order → lines; a space goes where two runs are apart by more than a sixth of the size. */
export function textLines(runs: readonly TextRun[]): TextLine[] {
  const lines: TextLine[] = [];
  let cur: TextLine | undefined;
  for (const r of runs) {
    const right = cur ? cur.x + cur.width : 0;
    const gap = r.x - right;
    const sameLine = cur && Math.abs(r.y - cur.y) < 0.5 && Math.abs(r.fontSize - cur.fontSize) < 0.5 && gap > -1 && gap < r.fontSize * 0.6;
    if (cur && sameLine) {
      cur.text += (gap > r.fontSize / 6 ? ' ' : '') + r.text;
      cur.width = r.x + r.width - cur.x;
      cur.runs.push(r);
    } else {
      cur = { text: r.text, x: r.x, y: r.y, width: r.width, fontSize: r.fontSize, runs: [r] };
      lines.push(cur);
    }
  }
  return lines;
}
