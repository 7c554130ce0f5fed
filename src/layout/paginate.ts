// Layout: Thread → Deck. A cover card, then each post as one card at the largest size that fits
// — or, when it cannot fit even at the smallest size, several cards sharing its number
// (auto-split) — then an outro card. Template, size and branding come from the CLI flags, else
// the thread file, else the template's defaults.
import { foldText } from '../text/unicode-fold.ts';
import { ThreadeckError, type Diagnostic } from '../diagnostics.ts';
import type { Card, CardKind, CardSize, Deck, Post, Thread } from '../model/index.ts';
import type { DeckInfo, Template, Theme } from '../model/index.ts';
import { loadTemplate } from '../template/registry.ts';
import { satoriAssets } from './satori-assets.ts';
import type { SatoriAssets } from '../model/index.ts';
import type { Block } from '../model/index.ts';
import { applyTheme } from '../theme/theme.ts';
import { presentation, type PresentationLayer } from '../load/presentation.ts';
import { failingPairs } from '../theme/contrast.ts';
import { bodyMeasurer, fitBlocks, sizeRange } from './fit.ts';
import { heightMemo } from './measure.ts';
import { coverBlocks, outroBlocks, postBlocks } from './post-blocks.ts';
import { coverageWarnings, rtlErrors } from './script-check.ts';
import { DEFAULT_SIZE } from '../model/sizes.ts';
import { splitBlocks } from './split.ts';
import { threadText } from './thread-text.ts';

export { DEFAULT_SIZE };

/** Share of a card's body a split post is expected to fill on average (breaks leave gaps). */
const BALANCE_FILL = 0.88;

/**
 * Choices from the command line (size, template, --theme FILE loaded), each winning over the thread
 * file's; and the project config file's, below the thread file's (load/presentation.ts decides).
 */
export interface LayoutOptions extends PresentationLayer {
  config?: PresentationLayer;
  /**
   * The cards (and warnings) of this very thread with these options, laid out before — by the main
   * thread for the workers that share a big thread's cards (batch/split.ts): taken as they are,
   * with nothing measured again.
   */
  laidOut?: { cards: Card[]; warnings: Diagnostic[] };
}

export function deckInfo(thread: Thread, cards: number): DeckInfo {
  // Templates draw the title and name as plain strings: math-alphanumeric "bold" letters (𝐀) have
  // no glyph in the bundled fonts, so they are folded to plain letters (as the glyph check does).
  return {
    title: foldText(thread.title),
    author: { ...thread.author, name: foldText(thread.author.name) },
    ...(thread.date && { date: thread.date }),
    ...(thread.source && { source: thread.source }),
    posts: thread.posts.length,
    cards,
  };
}

interface LayoutContext {
  template: Template;
  theme: Theme;
  info: DeckInfo;
  size: CardSize;
  assets: SatoriAssets;
  file: string;
  warnings: Diagnostic[];
  /** Heights measured for this thread file before (measure.ts). */
  memo: Map<string, number>;
}

export async function layoutThread(thread: Thread, opts: LayoutOptions = {}): Promise<Deck> {
  const refused = rtlErrors(thread);
  if (refused.length) throw new ThreadeckError('INVALID_THREAD', refused);
  const chosen = presentation(thread.options, opts, opts.config);
  const size = chosen.size;
  const template = await loadTemplate(chosen.template);
  const { theme, fonts } = applyTheme(template.theme, chosen.themes);
  const total = thread.posts.length;
  const warnings: Diagnostic[] = [];
  const templateFonts = (await template.fonts?.()) ?? [];
  const text = threadText(thread);
  // A --theme or config file's footer is drawn too: its characters need their faces (the thread file's own footer is in threadText).
  for (const layer of [opts.theme, opts.config?.theme]) if (layer?.footer) text.chrome += `\n${layer.footer}`;
  const assets = await satoriAssets(text, [...fonts, ...templateFonts]);
  if (opts.laidOut) return { thread, size, template, theme, cards: opts.laidOut.cards, warnings: [...opts.laidOut.warnings], assets };
  warnings.push(...coverageWarnings(thread, assets.fonts));
  if (chosen.themes.length && template.contrast) {
    for (const p of failingPairs(template.contrast(theme))) {
      warnings.push({
        severity: 'warning',
        rule: 'contrast',
        file: thread.file,
        message: `theme colours: ${p.what} (${p.fg} on ${p.bg}) has contrast ${p.ratio.toFixed(2)}:1, below WCAG AA (${p.large ? '3' : '4.5'}:1); it will be hard to read`,
      });
    }
  }
  const ctx: LayoutContext = { template, theme, info: deckInfo(thread, total), size, assets, file: thread.file, warnings, memo: heightMemo(thread.file) };

  const cards: Card[] = [];
  const { cover, outro } = thread.options;
  if (cover) cards.push(await singleCard(ctx, 'cover', coverBlocks(cover)));
  for (const post of thread.posts) {
    const base = blankCard('post', total, post);
    const laid = await layoutPost(ctx, base, post);
    laid.chunks.forEach((blocks, i) => {
      cards.push({ ...base, blocks, fontSize: laid.fontSize, part: { index: i + 1, count: laid.chunks.length } });
    });
  }
  if (outro) cards.push(await singleCard(ctx, 'outro', outroBlocks(outro)));
  cards.forEach((card, i) => {
    card.index = i;
    card.isFirst = i === 0;
    card.isLast = i === cards.length - 1;
  });
  return { thread, size, template, theme, cards, warnings, assets };
}

