// Post headers in Markdown clippings: "**Name** @handle [Mar 26, 2026](https://x.com/…/status/1)",
// with variants (linked name or handle, "(@handle)", "·", a plain date, an avatar image first).
import { findDate, isDateLine } from './dates.ts';
import { isNameLike } from './metadata.ts';
import type { DraftAuthor } from './types.ts';

export interface PostHeader {
  author: DraftAuthor;
  date?: string;
  url?: string;
  avatar?: string;
}

const HEADER =
  /^\s*(?:!\[[^\]]*\]\((?<avatar>[^)\s]+|<[^>]+>)\)\s*)?\*\*(?:\[(?<lname>[^\]]+)\]\([^)]*\)|(?<name>[^*]+?))\*\*\s*(?:\(?\s*(?:\[@(?<lhandle>[A-Za-z0-9_](?:[A-Za-z0-9_.-]{0,62}[A-Za-z0-9_])?)\]\([^)]*\)|@(?<handle>[A-Za-z0-9_](?:[A-Za-z0-9_.-]{0,62}[A-Za-z0-9_])?))\s*\)?)?\s*(?:[·|—–-]\s*)?(?<rest>.*?)\s*$/;
const REST_LINK = /^\[(?<text>[^\]]*)\]\((?<url>[^)\s]+)\)$/;
/** "Mar 26", "5h", "10:00 AM · Mar 26": relative or year-less dates x.com shows. */
const SHORT_DATE = /^((\d{1,2}:\d{2}\s*(am|pm)?)\s*·?\s*)?([a-z]{3,9}\.?\s+\d{1,2}|\d{1,2}\s+[a-z]{3,9}\.?|\d{1,2}[smhd])$/i;

/** Reads a header line; `needsHandle` false accepts "**Name**" alone (the byline before the posts). */
export function readHeader(line: string, needsHandle: boolean): PostHeader | undefined {
  // A clipper may have escaped the handle's underscores ("@hannah\\_ops").
  const m = HEADER.exec(line.includes('\\') ? line.replace(/\\([_.#!-])/g, '$1') : line);
  if (!m?.groups) return undefined;
  const g = m.groups;
  let handle = g.lhandle ?? g.handle;
  let name = (g.lname ?? g.name ?? '').trim();
  // "**Jane Doe @janedoe** · [date](url)": the handle inside the bold name.
  const inner = !handle ? /^(.+?)\s+@([A-Za-z0-9_]{1,30})$/.exec(name) : null;
  if (inner) {
    name = inner[1]!.trim();
    handle = inner[2]!;
  }
  if (!handle && needsHandle) return undefined;
  if (!name || (!handle && !isNameLike(name))) return undefined;
  const header: PostHeader = { author: { name, ...(handle && { handle }) } };
  if (g.avatar) header.avatar = g.avatar.replace(/^<|>$/g, '');
  const rest = g.rest ?? '';
  if (rest) {
    const link = REST_LINK.exec(rest);
    if (link?.groups) {
      header.url = link.groups.url!;
      const date = findDate(link.groups.text!);
      if (date) header.date = date;
    } else if (isDateLine(rest)) header.date = findDate(rest)!;
    else if (!SHORT_DATE.test(rest)) return undefined;
  }
  return header;
}

/** "Quoting **Name** @handle:" — the line before a quoted post in threadeck's Markdown export. */
export function readQuoting(line: string): DraftAuthor | undefined {
  const m = /^Quoting \*\*(.+?)\*\*(?:\s+@([A-Za-z0-9_.-]{1,64}))?:\s*$/.exec(line.trim());
  return m ? { name: m[1]!, ...(m[2] && { handle: m[2] }) } : undefined;
}
