/** @jsxRuntime automatic */
/** @jsxImportSource satori/jsx */
// defineTemplate(): the part of a template object every design writes the same way — bodyBox from
// one geometry function, the body as a RichBlocks column (and blockGap with it, so long posts are
// measured block by block), render handed the geometry and the body, and the contrast pairs every
// design shares (the initials avatar's, the code blocks') appended to its own.
import type { JSXNode } from 'satori/jsx';
import type { Block, BoxSize, CardSize, ContrastPair, FontFace, Template, TemplateProps, Theme } from '../model/index.ts';
import { designScale } from '../model/sizes.ts';
import { codeContrast } from '../text/highlight.ts';
import { blockGap, RichBlocks, type RichTextOptions } from './rich-text.tsx';
import { avatarContrast } from './kit.tsx';

/** The RichBlocks options a template sets itself (the kit fills in size, width, height and the floor), and other blocks to draw. */
export type BodyOptions = Partial<RichTextOptions> & { blocks?: Block[] };

export interface TemplateSpec<G extends { body: BoxSize }> {
  name: string;
  description: string;
  /** The default theme (users override its tokens). */
  theme: Theme;
  /** Body text range at 1080 px (min ≥ 32). */
  bodySize: { max: number; min: number };
  /** The card's geometry at a size, read by render; its `body` is the body box (bodyBox). */
  geometry(size: CardSize): G;
  /**
   * The body as a RichBlocks column: the options beyond `fontSize`, `theme`, `width`, `height` and
   * `minFontSize` (bodySize.min, scaled), which the kit sets; `theme` and `blocks` may be replaced.
   */
  body?(props: TemplateProps): BodyOptions;
  /** Instead of `body`: a body of your own (then there is no blockGap: layout measures it whole). */
  renderBody?(props: TemplateProps): JSXNode;
  /** The whole card: `g` is geometry(size), `body` the body to draw in a box of exactly g.body. */
  render(props: TemplateProps, g: G, body: JSXNode): JSXNode;
  fonts?(): Promise<FontFace[]>;
  /** The text/background pairs the design draws; the code blocks' pairs are added. */
  contrast?(theme: Theme): ContrastPair[];
  /** The design draws the kit's initials Avatar: its pairs are added to contrast too. */
  avatar?: boolean;
}

/** The RichBlocks body for a template: shared options first, the template's over them. */
export function richBody(props: TemplateProps, min: number, opts: BodyOptions = {}): JSXNode {
  const { card, fontSize, body, theme, size } = props;
  const { blocks = card.blocks, ...rest } = opts;
  return <RichBlocks blocks={blocks} opts={{ fontSize, theme, width: body.width, height: body.height, minFontSize: min * designScale(size), ...rest }} />;
}

/** A Template from a spec (see TemplateSpec); the result is an ordinary Template object. */
export function defineTemplate<G extends { body: BoxSize }>(spec: TemplateSpec<G>): Template {
  const { geometry, body, render, contrast, avatar, renderBody: own, ...rest } = spec;
  const renderBody = own ?? ((props: TemplateProps) => richBody(props, spec.bodySize.min, body?.(props)));
  const template: Template = {
    ...rest,
    bodyBox: (size) => geometry(size).body,
    renderBody,
    ...(own ? {} : { blockGap }),
    render: (props) => render(props, geometry(props.size), renderBody(props)),
  };
  if (contrast) template.contrast = (t) => [...contrast(t), ...(avatar ? avatarContrast(t) : []), ...codeContrast()];
  return template;
}
