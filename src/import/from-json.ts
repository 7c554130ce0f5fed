// JSON inputs: an array of posts (strings or { text, … }), an object { title?, author?, posts }, and
// X's shapes: API objects (full_text/text, created_at, user.screen_name, entities.urls) and archive
// files (window.YTD.tweets.part0 = [{ tweet: … }]). Posts by other accounts are replies.
import { decodeHTMLStrict } from 'entities';
import { ThreadeckError } from '../diagnostics.ts';
import { parseYamlDocument } from '../load/yaml-document.ts';
import { findDate } from './dates.ts';
import type { Draft, DraftAuthor, DraftPost, ImportLog } from './types.ts';

type Obj = Record<string, unknown>;

const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);
const str = (v: unknown): string | undefined => (typeof v === 'string' && v.trim() ? v : undefined);

/** JSON text, or an X archive's `window.YTD.… = [...]` script. */
export function looksLikeJson(text: string): boolean {
  return /^\s*(window\.YTD\.[\w.]+\s*=\s*)?[[{]/.test(text);
}

export function fromJson(text: string, log: ImportLog): Draft {
  const prefix = /^\s*window\.YTD\.[\w.]+\s*=\s*/.exec(text);
  // Same length as the prefix, so line numbers stay right.
  const body = prefix ? text.replace(prefix[0], ' '.repeat(prefix[0].length)) : text;
  const doc = parseYamlDocument(body, log.file);
  if (doc.diagnostics.length) throw new ThreadeckError('INVALID_THREAD', doc.diagnostics.map((d) => ({ ...d, message: `not valid JSON: ${d.message}` })));
  const value = doc.value;
  const lineOf = (path: PropertyKey[]) => doc.locate(path).line;

  let items: unknown[];
  let at: PropertyKey[];
  const draft: Draft = { author: {}, posts: [] };
  if (Array.isArray(value)) {
    items = value;
    at = [];
  } else if (isObj(value)) {
    const key = ['posts', 'tweets', 'thread', 'data'].find((k) => Array.isArray(value[k]));
    if (!key) throw new ThreadeckError('INVALID_THREAD', [{ severity: 'error', rule: 'import', file: log.file, line: 1, column: 1, message: 'expected a JSON array of posts, or an object with a "posts" array' }]);
    items = value[key] as unknown[];
    at = [key];
    if (str(value.title)) draft.title = (value.title as string).trim();
    if (str(value.date)) draft.date = findDate(value.date as string);
    if (str(value.source) ?? str(value.url)) draft.source = (str(value.source) ?? str(value.url))!;
    Object.assign(draft.author, authorOf(value.author ?? value.user));
    // X API v2: { data: [...], includes: { users: [...] } }.
    const users = isObj(value.includes) && Array.isArray(value.includes.users) ? (value.includes.users as unknown[]).filter(isObj) : [];
    if (key === 'data' && users.length) {
      items = items.map((t) => {
        if (!isObj(t)) return t;
        const user = users.find((u) => u.id === t.author_id);
        return user ? { ...t, user: { name: user.name, screen_name: user.username } } : t;
      });
    }
  } else {
    throw new ThreadeckError('INVALID_THREAD', [{ severity: 'error', rule: 'import', file: log.file, line: 1, column: 1, message: 'expected a JSON array of posts, or an object with a "posts" array' }]);
  }

  const posts: (DraftPost & { time?: number })[] = [];
  for (const [i, raw] of items.entries()) {
    const line = lineOf([...at, i]);
    const item = isObj(raw) && isObj(raw.tweet) ? raw.tweet : raw;
    if (typeof item === 'string') {
      if (item.trim()) posts.push({ text: item.trim(), line, images: [] });
      else log.remove(line, '""', 'empty post');
      continue;
    }
    if (!isObj(item)) {
      log.warn(line, `item ${i + 1} is neither text nor an object with text; skipped`);
      continue;
    }
    const post = postOf(item, line, log);
    if (post) posts.push(post);
    else log.warn(line, `item ${i + 1} has no text (expected "text" or "full_text"); skipped`);
  }

  // X exports list newest first; a thread reads oldest first.
  if (posts.length > 1 && posts.every((p) => p.time !== undefined)) {
    const sorted = [...posts].sort((a, b) => a.time! - b.time!);
    if (sorted.some((p, i) => p !== posts[i])) {
      log.warn(undefined, 'posts put in time order (created_at), oldest first');
      posts.splice(0, posts.length, ...sorted);
    }
  }
  draft.posts = posts;
  if (!draft.author.handle && !draft.author.name) {
    const first = posts.find((p) => p.author);
    if (first?.author) Object.assign(draft.author, first.author);
  }
  return draft;
}

function postOf(item: Obj, line: number, log: ImportLog): (DraftPost & { time?: number }) | undefined {
  const isX = 'full_text' in item || 'id_str' in item || 'created_at' in item || 'screen_name' in item || isObj(item.user);
  let text = str(item.full_text) ?? str(item.text) ?? str(item.content) ?? str(item.body);
  if (!text) return undefined;
  const post: DraftPost & { time?: number } = { text: '', line, images: [] };
  if (isX) {
    // X escapes &, < and > in tweet text; its links are t.co links listed with their real address.
    text = decodeHTMLStrict(text);
    const entities = isObj(item.entities) ? item.entities : {};
    for (const u of Array.isArray(entities.urls) ? entities.urls.filter(isObj) : []) {
      if (str(u.url) && str(u.expanded_url)) text = text.split(u.url as string).join(u.expanded_url as string);
    }
    const media = [
      ...(isObj(item.extended_entities) && Array.isArray(item.extended_entities.media) ? item.extended_entities.media : []),
      ...(Array.isArray(entities.media) ? entities.media : []),
    ].filter(isObj);
    const seen = new Set<string>();
    for (const m of media) {
      const url = str(m.media_url_https) ?? str(m.media_url);
      if (str(m.url)) text = text.split(m.url as string).join('');
      if (url && !seen.has(url)) {
        seen.add(url);
        post.images.push({ src: url, line });
      }
    }
    const created = str(item.created_at);
    if (created) {
      const time = Date.parse(created.replace(/^(\w{3}) (\w{3}) (\d+) ([\d:]+) ([+-]\d{4}) (\d{4})$/, '$2 $3 $6 $4 $5'));
      if (!Number.isNaN(time)) post.time = time;
      const date = findDate(created);
      if (date) post.date = date;
    }
    const idStr = str(item.id_str) ?? (typeof item.id === 'string' ? item.id : undefined);
    const author = authorOf(item.user);
    if (author.handle && idStr) post.url = `https://x.com/${author.handle}/status/${idStr}`;
    if (author.name || author.handle) post.author = author;
    const to = str(item.in_reply_to_screen_name);
    if (to) post.replyTo = [to.replace(/^@/, '')];
  } else {
    const author = authorOf(item.author);
    if (author.name || author.handle) post.author = author;
    if (str(item.date)) post.date = findDate(item.date as string);
    if (str(item.url)) post.url = item.url as string;
    if (str(item.image)) post.images.push({ src: item.image as string, line, ...(str(item.alt) && { alt: item.alt as string }) });
    if (isObj(item.quote) && str(item.quote.text)) post.quote = { author: authorOf(item.quote.author), text: (item.quote.text as string).trim() };
  }
  post.text = text.replace(/\r\n?/g, '\n').replace(/[ \t]+$/gm, '').trim();
  if (!post.text && post.images.length === 0) log.remove(line, text, 'post with only a link to its media');
  return post.text || post.images.length ? post : undefined;
}

/** "Name @handle", "@handle", "Name", or { name, handle | username | screen_name }. */
export function authorOf(v: unknown): DraftAuthor {
  if (typeof v === 'string') return parseAuthor(v);
  if (!isObj(v)) return {};
  const out: DraftAuthor = {};
  const name = str(v.name) ?? str(v.display_name);
  const handle = str(v.handle) ?? str(v.username) ?? str(v.screen_name);
  if (name) out.name = name.trim();
  if (handle) out.handle = handle.trim().replace(/^@/, '');
  return out;
}

export function parseAuthor(s: string): DraftAuthor {
  const m = /^\s*(.*?)\s*\(?@([A-Za-z0-9_.-]{1,64})\)?\s*$/.exec(s);
  if (m) return { ...(m[1] && { name: m[1] }), handle: m[2]! };
  return s.trim() ? { name: s.trim() } : {};
}
