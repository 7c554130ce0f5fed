/** @jsxRuntime automatic */
/** @jsxImportSource satori/jsx */
// "dark" — a developer-style dark carousel: near-black card lit by an accent glow in one corner,
// a huge tabular post number in the accent (Space Grotesk) with "/N" beside it, Inter body text,
// author bottom-left, swipe cue bottom-right, and one dot per post (a bar past 20 posts).
// Portrait and square cards stack header, body and footer; landscape slides put the number,
// progress and author in a left column beside the body. Written on satori's JSX runtime.
import { Arrow, Avatar, BodyFrame, cardRootStyle, countOf, cueLabel, defineTemplate, designScale, Dots, fontsource, formatDate, headingFont, Logo, mix, orientation, partLabel, ProgressBar, quotePanel, rgb, signOff, twoDigits } from '../src/template.ts';
import type { BoxSize, CardSize, ContrastPair, JSXNode, TemplateProps, Theme } from '../src/template.ts';

const HEADING_FONT = 'Space Grotesk';

const theme: Theme = {
  background: '#0B0D12',
  surface: '#1A1F2B',
  text: '#F3F4F6',
  muted: '#A6AEBD',
  accent: '#22D3EE',
  onAccent: '#041318',
  fontFamily: 'Inter',
  headingFamily: HEADING_FONT,
};

const BODY = { max: 72, min: 34 };
/** Past this many posts one dot each gets too small: a progress bar along the bottom edge instead. */
const MAX_DOTS = 20;

/** How strongly the accent glow tints the background at its brightest (decorative, derived from the theme). */
const GLOW = 0.2;
const glowPeak = (t: Theme) => mix(t.background, t.accent, GLOW);
/** The dot grid that fades out from the glow's corner: the text colour at this opacity at most. */
const DOT_PEAK = 0.07;

/** Card geometry at the card's scale; render and bodyBox both read it. */
function geometry(size: CardSize) {
  const s = designScale(size);
  const o = orientation(size);
  if (o === 'landscape') {
    const padX = 104 * s;
    const padY = 92 * s;
    const column = Math.round(size.width * 0.29);
    const gutter = 64 * s;
    const bodyLeft = padX + column + 2 * gutter;
    const cue = 64 * s;
    const gap = 36 * s;
    const body: BoxSize = { width: size.width - bodyLeft - padX, height: size.height - 2 * padY - cue - gap };
    return { s, landscape: true, padX, padTop: padY, padBottom: padY, column, gutter, bodyLeft, bodyTop: padY, cue, gap, number: 200 * s, header: 0, avatar: 84 * s, footer: 84 * s, body };
  }
  const tall = size.height / size.width > 1.5;
  const padX = 84 * s;
  const padTop = (tall ? 110 : 78) * s;
  const padBottom = (tall ? 110 : 78) * s;
  const number = (o === 'square' ? 124 : tall ? 176 : 148) * s;
  const header = number * 0.92;
  const footer = 84 * s;
  const gap = (o === 'square' ? 44 : 56) * s;
  const bodyTop = padTop + header + gap;
  const body: BoxSize = { width: size.width - 2 * padX, height: size.height - bodyTop - gap - footer - padBottom };
  return { s, landscape: false, padX, padTop, padBottom, column: 0, gutter: 0, bodyLeft: padX, bodyTop, cue: footer, gap, number, header, avatar: footer, footer, body };
}

type Geometry = ReturnType<typeof geometry>;

/** The body's RichBlocks options (the kit adds size, box and floor). */
function body({ card, theme }: TemplateProps) {
  return {
    lineHeight: 1.4,
    fontWeight: 400,
    headingScale: card.kind === 'cover' ? 1.6 : card.kind === 'outro' ? 1.3 : 1.1,
    headingWeight: 700,
    headingFamily: headingFont(theme),
    headingLineHeight: 1.08,
    ...(card.kind !== 'post' ? { color: theme.muted } : {}),
  };
}

