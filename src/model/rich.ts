// The rich-text model of a post, between Markdown and the template: blocks of styled spans.
import type { ImageAsset } from './asset.ts';

export interface Span {
  text: string;
  bold?: boolean;
  italic?: boolean;
  strike?: boolean;
  /** Inline code or Unicode monospace letters. */
  mono?: boolean;
  /** Link target; `text` is what is shown. */
  href?: string;
  /** Highlighted in the template's accent colour. */
  accent?: 'mention' | 'hashtag' | 'link';
  /** Syntax-highlighting colour (code blocks), from the code palette. */
  color?: string;
}

export interface ListItem {
  /** "•" or "3." — empty on an item continued from the previous card. */
  marker: string;
  depth: number;
  spans: Span[];
}

export interface QuoteAuthor {
  name: string;
  handle?: string;
}

export type Block =
  | { kind: 'paragraph'; spans: Span[] }
  | { kind: 'heading'; spans: Span[] }
  | { kind: 'list'; ordered: boolean; items: ListItem[] }
  | { kind: 'quote'; blocks: Block[]; author?: QuoteAuthor }
  | { kind: 'code'; lang?: string; lines: Span[][] }
  /** `solo`: the post is only this image, so it may take the whole body. */
  | { kind: 'image'; image: ImageAsset; alt?: string; solo?: boolean };

/** The visible text of spans. */
export function spansText(spans: readonly Span[]): string {
  return spans.map((s) => s.text).join('');
}

/** The visible text of a block; list items and code lines are joined by newlines, quote blocks by blank lines. */
export function blockText(block: Block): string {
  switch (block.kind) {
    case 'paragraph':
    case 'heading':
      return spansText(block.spans);
    case 'list':
      return block.items.map((i) => spansText(i.spans)).join('\n');
    case 'quote':
      return block.blocks.map(blockText).join('\n\n');
    case 'code':
      return block.lines.map(spansText).join('\n');
    case 'image':
      return '';
  }
}

/** All visible text of a list of blocks, in reading order. */
export function blocksText(blocks: readonly Block[]): string {
  return blocks.map(blockText).join('\n\n');
}
