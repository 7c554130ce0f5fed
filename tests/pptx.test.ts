// `--format pptx`, read as XML: one slide per card at the card's size, the card's non-text layer
// as one picture, every text block an editable text box (`a:t` runs, one box per paragraph or
// list, satori's lines kept), links as hyperlinks, the post's full text in the speaker notes,
// title/author/subject in the document properties, the same bytes for the same deck.
import { beforeAll, describe, expect, it } from 'vitest';
import { unzipSync } from 'fflate';
import { loadThread, renderThread } from '../src/index.ts';
import { postBlocks } from '../src/layout/post-blocks.ts';
import { blocksText, type Thread } from '../src/model/index.ts';
import { expectWordsInOrder, words } from './pdf-words.ts';

const SOURCE = 'threads/devops-sre-platform-engineering.yaml';
const LIST = 'threads/postmortem-checklist.json';

type Files = Record<string, string>;
const EMU = 914400 / 96; // EMUs per px (96 px to the inch)

async function pptxOf(file: string): Promise<{ thread: Thread; bytes: Uint8Array; files: Files }> {
  const thread = await loadThread(file);
  const out = await renderThread(thread, { formats: ['pptx'] });
  const bytes = out.pptx!.bytes;
  const files: Files = {};
  for (const [name, data] of Object.entries(unzipSync(bytes))) if (/\.(xml|rels)$/.test(name)) files[name] = Buffer.from(data).toString('utf8');
  return { thread, bytes, files };
}

const unxml = (s: string) => s.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&apos;/g, "'").replace(/&amp;/g, '&');
/** The text shapes of a slide: each `p:sp` with its paragraphs (each paragraph's `a:t` runs joined, `a:br` as a space). */
function textBoxes(slide: string): string[][] {
  return [...slide.matchAll(/<p:sp>([\s\S]*?)<\/p:sp>/g)].map((m) =>
    [...m[1]!.matchAll(/<a:p>([\s\S]*?)<\/a:p>/g)].map((p) => unxml(p[1]!.replace(/<a:br[^>]*\/>/g, ' ').replace(/<a:t>([^<]*)<\/a:t>|<[^>]+>/g, (_, t: string | undefined) => t ?? ''))).filter((t) => t.trim()),
  ).filter((b) => b.length);
}
const slide = (f: Files, n: number) => f[`ppt/slides/slide${n}.xml`]!;
const slideText = (f: Files, n: number) => textBoxes(slide(f, n)).flat().join(' ');

let source: Awaited<ReturnType<typeof pptxOf>>;
let list: Awaited<ReturnType<typeof pptxOf>>;
beforeAll(async () => {
  source = await pptxOf(SOURCE);
  list = await pptxOf(LIST);
}, 120_000);

