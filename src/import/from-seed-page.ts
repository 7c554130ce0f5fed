// The reader-page format (the seed page): a line holding only the post number before each post,
// page noise (banner, title bar, views and date, menus, ads) around and between the posts. Or the
// same page's text with HTML residue: `thread#showTweet" data-screenname="x" data-tweet="123"
// dir="auto">` before each post (a clipper that cut the tags open), where nothing before the first
// such line is a post.
import { readPreamble, type PageMeta } from './metadata.ts';
import { clip } from './post-text.ts';
import { readTitleLine } from './title.ts';
import type { Draft, ImportLog, Line } from './types.ts';
import { collectPosts } from './segments.ts';

const NUMBER_LINE = /^\s*(\d{1,3})\s*$/;
/** The attributes left of a thread reader's post element, ending with its ">" (post text may follow). */
const RESIDUE_MARK = /^\s*(?:[\w-]+#[\w-]+"\s*)?(?:[\w:-]+="[^"]*"\s*)*?data-tweet="(\d+)"(?:\s*[\w:-]+="[^"]*")*\s*\/?>\s?(.*)$/;

/** Indices of the lines that start a post with HTML residue (`… data-tweet="123" dir="auto">`). */
export function residueLines(lines: readonly Line[]): number[] {
  const out: number[] = [];
  for (const [i, l] of lines.entries()) if (RESIDUE_MARK.test(l.text)) out.push(i);
  return out;
}

/** Indices of the lines that hold only the numbers 1, 2, 3, … in order (other lone numbers are text). */
export function numberLines(lines: readonly Line[]): number[] {
  const out: number[] = [];
  for (const [i, l] of lines.entries()) {
    const m = NUMBER_LINE.exec(l.text);
    if (m && Number(m[1]) === out.length + 1) out.push(i);
  }
  return out;
}

export function fromSeedPage(lines: readonly Line[], log: ImportLog): Draft {
  if (residueLines(lines).length) return fromResidue(lines, log);
  const marks = numberLines(lines);
  const meta: PageMeta = { author: {} };
  const pre = readPreamble(lines.slice(0, marks[0] ?? lines.length), log, meta, { stopAtUnknown: false });
  const segments = marks.map((at, k) => {
    log.remove(lines[at]!.n, lines[at]!.text, 'post number');
    return lines.slice(at + 1, marks[k + 1] ?? lines.length);
  });
  if (pre.unknown.length && segments[0]) {
    for (const l of pre.unknown) log.warn(l.n, `kept "${l.text.trim()}" (before post 1) at the start of post 1: the importer does not know this page text; delete it if it is not the author's`, 'import-unsure');
    segments[0] = [...pre.unknown, ...segments[0]];
  }
  return { author: meta.author, ...(meta.date && { date: meta.date }), ...(meta.titlePrefix && { titlePrefix: meta.titlePrefix }), ...(meta.source && { source: meta.source }), posts: collectPosts(segments, log) };
}

function fromResidue(lines: readonly Line[], log: ImportLog): Draft {
  const marks = residueLines(lines);
  const meta: PageMeta = { author: {} };
  const title = readTitleLine(lines.slice(0, marks[0]), log);
  if (title) Object.assign(meta.author, title.author);
  const head = lines.slice(title ? title.index + 1 : 0, marks[0]);
  const pre = readPreamble(head, log, meta, { stopAtUnknown: false });
  for (const l of pre.unknown) log.remove(l.n, l.text, 'page text before the first post');
  if (pre.unknown.length) {
    const first = pre.unknown[0]!;
    const many = pre.unknown.length > 1;
    log.warn(first.n, `left out ${many ? `${pre.unknown.length} lines` : 'a line'} before the first post that the importer does not know as page text ("${clip(first.text)}"${many ? ', …' : ''}); --verbose lists ${many ? 'them' : 'it'}`, 'import-unsure');
  }
  const ids: { id: string; handle?: string }[] = [];
  const segments = marks.map((at, k) => {
    const line = lines[at]!;
    const m = RESIDUE_MARK.exec(line.text)!;
    const rest = m[2]!.trim();
    log.remove(line.n, rest ? line.text.slice(0, line.text.length - m[2]!.length) : line.text, 'HTML residue (a post starts)');
    const handle = /data-screenname="([A-Za-z0-9_]{1,30})"/.exec(line.text)?.[1];
    ids.push({ id: m[1]!, ...(handle && { handle }) });
    return [...(rest ? [{ n: line.n, text: rest }] : []), ...lines.slice(at + 1, marks[k + 1] ?? lines.length)];
  });
  // collectPosts drops what follows the page's end ("Missing some Tweet…", the feed) and the posts after it.
  const posts = collectPosts(segments, log);
  for (const post of posts) {
    const k = segments.findIndex((seg) => seg.some((l) => l.n === post.line));
    const id = ids[k];
    if (!id) continue;
    post.id = id.id;
    if (id.handle) post.author = { handle: id.handle };
  }
  meta.author.handle ??= ids[0]?.handle;
  if (!meta.author.handle) delete meta.author.handle;
  return { author: meta.author, ...(title?.title && { title: title.title }), ...(meta.date && { date: meta.date }), ...(meta.source && { source: meta.source }), posts };
}
