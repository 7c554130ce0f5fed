// The PDF's document structure: metadata, a bookmark per post (its first words) and page labels
// that match the card numbers. No timestamps: the same deck gives the same bytes.
import { PDFHexString, PDFName, PDFNumber, type PDFDict, type PDFDocument, type PDFRef } from 'pdf-lib';
import type { Deck } from '../model/index.ts';
import { blocksText } from '../model/index.ts';

export const PRODUCER = 'threadeck';

export function setMetadata(pdf: PDFDocument, deck: Deck): void {
  const { thread } = deck;
  pdf.setTitle(thread.title, { showInWindowTitleBar: true });
  pdf.setAuthor(thread.author.handle ? `${thread.author.name} (${thread.author.handle})` : thread.author.name);
  pdf.setSubject(thread.source ? `${thread.title} — ${thread.source}` : thread.title);
  const tags = new Set<string>();
  for (const post of thread.posts) for (const m of post.text.matchAll(/(?:^|\s)#([\p{L}\p{N}_]+)/gu)) tags.add(m[1]!);
  pdf.setKeywords(['thread', ...(thread.author.handle ? [thread.author.handle] : []), ...tags]);
  pdf.setCreator(PRODUCER);
  pdf.setProducer(PRODUCER);
}

/** "Cover", "1", "2", "2 (2/3)", …, "End": what each page shows as its number. */
export function pageLabels(deck: Deck): string[] {
  return deck.cards.map((c) => {
    if (c.kind === 'cover') return 'Cover';
    if (c.kind === 'outro') return 'End';
    return c.part.count > 1 ? `${c.number} (${c.part.index}/${c.part.count})` : String(c.number);
  });
}

export function addPageLabels(pdf: PDFDocument, deck: Deck): void {
  const ctx = pdf.context;
  const nums: Array<PDFNumber | PDFDict> = [];
  pageLabels(deck).forEach((label, i) => {
    nums.push(PDFNumber.of(i), ctx.obj({ P: PDFHexString.fromText(label) }));
  });
  pdf.catalog.set(PDFName.of('PageLabels'), ctx.obj({ Nums: nums }));
}

/** First words of a text, for a bookmark title. */
export function firstWords(text: string, max = 60): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  if (flat.length <= max) return flat;
  const cut = flat.slice(0, max);
  const space = cut.lastIndexOf(' ');
  return `${(space > max * 0.6 ? cut.slice(0, space) : cut).replace(/[\s,.;:!?-]+$/, '')}…`;
}

/** Outline: the cover, one bookmark per post (at its first card), the outro. */
export function addOutline(pdf: PDFDocument, deck: Deck, pageRefs: readonly PDFRef[]): void {
  const ctx = pdf.context;
  const entries: Array<{ title: string; page: PDFRef }> = [];
  deck.cards.forEach((card, i) => {
    const page = pageRefs[i]!;
    if (card.kind === 'cover') entries.push({ title: `Cover — ${deck.thread.title}`, page });
    else if (card.kind === 'outro') entries.push({ title: 'End', page });
    else if (card.part.index === 1 && card.post) {
      entries.push({ title: `${card.number}. ${firstWords(blocksText(card.blocks) || card.post.text)}`, page });
    }
  });
  if (!entries.length) return;
  const outlinesRef = ctx.nextRef();
  const refs = entries.map(() => ctx.nextRef());
  entries.forEach((entry, i) => {
    const item = ctx.obj({
      Title: PDFHexString.fromText(entry.title),
      Parent: outlinesRef,
      Dest: [entry.page, 'Fit'],
      ...(i > 0 ? { Prev: refs[i - 1]! } : {}),
      ...(i < refs.length - 1 ? { Next: refs[i + 1]! } : {}),
    });
    ctx.assign(refs[i]!, item);
  });
  ctx.assign(outlinesRef, ctx.obj({ Type: 'Outlines', First: refs[0]!, Last: refs[refs.length - 1]!, Count: refs.length }));
  pdf.catalog.set(PDFName.of('Outlines'), outlinesRef);
  pdf.catalog.set(PDFName.of('PageMode'), PDFName.of('UseOutlines'));
}

