// YAML front matter on top of a clipping (Obsidian Web Clipper, MarkDownload, RSS and newsletter
// clippers): parsed with the yaml package, mapped to the thread's title, author, dates and source,
// and taken out of the input — every line listed — before the format is detected. Front matter is
// metadata: never a post, never a "---" post separator.
import { parse } from 'yaml';
import { findDate } from './dates.ts';
import { readPageTitle } from './page-title.ts';
import type { DraftAuthor, ImportLog, Line, PageKind } from './types.ts';

export interface FrontMatter {
  /** Index (in the lines) of the closing delimiter. */
  end: number;
  /** A real title (boilerplate titles give the author instead). */
  title?: string;
  author: DraftAuthor;
  /** When the post was published (YYYY-MM-DD). */
  published?: string;
  /** When it was clipped: a last resort for the date. */
  captured?: string;
  source?: string;
  kind?: PageKind;
}

type Obj = Record<string, unknown>;

/** Keys as clippers spell them, lower-cased with `-`, `_` and spaces removed. */
const KEYS = {
  title: ['title', 'headline', 'pagetitle'],
  source: ['source', 'url', 'link', 'sourceurl', 'originalurl', 'canonical', 'canonicalurl', 'permalink', 'href', 'tweeturl', 'threadurl', 'posturl', 'weburl'],
  author: ['author', 'authors', 'by', 'byline', 'creator', 'authorname', 'postedby'],
  handle: ['handle', 'username', 'screenname', 'twitter', 'authorhandle', 'twitterhandle', 'user'],
  published: ['published', 'datepublished', 'publishedat', 'publishdate', 'publishedon', 'pubdate', 'date', 'posted', 'postedat', 'postdate', 'tweetdate', 'createdattweet'],
  captured: ['created', 'createdat', 'captured', 'capturedat', 'clipped', 'clippedat', 'dateclipped', 'saved', 'savedat', 'datesaved', 'added', 'dateadded', 'downloadedat', 'datecreated', 'fetched', 'fetchedat'],
  description: ['description', 'excerpt', 'summary'],
  site: ['domain', 'site', 'sitename', 'publisher', 'platform', 'sourcetype'],
} as const;
const KNOWN = new Set<string>([...Object.values(KEYS).flat(), 'tags', 'category', 'categories', 'aliases', 'type', 'status', 'lang', 'language', 'image', 'cover', 'modified', 'updated']);

const DELIMITER = /^---\s*$/;
const CLOSE = /^(---|\.\.\.)\s*$/;

/** Reads front matter at the top of the input; its lines are logged as removed. */
export function readFrontMatter(lines: readonly Line[], log: ImportLog): FrontMatter | undefined {
  let start = 0;
  while (start < lines.length && lines[start]!.text.trim() === '') start++;
  if (start >= lines.length || !DELIMITER.test(lines[start]!.text)) return undefined;
  let end = start + 1;
  while (end < lines.length && !CLOSE.test(lines[end]!.text)) end++;
  if (end >= lines.length || end === start + 1) return undefined;
  const body = lines.slice(start + 1, end);
  const data = parseBody(body);
  if (!data) return undefined;
  const keys = Object.keys(data).map(norm);
  if (!keys.some((k) => KNOWN.has(k))) return undefined;

  for (const l of [lines[start]!, ...body, lines[end]!]) {
    const key = /^([A-Za-z_][\w .-]*?)\s*:/.exec(l.text)?.[1];
    log.remove(l.n, l.text, key ? `front matter (${key})` : 'front matter');
  }
  return mapFrontMatter(data, end);
}

function parseBody(body: readonly Line[]): Obj | undefined {
  const text = body.map((l) => l.text).join('\n');
  try {
    const value: unknown = parse(text, { uniqueKeys: false, prettyErrors: false });
    return isObj(value) ? value : undefined;
  } catch {
    // Broken YAML (an unquoted colon, a stray tab): read the top-level "key: value" lines one by one.
    const out: Obj = {};
    for (const l of body) {
      const m = /^([A-Za-z_][\w .-]*?)\s*:\s*(.*)$/.exec(l.text);
      if (!m) continue;
      try {
        out[m[1]!] = m[2] ? parse(m[2], { prettyErrors: false }) : null;
      } catch {
        out[m[1]!] = m[2];
      }
    }
    return Object.keys(out).length ? out : undefined;
  }
}

