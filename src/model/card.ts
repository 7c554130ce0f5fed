// One card of a deck: which post (and which part of it) it shows, as rich blocks, at which size.
import type { Block } from './rich.ts';
import type { Post } from './thread.ts';

export type CardKind = 'cover' | 'post' | 'outro';

/** One card of the deck; post cards show `number/total`. */
export interface Card {
  /** 0-based index in the deck. */
  index: number;
  kind: CardKind;
  /** The post this card shows (post cards only). */
  post?: Post;
  /** The post's number, shown as `number/total`; 0 on cover and outro cards. */
  number: number;
  /** Number of posts in the thread. */
  total: number;
  /** `n/N`, the same on every part of a post split over several cards; empty on cover and outro. */
  label: string;
  /** Which part of its post this card is (1-based); count is 1 for a post that fits one card. */
  part: { index: number; count: number };
  /** What this card shows of the post: its text as rich blocks (and the image, as a block). */
  blocks: Block[];
  isFirst: boolean;
  isLast: boolean;
  /** Body text size chosen by auto-fit, px. */
  fontSize: number;
}

