// Post segments (the lines between separators) → draft posts; a "More from" feed ends the thread.
import { buildPost } from './post-text.ts';
import type { DraftPost, ImportLog, Line } from './types.ts';

export function collectPosts(segments: readonly (readonly Line[])[], log: ImportLog, opts: { exact?: boolean } = {}): DraftPost[] {
  const posts: DraftPost[] = [];
  for (const [k, seg] of segments.entries()) {
    const { post, feed } = buildPost(seg, log, { ...opts, last: k === segments.length - 1 });
    if (post.text || post.quote) posts.push(post);
    if (feed) {
      for (const rest of segments.slice(k + 1)) for (const l of rest) log.remove(l.n, l.text, '"More from" feed');
      break;
    }
  }
  return posts;
}
