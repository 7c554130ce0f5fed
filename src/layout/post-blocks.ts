// Card content as rich blocks: a post's Markdown text, quoted post and image; the cover; the outro.
import type { CoverOptions, OutroOptions, Post } from '../model/index.ts';
import { parsePostText, shortenUrl } from '../text/markdown.ts';
import type { Block, Span } from '../model/index.ts';
import { foldStyledRuns } from '../text/unicode-fold.ts';

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

/** The cover's content: its title as a heading, then the hook line. */
export function coverBlocks(cover: CoverOptions): Block[] {
  const blocks: Block[] = [{ kind: 'heading', spans: headingSpans(cover.title) }];
  if (cover.hook) blocks.push(...parsePostText(cover.hook));
  return blocks;
}

/** The outro's content: a big line, the call to action, the link. */
export function outroBlocks(outro: OutroOptions): Block[] {
  const blocks: Block[] = [{ kind: 'heading', spans: headingSpans(outro.title) }, ...parsePostText(outro.text)];
  if (outro.link) blocks.push({ kind: 'paragraph', spans: [{ text: shortenUrl(outro.link, 40), href: outro.link, accent: 'link' }] });
  return blocks;
}

/** A heading's text as spans, math-alphanumeric "bold"/"italic" letters folded to styled plain ones (no font has them). */
function headingSpans(text: string): Span[] {
  return foldStyledRuns(text).map((r) => ({ text: r.text, ...(r.bold && { bold: true }), ...(r.italic && { italic: true }), ...(r.mono && { mono: true }) }));
}