/** "03" big in the accent, "/09" small and muted beside it ("· cont." on continuation parts). */
function PostNumber({ props, px, wrap }: { props: TemplateProps; px: number; wrap: boolean }) {
  const { card, deck, theme } = props;
  // three-digit numbers (a 100+ post thread) a little smaller, so "120 /300 · cont." still fits
  const size = card.number >= 100 ? px * 0.8 : px;
  return (
    // in a slide's narrow column the "/N · cont." label wraps under the number as a whole
    <div style={{ display: 'flex', alignItems: 'baseline', flexShrink: 0, fontFamily: headingFont(theme), ...(wrap ? { flexWrap: 'wrap', rowGap: px * 0.28 } : {}) }}>
      <div style={{ display: 'flex', fontSize: size, fontWeight: 700, lineHeight: 0.92, letterSpacing: -0.045 * size, color: theme.accent, fontVariantNumeric: 'tabular-nums', marginRight: px * 0.1 }}>
        {twoDigits(card.number)}
      </div>
      <div style={{ display: 'flex', fontSize: px * 0.27, fontWeight: 500, color: theme.muted, whiteSpace: 'nowrap', fontVariantNumeric: 'tabular-nums' }}>
        {partLabel(card, ' · cont.', `/${twoDigits(deck.posts)}`)}
      </div>
    </div>
  );
}

/** A small label: accent dot, upper-case text (cover: "Thread · 9 posts"; outro: "End of thread"). */
function Kicker({ props, text }: { props: TemplateProps; text: string }) {
  const { theme } = props;
  const s = designScale(props.size);
  return (
    <div
      style={{
        display: 'flex',
        alignItems: 'center',
        height: 56 * s,
        padding: `0 ${24 * s}px`,
        borderRadius: 999,
        backgroundColor: theme.surface,
        border: `${2 * s}px solid ${mix(theme.surface, theme.accent, 0.35)}`,
        fontFamily: headingFont(theme),
        fontSize: 24 * s,
        fontWeight: 600,
        letterSpacing: 2.4 * s,
        textTransform: 'uppercase',
        color: theme.text,
      }}
    >
      <div style={{ display: 'flex', width: 12 * s, height: 12 * s, borderRadius: 99, backgroundColor: theme.accent, marginRight: 14 * s }} />
      {text}
    </div>
  );
}

function AuthorBlock({ props, px }: { props: TemplateProps; px: number }) {
  const { deck, theme } = props;
  const s = designScale(props.size);
  return (
    <div style={{ display: 'flex', alignItems: 'center', flexShrink: 1, minWidth: 0, marginRight: 28 * s }}>
      <div style={{ display: 'flex', flexShrink: 0 }}>
        <Avatar author={deck.author} px={px} theme={theme} ring={mix(theme.background, theme.accent, 0.55)} />
      </div>
      <div style={{ display: 'flex', flexDirection: 'column', marginLeft: 22 * s, flexShrink: 1, minWidth: 0 }}>
        <div style={{ display: 'block', fontFamily: headingFont(theme), fontSize: 31 * s, fontWeight: 600, lineHeight: 1.2, color: theme.text, lineClamp: 1, wordBreak: 'break-word' }}>{deck.author.name}</div>
        {deck.author.handle ? <div style={{ display: 'block', fontSize: 25 * s, lineHeight: 1.3, color: theme.muted, lineClamp: 1, wordBreak: 'break-word' }}>{deck.author.handle}</div> : null}
      </div>
    </div>
  );
}

/** "Swipe" in the accent and a round accent button with an arrow; on the last card a sign-off instead. */
function Cue({ props }: { props: TemplateProps }) {
  const { card, deck, theme } = props;
  const s = designScale(props.size);
  if (card.kind === 'outro') return null;
  if (card.isLast) {
    return (
      <div style={{ display: 'flex', flexShrink: 0, whiteSpace: 'nowrap', fontFamily: headingFont(theme), fontSize: 28 * s, fontWeight: 600, color: theme.accent }}>
        {signOff(deck.author, '')}
      </div>
    );
  }
  const d = 60 * s;
  const halo = (a: number) => `rgba(${rgb(theme.accent).join(',')},${a})`;
  return (
    <div style={{ display: 'flex', alignItems: 'center', flexShrink: 0 }}>
      <div style={{ display: 'flex', whiteSpace: 'nowrap', fontFamily: headingFont(theme), fontSize: 28 * s, fontWeight: 600, letterSpacing: 0.5 * s, color: theme.accent, marginRight: 24 * s }}>
        {cueLabel(card)}
      </div>
      <div style={{ display: 'flex', position: 'relative', alignItems: 'center', justifyContent: 'center', width: d, height: d }}>
        {/* a soft halo (a gradient, not a blurred box-shadow: that costs resvg ~40 ms a card); it ends before the label */}
        <div
          style={{
            display: 'flex',
            position: 'absolute',
            left: -0.35 * d,
            top: -0.35 * d,
            width: 1.7 * d,
            height: 1.7 * d,
            backgroundImage: `radial-gradient(circle, ${halo(0.5)} 0%, ${halo(0.22)} 42%, ${halo(0.06)} 58%, ${halo(0)} 70%)`,
          }}
        />
        <div style={{ display: 'flex', alignItems: 'center', justifyContent: 'center', width: d, height: d, borderRadius: d / 2, backgroundColor: theme.accent }}>
          <Arrow size={30 * s} color={theme.onAccent} gap={0} />
        </div>
      </div>
    </div>
  );
}

