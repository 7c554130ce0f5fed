// The loaded thread: posts with their text, images and places in the source file; per-thread options.
import type { CardSize, ImageAsset } from './asset.ts';
import type { ThemeOverrides } from './theme.ts';


/** A place in a source file, 1-based. */
export interface SourcePosition {
  line: number;
  column: number;
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
