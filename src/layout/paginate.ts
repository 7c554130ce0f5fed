// Layout: Thread → Deck. Each post becomes one card at the largest size that fits, or — when it
// cannot fit even at the smallest size — several cards sharing its number (auto-split).
import { ThreadeckError, type Diagnostic } from '../diagnostics.ts';
import type { Card, CardSize, Deck, Post, Thread } from '../model.ts';
import type { DeckInfo, Template } from '../render/template.ts';
import { getTemplate } from '../render/templates.ts';
import { satoriAssets, type SatoriAssets } from '../render/satori-assets.ts';
import { threadText } from './thread-text.ts';
import type { Block } from '../text/rich.ts';
import { bodyMeasurer, fitBlocks, sizeRange } from './fit.ts';
import { postBlocks } from './post-blocks.ts';
import { coverageWarnings, rtlErrors } from './script-check.ts';
import { splitBlocks } from './split.ts';

/** Share of a card's body a split post is expected to fill on average (breaks leave gaps). */
const BALANCE_FILL = 0.88;

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

interface PostLayout {
  chunks: Block[][];
  fontSize: number;
}

export async function layoutThread(thread: Thread, opts: LayoutOptions = {}): Promise<Deck> {
  const refused = rtlErrors(thread);
  if (refused.length) throw new ThreadeckError('INVALID_THREAD', refused);
  const size = opts.size ?? DEFAULT_SIZE;
  const templateName = opts.template ?? 'default';
  const template: Template = getTemplate(templateName);
  const total = thread.posts.length;
  const info = deckInfo(thread, total);
  const warnings: Diagnostic[] = [];
  const cards: Card[] = [];
  const assets = await satoriAssets(threadText(thread));
  warnings.push(...coverageWarnings(thread, assets.fonts));

  for (const post of thread.posts) {
    const base: Card = {
      index: 0,
      kind: 'post',
      post,
      number: post.number,
      total,
      label: `${post.number}/${total}`,
      part: { index: 1, count: 1 },
      blocks: [],
      isFirst: false,
      isLast: false,
      fontSize: 0,
    };
    const laid = await layoutPost(template, base, info, size, assets, post, thread.file, warnings);
    laid.chunks.forEach((blocks, i) => {
      cards.push({ ...base, blocks, fontSize: laid.fontSize, part: { index: i + 1, count: laid.chunks.length } });
    });
  }
  cards.forEach((card, i) => {
    card.index = i;
    card.isFirst = i === 0;
    card.isLast = i === cards.length - 1;
  });
  return { thread, size, templateName, cards, warnings, assets };
}

async function layoutPost(
  template: Template,
  card: Card,
  info: DeckInfo,
  size: CardSize,
  assets: SatoriAssets,
  post: Post,
  file: string,
  warnings: Diagnostic[],
): Promise<PostLayout> {
  const blocks = postBlocks(post);
  const box = template.bodyBox(size);
  const range = sizeRange(template, size);
  const measure = bodyMeasurer(template, card, info, size, assets);

  const fit = await fitBlocks(measure.whole, blocks, range, box.height);
  if (fit.fits) return { chunks: [blocks], fontSize: fit.fontSize };

  // Too long for one card: the fewest cards at the minimum size, then the largest size that
  // still needs no more cards than that (so the parts are balanced, not a full card and a crumb).
  // Text height grows about with the square of the size, which gives a first guess to try.
  const splitAt = (fontSize: number) => splitBlocks(blocks, (b) => measure.additive(b, fontSize), box.height);
  const atMin = await splitAt(range.min);
  let total = 0;
  for (const chunk of atMin) total += await measure.additive(chunk, range.min);
  let fontSize = Math.min(range.max, Math.floor(range.min * Math.sqrt((atMin.length * box.height * BALANCE_FILL) / total)));
  let chunks = atMin;
  for (; fontSize > range.min; fontSize--) {
    const tryChunks = await splitAt(fontSize);
    if (tryChunks.length <= atMin.length) {
      chunks = tryChunks;
      break;
    }
  }
  if (fontSize <= range.min) fontSize = range.min;

  for (const [i, chunk] of chunks.entries()) {
    const height = await measure.whole(chunk, fontSize);
    if (height > box.height) {
      warnings.push({
        severity: 'warning',
        rule: 'overflow',
        file,
        ...post.position,
        path: `posts[${post.number - 1}]`,
        message: `part ${i + 1} of post ${post.number} is ${Math.ceil(height)}px tall, more than the card's ${Math.floor(box.height)}px, and cannot be cut further (an image or a single character); it will be clipped`,
      });
    }
  }
  return { chunks, fontSize };
}