/** Logo (if the theme has one) and the footer text (theme.footer, else the thread title). */
function Brand({ props, maxWidth, align }: { props: TemplateProps; maxWidth: number; align: 'left' | 'right' }) {
  const { card, deck, theme } = props;
  const s = designScale(props.size);
  // The cover's body is the title already: it shows the date instead (unless a footer is set).
  const text = theme.footer ?? (card.kind === 'cover' ? formatDate(deck.date, 'dmy') : deck.title);
  if (!text && !theme.logo) return null;
  return (
    <div style={{ display: 'flex', alignItems: 'center', justifyContent: align === 'right' ? 'flex-end' : 'flex-start', maxWidth }}>
      {theme.logo ? (
        <div style={{ display: 'flex', marginRight: 16 * s, flexShrink: 0 }}>
          <Logo theme={theme} height={40 * s} />
        </div>
      ) : null}
      {/* two lines at most; no nowrap + ellipsis: satori reports the cut word at its full width */}
      {text ? (
        <div style={{ display: 'block', flexShrink: 1, fontSize: 24 * s, lineHeight: 1.3, color: theme.muted, lineClamp: 2, wordBreak: 'break-word', textAlign: align }}>
          {text}
        </div>
      ) : null}
    </div>
  );
}

/** Dots per post, or nothing past MAX_DOTS (the card then gets a bar along its bottom edge). */
function Progress({ props }: { props: TemplateProps }) {
  const { card, deck, theme } = props;
  const s = designScale(props.size);
  if (deck.posts > MAX_DOTS || card.kind !== 'post') return null;
  return <Dots count={deck.posts} current={card.number} size={11 * s} on={theme.accent} off={mix(theme.background, theme.text, 0.2)} />;
}

/**
 * The accent glow in one corner (a CSS gradient on a corner box) and a faint dot grid fading out
 * from it (a small inline SVG: the dots in a few bands of opacity, one path each). Both stay as
 * small as they can: resvg's time grows with the area of gradients and nested SVG images, and a
 * CSS dot pattern under a gradient mask would double the card's raster time.
 */
function Backdrop({ props, g, corner }: { props: TemplateProps; g: Geometry; corner: 'left' | 'right' }) {
  const { theme, size } = props;
  const { width: w, height: h } = size;
  const right = corner === 'right';
  const r = Math.max(w, h) * (g.landscape ? 0.62 : 0.78);
  const glow = (t: number) => mix(theme.background, theme.accent, GLOW * t);
  // an ease-out falloff, so the glow has no visible edge
  const falloff: Array<[number, number]> = [[0, 1], [0.18, 0.72], [0.38, 0.42], [0.6, 0.18], [0.8, 0.05], [1, 0]];
  const gw = Math.min(w, r);
  const gh = Math.min(h, r);
  const step = 34 * g.s;
  const reach = r * 0.6;
  const dw = Math.min(w, reach);
  const dh = Math.min(h, reach);
  const dotR = 1.9 * g.s;
  const BANDS = 6;
  const bands: string[][] = Array.from({ length: BANDS }, () => []);
  // dots on the card's grid (x, y from the card's corner), drawn in the dw × dh box's coordinates
  for (let y = step / 2; y < dh; y += step) {
    for (let x = step / 2; x < dw; x += step) {
      const d = Math.hypot(x, y) / reach;
      const bx = right ? dw - x : x;
      if (d < 1) bands[Math.floor(d * BANDS)]!.push(`M${(bx - dotR).toFixed(1)} ${y.toFixed(1)}a${dotR} ${dotR} 0 1 0 ${2 * dotR} 0a${dotR} ${dotR} 0 1 0 ${-2 * dotR} 0`);
    }
  }
  const side = (width: number) => (right ? { left: w - width } : { left: 0 });
  return (
    <div style={{ display: 'flex', position: 'absolute', left: 0, top: 0, width: w, height: h }}>
      <div
        style={{
          display: 'flex',
          position: 'absolute',
          top: 0,
          ...side(gw),
          width: gw,
          height: gh,
          backgroundImage: `radial-gradient(circle ${r}px at ${right ? gw : 0}px 0px, ${falloff.map(([o, t]) => `${glow(t)} ${o * 100}%`).join(', ')})`,
        }}
      />
      <svg width={dw} height={dh} viewBox={`0 0 ${dw} ${dh}`} style={{ position: 'absolute', top: 0, ...side(dw) }}>
        {bands.map((band, i) => (band.length ? <path d={band.join('')} fill={theme.text} fill-opacity={(DOT_PEAK * (1 - i / BANDS) ** 1.5).toFixed(3)} /> : null))}
      </svg>
    </div>
  );
}

