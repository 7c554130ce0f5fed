// Measures rendered height with satori itself: laid out at a fixed width and no height, satori's
// SVG carries the content height, so measurement and rendering always agree.
import satori from 'satori';
import type { JSXNode } from 'satori/jsx';
import { loadFonts } from '../assets/fonts.ts';

export async function measureHeight(node: JSXNode, width: number): Promise<number> {
  const fonts = await loadFonts();
  const wrapper = { type: 'div', props: { style: { display: 'flex', flexDirection: 'column', width }, children: node } };
  const svg = await satori(wrapper as Parameters<typeof satori>[0], { width, fonts });
  const m = /^<svg[^>]*\sheight="([\d.]+)"/.exec(svg);
  if (!m) throw new Error('satori returned an SVG without a height');
  return Number(m[1]);
}
