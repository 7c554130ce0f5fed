// A clipping's comments section (Obsidian Web Clipper's x.com pages end with "## Comments" and the
// replies as nested quotes: "> **Jane Doe @janedoe** · [2026-03-26](url)", then the reply): each
// reply becomes a post with its author, so the thread keeps only its author's posts (finish.ts).
import { readHeader } from './post-header.ts';
import { buildPost } from './post-text.ts';
import type { DraftPost, ImportLog, Line } from './types.ts';

export const COMMENTS_HEADING = /^(comments|replies|\d+\s+(comments|replies))$/i;

/** The replies in the lines after a "Comments" heading, in order (nesting flattened). */
export function readComments(lines: readonly Line[], log: ImportLog): DraftPost[] {
  const posts: DraftPost[] = [];
  let current: { header: ReturnType<typeof readHeader>; lines: Line[]; at: number } | undefined;
  const flush = () => {
    if (!current?.header) return;
    const { post } = buildPost(current.lines, log);
    post.author = current.header.author;
    if (current.header.url) post.url = current.header.url;
    if (current.header.date) post.date = current.header.date;
    if (!post.text) post.line = current.at;
    if (post.text || post.quote) posts.push(post);
  };
  for (const l of lines) {
    const text = l.text.replace(/^\s*(>\s?)+/, '');
    const header = /^\s*\*\*/.test(text) ? readHeader(text, true) ?? (/\s·\s/.test(text) ? readHeader(text, false) : undefined) : undefined;
    if (header) {
      flush();
      log.remove(l.n, l.text, 'reply header');
      current = { header, lines: [], at: l.n };
      continue;
    }
    if (!text.trim()) log.remove(l.n, l.text, 'comments section');
    if (current) current.lines.push({ n: l.n, text });
    else log.remove(l.n, l.text, 'comments section');
  }
  flush();
  return posts;
}