function render(props: TemplateProps, g: Geometry, content: JSXNode): JSXNode {
  const { card, deck, theme, size } = props;
  const { s } = g;
  const root = cardRootStyle(size, theme);
  // The content sits on its own positioned layer, so it paints above the (absolute) backdrop.
  const layer = { display: 'flex', position: 'relative', width: size.width, height: size.height, boxSizing: 'border-box' } as const;
  const body = (
    <BodyFrame box={g.body} style={{ flexShrink: 0 }}>
      {content}
    </BodyFrame>
  );
  const bar =
    deck.posts > MAX_DOTS && card.kind === 'post' ? (
      <ProgressBar width={size.width} height={8 * s} progress={card.number / deck.posts} track={theme.surface} fill={theme.accent} />
    ) : null;
  const kicker =
    card.kind === 'cover' ? (
      <Kicker props={props} text={`Thread · ${countOf(deck.posts)}`} />
    ) : card.kind === 'outro' ? (
      <Kicker props={props} text="End of thread" />
    ) : null;

  if (g.landscape) {
    const inner = size.height - g.padTop - g.padBottom;
    return (
      <div style={root}>
        <Backdrop props={props} g={g} corner="left" />
        <div style={{ ...layer, flexDirection: 'row', padding: `${g.padTop}px ${g.padX}px` }}>
          {/* left column: number (or kicker) and dots at the top; brand and author at the bottom */}
          <div style={{ display: 'flex', flexDirection: 'column', justifyContent: 'space-between', width: g.column, height: inner, flexShrink: 0 }}>
            <div style={{ display: 'flex', flexDirection: 'column', alignItems: 'flex-start' }}>
              {kicker ?? <PostNumber props={props} px={g.number} wrap />}
              <div style={{ display: 'flex', marginTop: 40 * s }}>
                <Progress props={props} />
              </div>
            </div>
            <div style={{ display: 'flex', flexDirection: 'column' }}>
              <div style={{ display: 'flex', marginBottom: 28 * s }}>
                <Brand props={props} maxWidth={g.column} align="left" />
              </div>
              <AuthorBlock props={props} px={g.avatar} />
            </div>
          </div>
          {/* a vertical rule, lit at the top */}
          <div
            style={{
              display: 'flex',
              width: 2 * s,
              height: inner,
              marginLeft: g.gutter - s,
              marginRight: g.gutter - s,
              flexShrink: 0,
              backgroundImage: `linear-gradient(180deg, ${mix(theme.background, theme.accent, 0.6)}, ${mix(theme.background, theme.text, 0.12)} 45%, ${mix(theme.background, theme.text, 0.04)})`,
            }}
          />
          <div style={{ display: 'flex', flexDirection: 'column', width: g.body.width, flexShrink: 0 }}>
            {body}
            <div style={{ display: 'flex', justifyContent: 'flex-end', alignItems: 'center', height: g.cue, marginTop: g.gap }}>
              <Cue props={props} />
            </div>
          </div>
        </div>
        {bar}
      </div>
    );
  }

  const contentWidth = size.width - 2 * g.padX;
  return (
    <div style={root}>
      <Backdrop props={props} g={g} corner="right" />
      <div style={{ ...layer, flexDirection: 'column', padding: `${g.padTop}px ${g.padX}px ${g.padBottom}px` }}>
        {/* header: number (or kicker) left; brand over the dots right */}
        <div style={{ display: 'flex', justifyContent: 'space-between', alignItems: kicker ? 'flex-start' : 'flex-end', height: g.header, flexShrink: 0 }}>
          {kicker ?? <PostNumber props={props} px={g.number} wrap={false} />}
          <div
            style={{
              display: 'flex',
              flexDirection: 'column',
              alignItems: 'flex-end',
              justifyContent: kicker ? 'flex-start' : 'space-between',
              flexShrink: 1,
              minWidth: 0,
              marginLeft: 32 * s,
              height: kicker ? 56 * s : g.header * 0.86,
              paddingTop: kicker ? 14 * s : 0,
            }}
          >
            <Brand props={props} maxWidth={contentWidth * 0.46} align="right" />
            {kicker ? null : <Progress props={props} />}
          </div>
        </div>
        <div style={{ display: 'flex', marginTop: g.gap }}>{body}</div>
        <div style={{ display: 'flex', alignItems: 'center', justifyContent: 'space-between', height: g.footer, marginTop: g.gap, flexShrink: 0 }}>
          <AuthorBlock props={props} px={g.avatar} />
          <Cue props={props} />
        </div>
      </div>
      {/* a hairline between header and body, lit from the left */}
      <div
        style={{
          display: 'flex',
          position: 'absolute',
          left: g.padX,
          top: g.bodyTop - g.gap / 2 - s,
          width: contentWidth,
          height: 2 * s,
          backgroundImage: `linear-gradient(90deg, ${mix(theme.background, theme.accent, 0.7)}, ${mix(theme.background, theme.text, 0.14)} 40%, ${mix(theme.background, theme.text, 0.04)})`,
        }}
      />
      {bar}
    </div>
  );
}

