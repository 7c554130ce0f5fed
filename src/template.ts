// `threadeck/template`: everything a template file needs — the Template API types and the kit of
// shared building blocks (avatar, logo, cue arrow, progress, rich text, sizes, contrast, fonts).
// A user's template file imports from here; built-in templates use the same modules.
export type { BoxSize, DeckInfo, Template, TemplateProps, Theme } from './model/index.ts';
export type { Author, Card, CardKind, CardSize, ImageAsset, Post } from './model/index.ts';
export type { Block, ListItem, Span } from './model/index.ts';
export type { ContrastPair } from './theme/contrast.ts';
export type { FontFace } from './assets/fonts.ts';
export { Arrow, Avatar, avatarContrast, avatarGradientEnd, cardRootStyle, Dots, Logo, mix, ProgressBar, rgb } from './template/kit.tsx';
export { blockGap, MONO_FAMILY, quotePanel, RichBlocks, type RichTextOptions } from './template/rich-text.tsx';
export { fitImage, initials } from './template/text-blocks.ts';
export { designScale, orientation, SIZE_PRESETS, type Orientation } from './model/sizes.ts';
export { AA_BODY, AA_LARGE, contrastRatio, luminance } from './theme/contrast.ts';
export { codeContrast } from './text/highlight.ts';
export { BODY_FONT, fontsourceFaces, MONO_FONT, MONO_FONT_STACK, SYMBOL_FONT, subsetFamily } from './assets/fonts.ts';
// The kit's template skeleton, words and one-line fitting (src/template/).
export { defineTemplate, richBody, type BodyOptions, type TemplateSpec } from './template/define.tsx';
export { countOf, continuesNext, cueLabel, formatDate, isContinued, partLabel, signOff, twoDigits, type CueWords } from './template/words.ts';
export { fitLine, fontsource, textWidth, type FitLineOptions, type TextStyle } from './template/metrics.ts';
export { BodyFrame, headingFont, SwipeCue } from './template/kit.tsx';
export type { CSSProperties, JSXNode } from 'satori/jsx';
