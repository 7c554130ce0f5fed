// bench/peers.mjs's inputs: the same posts written as each tool's own input — a threadeck thread
// (YAML, no cover, no outro), a Marp deck (Markdown + a theme CSS that sets the 1080×1350 size),
// a plain HTML page for Playwright (one 1080×1350 <section> per post) and a JSON list of posts for
// the bare satori → resvg floor. Every peer card is the same simple design: author at the top, the
// post's paragraphs at a fixed 44 px, the title and "n/N" at the bottom, Inter 400 only.
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';

export const CARD = { width: 1080, height: 1350, padding: 80, fontSize: 44, lineHeight: 1.4, small: 30 };
export const COLORS = { background: '#ffffff', text: '#111827', muted: '#6b7280', accent: '#2563eb' };

/** The font every peer uses (threadeck uses its own bundled fonts). */
export const fontFile = (projectRoot) => path.join(projectRoot, 'node_modules/@fontsource/inter/files/inter-latin-400-normal.woff');

/** Paragraphs of a post: blank lines split paragraphs, single line breaks are kept. */
export const paragraphs = (text) => text.split(/\n\s*\n/).map((p) => p.split('\n'));

const escapeHtml = (s) => s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]);

/** `count` posts from the source posts, repeated; past the first round each is numbered ("Post 12. …") so no two cards are alike. */
export function postsFor(source, count) {
  return Array.from({ length: count }, (_, i) => {
    const text = source[i % source.length];
    return count > source.length ? `Post ${i + 1}. ${text}` : text;
  });
}

const cardCss = (fontUrl) => `@font-face { font-family: 'BenchInter'; src: url('${fontUrl}') format('woff'); font-weight: 400; }`;

function threadYaml(stringify, meta, posts) {
  return stringify({ title: meta.title, author: meta.author, ...(meta.date ? { date: meta.date } : {}), cover: false, outro: false, posts }, { lineWidth: 0 });
}

function marpDeck(meta, posts) {
  const author = `${meta.author.name}${meta.author.handle ? ` · ${meta.author.handle}` : ''}`;
  const q = (s) => JSON.stringify(s);
  // A line that is exactly `---` would start a new slide: escape it.
  const slides = posts.map((p) => p.replace(/^(\s*)(---|\*\*\*|___)\s*$/gm, '$1\\$2'));
  return `---\nmarp: true\ntheme: threadeck-bench\npaginate: true\nheader: ${q(author)}\nfooter: ${q(meta.title)}\n---\n\n${slides.join('\n\n---\n\n')}\n`;
}

function marpTheme(fontUrl) {
  // Marp takes the slide size from the theme's `section` width and height (an inline <style> or
  // `size: 1080x1350` in the front matter leaves it at 1280×720).
  return `/* @theme threadeck-bench */
@import 'default';
${cardCss(fontUrl)}
section {
  width: ${CARD.width}px; height: ${CARD.height}px; padding: ${CARD.padding + 40}px ${CARD.padding}px;
  font-family: 'BenchInter', sans-serif; font-size: ${CARD.fontSize}px; line-height: ${CARD.lineHeight};
  background: ${COLORS.background}; color: ${COLORS.text}; justify-content: center;
}
section p { margin: 0 0 0.6em; }
header, footer { font-size: ${CARD.small}px; color: ${COLORS.muted}; left: ${CARD.padding}px; right: ${CARD.padding}px; }
header { top: ${CARD.padding / 2}px; } footer { bottom: ${CARD.padding / 2}px; }
section::after { content: attr(data-marpit-pagination) '/' attr(data-marpit-pagination-total); font-size: ${CARD.small}px; color: ${COLORS.accent}; right: ${CARD.padding}px; bottom: ${CARD.padding / 2}px; }
`;
}

function cardsHtml(meta, posts, fontUrl) {
  const author = escapeHtml(`${meta.author.name}${meta.author.handle ? ` · ${meta.author.handle}` : ''}`);
  const sections = posts.map((text, i) => `<section><header>${author}</header><main>${paragraphs(text)
    .map((lines) => `<p>${lines.map(escapeHtml).join('<br>')}</p>`)
    .join('')}</main><footer><span>${escapeHtml(meta.title)}</span><span class="n">${i + 1}/${posts.length}</span></footer></section>`);
  return `<!doctype html><html><head><meta charset="utf-8"><style>
${cardCss(fontUrl)}
@page { size: ${CARD.width}px ${CARD.height}px; margin: 0; }
html, body { margin: 0; padding: 0; }
section { box-sizing: border-box; width: ${CARD.width}px; height: ${CARD.height}px; padding: ${CARD.padding}px; display: flex; flex-direction: column;
  font-family: 'BenchInter', sans-serif; background: ${COLORS.background}; color: ${COLORS.text}; overflow: hidden; break-after: page; }
header, footer { font-size: ${CARD.small}px; color: ${COLORS.muted}; display: flex; justify-content: space-between; }
main { flex: 1; display: flex; flex-direction: column; justify-content: center; font-size: ${CARD.fontSize}px; line-height: ${CARD.lineHeight}; }
p { margin: 0 0 0.6em; }
.n { color: ${COLORS.accent}; }
</style></head><body>
${sections.join('\n')}
</body></html>
`;
}

/**
 * Writes every tool's input for `posts` into `dir` and returns their paths:
 * { thread, deck, theme, html, json, cards }.
 */
export function writeInputs(dir, { name, meta, posts, projectRoot, stringify }) {
  mkdirSync(dir, { recursive: true });
  const fontUrl = pathToFileURL(fontFile(projectRoot)).href;
  const files = {
    thread: path.join(dir, `${name}.yaml`),
    deck: path.join(dir, `${name}.md`),
    theme: path.join(dir, 'threadeck-bench-theme.css'),
    html: path.join(dir, `${name}.html`),
    json: path.join(dir, `${name}.json`),
    cards: posts.length,
  };
  writeFileSync(files.thread, threadYaml(stringify, meta, posts));
  writeFileSync(files.deck, marpDeck(meta, posts));
  writeFileSync(files.theme, marpTheme(fontUrl));
  writeFileSync(files.html, cardsHtml(meta, posts, fontUrl));
  writeFileSync(files.json, JSON.stringify({ meta, posts }, null, 1));
  return files;
}
