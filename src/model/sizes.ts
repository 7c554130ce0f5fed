// Card sizes: the platform presets and any WxH, parsed from the thread file or --size.
import type { CardSize } from './index.ts';

export const SIZE_PRESETS = {
  linkedin: { width: 1080, height: 1350 },
  square: { width: 1080, height: 1080 },
  story: { width: 1080, height: 1920 },
  slides: { width: 1920, height: 1080 },
} as const satisfies Record<string, CardSize>;

export type SizePreset = keyof typeof SIZE_PRESETS;
export const DEFAULT_SIZE: CardSize = SIZE_PRESETS.linkedin;

/** Largest side a card may have: satori and resvg allocate the whole canvas. */
export const MAX_CARD_SIDE = 4096;
export const MIN_CARD_SIDE = 320;

/** "linkedin", "slides", "1200x1500" → a size; otherwise an error message. */
export function parseSize(value: string): CardSize | string {
  const key = value.trim().toLowerCase();
  if (key in SIZE_PRESETS) return { ...SIZE_PRESETS[key as SizePreset] };
  const m = /^(\d+)\s*[x×]\s*(\d+)$/.exec(key);
  if (!m) return `expected a size preset (${Object.keys(SIZE_PRESETS).join(', ')}) or WIDTHxHEIGHT like 1200x1500; got "${value}"`;
  const width = Number(m[1]);
  const height = Number(m[2]);
  for (const side of [width, height]) {
    if (side < MIN_CARD_SIDE || side > MAX_CARD_SIDE) {
      return `card sides must be between ${MIN_CARD_SIDE} and ${MAX_CARD_SIDE} px; got ${width}×${height}`;
    }
  }
  return { width, height };
}

export type Orientation = 'portrait' | 'square' | 'landscape';

export function orientation(size: CardSize): Orientation {
  const r = size.width / size.height;
  if (r > 1.15) return 'landscape';
  if (r < 0.87) return 'portrait';
  return 'square';
}

/** Scale of chrome and text relative to the 1080 px design: the card's shorter side / 1080. */
export function designScale(size: CardSize): number {
  return Math.min(size.width, size.height) / 1080;
}
