// The template API: what a template receives (TemplateProps) and what it is (Template).
// A template splits a card into chrome (header, footer, decorations) and a body box of a fixed
// size. The layout step measures `renderBody` with satori to choose the body text size, and
// `render` must place that same body in a box of exactly `bodyBox(size)`.
import type { JSXNode } from 'satori/jsx';
import type { Card } from './card.ts';
import type { ContrastPair, FontFace, Theme } from './theme.ts';
import type { CardSize } from './asset.ts';
import type { Author } from './thread.ts';

/** Thread-level facts every card may show. */
export interface DeckInfo {
  title: string;
  author: Author;
  date?: string;
  source?: string;
  /** Number of posts in the thread (the N of n/N). */
  posts: number;
  /** Number of cards in the deck. */
  cards: number;
}

export interface BoxSize {
  width: number;
  height: number;
}

export interface TemplateProps {
  card: Card;
  deck: DeckInfo;
  theme: Theme;
  size: CardSize;
  /** Body text size chosen by the layout step for this card, in pixels. */
  fontSize: number;
  /** The body box (same as `template.bodyBox(size)`). */
  body: BoxSize;
}

export interface Template {
  name: string;
  description: string;
  theme: Theme;
  /** Largest and smallest body text size at 1080 px card width (scaled for other widths). */
  bodySize: { max: number; min: number };
  /** Size of the box the body gets on a card of `size`. */
  bodyBox(size: CardSize): BoxSize;
  /** The body content (text, image); its natural height at `body.width` is what must fit. */
  renderBody(props: TemplateProps): JSXNode;
  /**
   * When the body is a plain column of `card.blocks` with this gap between them (as RichBlocks
   * draws it), layout measures blocks one by one and adds them up — much faster for long posts.
   */
  blockGap?(fontSize: number): number;
  /** The whole card; must draw `renderBody(props)` inside a `body`-sized box. */
  render(props: TemplateProps): JSXNode;
  /** Extra bundled fonts the template draws with (e.g. a serif for headings); loaded once. */
  fonts?(): Promise<FontFace[]>;
  /**
   * Every text colour the template draws on every background colour (gradient stops included),
   * for the WCAG AA contrast test. Built-in templates must define it.
   */
  contrast?(theme: Theme): ContrastPair[];
}