function blankCard(kind: CardKind, total: number, post?: Post): Card {
  return {
    index: 0,
    kind,
    ...(post ? { post } : {}),
    number: post?.number ?? 0,
    total,
    label: post ? `${post.number}/${total}` : '',
    part: { index: 1, count: 1 },
    blocks: [],
    isFirst: false,
    isLast: false,
    fontSize: 0,
  };
}

/** A cover or outro card: fitted, never split. */
async function singleCard(ctx: LayoutContext, kind: CardKind, blocks: Block[]): Promise<Card> {
  const card = blankCard(kind, ctx.info.posts);
  const box = ctx.template.bodyBox(ctx.size);
  const measure = bodyMeasurer(ctx.template, card, ctx.info, ctx.theme, ctx.size, ctx.assets, ctx.memo);
  const fit = await fitBlocks(measure.whole, blocks, sizeRange(ctx.template, ctx.size), box.height);
  if (!fit.fits) {
    ctx.warnings.push({
      severity: 'warning',
      rule: 'overflow',
      file: ctx.file,
      line: 1,
      column: 1,
      path: kind,
      message: `the ${kind} card's text is too long to fit even at ${fit.fontSize}px; shorten its title or text`,
    });
  }
  return { ...card, blocks, fontSize: fit.fontSize };
}

async function layoutPost(ctx: LayoutContext, card: Card, post: Post): Promise<{ chunks: Block[][]; fontSize: number }> {
  const blocks = postBlocks(post);
  const box = ctx.template.bodyBox(ctx.size);
  const range = sizeRange(ctx.template, ctx.size);
  const measure = bodyMeasurer(ctx.template, card, ctx.info, ctx.theme, ctx.size, ctx.assets, ctx.memo);

  const fit = await fitBlocks(measure.whole, blocks, range, box.height);
  if (fit.fits) return { chunks: [blocks], fontSize: fit.fontSize };

  // Too long for one card: the fewest cards at the minimum size, then the largest size that
  // still needs no more cards than that (so the parts are balanced, not a full card and a crumb).
  // Text height grows about with the square of the size, which gives a first guess to try.
  // Far more characters than any text packs into the box (glyphs ≥ 0.15 em per UTF-16 unit, lines ≥ 1.1 em).
  const maxChars = (fontSize: number) => Math.ceil((box.width * box.height) / (0.15 * 1.1 * fontSize * fontSize));
  const splitAt = (fontSize: number) => splitBlocks(blocks, (b) => measure.additive(b, fontSize), box.height, maxChars(fontSize));
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
      ctx.warnings.push({
        severity: 'warning',
        rule: 'overflow',
        file: ctx.file,
        ...post.position,
        path: `posts[${post.number - 1}]`,
        message: `part ${i + 1} of post ${post.number} is ${Math.ceil(height)}px tall, more than the card's ${Math.floor(box.height)}px, and cannot be cut further (an image or a single character); it will be clipped`,
      });
    }
  }
  return { chunks, fontSize };
}
