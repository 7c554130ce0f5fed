// `--format html`: the deck as one self-contained HTML file (<slug>.html). Each card is its SVG
// inline (text as paths: sharp at any zoom, and smaller than PNG data URLs for the source thread),
// with a transparent text layer and links over it (card-svg.ts); style and script inline, a CSP
// that allows no request, so it presents from file:// with no network.
import type { Deck } from '../../model/index.ts';
import type { CardLayout } from '../../render/card-layout.ts';
import { cardSvg } from './card-svg.ts';
import { DECK_SCRIPT, deckStyle } from './client.ts';

export interface HtmlCard {
  /** satori's SVG with text as paths (what the PNG shows). */
  svg: string;
  /** Where its text and links are (card-layout.ts). */
  layout: CardLayout;
}

const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/** No fetch, no image, no font from anywhere: only what is in the file. */
const CSP = "default-src 'none'; style-src 'unsafe-inline'; script-src 'unsafe-inline'; img-src data:; base-uri 'none'; form-action 'none'";

function cardLabel(deck: Deck, i: number): string {
  const card = deck.cards[i]!;
  const what = card.kind === 'cover' ? 'cover' : card.kind === 'outro' ? 'end' : `post ${card.label}${card.part.count > 1 ? `, part ${card.part.index} of ${card.part.count}` : ''}`;
  return `Card ${i + 1} of ${deck.cards.length}: ${what}`;
}

export function deckToHtml(deck: Deck, cards: readonly HtmlCard[]): string {
  const { thread, size } = deck;
  const byline = `${thread.author.name}${thread.author.handle ? ` (${thread.author.handle})` : ''}`;
  const sections = cards.map(
    (c, i) => `<section class="card" id="card-${i + 1}" aria-roledescription="slide" aria-label="${esc(cardLabel(deck, i))}"${i ? ' hidden="until-found"' : ''}>${cardSvg(c.svg, c.layout, i)}</section>`,
  );
  return `<!doctype html>
<html><head><meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="${CSP}">
<meta name="viewport" content="width=device-width,initial-scale=1">
<meta name="author" content="${esc(byline)}">
<meta name="generator" content="threadeck">
<title>${esc(thread.title)}</title>
<style>${deckStyle(size.width, size.height)}</style>
</head><body>
<h1 class="sr">${esc(thread.title)} — ${esc(byline)}</h1>
<main>
${sections.join('\n')}
</main>
<nav aria-label="Cards"><button id="prev" type="button" aria-label="Previous card">‹</button><span id="counter" aria-live="polite">1 / ${cards.length}</span><button id="next" type="button" aria-label="Next card">›</button></nav>
<script>${DECK_SCRIPT}</script>
</body></html>
`;
}
