// Layout: Thread → Deck. One card per post, numbered n/N, each with its body size from auto-fit.
import type { Diagnostic } from '../diagnostics.ts';
import type { Card, CardSize, Deck, Thread } from '../model.ts';
import type { DeckInfo, Template } from '../render/template.ts';
import { getTemplate } from '../render/templates.ts';
import { fitCard } from './fit.ts';

export const DEFAULT_SIZE: CardSize = { width: 1080, height: 1350 };

export interface LayoutOptions {
  size?: CardSize;
  template?: string;
}

export function deckInfo(thread: Thread, cards: number): DeckInfo {
  return {
    title: thread.title,
    author: thread.author,
    ...(thread.date && { date: thread.date }),
    ...(thread.source && { source: thread.source }),
    posts: thread.posts.length,
    cards,
  };
}

export async function layoutThread(thread: Thread, opts: LayoutOptions = {}): Promise<Deck> {
  const size = opts.size ?? DEFAULT_SIZE;
  const templateName = opts.template ?? 'default';
  const template: Template = getTemplate(templateName);
  const total = thread.posts.length;
  const info = deckInfo(thread, total);
  const warnings: Diagnostic[] = [];
  const cards: Card[] = [];
  for (const [index, post] of thread.posts.entries()) {
    const card: Card = {
      index,
      kind: 'post',
      post,
      number: post.number,
      total,
      label: `${post.number}/${total}`,
      isFirst: index === 0,
      isLast: index === total - 1,
      fontSize: 0,
    };
    const fit = await fitCard(template, card, info, size);
    card.fontSize = fit.fontSize;
    if (!fit.fits) {
      warnings.push({
        severity: 'warning',
        rule: 'overflow',
        file: thread.file,
        ...post.position,
        path: `posts[${index}]`,
        message: `post ${post.number} is too long for one card even at ${fit.fontSize}px (needs ${Math.ceil(fit.height)}px of ${Math.floor(template.bodyBox(size).height)}px); shorten it or split it into two posts`,
      });
    }
    cards.push(card);
  }
  return { thread, size, templateName, cards, warnings };
}
