// Auto-split: packs a post's blocks into as few cards as fit, cutting between paragraphs first,
// then at line breaks and sentences, then words; a word is broken only when it alone is wider
// than the card. Each measurement is satori's own (see measure.ts).
import { blocksText, type Block } from '../model/index.ts';
import { BREAK_LEVELS, breakOffsets, cutBlock, type BreakLevel } from '../text/cut.ts';

/** Height of `blocks` rendered as one card body. */
export type MeasureBlocks = (blocks: Block[]) => Promise<number>;

/** A card this full (of its body height) may end at a paragraph break rather than mid-paragraph. */
const PARAGRAPH_BREAK_FILL = 0.6;

/**
 * `maxChars`: a generous bound on how many characters can fit in a card; anything longer is
 * known not to fit without laying it out (measuring a 20,000-character paragraph takes a second).
 */
export async function splitBlocks(blocks: readonly Block[], measure: MeasureBlocks, boxHeight: number, maxChars = Infinity): Promise<Block[][]> {
  const fits = async (b: Block[]) => b.length === 0 || (blocksText(b).length <= maxChars && (await measure(b)) <= boxHeight);
  const chunks: Block[][] = [];
  let rest = [...blocks];
  while (rest.length) {
    const k = await largestTrue(rest.length, (i) => fits(rest.slice(0, i)));
    if (k === rest.length) {
      chunks.push(rest);
      break;
    }
    const head = rest.slice(0, k);
    const next = rest[k]!;
    const tail = rest.slice(k + 1);
    if (k > 0 && (await measure(head)) >= PARAGRAPH_BREAK_FILL * boxHeight) {
      chunks.push(head);
      rest = rest.slice(k);
      continue;
    }
    // Fill the card with the start of the next block, at the coarsest boundary that fits. Words are
    // broken (grapheme level) only when whole words would leave the card mostly empty, i.e. when
    // the next word alone is bigger than what is left of a card.
    const levels: readonly BreakLevel[] = k > 0 ? ['line', 'sentence'] : BREAK_LEVELS;
    let placed = false;
    let fallback: [Block | null, Block | null] | undefined;
    for (const level of levels) {
      const offsets = breakOffsets(next, level);
      const j = await largestTrueGalloping(offsets.length, (i) => fits([...head, cutBlock(next, offsets[i - 1]!)[0]!].filter(Boolean)));
      if (j === 0) continue;
      const cut = cutBlock(next, offsets[j - 1]!);
      if (level === 'word' && cut[0] && (await measure([...head, cut[0]])) < PARAGRAPH_BREAK_FILL * boxHeight) {
        fallback = cut;
        continue;
      }
      fallback = cut;
      break;
    }
    if (fallback) {
      const [before, after] = fallback;
      chunks.push([...head, ...(before ? [before] : [])]);
      rest = [...(after ? [after] : []), ...tail];
      placed = true;
    }
    if (placed) continue;
    if (k > 0) {
      chunks.push(head);
      rest = rest.slice(k);
    } else {
      // Nothing smaller exists (a single grapheme or an image taller than the card): it gets a card alone.
      chunks.push([next]);
      rest = tail;
    }
  }
  return chunks;
}

/** Largest i in [0, n] with pred(i) true, for a predicate true at 0 and monotone (true…true false…false). */
export async function largestTrue(n: number, pred: (i: number) => Promise<boolean>): Promise<number> {
  let lo = 0;
  let hi = n + 1;
  while (hi - lo > 1) {
    const mid = (lo + hi) >> 1;
    if (await pred(mid)) lo = mid;
    else hi = mid;
  }
  return lo;
}

/**
 * Same answer as largestTrue, searching from the small end (1, 2, 4, 8… then bisecting): every
 * prefix it measures is at most about twice the one that fits, so a 25,000-character paragraph
 * costs a few card-sized measurements instead of measuring half the paragraph at a time.
 */
export async function largestTrueGalloping(n: number, pred: (i: number) => Promise<boolean>): Promise<number> {
  let lo = 0;
  let step = 1;
  while (lo + step <= n && (await pred(lo + step))) {
    lo += step;
    step *= 2;
  }
  let hi = Math.min(n + 1, lo + step);
  while (hi - lo > 1) {
    const mid = (lo + hi) >> 1;
    if (await pred(mid)) lo = mid;
    else hi = mid;
  }
  return lo;
}
