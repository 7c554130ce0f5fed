/** @jsxRuntime automatic */
/** @jsxImportSource satori/jsx */
// A commented starting point for your own template. Copy this file next to your threads, change
// it, and use it with `threadeck build my-thread.yaml --template ./my-template.tsx` (or
// `template: ./my-template.tsx` in the thread file). It is plain TSX on satori's JSX runtime —
// no React — so only the CSS satori supports works: flexbox layout (every <div> with more than
// one child needs `display: 'flex'`), no grid, no CSS classes. The typed API (Template,
// TemplateProps, Theme) and the kit below come from `threadeck/template`; templates/default.tsx in
// the repository is a complete design.
//
// threadeck compiles this file with esbuild when it loads it (no TypeScript set-up needed), and
// `threadeck/template` always means the threadeck that is running, wherever the file sits.
import { Arrow, Avatar, blockGap, designScale, orientation, RichBlocks } from 'threadeck/template';
import type { BoxSize, CardSize, ContrastPair, Template, TemplateProps, Theme } from 'threadeck/template';

// 1. The default theme. Users override any of these tokens with `theme:` in the thread file or
//    `--theme FILE` on the command line, so read colours from props.theme, never hard-code them.
const theme: Theme = {
  background: '#FFFFFF',
  surface: '#EEF2F7', // badges, inline code, framed quotes
  text: '#111827',
  muted: '#4B5563', // handle, footer
  accent: '#0F766E', // links, @mentions, #hashtags, list markers, the swipe cue
  onAccent: '#FFFFFF', // text drawn on the accent colour
  fontFamily: 'Inter', // bundled; a theme `font:` file replaces it
};

// 2. Geometry. The layout engine fits each card's text into `bodyBox(size)`, measuring it with
//    satori, so `render` must draw the body in a box of exactly that size. Derive everything
//    from one function that both use. designScale() is 1 at 1080 px (the shorter side).
function geometry(size: CardSize) {
  const s = designScale(size);
  const pad = 88 * s;
  const header = 90 * s; // author row
  const footer = 70 * s; // n/N and swipe cue
  const gap = 40 * s;
  const body: BoxSize = { width: size.width - 2 * pad - 16 * s, height: size.height - 2 * pad - header - footer - 2 * gap };
  return { s, pad, header, footer, gap, body };
}

// 3. The body: the card's content as rich blocks (paragraphs, lists, quotes, code, images).
//    RichBlocks draws them; `fontSize` is what auto-fit chose for this card. Cover and outro
//    cards arrive here too (card.kind), their first block being a heading: make it big.
function renderBody(props: TemplateProps) {
  const { card, fontSize, body, theme, size } = props;
  return (
    <RichBlocks
      blocks={card.blocks}
      opts={{
        fontSize,
        theme,
        width: body.width,
        height: body.height,
        minFontSize: 34 * designScale(size),
        headingScale: card.kind === 'cover' ? 1.5 : card.kind === 'outro' ? 1.25 : 1.08,
      }}
    />
  );
}

// 4. The whole card. props: card (kind, label "n/N", part of a split post, isLast…), deck
//    (title, author, posts, cards), theme, size, fontSize, body.
function render(props: TemplateProps) {
  const { card, deck, theme, size } = props;
  const g = geometry(size);
  const wide = orientation(size) === 'landscape';
  return (
    <div
      style={{
        width: size.width,
        height: size.height,
        display: 'flex',
        flexDirection: 'column',
        padding: g.pad,
        boxSizing: 'border-box', // without it, width + padding overflows
        backgroundColor: theme.background,
        color: theme.text,
        fontFamily: theme.fontFamily,
        borderLeft: `${16 * g.s}px solid ${theme.accent}`,
      }}
    >
      <div style={{ display: 'flex', alignItems: 'center', height: g.header }}>
        <Avatar author={deck.author} px={72 * g.s} theme={theme} />
        <div style={{ display: 'flex', flexDirection: 'column', marginLeft: 20 * g.s }}>
          <div style={{ fontSize: 32 * g.s, fontWeight: 700 }}>{deck.author.name}</div>
          {deck.author.handle ? <div style={{ fontSize: 26 * g.s, color: theme.muted }}>{deck.author.handle}</div> : null}
        </div>
      </div>

      <div style={{ display: 'flex', flexDirection: 'column', justifyContent: 'center', width: g.body.width, height: g.body.height, marginTop: g.gap }}>
        {renderBody(props)}
      </div>

      <div style={{ display: 'flex', alignItems: 'center', justifyContent: 'space-between', height: g.footer, marginTop: g.gap, fontSize: 28 * g.s }}>
        <div style={{ display: 'flex', color: theme.muted }}>{card.kind === 'post' ? card.label : wide ? deck.title : ''}</div>
        {card.isLast ? null : (
          <div style={{ display: 'flex', alignItems: 'center', color: theme.accent, fontWeight: 700 }}>
            Swipe
            <Arrow size={26 * g.s} color={theme.accent} />
          </div>
        )}
      </div>
    </div>
  );
}

// 5. The colour pairs this design draws, so contrast can be checked (WCAG AA).
function contrast(t: Theme): ContrastPair[] {
  return [
    { what: 'text', fg: t.text, bg: t.background },
    { what: 'muted', fg: t.muted, bg: t.background },
    { what: 'accent', fg: t.accent, bg: t.background },
    { what: 'inline code', fg: t.text, bg: t.surface },
  ];
}

const template: Template = {
  name: 'example',
  description: 'A commented starting point for your own template.',
  theme,
  bodySize: { max: 68, min: 34 }, // body text range at 1080 px; the minimum must stay ≥ 32
  bodyBox: (size) => geometry(size).body,
  renderBody,
  blockGap, // the body is a plain RichBlocks column: lets layout measure long posts block by block
  render,
  contrast,
};

export default template;
