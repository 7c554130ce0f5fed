// Layout: Thread → Deck. One card per post, numbered n/N, with its body size chosen by fit.ts.
import type { Card, CardSize, Deck, Thread } from '../model.ts';

export const DEFAULT_SIZE: CardSize = { width: 1080, height: 1350 };

export interface LayoutOptions {
  size?: CardSize;
  template?: string;
}

export function layoutThread(thread: Thread, opts: LayoutOptions = {}): Deck {
  const total = thread.posts.length;
  const cards: Card[] = thread.posts.map((post, index) => ({
    index,
    kind: 'post',
    post,
    number: post.number,
    total,
    label: `${post.number}/${total}`,
    isFirst: index === 0,
    isLast: index === total - 1,
  }));
  return { thread, size: opts.size ?? DEFAULT_SIZE, templateName: opts.template ?? 'default', cards };
}
