// The page's HTML with the cards already in it — those of the last result, or of the render in
// progress (the cards remembered from the last run, at a start): the browser loads their images
// while it loads the editor's script, which then takes the figures over (client/main.ts
// placeCards makes the same markup). Text is escaped; there is no script in it (CSP).
import type { CardView } from './views.ts';

const escape = (s: string) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

function figure(card: CardView): string {
  const data = `data-key="${escape(card.key)}" data-index="${card.index}" data-kind="${escape(card.kind)}"${card.line ? ` data-line="${escape(String(card.line))}"` : ''}`;
  return (
    `<figure class="card" title="Click to show its text in the editor" ${data}>` +
    `<div class="frame" style="aspect-ratio: ${card.width} / ${card.height}"><img decoding="async" src="/card/${escape(card.key)}.png" alt="${escape(`Card ${card.index + 1}: ${card.label}`)}"></div>` +
    `<figcaption><span class="num">${escape(`${card.index + 1}. ${card.label}`)}</span><ul class="card-warnings"></ul></figcaption></figure>`
  );
}

export function pageWithCards(html: string, cards: readonly CardView[]): string {
  if (!cards.length) return html;
  return html.replace('<div id="cards"></div>', () => `<div id="cards">${cards.map(figure).join('')}</div>`);
}
