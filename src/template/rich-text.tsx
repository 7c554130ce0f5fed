/** @jsxRuntime automatic */
/** @jsxImportSource satori/jsx */
// Rich blocks → satori JSX, for templates' card bodies: paragraphs with inline styles, lists,
// quotes and quoted posts, highlighted code, images. Measured and rendered by the same code.
import type { JSXNode } from 'satori/jsx';
import { CODE_PALETTE } from '../text/highlight.ts';
import type { Block, Span } from '../model/index.ts';
import { fitImage } from './text-blocks.ts';
import { mix } from './kit.tsx';
import type { Theme } from '../model/index.ts';

import { MONO_FONT_STACK } from '../assets/fonts.ts';

export const MONO_FAMILY = MONO_FONT_STACK;

export interface RichTextOptions {
  fontSize: number;
  theme: Theme;
  /** Width of the body, px. */
  width: number;
  /** Height of the body box, px (images scale to a share of it). */
  height: number;
  lineHeight?: number;
  fontWeight?: number;
  /** Legibility floor: quoted text never gets smaller than this, code never below 0.85 of it. */
  minFontSize?: number;
  /** Headings: size relative to the body (default 1.08), weight (700), family (the body's), colour. */
  headingScale?: number;
  headingWeight?: number;
  headingFamily?: string;
  headingColor?: string;
  /** Line height of headings (default 1.15). */
  headingLineHeight?: number;
  /** Colour of paragraph text (default theme.text). */
  color?: string;
}

/** Space between blocks: a body's height is the sum of its blocks' heights plus these gaps. */
export function blockGap(fontSize: number): number {
  return fontSize * 0.7;
}

export function RichBlocks({ blocks, opts }: { blocks: Block[]; opts: RichTextOptions }): JSXNode {
  const gap = blockGap(opts.fontSize);
  // The font is set here, not inherited, so measuring the body alone lays it out exactly as the card does.
  return (
    <div style={{ display: 'flex', flexDirection: 'column', width: opts.width, fontFamily: opts.theme.fontFamily }}>
      {blocks.map((block, i) => (
        <div style={{ display: 'flex', flexDirection: 'column', marginTop: i === 0 ? 0 : gap }}>
          <BlockView block={block} opts={opts} />
        </div>
      ))}
    </div>
  );
}

