// All the text a thread's cards show, in one string: what font and emoji lookup is based on.
import type { Thread } from '../model.ts';

export function threadText(thread: Thread): string {
  const parts = [thread.title, thread.author.name, thread.author.handle ?? ''];
  for (const post of thread.posts) {
    parts.push(post.text);
    if (post.quote) parts.push(post.quote.author.name, post.quote.author.handle ?? '', post.quote.text);
    if (post.alt) parts.push(post.alt);
  }
  return parts.join('\n');
}
