// Cutting rich blocks in two at a text offset, and finding where a block may be cut:
// line/item boundaries, then sentences, then words, then (for a word wider than the card) graphemes.
import { blockText, spansText, type Block, type Span } from '../model/index.ts';

export type BreakLevel = 'line' | 'sentence' | 'word' | 'grapheme';
export const BREAK_LEVELS: readonly BreakLevel[] = ['line', 'sentence', 'word', 'grapheme'];

const wordSegmenter = new Intl.Segmenter(undefined, { granularity: 'word' });
const graphemeSegmenter = new Intl.Segmenter(undefined, { granularity: 'grapheme' });
const SENTENCE_END = /[.!?…。！？]+["'”’»)\]]*\s+/gu;

/** Offsets (0 < o < length) at which `block` may be cut at `level`, ascending. */
export function breakOffsets(block: Block, level: BreakLevel): number[] {
  if (block.kind === 'image') return [];
  const text = blockText(block);
  const set = new Set<number>();
  const add = (o: number) => {
    if (o > 0 && o < text.length) set.add(o);
  };
  for (const m of text.matchAll(/\n+/g)) add(m.index! + m[0].length);
  if (block.kind === 'code' && level !== 'grapheme' && level !== 'word') return [...set].sort((a, b) => a - b);
  if (level === 'sentence') for (const m of text.matchAll(SENTENCE_END)) add(m.index! + m[0].length);
  if (level === 'word') for (const seg of wordSegmenter.segment(text)) add(seg.index);
  if (level === 'grapheme') for (const seg of graphemeSegmenter.segment(text)) add(seg.index);
  return [...set].sort((a, b) => a - b);
}

/** Cuts `block` at `offset` of its text; whitespace at the cut is dropped. Either side may be null. */
export function cutBlock(block: Block, offset: number): [Block | null, Block | null] {
  switch (block.kind) {
    case 'paragraph':
    case 'heading': {
      const [a, b] = cutSpans(block.spans, offset);
      return [a.length ? { ...block, spans: a } : null, b.length ? { ...block, spans: b } : null];
    }
    case 'list': {
      let start = 0;
      for (const [i, item] of block.items.entries()) {
        const len = spansText(item.spans).length;
        if (offset <= start + len) {
          const [a, b] = cutSpans(item.spans, offset - start);
          const before = [...block.items.slice(0, i), ...(a.length ? [{ ...item, spans: a }] : [])];
          const after = [...(b.length ? [{ ...item, marker: a.length ? '' : item.marker, spans: b }] : []), ...block.items.slice(i + 1)];
          return [before.length ? { ...block, items: before } : null, after.length ? { ...block, items: after } : null];
        }
        start += len + 1;
      }
      return [block, null];
    }
    case 'code': {
      let start = 0;
      for (const [i, line] of block.lines.entries()) {
        const len = spansText(line).length;
        if (offset <= start + len) {
          const [a, b] = cutSpans(line, offset - start, false);
          const before = [...block.lines.slice(0, i), ...(a.length || offset > start ? [a] : [])];
          const after = [...(b.length ? [b] : []), ...block.lines.slice(i + 1)];
          return [before.length ? { ...block, lines: before } : null, after.length ? { ...block, lines: after } : null];
        }
        start += len + 1;
      }
      return [block, null];
    }
    case 'quote': {
      let start = 0;
      for (const [i, inner] of block.blocks.entries()) {
        const len = blockText(inner).length;
        if (offset <= start + len) {
          const [a, b] = cutBlock(inner, offset - start);
          const before = [...block.blocks.slice(0, i), ...(a ? [a] : [])];
          const after = [...(b ? [b] : []), ...block.blocks.slice(i + 1)];
          const { author, ...rest } = block;
          return [
            before.length ? { ...block, blocks: before } : null,
            after.length ? { ...rest, blocks: after, ...(before.length ? {} : author ? { author } : {}) } : null,
          ];
        }
        start += len + 2;
      }
      return [block, null];
    }
    case 'image':
      return offset <= 0 ? [null, block] : [block, null];
  }
}

/** Splits spans at a text offset, trimming whitespace around the cut unless `trim` is false. */
export function cutSpans(spans: readonly Span[], offset: number, trim = true): [Span[], Span[]] {
  const before: Span[] = [];
  const after: Span[] = [];
  let pos = 0;
  for (const span of spans) {
    const end = pos + span.text.length;
    if (end <= offset) before.push(span);
    else if (pos >= offset) after.push(span);
    else {
      before.push({ ...span, text: span.text.slice(0, offset - pos) });
      after.push({ ...span, text: span.text.slice(offset - pos) });
    }
    pos = end;
  }
  if (trim) {
    trimEnd(before);
    trimStart(after);
  }
  return [before, after];
}

function trimEnd(spans: Span[]): void {
  while (spans.length) {
    const last = spans[spans.length - 1]!;
    last.text = last.text.replace(/\s+$/u, '');
    if (last.text) return;
    spans.pop();
  }
}

function trimStart(spans: Span[]): void {
  while (spans.length) {
    const first = spans[0]!;
    first.text = first.text.replace(/^\s+/u, '');
    if (first.text) return;
    spans.shift();
  }
}
