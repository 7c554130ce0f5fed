// What the page as a whole tells, beyond any one recogniser: which site it is a clipping of (a thread
// reader's page, x.com), the post count it states ("15 tweets • 4 min read"), the author's name in
// its furniture ("Keep Current with Boris Cherny", "… Profile picture"), and the front matter's
// title, author, date and source merged in — the page's own evidence first.
import { dateOfStatusId, statusIdOf } from './dates.ts';
import { cleanUrl, kindOfUrl, type FrontMatter } from './front-matter.ts';
import { readHeader } from './post-header.ts';
import type { Draft, ImportLog, Line, PageKind } from './types.ts';

const READER_TEXT = /thread ?reader|enter url or id to unroll|missing some tweets? in this thread|threadreaderapp\.com|thread#showTweet"|data-screenname="/i;

/** The page kind: the front matter's source or title, else a thread reader's words, else x.com post headers. */
export function pageKind(lines: readonly Line[], front: FrontMatter | undefined): PageKind | undefined {
  if (front?.kind) return front.kind;
  if (lines.some((l) => READER_TEXT.test(l.text))) return 'thread-reader';
  for (const l of lines) {
    const header = l.text.includes('**') ? readHeader(l.text, true) : undefined;
    if (header?.url && kindOfUrl(header.url) === 'x') return 'x';
  }
  return undefined;
}

const COUNT = /\b(\d{1,3})\s+(?:tweets|posts)\b/i;
const KEEP_CURRENT = /^\**\s*keep current with\s*(.*?)\s*\**$/i;
const PROFILE_PICTURE = /^!\[(.+?)\s+profile picture\]\(/i;

export function applyPageHints(draft: Draft, log: ImportLog, front: FrontMatter | undefined): void {
  // The count the page states (a removed "N tweets • M min read" line), never one in a feed.
  const info = log.removed.find((r) => r.reason === 'reader-site thread info' && COUNT.test(r.text));
  if (info && !draft.expected) draft.expected = { count: Number(COUNT.exec(info.text)![1]), line: info.line, text: info.text.replace(/^[,\s]+|[\s•·]+$/g, '') };

  // Front matter: its title over the page's heading; the page's author evidence over its author.
  if (front?.title) draft.title = front.title;
  const a = draft.author;
  if (front) {
    const f = front.author;
    const same = !f.handle || !a.handle || f.handle.toLowerCase() === a.handle.toLowerCase();
    if (!a.handle && f.handle) a.handle = f.handle;
    if (!a.name && f.name && same) a.name = f.name;
  }
  if (!a.name) {
    const name = nameFromFurniture(log, a.handle);
    if (name) a.name = name;
  }

  // The date: the page's, else the first post's status id, else the front matter's.
  const first = draft.posts[0];
  if (!draft.date && !first?.date) {
    const date =
      (first?.id && dateOfStatusId(first.id)) ||
      dateOfStatusId(statusIdOf(first?.url) ?? '') ||
      front?.published ||
      dateOfStatusId(statusIdOf(front?.source ?? draft.source) ?? '') ||
      front?.captured;
    if (date) draft.date = date;
  }
  if (front?.source) draft.source = front.source;
  // A reader page's post ids name the thread's own address.
  const handle = first?.author?.handle ?? a.handle;
  if (!draft.source && !first?.url && first?.id && handle) draft.source = `https://x.com/${handle}/status/${first.id}`;
  if (draft.source) draft.source = cleanUrl(draft.source);
  else if (first?.url) first.url = cleanUrl(first.url);
}

/** "Keep Current with Boris Cherny" (or the name on the next line), "![Boris Cherny Profile picture](…)". */
function nameFromFurniture(log: ImportLog, handle: string | undefined): string | undefined {
  const removed = [...log.removed].sort((x, y) => x.line - y.line);
  for (const [i, r] of removed.entries()) {
    const m = KEEP_CURRENT.exec(r.text);
    if (!m) continue;
    const link = /^\[([^\]]+)\]\(([^)]*)\)$/.exec(m[1]!);
    if (link) {
      const user = /\/user\/([A-Za-z0-9_]{1,30})\b/.exec(link[2]!)?.[1];
      if (!handle || !user || user.toLowerCase() === handle.toLowerCase()) return link[1]!.trim();
      continue;
    }
    if (m[1]) return m[1].replace(/[*_]/g, '').trim();
    const next = removed[i + 1];
    if (next && next.line <= r.line + 2 && /^[^@[\]()#*]{1,50}$/.test(next.text) && !/^(stay in touch|@)/i.test(next.text)) return next.text.trim();
  }
  for (const r of removed) {
    const m = PROFILE_PICTURE.exec(r.text);
    if (m) return m[1]!.trim();
  }
  return undefined;
}
