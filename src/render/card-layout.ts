// Where a card's text and links are: satori with embedFont: false keeps text as <text> elements
// with positions, and reports every node (with its props) as it lays out. The PDF uses this to
// put real, selectable text and clickable links exactly over what the card shows.
import satori from 'satori';
import type { Card, Deck } from '../model/index.ts';
import { deckInfo } from '../layout/paginate.ts';

export interface TextRun {
  text: string;
  /** Left edge and baseline, px from the card's top-left. */
  x: number;
  y: number;
  width: number;
  height: number;
  fontSize: number;
  /** CSS family as requested (lower case); the face that drew each glyph may be a fallback. */
  family: string;
  weight: number;
  italic: boolean;
}

export interface LinkBox {
  href: string;
  left: number;
  top: number;
  width: number;
  height: number;
}

export interface CardLayout {
  runs: TextRun[];
  links: LinkBox[];
}

export async function cardLayout(deck: Deck, card: Card): Promise<CardLayout> {
  return (await cardVector(deck, card)).layout;
}

/** The card as satori draws it with text kept as <text> (for the vector PDF), and its text runs and links. */
export async function cardVector(deck: Deck, card: Card): Promise<{ svg: string; layout: CardLayout }> {
  const { template, size } = deck;
  const element = template.render({
    card,
    deck: deckInfo(deck.thread, deck.cards.length),
    theme: deck.theme,
    size,
    fontSize: card.fontSize,
    body: template.bodyBox(size),
  });
  const nodes: LinkBox[] = [];
  const svg = await satori(element as Parameters<typeof satori>[0], {
    width: size.width,
    height: size.height,
    ...deck.assets,
    embedFont: false,
    onNodeDetected: (node) => {
      const href = node.props?.['data-href'];
      if (typeof href === 'string' && href) nodes.push({ href, left: node.left, top: node.top, width: node.width, height: node.height });
    },
  });
  const runs = textRuns(svg);
  return { svg, layout: { runs, links: nodes.flatMap((n) => splitByLine(n, runs)) } };
}

const unescapeXml = (s: string) =>
  s.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&#39;/g, "'").replace(/&#x27;/g, "'").replace(/&amp;/g, '&');

/** The <text> elements of a satori SVG rendered with embedFont: false. */
export function textRuns(svg: string): TextRun[] {
  const out: TextRun[] = [];
  for (const m of svg.matchAll(/<text\b([^>]*)>([^<]*)<\/text>/g)) {
    const attrs = m[1]!;
    const num = (name: string) => Number(new RegExp(`\\s${name}="([-\\d.e]+)"`).exec(attrs)?.[1] ?? 0);
    const str = (name: string) => new RegExp(`\\s${name}="([^"]*)"`).exec(attrs)?.[1] ?? '';
    const text = unescapeXml(m[2]!);
    if (!text.trim()) continue;
    const weight = str('font-weight');
    out.push({
      text,
      x: num('x'),
      y: num('y'),
      width: num('width'),
      height: num('height'),
      fontSize: num('font-size'),
      family: str('font-family'),
      weight: weight === 'normal' || !weight ? 400 : weight === 'bold' ? 700 : Number(weight),
      italic: str('font-style') === 'italic',
    });
  }
  return out;
}

/** A link span that wraps over lines has a bounding box covering whole lines: one box per line of its text instead. */
function splitByLine(link: LinkBox, runs: readonly TextRun[]): LinkBox[] {
  const inside = runs.filter(
    (r) => r.x >= link.left - 1 && r.x + r.width <= link.left + link.width + 1 && r.y - r.fontSize * 0.8 >= link.top - 2 && r.y <= link.top + link.height + 2,
  );
  if (inside.length === 0) return [link];
  const lines = new Map<number, TextRun[]>();
  for (const r of inside) {
    const key = Math.round(r.y);
    lines.set(key, [...(lines.get(key) ?? []), r]);
  }
  if (lines.size === 1) return [link];
  return [...lines.values()].map((line) => {
    const left = Math.min(...line.map((r) => r.x));
    const right = Math.max(...line.map((r) => r.x + r.width));
    const fs = Math.max(...line.map((r) => r.fontSize));
    const base = line[0]!.y;
    return { href: link.href, left, top: base - fs * 0.95, width: right - left, height: fs * 1.25 };
  });
}
