// The importer's data: formats, the draft a recogniser produces, what was removed, and the result.
import type { Diagnostic, Rule } from '../diagnostics.ts';
import type { ThreadInput } from '../load/schema.ts';

export const IMPORT_FORMATS = ['seed', 'markdown', 'numbered', 'plain', 'json', 'html'] as const;
export type ImportFormat = (typeof IMPORT_FORMATS)[number];

/** One line of the input; `n` is its 1-based line number in the file the user gave. */
export interface Line {
  n: number;
  text: string;
  /**
   * A blank line that only holds spaces after a Markdown hard break ("text  " then "  "): what a
   * clipper (turndown) writes for a paragraph break inside one post, where posts are apart by empty lines.
   */
  soft?: boolean;
}

/** What the page is a clipping of, when it can be told: it decides how paragraphs become posts. */
export type PageKind = 'thread-reader' | 'x';

/** What the importer knows about the input before a recogniser reads it. */
export interface ImportContext {
  kind?: PageKind;
}

export interface DraftAuthor {
  name?: string;
  /** Without the leading @. */
  handle?: string;
}

export interface DraftImage {
  src: string;
  alt?: string;
  line: number;
}

export interface DraftQuote {
  author: DraftAuthor;
  text: string;
}

export interface DraftPost {
  /** Post text, Markdown, as the author wrote it. */
  text: string;
  /** Where the post starts in the input. */
  line: number;
  /** Who wrote it, when the input says; a post by someone other than the thread's author is a reply. */
  author?: DraftAuthor;
  /** The post's URL, when the input names it. */
  url?: string;
  /** Its date (YYYY-MM-DD), when the input gives one. */
  date?: string;
  images: DraftImage[];
  quote?: DraftQuote;
  /** Handles (without @) a "Replying to @…" line above the post names. */
  replyTo?: string[];
  /** The post's status id, when the page names it (a `data-tweet` attribute). */
  id?: string;
  /** The input lines its text came from (to list them when the post is left out). */
  source?: Line[];
}

/** What a recogniser found: the posts in order and whatever the page says about the thread. */
export interface Draft {
  title?: string;
  author: DraftAuthor;
  avatar?: DraftImage;
  date?: string;
  source?: string;
  /** A page title cut short ("DevOps, SRE, and Platform Engi..."): a hint, never the title. */
  titlePrefix?: string;
  posts: DraftPost[];
  /** Posts are numbered by headings (threadeck's own Markdown export): text is kept exactly, markers too. */
  exact?: boolean;
  /**
   * The posts are in a page's conversation order (x.com): once someone else has replied, the
   * author's later posts answer the replies unless their numbers continue the thread.
   */
  conversation?: boolean;
  /** How many posts the page says the thread has ("15 tweets • 4 min read"), to check the count against. */
  expected?: { count: number; line: number; text: string };
}

/** A line the importer left out, and why (listed by `--verbose`). */
export interface RemovedLine {
  line: number;
  text: string;
  reason: string;
}

export interface ImportOptions {
  /** Shown in diagnostics (default `<stdin>`). */
  file?: string;
  /** Folder that image paths in the input are relative to (default: the cwd). */
  baseDir?: string;
  /** Folder the thread file will live in; image paths are written relative to it (default: baseDir). */
  outDir?: string;
  /** Force a format instead of detecting it. */
  from?: ImportFormat;
  /** Keep posts by other accounts (as posts quoting the reply) instead of removing them. */
  keepReplies?: boolean;
  /** Overrides the title found in the input. */
  title?: string;
  /** Overrides the author: "Name @handle", "Name" or "@handle". */
  author?: string;
}

export interface ImportResult {
  format: ImportFormat;
  /** A thread file's content (validated by the loader when it is turned into a Thread). */
  thread: ThreadInput;
  /** Line in the input where each post starts (for diagnostics). */
  postLines: number[];
  warnings: Diagnostic[];
  removed: RemovedLine[];
}

/** Collects removed lines and warnings while a recogniser runs. */
export class ImportLog {
  readonly removed: RemovedLine[] = [];
  readonly warnings: Diagnostic[] = [];
  constructor(readonly file: string) {}

  remove(line: number, text: string, reason: string): void {
    if (text.trim()) this.removed.push({ line, text: text.trim(), reason });
  }

  warn(line: number | undefined, message: string, rule: Rule = 'import'): void {
    this.warnings.push({ severity: 'warning', rule, file: this.file, ...(line ? { line, column: 1 } : {}), message });
  }
}
