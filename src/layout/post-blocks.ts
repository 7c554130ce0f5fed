// A post's content as rich blocks: its Markdown text, then a quoted post (framed), then its image.
import type { Post } from '../model.ts';
import { parsePostText } from '../text/markdown.ts';
import type { Block } from '../text/rich.ts';

export function postBlocks(post: Post): Block[] {
  const blocks = parsePostText(post.text);
  if (post.quote) {
    blocks.push({ kind: 'quote', author: post.quote.author, blocks: parsePostText(post.quote.text) });
  }
  if (post.image) {
    blocks.push({ kind: 'image', image: post.image, solo: blocks.length === 0, ...(post.alt !== undefined ? { alt: post.alt } : {}) });
  }
  return blocks;
}
