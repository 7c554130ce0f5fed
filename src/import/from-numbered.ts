// Numbered posts in plain text: "1/ …", "2/ …" (also "1/9", "(1/9)", "[1/9]", or "1." at the start
// of a paragraph). A post runs from its marker to the next one, blank lines included — unless every
// post is one paragraph, when a paragraph after the last one is a closing post; text before "1/" is
// an unnumbered first post (paragraph-posts.ts).
import { findMarks } from './markers.ts';
import { splitPosts } from './paragraph-posts.ts';
import { readPreamble, type PageMeta } from './metadata.ts';
import { collectPosts } from './segments.ts';
import type { Draft, ImportContext, ImportLog, Line } from './types.ts';
import { readTitleLine } from './title.ts';

export { findMarks, type NumberedMarks } from './markers.ts';

export function fromNumbered(lines: readonly Line[], log: ImportLog, ctx: ImportContext = {}): Draft {
  const meta: PageMeta = { author: {} };
  let start = 0;
  const title = readTitleLine(lines, log);
  if (title) {
    start = title.index + 1;
    Object.assign(meta.author, title.author);
  }
  // Metadata and page text on top; from the first other line on, the posts (an unnumbered first
  // post included).
  const pre = readPreamble(lines.slice(start), log, meta, { stopAtUnknown: true });
  const body = lines.slice(start + pre.index);
  const segments = splitPosts(body, log, { ...(ctx.kind && { kind: ctx.kind }), marks: findMarks(body) });
  return { author: meta.author, ...(title?.title && { title: title.title }), ...(meta.date && { date: meta.date }), ...(meta.source && { source: meta.source }), posts: collectPosts(segments, log) };
}
