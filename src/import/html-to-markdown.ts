// HTML (a DOM from htmlparser2) → Markdown post text: paragraphs, line breaks, links as Markdown
// links, bold/italic/code, lists, quotes, images as ![alt](src), emoji images as their characters.
// Each output line remembers the input line it came from.
import { parseDocument } from 'htmlparser2';
import type { AnyNode, Element } from 'domhandler';
import type { Line } from './types.ts';

/** Elements whose content is never post text. */
export const SKIP_TAGS = new Set(['script', 'style', 'noscript', 'template', 'svg', 'iframe', 'head', 'button', 'form', 'input', 'select', 'textarea', 'video', 'audio', 'canvas', 'object']);
const BLOCK_TAGS = new Set(['p', 'div', 'section', 'article', 'main', 'header', 'footer', 'aside', 'ul', 'ol', 'li', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'blockquote', 'pre', 'table', 'tr', 'figure', 'figcaption', 'hr', 'dl', 'dt', 'dd', 'body', 'html']);

const MARK = '\u0000';
const END = '\u0001';

export interface ConvertOptions {
  /** Line number of a character offset in the source (htmlparser2's startIndex). */
  lineOf: (offset: number) => number;
  /** Decides whether an element is skipped (page chrome inside a container); the reason is logged by the caller. */
  skip?: (el: Element) => boolean;
}

export function parseHtml(html: string) {
  return parseDocument(html, { withStartIndices: true, withEndIndices: true, decodeEntities: true, lowerCaseTags: true });
}

/** A list of nodes → Markdown lines, each with the number of the input line it starts on. */
export function nodesToLines(nodes: readonly AnyNode[], opts: ConvertOptions): Line[] {
  const raw = nodes.map((n) => render(n, opts, false)).join('');
  const out: Line[] = [];
  let last = 1;
  let fence = false;
  for (const piece of raw.split('\n')) {
    const m = new RegExp(`${MARK}(\\d+)${END}`).exec(piece);
    if (m) last = Number(m[1]);
    let text = piece.replace(new RegExp(`${MARK}\\d+${END}`, 'g'), '');
    if (/^```/.test(text.trim())) fence = !fence;
    if (!fence && !/^```/.test(text.trim())) text = text.replace(/[ \t]+/g, ' ').trim();
    else text = text.replace(/\s+$/, '');
    out.push({ n: last, text });
  }
  // At most one blank line in a row.
  return out.filter((l, i) => l.text !== '' || (i > 0 && out[i - 1]!.text !== ''));
}

/** An HTML fragment (a leftover inside Markdown or plain text) → Markdown text. */
export function htmlFragmentToMarkdown(html: string): string {
  const doc = parseHtml(html);
  return nodesToLines(doc.children, { lineOf: () => 1 })
    .map((l) => l.text)
    .join('\n')
    .trim();
}

function render(node: AnyNode, opts: ConvertOptions, pre: boolean): string {
  if (node.type === 'text') {
    const data = (node as unknown as { data: string }).data;
    const mark = node.startIndex !== null ? `${MARK}${opts.lineOf(node.startIndex)}${END}` : '';
    return mark + (pre ? data : data.replace(/\s+/g, ' '));
  }
  if (node.type !== 'tag' && node.type !== 'script' && node.type !== 'style' && node.type !== 'root') return '';
  if (node.type === 'root') return (node as unknown as { children: AnyNode[] }).children.map((c) => render(c, opts, pre)).join('');
  const el = node as Element;
  const tag = el.name;
  if (SKIP_TAGS.has(tag) || opts.skip?.(el)) return '';
  const mark = el.startIndex !== null ? `${MARK}${opts.lineOf(el.startIndex)}${END}` : '';
  const inner = () => el.children.map((c) => render(c, opts, pre || tag === 'pre')).join('');
  switch (tag) {
    case 'br':
      return '\n';
    case 'hr':
      return '\n\n---\n\n';
    case 'img':
      return mark + image(el);
    case 'a':
      return link(el, inner());
    case 'strong':
    case 'b':
      return wrap(inner(), '**');
    case 'em':
    case 'i':
      return wrap(inner(), '_');
    case 's':
    case 'del':
    case 'strike':
      return wrap(inner(), '~~');
    case 'code':
      return pre ? inner() : wrap(inner(), '`');
    case 'pre': {
      const code = inner().replace(/^\n+|\s+$/g, '');
      return `\n\n${mark}\`\`\`\n${code}\n\`\`\`\n\n`;
    }
    case 'li': {
      const parent = el.parent as Element | null;
      const ordered = parent?.name === 'ol';
      const index = parent ? parent.children.filter((c) => c.type === 'tag' && (c as Element).name === 'li').indexOf(el) : 0;
      const bullet = ordered ? `${index + 1}. ` : '- ';
      const body = inner().trim().replace(/\n{2,}/g, '\n').replace(/\n/g, '\n   ');
      return `\n${mark}${bullet}${body}\n`;
    }
    case 'blockquote': {
      const body = inner().trim().replace(/\n{3,}/g, '\n\n');
      return `\n\n${mark}${body.split('\n').map((l) => (l.trim() ? `> ${l.trim()}` : '>')).join('\n')}\n\n`;
    }
    case 'h1':
    case 'h2':
    case 'h3':
    case 'h4':
    case 'h5':
    case 'h6':
      return `\n\n${mark}${'#'.repeat(Number(tag[1]))} ${inner().trim()}\n\n`;
    default: {
      const body = inner();
      if (BLOCK_TAGS.has(tag)) return `\n\n${mark}${body}\n\n`;
      return body;
    }
  }
}

function wrap(text: string, mark: string): string {
  const m = /^(\s*)([\s\S]*?)(\s*)$/.exec(text)!;
  return m[2] ? `${m[1]}${mark}${m[2]}${mark}${m[3]}` : text;
}

const EMOJI_ONLY = /^[\p{Extended_Pictographic}\p{Emoji_Component}\u200d\ufe0f]+$/u;

function image(el: Element): string {
  const alt = (el.attribs.alt ?? '').trim();
  const src = el.attribs.src ?? el.attribs['data-src'] ?? '';
  if (/\bemoji\b/.test(el.attribs.class ?? '') || (alt && EMOJI_ONLY.test(alt))) return alt;
  if (!src) return alt;
  return `![${alt.replace(/[[\]]/g, '')}](${/[\s()]/.test(src) ? `<${src}>` : src})`;
}

function link(el: Element, inner: string): string {
  const href = (el.attribs.href ?? '').trim();
  const label = inner.trim();
  const visible = label.replace(new RegExp(`${MARK}\\d+${END}`, 'g'), '');
  if (!visible) return inner;
  // @mentions and #hashtags stay plain (the cards highlight them); so do page-internal links.
  if (!href || /^(#|javascript:)/i.test(href) || /^[@#]\w+$/.test(visible)) return inner;
  // A photo link in a tweet: an image reference (reported by the importer, never fetched).
  if (/^pic\.(twitter|x)\.com\/\S+$/.test(visible)) return `![](https://${visible})`;
  if (visible === href || `https://${visible}` === href || `http://${visible}` === href) return href;
  if (/^!\[[^\]]*\]\([^)]*\)$/.test(visible)) return `[${label}](${href})`;
  return `[${label.replace(/[[\]]/g, '\\$&')}](${/[\s()]/.test(href) ? `<${href}>` : href})`;
}
