// The theme types: a template's colours and fonts, the branding layers over them, font faces, contrast pairs.
import type { ImageAsset } from './asset.ts';

export interface Theme {
  background: string;
  /** Slightly raised surfaces: pills, tracks. */
  surface: string;
  text: string;
  muted: string;
  accent: string;
  /** Text drawn on the accent colour. */
  onAccent: string;
  /** Body text font family. */
  fontFamily: string;
  /** Titles, names and big numbers (defaults to fontFamily). */
  headingFamily?: string;
  /** Logo image, for templates with a logo spot. */
  logo?: ImageAsset;
  /** Footer text (templates show the thread title when unset). */
  footer?: string;
}

export type ThemeColour = 'background' | 'surface' | 'text' | 'muted' | 'accent' | 'onAccent';
export const THEME_COLOURS: readonly ThemeColour[] = ['background', 'surface', 'text', 'muted', 'accent', 'onAccent'];

/** One branding layer, its files already loaded and checked. */
export interface ThemeOverrides {
  colours: Partial<Record<ThemeColour, string>>;
  bodyFonts?: FontFace[];
  headingFonts?: FontFace[];
  logo?: ImageAsset;
  footer?: string;
}

export interface FontFace {
  name: string;
  data: Buffer;
  weight: 400 | 500 | 600 | 700 | 800;
  style: 'normal' | 'italic';
  /** satori locale ('zh-CN', 'ja-JP', 'ko-KR'): preferred inside elements with that `lang`, else array order decides. */
  lang?: string;
}

/** A text colour on a background colour, as a template draws it. */
export interface ContrastPair {
  what: string;
  fg: string;
  bg: string;
  /** Large text (≥ 24 px, or ≥ 18.7 px bold, at the card's pixel size): 3:1 suffices. */
  large?: boolean;
}
