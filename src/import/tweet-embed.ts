// An embedded post (<blockquote class="twitter-tweet">, as X's embed code writes it) → a quoted post:
// its text as Markdown, and its author and date from the "— Name (@handle) date" signature.
import type { Element } from 'domhandler';
import { findDate } from './dates.ts';
import { nodesToLines, parseHtml } from './html-to-markdown.ts';
import type { DraftAuthor } from './types.ts';

export interface Embed {
  author: DraftAuthor;
  text: string;
  url?: string;
  date?: string;
  /** Photos it links to (pic.twitter.com), never fetched. */
  photos: string[];
}

export const isTweetEmbed = (el: Element): boolean => el.name === 'blockquote' && /\b(twitter-tweet|twitter-tweet-rendered|x-tweet)\b/.test(el.attribs.class ?? '');

const SIGNATURE = /^[—–-]\s*(.+?)\s*\(@([A-Za-z0-9_]{1,30})\)\s*(.*)$/;

export function readEmbed(el: Element, lineOf: (offset: number) => number = () => 1): Embed {
  const paragraphs = el.children.filter((c) => c.type === 'tag' && (c as Element).name === 'p');
  const body = paragraphs.length ? paragraphs : el.children.filter((c) => !(c.type === 'tag' && (c as Element).name === 'a' && c === el.children[el.children.length - 1]));
  const photos: string[] = [];
  const text = nodesToLines(body, { lineOf })
    .map((l) => l.text)
    .join('\n')
    .replace(/!\[[^\]]*\]\((https:\/\/pic\.(?:twitter|x)\.com\/[^)]+)\)/g, (_, url: string) => {
      photos.push(url);
      return '';
    })
    .replace(/\n{3,}/g, '\n\n')
    .trim();
  // The signature is the text after the last paragraph: "— Ivan Velichko (@iximiuz) March 26, 2026".
  const after = el.children.slice(paragraphs.length ? el.children.indexOf(paragraphs[paragraphs.length - 1]!) + 1 : 0);
  const signature = after.map((n) => textOf(n)).join('').replace(/\s+/g, ' ').trim();
  const m = SIGNATURE.exec(signature);
  const links = after.filter((n): n is Element => n.type === 'tag' && (n as Element).name === 'a');
  const url = links.map((a) => a.attribs.href ?? '').find((h) => /\/status(es)?\/\d+/.test(h));
  const embed: Embed = { author: m ? { name: m[1]!, handle: m[2]! } : {}, text, photos };
  if (url) embed.url = url.replace(/\?.*$/, '');
  const date = m ? findDate(m[3]!) : undefined;
  if (date) embed.date = date;
  return embed;
}

/** Reads the first embed in an HTML fragment (a leftover in Markdown or plain text). */
export function readEmbedHtml(html: string): Embed | undefined {
  const doc = parseHtml(html);
  const find = (nodes: readonly unknown[]): Element | undefined => {
    for (const n of nodes as Element[]) {
      if (n.type === 'tag' && isTweetEmbed(n)) return n;
      const inner = n.children && find(n.children);
      if (inner) return inner;
    }
    return undefined;
  };
  const el = find(doc.children);
  return el ? readEmbed(el) : undefined;
}

function textOf(node: unknown): string {
  const n = node as { type: string; data?: string; children?: unknown[] };
  if (n.type === 'text') return n.data ?? '';
  return (n.children ?? []).map(textOf).join('');
}
