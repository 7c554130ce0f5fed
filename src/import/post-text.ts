// One post's lines → its text: page noise removed (never inside code), HTML leftovers unwrapped,
// entities decoded, an embedded post turned into the quote; doubtful lines kept and flagged.
import { decodeHTMLStrict } from 'entities';
import { htmlFragmentToMarkdown } from './html-to-markdown.ts';
import { fencedLines, joinLines } from './lines.ts';
import { looksLikeNoise, noiseReason, removeRest } from './noise.ts';
import { readEmbedHtml } from './tweet-embed.ts';
import { unescapeLine } from './unescape.ts';
import { cutVideos, hasVideo, opensVideo } from './video.ts';
import type { DraftPost, ImportLog, Line } from './types.ts';

export interface PostOptions {
  /** Keep every line as written (threadeck's own export). */
  exact?: boolean;
  /** This is the page's last post: page text may follow it with no separator; lines kept after page noise are flagged. */
  last?: boolean;
}

export interface BuiltPost {
  post: DraftPost;
  /** A "More from @…" feed (or the page after the thread) started inside this post: nothing after it is the thread. */
  feed: boolean;
  /** Why the lines after it are removed. */
  feedReason?: string;
}

const REPLYING_TO = /^\s*replying to\s+(.+)$/i;

const EMBED_OPEN = /<blockquote\b[^>]*class="[^"]*twitter-tweet/i;
const HTML_TAG = /<\/?(a|b|strong|i|em|br|p|span|div|code|img|s|del)\b[^>]*>/i;
const ENTITY = /&(#\d+|#x[0-9a-f]+|[a-z][a-z0-9]+);/i;

export function buildPost(lines: readonly Line[], log: ImportLog, opts: PostOptions = {}): BuiltPost {
  const first = lines.find((l) => l.text.trim()) ?? lines[0];
  const post: DraftPost = { text: '', line: first?.n ?? 1, images: [] };
  if (opts.exact) {
    post.text = joinLines(lines);
    return { post, feed: false };
  }
  const fenced = fencedLines(lines);
  const kept: Line[] = [];
  let feed = false;
  let feedReason = '"More from" feed';
  let noiseSeen = false;
  for (let i = 0; i < lines.length; i++) {
    let line = lines[i]!;
    if (feed) {
      feedReason = removeRest([line], log, feedReason);
      continue;
    }
    if (fenced[i]) {
      kept.push(line);
      continue;
    }
    if (EMBED_OPEN.test(line.text)) {
      let j = i;
      while (j < lines.length - 1 && !/<\/blockquote>/i.test(lines[j]!.text)) j++;
      const html = lines.slice(i, j + 1).map((l) => l.text).join('\n');
      const embed = readEmbedHtml(html);
      if (embed && embed.text && !post.quote) {
        post.quote = { author: embed.author, text: embed.text };
        for (const photo of embed.photos) log.warn(line.n, `the embedded post's photo ${photo} is not fetched; only its text is quoted`);
        for (let k = i; k <= j; k++) log.remove(lines[k]!.n, lines[k]!.text, 'embedded post (imported as the quote)');
        i = j;
        continue;
      }
    }
    if (hasVideo(line.text)) {
      // A <video> blob may run over several lines: cut it whole.
      let j = i;
      if (opensVideo(line.text)) while (j < lines.length - 1 && !/<\/video>/i.test(lines[j]!.text)) j++;
      const blob = lines.slice(i, j + 1).map((l) => l.text).join(' ');
      const rest = cutVideos(blob, line.n, log);
      i = j;
      if (!rest.trim()) continue;
      line = { n: line.n, text: rest };
    }
    const noise = noiseReason(line.text);
    if (noise) {
      if (noise.feed) {
        feed = true;
        if (noise.after) feedReason = noise.after;
      }
      const to = REPLYING_TO.exec(line.text.replace(/\\_/g, '_'));
      if (to) post.replyTo = [...(post.replyTo ?? []), ...[...to[1]!.matchAll(/@([A-Za-z0-9_]{1,30})/g)].map((m) => m[1]!)];
      log.remove(line.n, line.text, noise.reason);
      if (kept.some((l) => l.text.trim())) noiseSeen = true;
      continue;
    }
    let text = unescapeLine(line.text);
    if (HTML_TAG.test(text)) text = htmlFragmentToMarkdown(text);
    if (ENTITY.test(text)) text = decodeOutsideCode(text);
    if (text.trim() && (looksLikeNoise(text) || (opts.last && noiseSeen))) {
      log.warn(line.n, `kept "${clip(text)}" in the post, but it looks like page text; delete it if it is not the author's`, 'import-unsure');
    }
    kept.push({ n: line.n, text });
  }
  post.text = joinLines(kept);
  post.source = kept.filter((l) => l.text.trim());
  const firstKept = kept.find((l) => l.text.trim());
  if (firstKept) post.line = firstKept.n;
  return { post, feed, ...(feed && { feedReason }) };
}

/** Decodes HTML entities except inside `code` spans. */
function decodeOutsideCode(text: string): string {
  return text
    .split(/(`+[^`]*`+)/)
    .map((part, i) => (i % 2 ? part : decodeHTMLStrict(part)))
    .join('');
}

export function clip(text: string, max = 60): string {
  const s = text.trim();
  return s.length > max ? `${s.slice(0, max - 1)}…` : s;
}