function mapFrontMatter(data: Obj, end: number): FrontMatter {
  const get = (names: readonly string[]): unknown => {
    for (const name of names) {
      for (const [k, v] of Object.entries(data)) if (norm(k) === name && !empty(v)) return v;
    }
    return undefined;
  };
  const fm: FrontMatter = { end, author: {} };

  for (const entry of strings(get(KEYS.author))) {
    const a = authorFrom(entry);
    // The name and the handle may come from different entries ("[[Name]]", "[[@handle]]").
    if (a.handle && fm.author.handle && a.handle.toLowerCase() !== fm.author.handle.toLowerCase()) continue;
    fm.author.handle ??= a.handle;
    if (a.name && !fm.author.name) fm.author.name = a.name;
  }
  // The title: a real one, or boilerplate naming the author ("Name (@handle) on X") where the author key did not.
  const title = strings(get(KEYS.title))[0];
  if (title) {
    const t = readPageTitle(title);
    if (t?.title) fm.title = t.title;
    const same = !t?.author.handle || !fm.author.handle || t.author.handle.toLowerCase() === fm.author.handle.toLowerCase();
    if (t?.author.handle && same) fm.author.handle ??= t.author.handle;
    if (t?.author.name && same) fm.author.name ??= t.author.name;
    if (t?.kind) fm.kind = t.kind;
  }
  const handle = strings(get(KEYS.handle))[0];
  if (handle && /^@?[A-Za-z0-9_]{1,30}$/.test(handle.trim())) fm.author.handle ??= handle.trim().replace(/^@/, '');
  const description = strings(get(KEYS.description))[0];
  const byDesc = description && /^@([A-Za-z0-9_]{1,30}):\s/.exec(description.trim());
  if (byDesc) fm.author.handle ??= byDesc[1]!;
  if (!fm.author.handle) delete fm.author.handle;
  if (!fm.author.name) delete fm.author.name;

  const source = strings(get(KEYS.source)).find((s) => /^https?:\/\/\S+$/.test(s.trim()));
  if (source) fm.source = cleanUrl(source.trim());
  const published = dateOf(get(KEYS.published));
  if (published) fm.published = published;
  const captured = dateOf(get(KEYS.captured));
  if (captured) fm.captured = captured;

  const site = strings(get(KEYS.site)).join(' ');
  fm.kind = kindOfUrl(fm.source) ?? fm.kind ?? (/thread ?reader/i.test(site) ? 'thread-reader' : /^(x|x-com|x\.com|twitter|twitter\.com|x \(twitter\))$/i.test(site.trim()) ? 'x' : undefined);
  if (!fm.kind) delete fm.kind;
  return fm;
}

/** The page kind a URL's host tells. */
export function kindOfUrl(url: string | undefined): PageKind | undefined {
  if (!url) return undefined;
  const host = /^https?:\/\/([^/?#]+)/i.exec(url)?.[1]?.toLowerCase().replace(/^www\.|^mobile\./, '');
  if (!host) return undefined;
  if (host === 'threadreaderapp.com') return 'thread-reader';
  if (['x.com', 'twitter.com', 'nitter.net', 'xcancel.com', 'fxtwitter.com', 'vxtwitter.com'].includes(host)) return 'x';
  return undefined;
}

/** A URL without tracking parameters (utm_*, and x.com's share ones). */
export function cleanUrl(url: string): string {
  const m = /^([^?#]*)(\?[^#]*)?(#.*)?$/.exec(url);
  if (!m || !m[2]) return url;
  const x = kindOfUrl(url) === 'x';
  const kept = m[2]
    .slice(1)
    .split('&')
    .filter((p) => p && !/^utm_/i.test(p) && !(x && /^(s|t|ref_src|ref_url)=/.test(p)));
  return `${m[1]}${kept.length ? `?${kept.join('&')}` : ''}${m[3] ?? ''}`;
}

/** "[[@handle]]", "[[Name]]", "Name (@handle)", "@handle", "https://x.com/handle", "Name". */
function authorFrom(entry: string): DraftAuthor {
  let s = entry.trim().replace(/^\[\[([^\]|]*)(?:\|([^\]]*))?\]\]$/, (_, target: string, alias?: string) => (alias && !target.startsWith('@') ? alias : target));
  s = s.replace(/^\[([^\]]+)\]\([^)]*\)$/, '$1').trim();
  const url = /^https?:\/\/(?:www\.)?(?:x|twitter)\.com\/([A-Za-z0-9_]{1,30})\/?$/i.exec(s);
  if (url) return { handle: url[1]! };
  const m = /^(.*?)\s*\(?@([A-Za-z0-9_]{1,30})\)?$/.exec(s);
  if (m) return { ...(m[1] && { name: m[1].trim() }), handle: m[2]! };
  return s ? { name: s } : {};
}

function strings(v: unknown): string[] {
  if (typeof v === 'string') return v.trim() ? [v.trim()] : [];
  if (typeof v === 'number') return [String(v)];
  if (Array.isArray(v)) return v.flatMap(strings);
  if (isObj(v)) {
    // { name, handle } / { name, url }: joined into "Name (@handle)".
    const name = typeof v.name === 'string' ? v.name : undefined;
    const handle = [v.handle, v.username, v.screen_name].find((x) => typeof x === 'string') as string | undefined;
    if (name || handle) return [`${name ?? ''}${handle ? ` (@${handle.replace(/^@/, '')})` : ''}`.trim()];
    if (typeof v.url === 'string') return [v.url];
  }
  return [];
}

function dateOf(v: unknown): string | undefined {
  if (v instanceof Date) return Number.isNaN(v.getTime()) ? undefined : v.toISOString().slice(0, 10);
  for (const s of strings(v)) {
    const d = findDate(s);
    if (d) return d;
  }
  return undefined;
}

const norm = (k: string) => k.toLowerCase().replace(/[-_ .]/g, '');
const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v) && !(v instanceof Date);
const empty = (v: unknown) => v === null || v === undefined || (typeof v === 'string' && !v.trim()) || (Array.isArray(v) && v.every(empty));
