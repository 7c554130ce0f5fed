// Post segments (the lines between separators) → draft posts; a "More from" feed ends the thread.
import { removeRest } from './noise.ts';
import { buildPost } from './post-text.ts';
import type { DraftPost, ImportLog, Line } from './types.ts';

export function collectPosts(segments: readonly (readonly Line[])[], log: ImportLog, opts: { exact?: boolean } = {}): DraftPost[] {
  const posts: DraftPost[] = [];
  for (const [k, seg] of segments.entries()) {
    const { post, feed, feedReason } = buildPost(seg, log, { ...opts, last: k === segments.length - 1 });
    if (post.text || post.quote) posts.push(post);
    if (feed) {
      removeRest(segments.slice(k + 1).flat(), log, feedReason ?? '"More from" feed');
      break;
    }
  }
  return posts;
}
