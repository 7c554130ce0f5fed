// Page titles as sites and clippers write them. Boilerplate ("Thread by @x on Thread Reader App",
// "Name (@handle) on X", `Name on X: "first words…" / X`, "@handle: first words…") names the
// author, never the thread; a real title loses its read-time suffix ("Sakana Fugu (3 minute read)").
import type { DraftAuthor, PageKind } from './types.ts';

export interface PageTitle {
  /** The thread's title, when the text is a real title (not boilerplate). */
  title?: string;
  /** Who the boilerplate names. */
  author: DraftAuthor;
  /** The start of the first post, when the boilerplate quotes it: a hint, never the title. */
  hint?: string;
  kind?: PageKind;
}

const HANDLE = '@?([A-Za-z0-9_]{1,30})';
const SITE = '(?:X|Twitter|X \\(formerly Twitter\\)|Threads|Bluesky|Mastodon)';
const READER = /\s*(?:[–—|-]|\bon)\s*Thread ?Reader(?: App)?\s*$/i;
const BY = new RegExp(`^(?:(?:A )?thread|post|tweet|status)s? by ${HANDLE}$`, 'i');
/** "Name (@handle) on X", "Name (@handle) / X", "Name (@handle)". */
const NAME_HANDLE = new RegExp(`^(.+?)\\s*\\(@([A-Za-z0-9_]{1,30})\\)(?:\\s+on\\s+${SITE}|\\s*/\\s*${SITE})?(?:\\s*:\\s*(.*))?$`, 'i');
/** `Name on X: "text…" / X`, `Name on Twitter: "text"`. */
const NAME_ON_SITE = new RegExp(`^(.+?)\\s+on\\s+${SITE}(?:\\s*:\\s*(.*))?$`, 'i');
/** "@handle: first words of the thread…" (a reader page's title bar, a clipper's description). */
const HANDLE_COLON = /^@([A-Za-z0-9_]{1,30}):\s+(.+)$/;
const SITE_ONLY = new RegExp(`^(?:${SITE}|Thread ?Reader(?: App)?|Home|Twitter / X)$`, 'i');
const SITE_SUFFIX = new RegExp(`\\s+/\\s*${SITE}\\s*$`, 'i');
const READ_TIME = /\s*[([]\s*\d+\s*min(?:ute)?s?\s+read\s*[)\]]\s*$/i;

/** Reads a page title; undefined for an empty one. */
export function readPageTitle(text: string): PageTitle | undefined {
  let s = text.replace(/\s+/g, ' ').trim();
  if (!s) return undefined;
  let kind: PageKind | undefined;
  if (READER.test(s)) {
    kind = 'thread-reader';
    s = s.replace(READER, '').replace(READER, '').trim();
  }
  const bare = s.replace(SITE_SUFFIX, '').trim();
  if (bare !== s) {
    kind ??= 'x';
    s = bare;
  }
  if (!s || SITE_ONLY.test(s)) return { author: {}, ...(kind && { kind }) };
  let m = BY.exec(s);
  if (m) return { author: { handle: m[1]! }, ...(kind && { kind }) };
  m = HANDLE_COLON.exec(s);
  if (m) return { author: { handle: m[1]! }, hint: unquote(m[2]!), ...(kind && { kind }) };
  m = NAME_HANDLE.exec(s);
  if (m && nameOk(m[1]!)) return { author: { name: m[1]!.trim(), handle: m[2]! }, ...(m[3] && { hint: unquote(m[3]) }), kind: kind ?? 'x' };
  m = NAME_ON_SITE.exec(s);
  if (m && nameOk(m[1]!)) return { author: { name: m[1]!.trim() }, ...(m[2] && { hint: unquote(m[2]) }), kind: kind ?? 'x' };
  const title = s.replace(READ_TIME, '').trim();
  return { title, author: {}, ...(kind && { kind }) };
}

/** Whether the text is a title that says nothing but who wrote the thread (or which site it is). */
export const isBoilerplateTitle = (text: string): boolean => {
  const t = readPageTitle(text);
  return Boolean(t && !t.title);
};

function unquote(s: string): string {
  return s.trim().replace(/^["“'‘]+|["”'’]+$/g, '').replace(/\s*(\.\.\.|…)+\s*$/, '').trim();
}

/** A display name, not a sentence: short, no link. Emoji and hashtags are fine. */
function nameOk(s: string): boolean {
  const t = s.trim();
  return t.length > 0 && t.length <= 60 && !/https?:|[[\]]/.test(t) && t.split(/\s+/).length <= 8;
}
