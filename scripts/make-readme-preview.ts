// Renders docs/preview.png for the README: three real cards of the example threads, side by side.
import { writeFileSync } from 'node:fs';
import satori from 'satori';
import { loadFonts } from '../src/assets/fonts.ts';
import { loadThread, renderThread, svgToPng } from '../src/index.ts';

const picks: Array<[string, number]> = [
  ['threads/devops-sre-platform-engineering.yaml', 1],
  ['threads/small-prs-ship-faster.yaml', 4],
  ['threads/postmortem-checklist.json', 0],
];
const W = 400;
const H = 500;
const gap = 32;
const cards: string[] = [];
for (const [file, index] of picks) {
  const out = await renderThread(await loadThread(file), { formats: ['png'] });
  cards.push(`data:image/png;base64,${Buffer.from(out.pngs[index]!).toString('base64')}`);
}
const width = gap + picks.length * (W + gap);
const height = H + 2 * gap;
const el = {
  type: 'div',
  props: {
    style: { display: 'flex', width, height, padding: gap, backgroundColor: '#E7E3DA' },
    children: cards.map((src, i) => ({
      type: 'img',
      props: { src, width: W, height: H, style: { marginLeft: i ? gap : 0, borderRadius: 16, boxShadow: '0 8px 24px rgba(0,0,0,0.18)' } },
    })),
  },
};
const svg = await satori(el as Parameters<typeof satori>[0], { width, height, fonts: await loadFonts() });
writeFileSync(new URL('../docs/preview.png', import.meta.url), svgToPng(svg));
console.log('wrote docs/preview.png');
