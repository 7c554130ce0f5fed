import type { Diagnostic } from './diagnostics.ts';

// The data that flows through the pipeline: Thread (loaded) → Deck of Cards (laid out) → rendered outputs.

/** A place in a source file, 1-based. */
export interface SourcePosition {
  line: number;
  column: number;
}

/** An image resolved to checked bytes by the asset module; nothing downstream reads the disk. */
export interface ImageAsset {
  /** Path as written in the thread file. */
  path: string;
  mime: 'image/png' | 'image/jpeg';
  width: number;
  height: number;
  bytes: Uint8Array;
  /** `data:` URI handed to satori. */
  dataUri: string;
}

export interface Author {
  name: string;
  /** Always starts with `@` when present. */
  handle?: string;
  avatar?: ImageAsset;
}

export interface Post {
  /** 1-based position in the thread. */
  number: number;
  text: string;
  image?: ImageAsset;
  alt?: string;
  position: SourcePosition;
}

export interface Thread {
  /** The file it came from (as given), or a label such as `<memory>`. */
  file: string;
  /** File-system-safe name used for the output folder. */
  slug: string;
  title: string;
  author: Author;
  /** ISO date `YYYY-MM-DD`. */
  date?: string;
  source?: string;
  posts: Post[];
}

export interface CardSize {
  width: number;
  height: number;
}

/** One card of the deck; `number/total` is what the card shows. */
export interface Card {
  /** 0-based index in the deck. */
  index: number;
  kind: 'post';
  post: Post;
  /** The post's number, shown as `number/total`. */
  number: number;
  total: number;
  label: string;
  isFirst: boolean;
  isLast: boolean;
  /** Body text size chosen by auto-fit, px. */
  fontSize: number;
}

export interface Deck {
  thread: Thread;
  size: CardSize;
  templateName: string;
  cards: Card[];
  /** Layout problems that did not stop the build (e.g. a post that overflows its card). */
  warnings: Diagnostic[];
}

export type OutputKind = 'png' | 'pdf' | 'svg';
export const OUTPUT_KINDS: readonly OutputKind[] = ['png', 'pdf', 'svg'];
