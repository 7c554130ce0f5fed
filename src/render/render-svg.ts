// Render: one Card → SVG string, through the deck's template and satori, with bundled fonts only.
import satori from 'satori';
import type { Card, Deck } from '../model.ts';
import { loadFonts } from '../assets/fonts.ts';
import { bodyBox, fitFontSize } from '../layout/fit.ts';
import type { DeckInfo, Template } from './template.ts';
import { getTemplate } from './templates.ts';

export function deckInfo(deck: Deck): DeckInfo {
  const { thread } = deck;
  return {
    title: thread.title,
    author: thread.author,
    ...(thread.date && { date: thread.date }),
    ...(thread.source && { source: thread.source }),
    posts: thread.posts.length,
    cards: deck.cards.length,
  };
}

export async function renderCardSvg(deck: Deck, card: Card, template: Template = getTemplate(deck.templateName)): Promise<string> {
  const fonts = await loadFonts();
  const scale = deck.size.width / 1080;
  const range = { max: template.bodySize.max * scale, min: template.bodySize.min * scale };
  const fontSize = fitFontSize(card.post.text, bodyBox(deck.size), range);
  const element = template.render({ card, deck: deckInfo(deck), theme: template.theme, size: deck.size, fontSize });
  // satori's types name React's ReactNode; satori/jsx elements have the same shape.
  return satori(element as Parameters<typeof satori>[0], { width: deck.size.width, height: deck.size.height, fonts });
}

export async function renderDeckSvgs(deck: Deck): Promise<string[]> {
  const template = getTemplate(deck.templateName);
  const out: string[] = [];
  for (const card of deck.cards) out.push(await renderCardSvg(deck, card, template));
  return out;
}
