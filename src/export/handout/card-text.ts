// What the handout prints beside a card: the card's part of the post as plain paragraphs (list
// markers, quotes, code kept), its images' alt text, and its links.
import type { Card } from '../../model/index.ts';
import { spansText, type Block, type Span } from '../../model/index.ts';

export interface CardText {
  paragraphs: Array<{ text: string; kind: 'text' | 'heading' | 'code' | 'alt' | 'quote' }>;
  links: string[];
}

export function cardText(card: Card): CardText {
  const paragraphs: CardText['paragraphs'] = [];
  const links = new Set<string>();
  const addLinks = (spans: readonly Span[]) => spans.forEach((s) => s.href && links.add(s.href));
  const walk = (blocks: readonly Block[], inQuote: boolean) => {
    for (const b of blocks) {
      switch (b.kind) {
        case 'paragraph':
        case 'heading':
          addLinks(b.spans);
          paragraphs.push({ text: spansText(b.spans), kind: inQuote ? 'quote' : b.kind === 'heading' ? 'heading' : 'text' });
          break;
        case 'list':
          b.items.forEach((i) => addLinks(i.spans));
          paragraphs.push({ text: b.items.map((i) => `${'   '.repeat(i.depth)}${i.marker ? `${i.marker} ` : ''}${spansText(i.spans)}`).join('\n'), kind: inQuote ? 'quote' : 'text' });
          break;
        case 'quote':
          walk(b.blocks, true);
          if (b.author) paragraphs.push({ text: `— ${b.author.name}${b.author.handle ? ` (${b.author.handle})` : ''}`, kind: 'quote' });
          break;
        case 'code':
          b.lines.forEach(addLinks);
          paragraphs.push({ text: b.lines.map(spansText).join('\n'), kind: 'code' });
          break;
        case 'image':
          paragraphs.push({ text: `Image: ${b.alt?.trim() || 'no description given'}`, kind: 'alt' });
          break;
      }
    }
  };
  walk(card.blocks, false);
  return { paragraphs, links: [...links] };
}
