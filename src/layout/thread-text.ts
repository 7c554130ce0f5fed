// All the text a thread's cards show: what font and emoji lookup is based on. `text` (title,
// author, posts) picks emoji images and CJK files, as it always has; `chrome` and `mono` only
// widen which bundled faces are loaded, so every character keeps the face it is drawn with.
import type { Thread } from '../model/index.ts';
import { parsePostText } from '../text/markdown.ts';
import type { Block, Span } from '../model/index.ts';
import { foldStyledRuns, foldText } from '../text/unicode-fold.ts';

export interface ThreadText {
  /** Title, author, and each post's text, quote and alt text, one string. */
  text: string;
  /** Also drawn: cover and outro, date, source, the thread's theme footer, the posts as rendered (references decoded, math letters folded). */
  chrome: string;
  /** Drawn in the monospace stack: inline code, code blocks, 𝚖𝚘𝚗𝚘 letters ('' when none). */
  mono: string;
}

/**
 * Markdown that can draw something its source does not show as is: code (backticks, ~~~ fences,
 * indentation) and 𝚖𝚘𝚗𝚘 letters in the monospace stack, character references (&rarr;) decoded.
 * Other Markdown only drops characters or adds ones every deck has (bullets, "…", digits).
 */
const NEEDS_PARSE = /[`&\t]|~~~| {4}|[\u{1D670}-\u{1D6A3}\u{1D7F6}-\u{1D7FF}]/u;

export function threadText(thread: Thread): ThreadText {
  const parts = [thread.title, thread.author.name, thread.author.handle ?? ''];
  const chrome = [foldText(thread.title), foldText(thread.author.name), thread.date ?? '', thread.source ?? '', thread.options.theme?.footer ?? ''];
  const mono: string[] = [];
  // Markdown as the cards draw it (post-blocks.ts), parsed only when that can differ from the source.
  const markdown = (source: string) => {
    if (NEEDS_PARSE.test(source)) collect(parsePostText(source), chrome, mono);
    else chrome.push(source);
  };
  const heading = (title: string) => foldStyledRuns(title).forEach((r) => (r.mono ? mono : chrome).push(r.text));
  for (const post of thread.posts) {
    parts.push(post.text);
    markdown(post.text);
    if (post.quote) {
      parts.push(post.quote.author.name, post.quote.author.handle ?? '', post.quote.text);
      markdown(post.quote.text);
    }
    if (post.alt) parts.push(post.alt);
  }
  const { cover, outro } = thread.options;
  if (cover) {
    heading(cover.title);
    if (cover.hook) markdown(cover.hook);
  }
  if (outro) {
    heading(outro.title);
    markdown(outro.text);
    if (outro.link) chrome.push(outro.link);
  }
  return { text: parts.join('\n'), chrome: chrome.join('\n'), mono: mono.join('\n') };
}

function collect(blocks: readonly Block[], chrome: string[], mono: string[]): void {
  const spans = (list: readonly Span[]) => list.forEach((s) => (s.mono ? mono : chrome).push(s.text));
  for (const b of blocks) {
    switch (b.kind) {
      case 'paragraph':
      case 'heading':
        spans(b.spans);
        break;
      case 'list':
        for (const item of b.items) {
          chrome.push(item.marker);
          spans(item.spans);
        }
        break;
      case 'quote':
        if (b.author) chrome.push(b.author.name, b.author.handle ?? '');
        collect(b.blocks, chrome, mono);
        break;
      case 'code':
        for (const line of b.lines) mono.push(line.map((s) => s.text).join(''));
        break;
      case 'image':
        break; // its alt text is in `text`
    }
  }
}
