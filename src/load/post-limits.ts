// Structural limits of one post, checked at load so that a hostile post fails at once with a named
// limit instead of keeping the layout engine busy for minutes. Within the 25,000-character limit a
// post can still hold 5,000 list items or 5,000 styled words; each line and each styled run costs
// satori measurements (a 5,000-item list took over 5 minutes to split, 5,000 styled words 2 minutes).
import { parsePostText } from '../text/markdown.ts';
import type { Block } from '../model/index.ts';

/**
 * Lines a post may start: paragraphs, headings, list items, code lines and line breaks. 300 lines is
 * about 15 cards at the smallest text size — Instagram takes 20 cards for a whole carousel.
 */
export const MAX_POST_LINES = 300;
/** List items in a post: each is a row of its own (marker and text), about three times a plain line's layout work. */
export const MAX_POST_LIST_ITEMS = 100;
/** Separately styled runs (bold, italic, code, links, mentions, hashtags…) in a post. */
export const MAX_POST_RUNS = 1_000;
/** Quotes in quotes and lists in lists, counted together: 200 levels overflowed satori's stack. */
export const MAX_POST_DEPTH = 16;

export interface PostShape {
  lines: number;
  listItems: number;
  runs: number;
  /** Deepest nesting of quotes and lists. */
  depth: number;
}

/** Counts a post's lines and styled runs from its Markdown (as the cards will show it). */
export function postShape(text: string): PostShape {
  const shape = { lines: 0, listItems: 0, runs: 0, depth: 0 };
  const spans = (list: readonly { text: string }[]) => {
    shape.runs += list.length;
    for (const s of list) for (let i = s.text.indexOf('\n'); i >= 0; i = s.text.indexOf('\n', i + 1)) shape.lines++;
  };
  const visit = (b: Block, depth: number) => {
    shape.depth = Math.max(shape.depth, depth);
    switch (b.kind) {
      case 'paragraph':
      case 'heading':
        shape.lines++;
        spans(b.spans);
        break;
      case 'list':
        for (const item of b.items) {
          shape.lines++;
          shape.listItems++;
          shape.depth = Math.max(shape.depth, depth + 1 + item.depth);
          spans(item.spans);
        }
        break;
      case 'code':
        shape.lines += b.lines.length;
        for (const line of b.lines) shape.runs += line.length;
        break;
      case 'quote':
        for (const inner of b.blocks) visit(inner, depth + 1);
        break;
      case 'image':
        break;
    }
  };
  for (const b of parsePostText(text)) visit(b, 0);
  return shape;
}

/** Why a post's text is too complex to lay out, or undefined. `what` names it ("the post", "the quoted post"). */
export function postLimitProblem(text: string, what = 'the post'): string | undefined {
  let shape: PostShape;
  try {
    shape = postShape(text);
  } catch (err) {
    // The Markdown parser recurses per level: thousands of `>` or nested brackets can exhaust the stack.
    if (err instanceof RangeError) return `${what} nests quotes or lists too deeply to read; the limit is ${MAX_POST_DEPTH} levels; flatten them`;
    throw err;
  }
  const { lines, listItems, runs, depth } = shape;
  if (depth > MAX_POST_DEPTH) {
    return `${what} nests quotes and lists ${depth} levels deep; the limit is ${MAX_POST_DEPTH} levels; flatten them`;
  }
  if (listItems > MAX_POST_LIST_ITEMS) {
    return `${what} has ${listItems.toLocaleString('en-US')} list items; the limit is ${MAX_POST_LIST_ITEMS} a post; split the list over several posts`;
  }
  if (lines > MAX_POST_LINES) {
    return `${what} has ${lines.toLocaleString('en-US')} lines (paragraphs, list items, line breaks, code lines); the limit is ${MAX_POST_LINES} a post (about 15 cards); split it into several posts`;
  }
  if (runs > MAX_POST_RUNS) {
    return `${what} has ${runs.toLocaleString('en-US')} separately styled pieces of text (bold, italic, code, links, mentions…); the limit is ${MAX_POST_RUNS.toLocaleString('en-US')} a post; use less formatting or split it into several posts`;
  }
  return undefined;
}
