// Post text (Markdown) → rich blocks, through a real parser (mdast-util-from-markdown with GFM
// autolinks and strikethrough). Single line breaks are kept, as social posts mean them.
// @mentions and #hashtags are marked for the accent colour; bare URLs are shortened for display.
import { fromMarkdown } from 'mdast-util-from-markdown';
import { gfmAutolinkLiteralFromMarkdown } from 'mdast-util-gfm-autolink-literal';
import { gfmStrikethroughFromMarkdown } from 'mdast-util-gfm-strikethrough';
import { gfmAutolinkLiteral } from 'micromark-extension-gfm-autolink-literal';
import { gfmStrikethrough } from 'micromark-extension-gfm-strikethrough';
import type { List, ListItem as MdListItem, Nodes, PhrasingContent, RootContent } from 'mdast';
import { highlightCode } from './highlight.ts';
import { accentSpans, styleRuns } from './inline.ts';
import type { Block, ListItem, Span } from '../model/index.ts';

type Style = Omit<Span, 'text'>;

export function parsePostText(text: string): Block[] {
  const tree = fromMarkdown(text, {
    extensions: [gfmAutolinkLiteral(), gfmStrikethrough({ singleTilde: false })],
    mdastExtensions: [gfmAutolinkLiteralFromMarkdown(), gfmStrikethroughFromMarkdown()],
  });
  return tree.children.flatMap((node) => toBlocks(node, text));
}

function toBlocks(node: RootContent, source: string): Block[] {
  switch (node.type) {
    case 'paragraph':
      return [{ kind: 'paragraph', spans: phrasing(node.children, {}) }];
    case 'heading':
      return [{ kind: 'heading', spans: phrasing(node.children, { bold: true }) }];
    case 'blockquote':
      return [{ kind: 'quote', blocks: node.children.flatMap((c) => toBlocks(c, source)) }];
    case 'list':
      return [{ kind: 'list', ordered: Boolean(node.ordered), items: listItems(node, 0) }];
    case 'code':
      return [{ kind: 'code', ...(node.lang ? { lang: node.lang } : {}), lines: highlightCode(node.value, node.lang ?? undefined) }];
    case 'thematicBreak':
      return [];
    case 'html':
      return [{ kind: 'paragraph', spans: [{ text: node.value }] }];
    default: {
      // Tables, definitions, footnotes (not enabled) and anything else: keep the source text.
      const pos = node.position;
      const raw = pos ? source.slice(pos.start.offset, pos.end.offset) : '';
      return raw.trim() ? [{ kind: 'paragraph', spans: [{ text: raw }] }] : [];
    }
  }
}

function listItems(list: List, depth: number): ListItem[] {
  const out: ListItem[] = [];
  const start = list.start ?? 1;
  list.children.forEach((item: MdListItem, i) => {
    const marker = list.ordered ? `${start + i}.` : '•';
    let first = true;
    for (const child of item.children) {
      if (child.type === 'list') {
        out.push(...listItems(child, depth + 1));
      } else if (child.type === 'paragraph' || child.type === 'heading') {
        out.push({ marker: first ? marker : '', depth, spans: phrasing(child.children, {}) });
        first = false;
      } else {
        const text = child.type === 'code' ? child.value : '';
        if (text) out.push({ marker: first ? marker : '', depth, spans: [{ text, mono: true }] });
        first = false;
      }
    }
    if (first) out.push({ marker, depth, spans: [] });
  });
  return out;
}

function phrasing(nodes: readonly PhrasingContent[], style: Style): Span[] {
  const out: Span[] = [];
  for (const node of nodes) out.push(...inline(node, style));
  return merge(out);
}

function inline(node: PhrasingContent | Nodes, style: Style): Span[] {
  switch (node.type) {
    case 'text':
      return style.mono || style.href ? styleRuns(node.value, style) : accentSpans(styleRuns(node.value, style));
    case 'strong':
      return phrasing(node.children, { ...style, bold: true });
    case 'emphasis':
      return phrasing(node.children, { ...style, italic: true });
    case 'delete':
      return phrasing(node.children, { ...style, strike: true });
    case 'inlineCode':
      return [{ ...style, text: node.value, mono: true }];
    case 'break':
      return [{ ...style, text: '\n' }];
    case 'link': {
      const label = node.children.map((c) => ('value' in c ? String(c.value) : '')).join('');
      const bare = label === node.url || label === node.url.replace(/^mailto:/, '') || `http://${label}` === node.url;
      if (bare) return [{ ...style, text: shortenUrl(node.url), href: node.url, accent: 'link' }];
      return phrasing(node.children, { ...style, href: node.url, accent: 'link' });
    }
    case 'image':
      return [{ ...style, text: node.alt ? `[${node.alt}]` : '' }];
    case 'html':
      return [{ ...style, text: node.value }];
    default:
      return 'value' in node && typeof node.value === 'string' ? [{ ...style, text: node.value }] : [];
  }
}

/** Joins neighbouring spans of the same style. */
function merge(spans: Span[]): Span[] {
  const out: Span[] = [];
  for (const s of spans) {
    if (!s.text) continue;
    const last = out[out.length - 1];
    if (last && sameStyle(last, s)) last.text += s.text;
    else out.push({ ...s });
  }
  return out;
}

function sameStyle(a: Span, b: Span): boolean {
  return (
    !!a.bold === !!b.bold &&
    !!a.italic === !!b.italic &&
    !!a.strike === !!b.strike &&
    !!a.mono === !!b.mono &&
    a.href === b.href &&
    a.accent === b.accent &&
    a.color === b.color
  );
}

/** "https://www.example.com/en/posts/a-long-slug/?x=1" → "example.com/en/posts/a-long-sl…" */
export function shortenUrl(url: string, max = 32): string {
  let s = url.replace(/^[a-z][a-z0-9+.-]*:\/\//i, '').replace(/^mailto:/i, '').replace(/^www\./i, '');
  s = s.replace(/\/$/, '');
  if (Array.from(s).length <= max) return s;
  return `${Array.from(s).slice(0, max - 1).join('')}…`;
}