describe('PPTX', () => {
  it('has a slide per card, the slide the card\'s size', () => {
    const slides = Object.keys(source.files).filter((n) => /^ppt\/slides\/slide\d+\.xml$/.test(n));
    expect(slides).toHaveLength(11);
    expect(source.files['ppt/presentation.xml']).toContain(`<p:sldSz cx="${Math.round(1080 * EMU)}" cy="${Math.round(1350 * EMU)}"`);
  });

  it('has every word of every post as text (a:t), in order, slide by slide', () => {
    const all = Array.from({ length: 11 }, (_, i) => slideText(source.files, i + 1)).join(' ');
    expectWordsInOrder(all, source.thread.posts.flatMap((p) => words(blocksText(postBlocks(p)))));
    // Post 2 is card 3: its words are on slide 3.
    expectWordsInOrder(slideText(source.files, 3), words(blocksText(postBlocks(source.thread.posts[1]!))));
  });

  it('makes each paragraph one text box, satori\'s lines kept as line breaks inside it (not a box per line)', () => {
    const boxes = textBoxes(slide(source.files, 3));
    const first = boxes.find((b) => b.join(' ').startsWith('Ops - this'))!;
    expect(first).toEqual(['Ops - this is about the efficient deployment of the stuff created by Dev.']);
    const second = boxes.find((b) => b.join(' ').startsWith('How to ship'))!;
    expect(second).toHaveLength(1);
    expect(second[0]).toContain('application business logic.');
    // Six lines in the second paragraph: five soft breaks in one shape.
    const shape = [...slide(source.files, 3).matchAll(/<p:sp>([\s\S]*?)<\/p:sp>/g)].map((m) => m[1]!).find((s) => s.includes('How to ship'))!;
    expect(shape.match(/<a:br/g)).toHaveLength(5);
  });

  it('sets each box in the card\'s face, size, weight, colour and alignment', () => {
    const shape = [...slide(source.files, 3).matchAll(/<p:sp>([\s\S]*?)<\/p:sp>/g)].map((m) => m[1]!).find((s) => s.includes('Ops - this'))!;
    // 72 px body text = 54 pt, Inter at weight 500 (its static font's family "Inter Medium").
    expect(shape).toMatch(/sz="5400"/);
    expect(shape).toContain('typeface="Inter Medium"');
    expect(shape).toMatch(/<a:srgbClr val="[0-9A-F]{6}"/);
    expect(shape).toMatch(/algn="l"/);
    // The name line is bold, at 36 px = 27 pt.
    const name = [...slide(source.files, 3).matchAll(/<p:sp>([\s\S]*?)<\/p:sp>/g)].map((m) => m[1]!).find((s) => s.includes('>Ivan Velichko<'))!;
    expect(name).toMatch(/sz="2700"[^>]*b="1"|b="1"[^>]*sz="2700"/);
  });

  it('draws the card without its text as one picture under the boxes, with alt text', () => {
    for (let n = 1; n <= 11; n++) {
      const s = slide(source.files, n);
      expect(s.match(/<p:pic>/g)).toHaveLength(1);
      expect(s).toMatch(/<p:cNvPr id="\d+" name="Card \d+" descr="[^"]+"/);
      expect(s.indexOf('<p:pic>')).toBeLessThan(s.indexOf('<p:sp>'));
    }
  });

  it('keeps a list in one box, its items as bulleted or numbered paragraphs', async () => {
    // A numbered item: a numbered paragraph (the marker is PowerPoint's, not text).
    const numbered = Array.from({ length: 9 }, (_, i) => slide(list.files, i + 1)).find((s) => s.includes('<a:buAutoNum'))!;
    expect(numbered).toMatch(/<a:buAutoNum type="arabicPeriod" startAt="1"\/>/);
    expect(textBoxes(numbered).flat()).toContain('What did users see, and for how long?');
    // Two bullet items: one box, two bulleted paragraphs.
    const { files } = await pptxOf('tests/fixtures/threads/showcase.yaml');
    const shapes = Object.entries(files).filter(([k]) => /^ppt\/slides\/slide\d+\.xml$/.test(k)).flatMap(([, s]) => [...s.matchAll(/<p:sp>([\s\S]*?)<\/p:sp>/g)].map((m) => m[1]!)).filter((s) => s.includes('<a:buChar'));
    expect(shapes).toHaveLength(1);
    expect(shapes[0]!.match(/<a:buChar/g)).toHaveLength(2);
    expect(textBoxes(`<p:sp>${shapes[0]}</p:sp>`)[0]).toEqual(['page only on user impact', 'one owner per alert']);
  });

  it('names the Noto family for CJK text that satori drew with its fallback faces', async () => {
    const { files } = await pptxOf('tests/fixtures/threads/hard.json');
    const all = Object.entries(files).filter(([k]) => /^ppt\/slides\/slide\d+\.xml$/.test(k)).map(([, x]) => x).join('');
    const faceOf = (text: string) => new RegExp(`<a:rPr[^>]*>(?:(?!</a:rPr>).)*<a:latin typeface="([^"]+)"(?:(?!</a:r>).)*<a:t>[^<]*${text}`).exec(all)?.[1];
    expect(faceOf('한국어')).toMatch(/^Noto Sans KR/);
    expect(faceOf('のかなも')).toMatch(/^Noto Sans JP/);
    expect(faceOf('English')).toMatch(/^Inter/);
  });

  it('puts the post\'s full text in the speaker notes', () => {
    const notes = (n: number) => unxml([...source.files[`ppt/notesSlides/notesSlide${n}.xml`]!.matchAll(/<a:t>([^<]*)<\/a:t>/g)].map((m) => m[1]).join(' '));
    expect(Object.keys(source.files).filter((n) => /^ppt\/notesSlides\/notesSlide\d+\.xml$/.test(n))).toHaveLength(11);
    source.thread.posts.forEach((p, i) => expectWordsInOrder(notes(i + 2), words(blocksText(postBlocks(p)))));
    expect(notes(1)).toContain(source.thread.title);
  });

  it('links: a hyperlink on the link text, its address in the slide\'s relationships', async () => {
    const { files } = await pptxOf('threads/small-prs-ship-faster.yaml');
    const n = Object.keys(files).filter((k) => /^ppt\/slides\/slide\d+\.xml$/.test(k)).length;
    const linked = Array.from({ length: n }, (_, i) => i + 1).filter((i) => slide(files, i).includes('<a:hlinkClick'));
    expect(linked.length).toBeGreaterThan(0);
    const rels = files[`ppt/slides/_rels/slide${linked[linked.length - 1]}.xml.rels`]!;
    expect(rels).toMatch(/Type="[^"]*\/hyperlink" Target="https?:\/\/[^"]+" TargetMode="External"/);
  });

  it('has title, author and subject in the document properties, and no build time in them', () => {
    const core = source.files['docProps/core.xml']!;
    expect(core).toContain('<dc:title>DevOps, SRE, and Platform Engineering</dc:title>');
    expect(core).toContain('<dc:creator>Ivan Velichko (@iximiuz)</dc:creator>');
    expect(core).toMatch(/<dc:subject>DevOps, SRE, and Platform Engineering[^<]*<\/dc:subject>/);
    expect(core).toContain('2026-03-26T00:00:00Z');
  });

  it('gives the same bytes for the same deck', async () => {
    const again = await pptxOf(SOURCE);
    expect(Buffer.from(again.bytes).equals(Buffer.from(source.bytes))).toBe(true);
  });
});
