// Generates the small image fixtures under tests/fixtures/images/ with sharp.
import sharp from 'sharp';
import { mkdirSync, writeFileSync } from 'node:fs';

const out = 'tests/fixtures/images';
mkdirSync(out, { recursive: true });

const scene = (w: number, h: number, a = '#2563eb', b = '#f59e0b') =>
  Buffer.from(`<svg xmlns="http://www.w3.org/2000/svg" width="${w}" height="${h}">
  <rect width="100%" height="100%" fill="${a}"/>
  <circle cx="${w * 0.3}" cy="${h * 0.5}" r="${Math.min(w, h) * 0.3}" fill="${b}"/>
  <rect x="${w * 0.6}" y="${h * 0.2}" width="${w * 0.3}" height="${h * 0.6}" fill="#ffffff"/>
</svg>`);

const save = (name: string, buf: Buffer) => {
  writeFileSync(`${out}/${name}`, buf);
  console.log(name, buf.length, 'bytes');
};

save('lossy-64x48.webp', await sharp(scene(64, 48)).webp({ quality: 80 }).toBuffer());
save('lossless-64x48.webp', await sharp(scene(64, 48)).webp({ lossless: true }).toBuffer());

// Animated GIF, 40×30, frame 1 solid red, frame 2 solid blue (frames stacked vertically = pages).
const frames = Buffer.concat([
  await sharp({ create: { width: 40, height: 30, channels: 3, background: '#ff0000' } }).raw().toBuffer(),
  await sharp({ create: { width: 40, height: 30, channels: 3, background: '#0000ff' } }).raw().toBuffer(),
]);
save(
  'two-frames-40x30.gif',
  await sharp(frames, { raw: { width: 40, height: 60, channels: 3, pageHeight: 30 } })
    .gif({ loop: 0, delay: [500, 500] })
    .toBuffer(),
);

// JPEG stored 64×48 (landscape: top half red, bottom half green) with EXIF orientation 6 (rotate 90° cw to view).
const halves = Buffer.from(`<svg xmlns="http://www.w3.org/2000/svg" width="64" height="48">
  <rect width="64" height="24" fill="#ff0000"/><rect y="24" width="64" height="24" fill="#00ff00"/></svg>`);
save('orientation-6-64x48.jpg', await sharp(halves).jpeg({ quality: 90 }).withMetadata({ orientation: 6 }).toBuffer());

// A 3000×2000 JPEG (smooth, so it stays small) for the downscale test.
const big = Buffer.from(`<svg xmlns="http://www.w3.org/2000/svg" width="3000" height="2000">
  <defs><linearGradient id="g" x1="0" y1="0" x2="1" y2="1"><stop offset="0" stop-color="#0ea5e9"/><stop offset="1" stop-color="#1e3a8a"/></linearGradient></defs>
  <rect width="3000" height="2000" fill="url(#g)"/><circle cx="1500" cy="1000" r="600" fill="#fbbf24"/></svg>`);
save('big-3000x2000.jpg', await sharp(big).jpeg({ quality: 60 }).toBuffer());

// A chart-like WebP for the rendered card.
const chart = Buffer.from(`<svg xmlns="http://www.w3.org/2000/svg" width="800" height="480">
  <rect width="800" height="480" fill="#f8fafc"/>
  ${[120, 200, 160, 300, 260, 380].map((h, i) => `<rect x="${70 + i * 120}" y="${430 - h}" width="80" height="${h}" rx="8" fill="${i === 5 ? '#16a34a' : '#6366f1'}"/>`).join('')}
  <rect x="40" y="430" width="720" height="4" fill="#334155"/></svg>`);
save('chart-800x480.webp', await sharp(chart).webp({ quality: 82 }).toBuffer());

// WebP with alpha → an extended (VP8X) file; half-transparent background.
const alpha = Buffer.from(`<svg xmlns="http://www.w3.org/2000/svg" width="64" height="48">
  <circle cx="32" cy="24" r="20" fill="#dc2626"/></svg>`);
save('alpha-64x48.webp', await sharp(alpha).webp({ quality: 80 }).toBuffer());

// Animated WebP (VP8X + ANIM), 40×30: frame 1 green, frame 2 blue.
const wframes = Buffer.concat([
  await sharp({ create: { width: 40, height: 30, channels: 3, background: '#00ff00' } }).raw().toBuffer(),
  await sharp({ create: { width: 40, height: 30, channels: 3, background: '#0000ff' } }).raw().toBuffer(),
]);
save(
  'two-frames-40x30.webp',
  await sharp(wframes, { raw: { width: 40, height: 60, channels: 3, pageHeight: 30 } }).webp({ lossless: true, loop: 0, delay: [500, 500] }).toBuffer(),
);
