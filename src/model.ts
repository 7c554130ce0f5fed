import type { Diagnostic } from './diagnostics.ts';
import type { Block } from './text/rich.ts';
import type { SatoriAssets } from './render/satori-assets.ts';
import type { ThemeOverrides } from './theme/theme.ts';
import type { Template, Theme } from './render/template.ts';

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
  /** The file as read: its type and upright size (the bytes above may be a converted or downscaled copy). */
  original?: { mime: 'image/png' | 'image/jpeg' | 'image/webp' | 'image/gif'; width: number; height: number };
}

export interface Author {
  name: string;
  /** Always starts with `@` when present. */
  handle?: string;
  avatar?: ImageAsset;
}

/** A post quoted inside another (a "quote tweet"). */
export interface QuotedPost {
  author: { name: string; handle?: string };
  text: string;
}

export interface Post {
  /** 1-based position in the thread. */
  number: number;
  /** The post text as written (Markdown). */
  text: string;
  image?: ImageAsset;
  alt?: string;
  quote?: QuotedPost;
  position: SourcePosition;
}

export interface CoverOptions {
  title: string;
  hook?: string;
}

export interface OutroOptions {
  title: string;
  text: string;
  link?: string;
}

/** Per-thread choices from the thread file (CLI flags may override template, size and theme). */
export interface ThreadOptions {
  /** Built-in template name, or an absolute path to a template file. */
  template?: string;
  size?: CardSize;
  theme?: ThemeOverrides;
  cover: CoverOptions | false;
  outro: OutroOptions | false;
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
  options: ThreadOptions;
}

export interface CardSize {
  width: number;
  height: number;
}

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

export interface Deck {
  thread: Thread;
  size: CardSize;
  template: Template;
  cards: Card[];
  /** Layout problems that did not stop the build (e.g. a post that overflows its card). */
  warnings: Diagnostic[];
  /** Fonts and emoji for this deck's text, shared by measuring and rendering. */
  assets: SatoriAssets;
  /** The template's theme with the thread's and the CLI's branding applied. */
  theme: Theme;
}

/** `handout`: the printable PDF (A4/Letter, several cards per page with their text), `<slug>-handout.pdf`. */
export type OutputKind = 'png' | 'pdf' | 'svg' | 'md' | 'handout';
export const OUTPUT_KINDS: readonly OutputKind[] = ['png', 'pdf', 'svg', 'md', 'handout'];