function contrast(t: Theme): ContrastPair[] {
  const glow = glowPeak(t);
  // a grid dot right under a letter where the glow is brightest
  const dotOnGlow = mix(glow, t.text, DOT_PEAK);
  const panel = quotePanel(t);
  return [
    { what: 'body text', fg: t.text, bg: t.background },
    { what: 'body text on the accent glow', fg: t.text, bg: glow },
    { what: 'handle, footer, hook, /N, quotes', fg: t.muted, bg: t.background },
    { what: 'footer text on the accent glow', fg: t.muted, bg: glow },
    { what: 'links, mentions, list markers, swipe label', fg: t.accent, bg: t.background },
    { what: 'links and list markers on the accent glow', fg: t.accent, bg: glow },
    { what: 'post number on the accent glow', fg: t.accent, bg: glow, large: true },
    { what: 'body text over a grid dot on the glow', fg: t.text, bg: dotOnGlow },
    { what: 'footer text over a grid dot on the glow', fg: t.muted, bg: dotOnGlow },
    { what: 'links over a grid dot on the glow', fg: t.accent, bg: dotOnGlow },
    { what: 'kicker text on its pill', fg: t.text, bg: t.surface },
    { what: 'inline code', fg: t.text, bg: t.surface },
    { what: 'inline code in a block quote, hook or call to action', fg: t.muted, bg: t.surface },
    { what: 'link in inline code', fg: t.accent, bg: t.surface },
    { what: 'quoted post text, name', fg: t.text, bg: panel },
    { what: 'quoted post handle', fg: t.muted, bg: panel },
    { what: 'quoted post link', fg: t.accent, bg: panel },
    { what: 'swipe arrow on the accent button', fg: t.onAccent, bg: t.accent, large: true },
  ];
}

export default defineTemplate({
  name: 'dark',
  description: 'Near-black card with an accent glow, huge tabular post number, author bottom-left, swipe cue and progress dots; slides get a left column.',
  theme,
  bodySize: BODY,
  geometry,
  body,
  render,
  fonts: fontsource('@fontsource/space-grotesk', HEADING_FONT, [
    { weight: 400, style: 'normal' },
    { weight: 500, style: 'normal' },
    { weight: 600, style: 'normal' },
    { weight: 700, style: 'normal' },
  ]),
  contrast,
  avatar: true,
});
