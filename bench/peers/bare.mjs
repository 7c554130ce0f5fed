// The bare floor for bench/peers.mjs: satori → resvg → PNG files for simple cards of the same
// posts, with no pipeline around it (no Markdown, no auto-fit, no cache, no workers, no checks):
// one font file (Inter 400), resvg with system fonts off, resvg's own PNG encoder.
//   node bench/peers/bare.mjs <posts.json> <outDir>
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import satori from 'satori';
import { Resvg } from '@resvg/resvg-js';
import { CARD, COLORS, fontFile, paragraphs } from './inputs.mjs';

const [input, outDir] = process.argv.slice(2);
if (!input || !outDir) {
  console.error('usage: node bench/peers/bare.mjs <posts.json> <outDir>');
  process.exit(2);
}
const projectRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const { meta, posts } = JSON.parse(readFileSync(input, 'utf8'));
const fonts = [{ name: 'Inter', data: readFileSync(fontFile(projectRoot)), weight: 400, style: 'normal' }];
const h = (type, style, children) => ({ type, props: { style, children } });
const author = `${meta.author.name}${meta.author.handle ? ` · ${meta.author.handle}` : ''}`;
const small = { display: 'flex', justifyContent: 'space-between', fontSize: CARD.small, color: COLORS.muted };

const card = (text, i) =>
  h('div', { display: 'flex', flexDirection: 'column', width: CARD.width, height: CARD.height, padding: CARD.padding, boxSizing: 'border-box', background: COLORS.background, color: COLORS.text, fontFamily: 'Inter' }, [
    h('div', small, author),
    h('div', { display: 'flex', flexDirection: 'column', flexGrow: 1, justifyContent: 'center', fontSize: CARD.fontSize, lineHeight: CARD.lineHeight },
      paragraphs(text).map((lines) => h('div', { display: 'flex', flexDirection: 'column', marginBottom: CARD.fontSize * 0.6 }, lines.map((l) => h('div', {}, l || ' '))))),
    h('div', small, [h('span', {}, meta.title), h('span', { color: COLORS.accent }, `${i + 1}/${posts.length}`)]),
  ]);

mkdirSync(outDir, { recursive: true });
for (let i = 0; i < posts.length; i++) {
  const svg = await satori(card(posts[i], i), { width: CARD.width, height: CARD.height, fonts });
  const png = new Resvg(svg, { fitTo: { mode: 'original' }, font: { loadSystemFonts: false } }).render().asPng();
  writeFileSync(path.join(outDir, `card-${String(i + 1).padStart(3, '0')}.png`), png);
}
