// Draws the example threads' avatar and chart as PNGs (run once; the PNGs are committed).
import { writeFileSync } from 'node:fs';
import { Resvg } from '@resvg/resvg-js';

const png = (svg: string) => new Resvg(svg, { font: { loadSystemFonts: false } }).render().asPng();

const avatar = `<svg xmlns="http://www.w3.org/2000/svg" width="256" height="256" viewBox="0 0 256 256">
  <defs><linearGradient id="g" x1="0" y1="0" x2="1" y2="1"><stop offset="0" stop-color="#0EA5E9"/><stop offset="1" stop-color="#10B981"/></linearGradient></defs>
  <rect width="256" height="256" fill="url(#g)"/>
  <circle cx="128" cy="104" r="48" fill="#FFFFFF" opacity="0.92"/>
  <path d="M40 256c8-56 48-88 88-88s80 32 88 88z" fill="#FFFFFF" opacity="0.92"/>
</svg>`;

const bars = [38, 52, 47, 71, 88, 123];
const chart = `<svg xmlns="http://www.w3.org/2000/svg" width="1200" height="640" viewBox="0 0 1200 640">
  <rect width="1200" height="640" rx="32" fill="#FFFFFF"/>
  <line x1="100" y1="560" x2="1120" y2="560" stroke="#CBD5E1" stroke-width="4"/>
  ${bars.map((v, i) => `<rect x="${140 + i * 160}" y="${560 - v * 3.6}" width="96" height="${v * 3.6}" rx="12" fill="${i === bars.length - 1 ? '#3730A3' : '#A5B4FC'}"/>`).join('\n  ')}
</svg>`;

writeFileSync(new URL('../threads/images/maya-avatar.png', import.meta.url), png(avatar));
writeFileSync(new URL('../threads/images/deploys-chart.png', import.meta.url), png(chart));
console.log('wrote threads/images/maya-avatar.png, threads/images/deploys-chart.png');
