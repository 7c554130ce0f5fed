// Markdown → mdast (CommonMark + GFM autolinks and strikethrough), the parser the cards use too.
import { fromMarkdown } from 'mdast-util-from-markdown';
import { gfmAutolinkLiteralFromMarkdown } from 'mdast-util-gfm-autolink-literal';
import { gfmStrikethroughFromMarkdown } from 'mdast-util-gfm-strikethrough';
import { gfmAutolinkLiteral } from 'micromark-extension-gfm-autolink-literal';
import { gfmStrikethrough } from 'micromark-extension-gfm-strikethrough';
import type { Root } from 'mdast';

export function parseMarkdown(text: string): Root {
  return fromMarkdown(text, {
    extensions: [gfmAutolinkLiteral(), gfmStrikethrough({ singleTilde: false })],
    mdastExtensions: [gfmAutolinkLiteralFromMarkdown(), gfmStrikethroughFromMarkdown()],
  });
}
