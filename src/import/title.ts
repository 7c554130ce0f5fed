// Thread titles: a "# Title" first line, or the first line of the first post without "(thread)",
// "🧵", "1/" and Markdown, cut at a word when long.
import { fromMarkdown } from 'mdast-util-from-markdown';
import { toString } from 'mdast-util-to-string';
import { isBlank } from './lines.ts';
import { readPageTitle } from './page-title.ts';
import type { DraftAuthor, ImportLog, Line } from './types.ts';

const MAX_TITLE = 90;

/**
 * A Markdown "# Title" as the first non-blank line. A boilerplate one ("# Thread by @x on Thread
 * Reader App", "# Name (@handle) on X") gives the author instead of the title.
 */
export function readTitleLine(lines: readonly Line[], log: ImportLog): { title?: string; author: DraftAuthor; index: number } | undefined {
  const index = lines.findIndex((l) => !isBlank(l));
  const line = lines[index];
  const m = line && /^#\s+(.+?)\s*#*\s*$/.exec(line.text);
  const read = m && readPageTitle(plain(m[1]!));
  if (!read) return undefined;
  log.remove(line.n, line.text, read.title ? 'title' : "page title (the author's name)");
  return { ...(read.title && { title: read.title }), author: read.author, index };
}

/** The title a post's first line gives. */
export function titleFromPost(text: string): string {
  const first = text.split('\n').find((l) => l.trim()) ?? '';
  let t = plain(first)
    .replace(/^[([]?\d{1,3}\/\d{0,3}[)\]]?\s+/, '')
    .replace(/\s*(\((a )?thread\)|\[(a )?thread\]|🧵+|👇+|⬇️+|\((a )?🧵\))\s*/giu, ' ')
    .replace(/\s*(a thread|thread)\s*[:.]?\s*$/i, '')
    .replace(/^\s*(a thread|thread)\s*(on|about)?\s*[:-]\s*/i, '')
    .replace(/\s+/g, ' ')
    .replace(/[\s:,;–—-]+$/, '')
    .trim();
  if (t.length > MAX_TITLE) {
    const cut = t.slice(0, MAX_TITLE);
    t = `${cut.slice(0, cut.lastIndexOf(' ') > 40 ? cut.lastIndexOf(' ') : MAX_TITLE).replace(/[\s,;:.–—-]+$/, '')}…`;
  }
  return t;
}

/** Markdown inline text → its plain text. */
function plain(md: string): string {
  return toString(fromMarkdown(md)).replace(/\s+/g, ' ').trim();
}