function BlockView({ block, opts }: { block: Block; opts: RichTextOptions }): JSXNode {
  const { fontSize, theme } = opts;
  const lineHeight = opts.lineHeight ?? 1.38;
  switch (block.kind) {
    case 'paragraph':
    case 'heading':
      return (
        block.kind === 'heading' ? (
          <Text
            spans={block.spans}
            opts={{ ...opts, lineHeight: opts.headingLineHeight ?? 1.15, color: opts.headingColor ?? opts.theme.text }}
            size={fontSize * (opts.headingScale ?? 1.08)}
            weight={opts.headingWeight ?? 700}
            family={opts.headingFamily}
          />
        ) : (
          <Text spans={block.spans} opts={opts} size={fontSize} />
        )
      );
    case 'list':
      return (
        <div style={{ display: 'flex', flexDirection: 'column' }}>
          {block.items.map((item, i) => {
            const markerWidth = (block.ordered ? 1.5 : 1.05) * fontSize;
            return (
              <div style={{ display: 'flex', marginTop: i === 0 ? 0 : fontSize * 0.3, paddingLeft: item.depth * fontSize * 1.2 }}>
                <div style={{ display: 'flex', width: markerWidth, flexShrink: 0, color: theme.accent, fontWeight: 700, fontSize, lineHeight }}>
                  {item.marker}
                </div>
                <div style={{ display: 'flex', flexGrow: 1, flexShrink: 1, width: opts.width - markerWidth - item.depth * fontSize * 1.2 }}>
                  <Text spans={item.spans} opts={opts} size={fontSize} />
                </div>
              </div>
            );
          })}
        </div>
      );
    case 'quote': {
      const quoteSize = block.author ? Math.max(fontSize * 0.86, opts.minFontSize ?? 0) : fontSize;
      const inner = { ...opts, fontSize: quoteSize, width: opts.width - fontSize * (block.author ? 1.6 : 1) };
      if (block.author) {
        return (
          <div
            style={{
              display: 'flex',
              flexDirection: 'column',
              border: `3px solid ${theme.surface}`,
              borderRadius: fontSize * 0.6,
              padding: fontSize * 0.7,
              backgroundColor: quotePanel(theme),
            }}
          >
            <div style={{ display: 'flex', flexWrap: 'wrap', alignItems: 'baseline', fontSize: fontSize * 0.72, marginBottom: fontSize * 0.35 }}>
              <span style={{ fontWeight: 700, color: theme.text, wordBreak: 'break-word' }}>{block.author.name}</span>
              {block.author.handle ? <span style={{ marginLeft: fontSize * 0.3, color: theme.muted }}>{block.author.handle}</span> : null}
            </div>
            <RichBlocks blocks={block.blocks} opts={{ ...inner, width: inner.width - 6 }} />
          </div>
        );
      }
      return (
        <div style={{ display: 'flex', borderLeft: `${Math.max(4, fontSize * 0.12)}px solid ${theme.accent}`, paddingLeft: fontSize * 0.6 }}>
          <RichBlocks blocks={block.blocks} opts={{ ...inner, color: theme.muted }} />
        </div>
      );
    }
    case 'code': {
      // Code wraps badly, so it stays compact: 0.72 of the body size, between 0.85× and 1.25× the legibility floor.
      const floor = opts.minFontSize ?? fontSize * 0.6;
      const codeSize = Math.min(Math.max(fontSize * 0.72, floor * 0.85), Math.max(floor * 1.25, floor * 0.85));
      return (
        <div
          style={{
            display: 'flex',
            flexDirection: 'column',
            backgroundColor: CODE_PALETTE.background,
            borderRadius: fontSize * 0.4,
            padding: `${codeSize * 0.9}px ${codeSize}px`,
            fontFamily: MONO_FAMILY,
            fontSize: codeSize,
            lineHeight: 1.45,
            color: CODE_PALETTE.text,
          }}
        >
          {block.lines.map((line) => (
            <div style={{ display: 'block', whiteSpace: 'pre-wrap', wordBreak: 'break-word', minHeight: codeSize * 1.45, fontWeight: 400 }}>
              {line.map((s) => (
                <span style={{ color: s.color ?? CODE_PALETTE.text, ...(s.italic ? { fontStyle: 'italic' } : {}) }}>{s.text}</span>
              ))}
            </div>
          ))}
        </div>
      );
    }
    case 'image': {
      const size = fitImage(block.image, opts.width, opts.height * (block.solo ? 1 : 0.55));
      return <img src={block.image.dataUri} width={size.width} height={size.height} style={{ borderRadius: fontSize * 0.4 }} />;
    }
  }
}

/** The framed quote's panel: halfway between the background and the surface colour (opaque). */
export function quotePanel(theme: Theme): string {
  return mix(theme.background, theme.surface, 0.35);
}

function Text({ spans, opts, size, weight, family }: { spans: Span[]; opts: RichTextOptions; size: number; weight?: number | undefined; family?: string | undefined }): JSXNode {
  return (
    <div
      style={{
        ...(family ? { fontFamily: family } : {}),
        display: 'block',
        whiteSpace: 'pre-wrap',
        wordBreak: 'break-word',
        fontSize: size,
        lineHeight: opts.lineHeight ?? 1.38,
        fontWeight: weight ?? opts.fontWeight ?? 500,
        letterSpacing: -0.01 * size,
        color: opts.color ?? opts.theme.text,
      }}
    >
      {spans.map((s) => (
        <SpanView span={s} opts={opts} />
      ))}
    </div>
  );
}

function SpanView({ span, opts }: { span: Span; opts: RichTextOptions }): JSXNode {
  const style: Record<string, string | number> = {};
  if (span.bold) style.fontWeight = 700;
  if (span.italic) style.fontStyle = 'italic';
  if (span.accent) style.color = opts.theme.accent;
  if (span.accent === 'link') style.textDecoration = 'underline';
  if (span.strike) style.textDecoration = 'line-through';
  if (span.mono) {
    style.fontFamily = MONO_FAMILY;
    style.fontSize = '0.86em';
    style.fontWeight = span.bold ? 700 : 400;
    style.backgroundColor = opts.theme.surface;
    style.borderRadius = 6;
    style.padding = '0 6px';
  }
  const href = linkTarget(span);
  return href ? (
    <span style={style} data-href={href}>
      {span.text}
    </span>
  ) : (
    <span style={style}>{span.text}</span>
  );
}

/** Where a span links to in the PDF: its link, or an @mention's profile. */
function linkTarget(span: Span): string | undefined {
  if (span.href) return /^(https?|mailto):/i.test(span.href) ? span.href : undefined;
  if (span.accent === 'mention') return `https://x.com/${span.text.replace(/^@/, '')}`;
  return undefined;
}
