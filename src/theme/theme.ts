// Branding layers: a template's default theme, then the thread file's `theme:`, then --theme FILE.
// Each layer overrides the colours, fonts, logo and footer it sets (flag › thread file › template).
import { THEME_COLOURS, type FontFace, type Theme, type ThemeOverrides } from '../model/index.ts';

export const BRAND_BODY_FONT = 'Brand Body';
export const BRAND_HEADING_FONT = 'Brand Heading';

/** The template's theme with each layer applied in order; plus the font faces the layers bring. */
export function applyTheme(base: Theme, layers: ReadonlyArray<ThemeOverrides | undefined>): { theme: Theme; fonts: FontFace[] } {
  const theme: Theme = { ...base };
  let bodyFonts: FontFace[] | undefined;
  let headingFonts: FontFace[] | undefined;
  for (const layer of layers) {
    if (!layer) continue;
    for (const key of THEME_COLOURS) {
      const value = layer.colours[key];
      if (value) theme[key] = value;
    }
    if (layer.bodyFonts?.length) bodyFonts = layer.bodyFonts;
    if (layer.headingFonts?.length) headingFonts = layer.headingFonts;
    if (layer.logo) theme.logo = layer.logo;
    if (layer.footer !== undefined) theme.footer = layer.footer;
  }
  if (bodyFonts) {
    theme.fontFamily = BRAND_BODY_FONT;
    if (!headingFonts) theme.headingFamily = BRAND_BODY_FONT;
  }
  if (headingFonts) theme.headingFamily = BRAND_HEADING_FONT;
  return { theme, fonts: [...(headingFonts ?? []), ...(bodyFonts ?? [])] };
}
