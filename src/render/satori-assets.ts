// What satori needs besides the element, for one deck: fonts (base + whatever scripts the thread
// uses), colour emoji images, and the loader for anything else. Built once per deck; measuring
// and rendering use the very same object, so they always agree.
import type { SatoriOptions } from 'satori';
import { emojiGraphemeImages, satoriAssetLoader } from '../assets/emoji.ts';
import type { FontFace } from '../assets/fonts.ts';
import { fontsForText } from '../assets/font-coverage.ts';

export interface SatoriAssets {
  fonts: FontFace[];
  graphemeImages: Record<string, string>;
  loadAdditionalAsset: NonNullable<SatoriOptions['loadAdditionalAsset']>;
}

/** Assets for rendering `text` (all the text a deck shows), with a theme's font files if any. */
export async function satoriAssets(text: string, brandFonts: readonly FontFace[] = []): Promise<SatoriAssets> {
  const bundled = await fontsForText(text);
  return {
    // Brand fonts first: satori falls back in array order for glyphs a family lacks.
    fonts: brandFonts.length ? [...brandFonts, ...bundled] : bundled,
    graphemeImages: emojiGraphemeImages(text),
    loadAdditionalAsset: satoriAssetLoader() as SatoriAssets['loadAdditionalAsset'],
  };
}
