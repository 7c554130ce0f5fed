// What satori needs besides the element, for one deck: fonts (the bundled faces the deck's text is
// drawn with, CJK subsets for the scripts the thread uses), colour emoji images, and the loader for
// anything else. Built once per deck; measuring and rendering use the very same object, so they
// always agree.
import type { SatoriOptions } from 'satori';
import { emojiGraphemeImages, satoriAssetLoader } from '../assets/emoji.ts';
import type { FontFace, SatoriAssets } from '../model/index.ts';
import { fontsForText } from '../assets/font-coverage.ts';
import type { ThreadText } from './thread-text.ts';


/**
 * Assets for rendering a deck: `text` is all it shows, or threadText()'s parts (emoji and CJK
 * files from its `text`, bundled faces for everything drawn); with a theme's and template's font files if any.
 */
export async function satoriAssets(text: string | ThreadText, brandFonts: readonly FontFace[] = []): Promise<SatoriAssets> {
  const shown = typeof text === 'string' ? text : text.text;
  const bundled = typeof text === 'string' ? await fontsForText(text) : await fontsForText(text.text, { chrome: text.chrome, mono: text.mono });
  return {
    // Brand fonts first: satori falls back in array order for glyphs a family lacks.
    fonts: brandFonts.length ? [...brandFonts, ...bundled] : bundled,
    graphemeImages: emojiGraphemeImages(shown),
    loadAdditionalAsset: satoriAssetLoader() as SatoriAssets['loadAdditionalAsset'],
  };
}
