// The template API: what a template receives (TemplateProps) and what it is (Template).
import type { JSXNode } from 'satori/jsx';
import type { Author, Card, CardSize } from '../model.ts';

export interface Theme {
  background: string;
  /** Slightly raised surfaces: pills, tracks. */
  surface: string;
  text: string;
  muted: string;
  accent: string;
  /** Text drawn on the accent colour. */
  onAccent: string;
  fontFamily: string;
}

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

export interface TemplateProps {
  card: Card;
  deck: DeckInfo;
  theme: Theme;
  size: CardSize;
  /** Body text size chosen by the layout step for this card, in pixels. */
  fontSize: number;
}

export interface Template {
  name: string;
  description: string;
  theme: Theme;
  /** Largest and smallest body size at 1080 px card width. */
  bodySize: { max: number; min: number };
  render(props: TemplateProps): JSXNode;
}
