// `--format pptx`: the deck as a PowerPoint file (<slug>.pptx, pptxgenjs). One slide per card,
// the slide the card's size (96 px to the inch). On each: the card without its text as one
// picture (satori's SVG with its <text> taken out, rasterized by resvg at the card's size), then
// each paragraph or list as an editable text box where satori laid it out (text-boxes.ts,
// slide-text.ts); the post's full text in the speaker notes; title, author and subject in the
// document properties; the same deck gives the same bytes (stable-zip.ts). Fonts are named by
// family (the bundled open fonts: Inter, Lora, …).
import pptxModule from 'pptxgenjs';
import type { Card, Deck } from '../../model/index.ts';
import { blocksText } from '../../model/index.ts';
import type { CardLayout } from '../../render/card-layout.ts';
import { postBlocks } from '../../layout/post-blocks.ts';
import { rasterize } from '../png.ts';
import { styledRuns, withoutText } from './runs.ts';
import { textBoxes } from './text-boxes.ts';
import { boxOptions, boxRuns, inch, type FamilyNames } from './slide-text.ts';
import { stablePptx } from './stable-zip.ts';

// pptxgenjs's types describe a CommonJS module whose `default` is the class; its ESM build (what Node
// and esbuild load) exports the class as the default itself.
const PptxGenJS = ((pptxModule as unknown as { default?: unknown }).default ?? pptxModule) as typeof pptxModule.default;

export interface PptxCard {
  /** The card's SVG with text kept as <text> (satori, embedFont: false). */
  svg: string;
  layout: CardLayout;
}

export interface PptxResult {
  bytes: Uint8Array;
  slides: number;
  /** Text boxes per slide (for the report and tests). */
  boxes: number[];
}

export async function deckToPptx(deck: Deck, cards: readonly PptxCard[]): Promise<PptxResult> {
  const { thread, size } = deck;
  const pptx = new PptxGenJS();
  pptx.defineLayout({ name: 'CARD', width: inch(size.width), height: inch(size.height) });
  pptx.layout = 'CARD';
  const byline = `${thread.author.name}${thread.author.handle ? ` (${thread.author.handle})` : ''}`;
  pptx.title = thread.title;
  pptx.author = byline;
  pptx.subject = thread.source ? `${thread.title} — ${thread.source}` : thread.title;
  pptx.company = 'threadeck';
  const names = familyNames(deck);
  const boxes: number[] = [];
  cards.forEach((c, i) => {
    const card = deck.cards[i]!;
    const slide = pptx.addSlide();
    const picture = rasterize(withoutText(c.svg), { png: true }).png!;
    slide.addImage({
      data: `image/png;base64,${Buffer.from(picture).toString('base64')}`,
      x: 0,
      y: 0,
      w: inch(size.width),
      h: inch(size.height),
      altText: pictureAlt(card),
      objectName: `Card ${i + 1}`,
    });
    const found = textBoxes(styledRuns(c.svg), size.width);
    found.forEach((box, b) => slide.addText(boxRuns(box, c.layout.links, names), boxOptions(box, size.width, `Text ${b + 1}`)));
    boxes.push(found.length);
    slide.addNotes(notes(deck, card));
  });
  const out = (await pptx.write({ outputType: 'uint8array' })) as Uint8Array;
  return { bytes: stablePptx(out, thread.date), slides: cards.length, boxes };
}

function familyNames(deck: Deck): FamilyNames {
  const known = new Map<string, string>();
  // Subset files ("Noto Sans KR 118", "Inter cyrillic") are one family to an office suite.
  const base = (name: string) => name.replace(/ (\d+|latin|latin-ext|cyrillic|cyrillic-ext|greek|greek-ext|vietnamese)$/i, '');
  for (const f of deck.assets.fonts) if (!known.has(base(f.name).toLowerCase())) known.set(base(f.name).toLowerCase(), base(f.name));
  const first = (family: string) => family.split(',')[0]!.trim().replace(/^['"]|['"]$/g, '');
  const names = (family: string) => known.get(first(family).toLowerCase()) ?? first(family).replace(/\b\w/g, (c) => c.toUpperCase());
  return Object.assign(names, { has: (family: string) => known.has(first(family).toLowerCase()) });
}

/** What the card's picture shows besides its text: its images' alt text. */
function pictureAlt(card: Card): string {
  const alts = card.blocks.flatMap((b) => (b.kind === 'image' ? [b.alt?.trim() || 'an image with no description'] : []));
  const what = card.kind === 'cover' ? 'Cover card' : card.kind === 'outro' ? 'Closing card' : `Card for post ${card.label}`;
  return alts.length ? `${what}: ${alts.join('; ')}` : `${what} (background and decoration; the text is in the text boxes)`;
}

/** The speaker notes: the post's full text (every part of a split post gets all of it), else the card's text. */
function notes(deck: Deck, card: Card): string {
  if (card.kind === 'post' && card.post) {
    const head = `Post ${card.label}${card.part.count > 1 ? ` (part ${card.part.index} of ${card.part.count})` : ''}`;
    const alt = card.post.image ? `\n\nImage: ${card.post.alt?.trim() || 'no description given'}` : '';
    return `${head}\n\n${blocksText(postBlocks(card.post))}${alt}`;
  }
  const t = deck.thread;
  if (card.kind === 'cover') return [t.title, `${t.author.name}${t.author.handle ? ` ${t.author.handle}` : ''}`, t.date, t.source, blocksText(card.blocks)].filter(Boolean).join('\n\n');
  return blocksText(card.blocks);
}
