// The laid-out deck: numbered cards, each with the rich blocks it shows; what a build can write.
import type { SatoriOptions } from 'satori';
import type { Diagnostic } from '../diagnostics.ts';
import type { Card } from './card.ts';
import type { FontFace, Theme } from './theme.ts';
import type { Template } from './template.ts';
import type { CardSize } from './asset.ts';
import type { Thread } from './thread.ts';

/** Fonts and emoji for a deck's text, shared by measuring and rendering. */
export interface SatoriAssets {
  fonts: FontFace[];
  graphemeImages: Record<string, string>;
  loadAdditionalAsset: NonNullable<SatoriOptions['loadAdditionalAsset']>;
}

export interface Deck {
  thread: Thread;
  size: CardSize;
  template: Template;
  cards: Card[];
  /** Layout problems that did not stop the build (e.g. a post that overflows its card). */
  warnings: Diagnostic[];
  /** Fonts and emoji for this deck's text, shared by measuring and rendering. */
  assets: SatoriAssets;
  /** The template's theme with the thread's and the CLI's branding applied. */
  theme: Theme;
}

/** `handout`: the printable PDF (A4/Letter, several cards per page with their text), `<slug>-handout.pdf`; `html`: the deck as one self-contained page, `<slug>.html`; `pptx`: a slide per card with editable text, `<slug>.pptx`. */
export type OutputKind = 'png' | 'pdf' | 'svg' | 'md' | 'handout' | 'html' | 'pptx';
export const OUTPUT_KINDS: readonly OutputKind[] = ['png', 'pdf', 'svg', 'md', 'handout', 'html', 'pptx'];
