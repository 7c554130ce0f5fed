// What a page says about the thread outside its posts: the author's handle and name, the date, a
// (truncated) page title. Reads the lines before the first post and removes the ones it understands.
import { findDate, isDateLine } from './dates.ts';
import { noiseReason } from './noise.ts';
import { isBlank } from './lines.ts';
import { readPageTitle } from './page-title.ts';
import type { DraftAuthor, ImportLog, Line } from './types.ts';

export interface PageMeta {
  author: DraftAuthor;
  date?: string;
  /** A "Source: https://…" line's address. */
  source?: string;
  /** A page title cut short ("DevOps, SRE, and Platform Engi..."): only used to check the real title. */
  titlePrefix?: string;
}

const HANDLE = '@([A-Za-z0-9_]{1,30})';
/** "@iximiuz: DevOps, SRE, and Platform Engi..." — a reader page's title bar. */
const PAGE_TITLE = new RegExp(`^${HANDLE}:\\s+(.+?)\\s*(?:\\.\\.\\.|…)?$`);
const LONE_HANDLE = new RegExp(`^(?:by\\s+)?${HANDLE}$`, 'i');
/** "Ivan Velichko @iximiuz", "Ivan Velichko (@iximiuz)", "— Ivan Velichko (@iximiuz)". */
const NAME_HANDLE = new RegExp(`^(?:[—–-]\\s*)?(?:by\\s+)?([^@()\\[\\]*#]{1,60}?)\\s+\\(?${HANDLE}\\)?$`, 'i');
const PROFILE_IMAGE = /^!\[[^\]]*\]\([^)]*(profile_images|avatar)[^)]*\)$/i;
/** "[@bcherny](https://x.com/bcherny)": the handle as a link to the profile. */
const LINKED_HANDLE = new RegExp(`^\\[${HANDLE}\\]\\(https?://(?:www\\.)?(?:x|twitter)\\.com/[A-Za-z0-9_]+/?\\)$`, 'i');
const SOURCE_LINE = /^(?:source|original|url|link|via)\s*:\s*<?(https?:\/\/\S+?)>?$/i;
/** Lines a page title may be: "Thread by @x on Thread Reader App", "Name (@handle) on X". */
const TITLE_LIKE = /^(?:(?:a )?thread|post)s? by @\w+|\bon (?:x|twitter)\b|\s\/\s(?:x|twitter)$/i;

/** A metadata line: what it tells, and the reason to remove it. */
export function readMetaLine(text: string): { meta: Partial<PageMeta> & DraftAuthor; reason: string } | undefined {
  const s = text.trim().replace(/\\_/g, '_');
  let m = PAGE_TITLE.exec(s);
  if (m && /(\.\.\.|…)$/.test(s)) return { meta: { handle: m[1]!, titlePrefix: m[2]!.trim() }, reason: 'page title bar' };
  m = LONE_HANDLE.exec(s) ?? LINKED_HANDLE.exec(s);
  if (m) return { meta: { handle: m[1]! }, reason: "author's handle" };
  m = SOURCE_LINE.exec(s);
  if (m) return { meta: { source: m[1]! }, reason: 'source line' };
  if (TITLE_LIKE.test(s)) {
    const t = readPageTitle(s);
    if (t && !t.title && (t.author.handle || t.author.name)) return { meta: { ...t.author }, reason: "page title (the author's name)" };
  }
  m = NAME_HANDLE.exec(s);
  if (m && isNameLike(m[1]!)) return { meta: { name: m[1]!.trim(), handle: m[2]! }, reason: "author's name and handle" };
  if (isDateLine(s)) return { meta: { date: findDate(s)! }, reason: 'date' };
  if (PROFILE_IMAGE.test(s)) return { meta: {}, reason: 'profile picture' };
  return undefined;
}

/**
 * Reads leading lines that are blank, page noise or metadata. Stops at the first other line and
 * returns the index of that line. A short line right before a lone @handle line is the author's name.
 */
export function readPreamble(lines: readonly Line[], log: ImportLog, meta: PageMeta, opts: { stopAtUnknown: boolean }): { index: number; unknown: Line[] } {
  const unknown: Line[] = [];
  let i = 0;
  for (; i < lines.length; i++) {
    const line = lines[i]!;
    if (isBlank(line)) continue;
    // A page title first: "Thread by @x on Thread Reader App" names the author.
    const titled = TITLE_LIKE.test(line.text) && (/^\W*thread by @/i.test(line.text) || !noiseReason(line.text)) ? readMetaLine(line.text) : undefined;
    if (titled) {
      applyMeta(meta, titled.meta);
      log.remove(line.n, line.text, titled.reason);
      continue;
    }
    const noise = noiseReason(line.text);
    if (noise) {
      const date = findDate(line.text);
      if (date && !meta.date) meta.date = date;
      if (noise.feed) break;
      log.remove(line.n, line.text, noise.reason);
      continue;
    }
    const read = readMetaLine(line.text);
    if (read) {
      applyMeta(meta, read.meta);
      log.remove(line.n, line.text, read.reason);
      continue;
    }
    // The name, then perhaps page text ("Subscribe"), then the lone @handle.
    const next = lines.slice(i + 1).find((l) => !isBlank(l) && !(noiseReason(l.text) && !noiseReason(l.text)!.feed));
    const nextMeta = next && readMetaLine(next.text);
    if (next && nextMeta?.reason === "author's handle" && isNameLike(line.text)) {
      applyMeta(meta, { name: line.text.trim() });
      log.remove(line.n, line.text, "author's name");
      continue;
    }
    if (opts.stopAtUnknown) break;
    unknown.push(line);
  }
  return { index: i, unknown };
}

export function applyMeta(meta: PageMeta, found: Partial<PageMeta> & DraftAuthor): void {
  if (found.handle && !meta.author.handle) meta.author.handle = found.handle;
  if (found.name && !meta.author.name) meta.author.name = found.name;
  if (found.date && !meta.date) meta.date = found.date;
  if (found.titlePrefix && !meta.titlePrefix) meta.titlePrefix = found.titlePrefix;
  if (found.source && !meta.source) meta.source = found.source;
}

const PARTICLES = new Set(['van', 'von', 'de', 'der', 'den', 'da', 'di', 'du', 'la', 'le', 'bin', 'al', 'el', 'y']);

/** "Ivan Velichko", "Maya Okafor 🚀", "iximiuz" — not "Thanks to" or a sentence. */
export function isNameLike(text: string): boolean {
  const s = text.trim();
  if (!s || s.length > 50 || /[.!?:,;]$/.test(s) || /https?:|[\[\]()*`]|#(?!\w)/.test(s)) return false;
  const words = s.split(/\s+/);
  if (words.length > 5) return false;
  // Hashtags and emoji are part of many display names ("Maya 🚀 #BuildInPublic").
  return words.length === 1 || words.every((w) => /^[\p{Lu}\p{Lo}\p{Extended_Pictographic}\p{S}#|]/u.test(w) || PARTICLES.has(w));
}
