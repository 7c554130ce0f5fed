// What a page says about the thread outside its posts: the author's handle and name, the date, a
// (truncated) page title. Reads the lines before the first post and removes the ones it understands.
import { findDate, isDateLine } from './dates.ts';
import { noiseReason } from './noise.ts';
import { isBlank } from './lines.ts';
import type { DraftAuthor, ImportLog, Line } from './types.ts';

export interface PageMeta {
  author: DraftAuthor;
  date?: string;
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

/** A metadata line: what it tells, and the reason to remove it. */
export function readMetaLine(text: string): { meta: Partial<PageMeta> & DraftAuthor; reason: string } | undefined {
  const s = text.trim();
  let m = PAGE_TITLE.exec(s);
  if (m && /(\.\.\.|…)$/.test(s)) return { meta: { handle: m[1]!, titlePrefix: m[2]!.trim() }, reason: 'page title bar' };
  m = LONE_HANDLE.exec(s);
  if (m) return { meta: { handle: m[1]! }, reason: "author's handle" };
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
    const next = lines.slice(i + 1).find((l) => !isBlank(l));
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
}

const PARTICLES = new Set(['van', 'von', 'de', 'der', 'den', 'da', 'di', 'du', 'la', 'le', 'bin', 'al', 'el', 'y']);

/** "Ivan Velichko", "Maya Okafor 🚀", "iximiuz" — not "Thanks to" or a sentence. */
export function isNameLike(text: string): boolean {
  const s = text.trim();
  if (!s || s.length > 50 || /[.!?:,;]$/.test(s) || /https?:|[\[\]()*#`]/.test(s)) return false;
  const words = s.split(/\s+/);
  if (words.length > 5) return false;
  return words.length === 1 || words.every((w) => /^[\p{Lu}\p{Lo}\p{Extended_Pictographic}\p{S}]/u.test(w) || PARTICLES.has(w));
}
