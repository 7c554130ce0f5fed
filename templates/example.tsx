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
import { Avatar, BodyFrame, cueLabel, defineTemplate, designScale, orientation, SwipeCue } from 'threadeck/template';
import type { BoxSize, CardSize, ContrastPair, JSXNode, TemplateProps, Theme } from 'threadeck/template';

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

// 2. Geometry. The layout engine fits each card's text into the body box (`body` below),
//    measuring it with satori, so `render` must draw the body in a box of exactly that size.
//    Derive everything from this one function: defineTemplate() hands its result to render.
//    designScale() is 1 at 1080 px (the shorter side).
function geometry(size: CardSize) {
  const s = designScale(size);
  const pad = 88 * s;
  const header = 90 * s; // author row
  const footer = 70 * s; // n/N and swipe cue
  const gap = 40 * s;
  const body: BoxSize = { width: size.width - 2 * pad - 16 * s, height: size.height - 2 * pad - header - footer - 2 * gap };
  return { s, pad, header, footer, gap, body };
}

// 3. The body: the card's content as rich blocks (paragraphs, lists, quotes, code, images),
//    drawn by the kit's RichBlocks at the size auto-fit chose for this card. Return the options
//    you want beyond the text size and the box (see RichTextOptions). Cover and outro cards
//    arrive here too (card.kind), their first block being a heading: make it big.
function body({ card }: TemplateProps) {
  return { headingScale: card.kind === 'cover' ? 1.5 : card.kind === 'outro' ? 1.25 : 1.08 };
}

// 4. The whole card. props: card (kind, label "n/N", part of a split post, isLast…), deck
//    (title, author, posts, cards), theme, size; g is geometry(size) and content the body.
function render(props: TemplateProps, g: ReturnType<typeof geometry>, content: JSXNode) {
  const { card, deck, theme, size } = props;
  const wide = orientation(size) === 'landscape';
  const cue = cueLabel(card, { cover: 'Swipe' }); // "Swipe" on every card but the last
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

      <BodyFrame box={g.body} style={{ marginTop: g.gap }}>
        {content}
      </BodyFrame>

      <div style={{ display: 'flex', alignItems: 'center', justifyContent: 'space-between', height: g.footer, marginTop: g.gap, fontSize: 28 * g.s }}>
        <div style={{ display: 'flex', color: theme.muted }}>{card.kind === 'post' ? card.label : wide ? deck.title : ''}</div>
        {cue ? <SwipeCue label={cue} style={{ color: theme.accent, fontWeight: 700 }} arrow={{ size: 26 * g.s, color: theme.accent }} /> : null}
      </div>
    </div>
  );
}

// 5. The colour pairs this design draws, so contrast can be checked (WCAG AA); defineTemplate
//    adds the code blocks' pairs.
function contrast(t: Theme): ContrastPair[] {
  return [
    { what: 'text', fg: t.text, bg: t.background },
    { what: 'muted', fg: t.muted, bg: t.background },
    { what: 'accent', fg: t.accent, bg: t.background },
    { what: 'inline code', fg: t.text, bg: t.surface },
  ];
}

// 6. defineTemplate() makes the Template object: bodyBox from geometry, the body from `body`
//    (a plain RichBlocks column, so layout measures long posts block by block), and render
//    called with the geometry and the body.
export default defineTemplate({
  name: 'example',
  description: 'A commented starting point for your own template.',
  theme,
  bodySize: { max: 68, min: 34 }, // body text range at 1080 px; the minimum must stay ≥ 32
  geometry,
  body,
  render,
  contrast, // with `avatar: true` the initials avatar's pairs would be checked too
});
