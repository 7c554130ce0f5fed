// Measures rendered height with satori itself: laid out at a fixed width and no height, satori's
// SVG carries the content height, so measurement and rendering always agree. Text is left as
// <text> elements (embedFont: false): the layout is the same, and skipping glyph outlines halves
// a measurement's cost (7.3 → 2.7 ms, timed over 200 corpus cards).
// Heights are remembered per thread file by the hash of what is measured (the element tree,
// components expanded, the width and the fonts), so a process that lays the same thread out again
// — the preview on every edit, a --watch worker on every save — measures only the posts that
// changed. Per file, not process-wide: a batch of different threads gains nothing from another
// thread's heights, and a benchmark of first builds stays one.
import satori from 'satori';
import type { JSXNode } from 'satori/jsx';
import type { SatoriAssets } from '../model/index.ts';
import { cardKey } from '../hash.ts';
import { expandComponents } from '../template/expand.ts';

/** Counters for the benchmark and tests: satori measurements made, their total time, and heights answered from memory. */
export const measureStats = { calls: 0, ms: 0, remembered: 0 };

/** Remembered heights by thread file, least recently used first; each file's map oldest first. */
const byFile = new Map<string, Map<string, number>>();
const FILES = 64;
const PER_FILE = 2000;

/** The remembered heights of one thread file (a few hundred kB at most). */
export function heightMemo(file: string): Map<string, number> {
  let memo = byFile.get(file);
  if (memo) byFile.delete(file);
  else memo = new Map();
  byFile.set(file, memo);
  if (byFile.size > FILES) byFile.delete(byFile.keys().next().value!);
  return memo;
}

/** Forgets every remembered height (the benchmark times cold layouts). */
export function forgetHeights(): void {
  byFile.clear();
}

export async function measureHeight(node: JSXNode, width: number, assets: SatoriAssets, memo?: Map<string, number>): Promise<number> {
  const element = expandComponents(node);
  const key = memo && cardKey(element, { width, height: 0 }, assets.fonts, 'measure');
  const known = key ? memo!.get(key) : undefined;
  if (known !== undefined) {
    measureStats.remembered++;
    return known;
  }
  const started = performance.now();
  measureStats.calls++;
  const wrapper = { type: 'div', props: { style: { display: 'flex', flexDirection: 'column', width }, children: element } };
  const svg = await satori(wrapper as Parameters<typeof satori>[0], { width, ...assets, embedFont: false });
  const m = /^<svg[^>]*\sheight="([\d.]+)"/.exec(svg);
  if (!m) throw new Error('satori returned an SVG without a height');
  measureStats.ms += performance.now() - started;
  const height = Number(m[1]);
  if (key) {
    memo!.set(key, height);
    if (memo!.size > PER_FILE) memo!.delete(memo!.keys().next().value!);
  }
  return height;
}
