/** @jsxRuntime automatic */
/** @jsxImportSource satori/jsx */
// "bold" — a loud colour-block carousel: a deep two-stop gradient (background → background mixed
// with accent), white chrome in Space Grotesk, an oversized post number, and the post body on a
// big light panel (theme.surface) with a hard accent-coloured offset shadow. Covers and outros set
// a huge white title straight on the gradient. Portrait and square cards stack number, panel and
// author; landscape slides put number, title, author and cue in a column beside the panel.
//
// Colour roles: background = the gradient's first stop and the ink of the body on the panel;
// surface = the panel; text / muted = chrome on the gradient; accent = second-stop hue, the swipe
// pill, the panel shadow and the post-count block; onAccent = text on the accent.
import { Avatar, BodyFrame, cardRootStyle, contrastRatio, cueLabel, defineTemplate, designScale, fitLine, fontsource, headingFont, isContinued, Logo, mix, orientation, ProgressBar, quotePanel, SwipeCue, twoDigits } from '../src/template.ts';
import type { BoxSize, CardSize, ContrastPair, JSXNode, TemplateProps, Theme } from '../src/template.ts';

const theme: Theme = {
  background: '#3B1D8F',
  surface: '#FFF7F2',
  text: '#FFFFFF',
  muted: '#E4DCFF',
  accent: '#FF4D8D',
  onAccent: '#24104F',
  fontFamily: 'Inter',
  headingFamily: 'Space Grotesk',
};

const BODY = { max: 72, min: 34 };

/** The first of mix(from, to, t) for t in `steps` whose colour passes `ok`, else the last one. */
function firstMix(from: string, to: string, steps: number[], ok: (c: string) => boolean): string {
  for (const t of steps) {
    const c = mix(from, to, t);
    if (ok(c)) return c;
  }
  return mix(from, to, steps[steps.length - 1]!);
}

const range = (a: number, b: number, step = 0.02) => Array.from({ length: Math.round(Math.abs(b - a) / step) + 1 }, (_, i) => a + Math.sign(b - a) * i * step);
const aa = (fg: string, bg: string) => contrastRatio(fg, bg) >= 4.6;

/**
 * Colours derived from the theme; render and contrast() both read them. Each derived colour goes
 * only as far as WCAG AA allows, so brand colours keep readable text: the gradient's end is the
 * most accent-tinted mix on which text and muted still read, link colours the least shifted ones.
 */
function palette(t: Theme) {
  const stop2 = firstMix(t.background, t.accent, range(0.5, 0.1), (c) => aa(t.text, c) && aa(t.muted, c));
  const chip = mix(t.surface, t.background, 0.09);
  // Secondary ink and links must read on the panel and on a quoted post's panel inside it.
  const quoteBg = quotePanel({ ...t, background: t.surface, surface: chip });
  const onPanel = (c: string) => aa(c, t.surface) && aa(c, quoteBg);
  return {
    /** Gradient stops, top-left → bottom-right. */
    stop1: t.background,
    stop2,
    /** Decorative discs behind the chrome (between the two stops). */
    disc: mix(t.background, stop2, 0.56),
    /** Body on the panel: ink, secondary ink, link colour, inline-code chip. */
    ink: t.background,
    inkMuted: firstMix(t.background, t.surface, range(0.3, 0), onPanel),
    inkAccent: firstMix(t.accent, t.background, range(0.4, 1), onPanel),
    chip,
    /** Cover / outro body on the gradient: link tint, inline-code chip. */
    tint: firstMix(t.accent, t.text, range(0.6, 1), (c) => aa(c, t.background) && aa(c, stop2)),
    darkChip: mix(t.background, t.onAccent, 0.6),
    /** Progress track. */
    track: mix(t.background, t.text, 0.18),
  };
}

/** The theme RichBlocks gets for a body drawn on the light panel (which is its background). */
function panelTheme(t: Theme): Theme {
  const p = palette(t);
  return { ...t, background: t.surface, text: p.ink, muted: p.inkMuted, accent: p.inkAccent, surface: p.chip };
}

/** The theme RichBlocks gets for a cover / outro body drawn on the gradient. */
function gradientTheme(t: Theme): Theme {
  const p = palette(t);
  return { ...t, accent: p.tint, surface: p.darkChip };
}

interface Box {
  x: number;
  y: number;
  width: number;
  height: number;
}

/** Card geometry at the card's scale; render and bodyBox both read it. */
function geometry(size: CardSize) {
  const s = designScale(size);
  const o = orientation(size);
  const story = o === 'portrait' && size.height / size.width > 1.6;
  const square = o === 'square';
  const shadow = 16 * s;
  if (o === 'landscape') {
    const pad = 80 * s;
    const side = Math.round(size.width * 0.28);
    const gap = 64 * s;
    const panelPad = 60 * s;
    const panel: Box = { x: pad + side + gap, y: pad, width: size.width - 2 * pad - side - gap - shadow, height: size.height - 2 * pad - shadow };
    const body: BoxSize = { width: panel.width - 2 * panelPad, height: panel.height - 2 * panelPad };
    return { s, o, pad, padTop: pad, padBottom: pad, side, gap, panelPad, panel, body, shadow, head: 0, foot: 0 };
  }
  const pad = 72 * s;
  const padTop = (story ? 170 : 72) * s;
  const padBottom = (story ? 190 : 72) * s;
  const head = (square ? 106 : story ? 190 : 150) * s;
  const foot = (square ? 72 : 92) * s;
  const gap = (square ? 32 : 44) * s;
  const panelPad = (square ? 42 : 52) * s;
  const panel: Box = {
    x: pad,
    y: padTop + head + gap,
    width: size.width - 2 * pad - shadow,
    height: size.height - padTop - padBottom - head - foot - 2 * gap,
  };
  const body: BoxSize = { width: panel.width - 2 * panelPad, height: panel.height - 2 * panelPad };
  return { s, o, pad, padTop, padBottom, side: 0, gap, panelPad, panel, body, shadow, head, foot };
}

type Geometry = ReturnType<typeof geometry>;

/** The body's RichBlocks options (the kit adds size, box and floor): on the panel, or on the gradient. */
function body({ card, theme }: TemplateProps) {
  const onPanel = card.kind === 'post';
  return {
    theme: onPanel ? panelTheme(theme) : gradientTheme(theme),
    headingScale: card.kind === 'cover' ? 1.65 : card.kind === 'outro' ? 1.3 : 1.1,
    headingWeight: 700,
    headingLineHeight: card.kind === 'post' ? 1.15 : 1.05,
    ...(theme.headingFamily ? { headingFamily: theme.headingFamily } : {}),
    ...(onPanel ? {} : { color: theme.muted, headingColor: theme.text }),
  };
}

/** The body, centred in a box of exactly bodyBox(size). */
function BodyBox({ g, content }: { g: Geometry; content: JSXNode }) {
  return (
    <BodyFrame box={g.body} style={{ flexShrink: 0 }}>
      {content}
    </BodyFrame>
  );
}

/** The light panel with a hard accent shadow, holding the body. */
function Panel({ props, g, content }: { props: TemplateProps; g: Geometry; content: JSXNode }) {
  const { theme } = props;
  return (
    <div
      style={{
        display: 'flex',
        width: g.panel.width,
        height: g.panel.height,
        padding: g.panelPad,
        boxSizing: 'border-box',
        borderRadius: 40 * g.s,
        backgroundColor: theme.surface,
        boxShadow: `${g.shadow}px ${g.shadow}px 0px 0px ${theme.accent}`,
        flexShrink: 0,
      }}
    >
      <BodyBox g={g} content={content} />
    </div>
  );
}

/** Huge post number with "/N" and, for continuation parts, a "cont." tag. */
function Numeral({ props, px }: { props: TemplateProps; px: number }) {
  const { card, theme } = props;
  const s = designScale(props.size);
  const cont = isContinued(card);
  return (
    <div style={{ display: 'flex', alignItems: 'flex-end' }}>
      <div style={{ display: 'flex', fontFamily: headingFont(theme), fontSize: px, fontWeight: 700, lineHeight: 0.92, letterSpacing: -0.045 * px, color: theme.text }}>
        {twoDigits(card.number)}
      </div>
      <div style={{ display: 'flex', flexDirection: 'column', marginLeft: 18 * s, marginBottom: px * 0.1 }}>
        {cont ? (
          <div
            style={{
              display: 'flex',
              alignSelf: 'flex-start',
              padding: `${4 * s}px ${16 * s}px`,
              marginBottom: 10 * s,
              borderRadius: 999,
              backgroundColor: theme.accent,
              color: theme.onAccent,
              fontFamily: headingFont(theme),
              fontSize: 24 * s,
              fontWeight: 700,
              lineHeight: 1.25,
            }}
          >
            cont.
          </div>
        ) : null}
        <div style={{ display: 'flex', fontFamily: headingFont(theme), fontSize: 44 * s, fontWeight: 700, lineHeight: 1, color: theme.muted }}>/{twoDigits(card.total)}</div>
      </div>
    </div>
  );
}

/** Accent block: the number of posts on the cover, "the end" on the outro. */
function Stamp({ props, px }: { props: TemplateProps; px: number }) {
  const { card, deck, theme } = props;
  const cover = card.kind === 'cover';
  const big = <div style={{ display: 'flex', fontSize: px * (cover ? 0.5 : 0.4), lineHeight: 1, letterSpacing: cover ? -0.02 * px : 0.01 * px }}>{cover ? String(deck.posts) : 'END'}</div>;
  const small = (
    <div style={{ display: 'flex', fontSize: px * 0.17, lineHeight: 1.1, margin: cover ? `${px * 0.03}px 0 0 0` : `0 0 ${px * 0.04}px 0`, letterSpacing: 0.02 * px }}>
      {cover ? (deck.posts === 1 ? 'POST' : 'POSTS') : 'THE'}
    </div>
  );
  return (
    <div
      style={{
        display: 'flex',
        flexDirection: 'column',
        alignItems: 'center',
        justifyContent: 'center',
        minWidth: px,
        height: px,
        padding: `0 ${px * 0.14}px`,
        boxSizing: 'border-box',
        borderRadius: px * 0.24,
        backgroundColor: theme.accent,
        color: theme.onAccent,
        fontFamily: headingFont(theme),
        fontWeight: 700,
        flexShrink: 0,
      }}
    >
      {cover ? big : small}
      {cover ? small : big}
    </div>
  );
}

function AuthorBlock({ props, px, maxWidth }: { props: TemplateProps; px: number; maxWidth: number }) {
  const { deck, theme } = props;
  const s = designScale(props.size);
  const room = Math.max(0, maxWidth - px - 22 * s);
  // One line each, shrunk a little and then cut (see fitLine): the name in the heading face, the handle in the body's.
  const name = fitLine(deck.author.name, room, { fontSize: 32 * s, fontFamily: headingFont(theme), fontWeight: 700 }, { minFontSize: 26 * s, wordShare: 1 });
  const handle = deck.author.handle ? fitLine(deck.author.handle, room, { fontSize: 26 * s, fontFamily: theme.fontFamily }, { minFontSize: 22 * s, wordShare: 1 }) : undefined;
  return (
    <div style={{ display: 'flex', alignItems: 'center', maxWidth, flexShrink: 1 }}>
      <div style={{ display: 'flex', flexShrink: 0 }}>
        <Avatar author={deck.author} px={px} theme={theme} ring={theme.text} />
      </div>
      <div style={{ display: 'flex', flexDirection: 'column', marginLeft: 22 * s, width: room, flexShrink: 1 }}>
        <div style={{ display: 'flex', fontSize: name.fontSize, fontWeight: 700, lineHeight: 1.2, fontFamily: headingFont(theme), color: theme.text, whiteSpace: 'nowrap' }}>{name.text}</div>
        {handle ? <div style={{ display: 'flex', fontSize: handle.fontSize, lineHeight: 1.3, color: theme.muted, whiteSpace: 'nowrap' }}>{handle.text}</div> : null}
      </div>
    </div>
  );
}

/** The thick swipe pill; on the last card a sign-off instead; nothing on the outro. */
function Cue({ props, maxWidth, align = 'right' }: { props: TemplateProps; maxWidth: number; align?: 'left' | 'right' }) {
  const { card, deck, theme } = props;
  const s = designScale(props.size);
  if (card.kind === 'outro') return null;
  if (card.isLast) {
    // The last card without an outro: a sign-off instead of the swipe pill.
    const line = { display: 'flex', whiteSpace: 'nowrap', lineHeight: 1.2 } as const;
    const handle = deck.author.handle ? fitLine(deck.author.handle, maxWidth, { fontSize: 30 * s, fontFamily: headingFont(theme), fontWeight: 700 }, { minFontSize: 22 * s, wordShare: 1 }) : undefined;
    return (
      <div style={{ display: 'flex', flexDirection: 'column', alignItems: align === 'right' ? 'flex-end' : 'flex-start', maxWidth, flexShrink: 0, fontFamily: headingFont(theme) }}>
        <div style={{ ...line, fontSize: 24 * s, fontWeight: 600, color: theme.muted }}>{deck.author.handle ? 'Follow for more' : 'Thanks for reading'}</div>
        {handle ? <div style={{ ...line, fontSize: handle.fontSize, fontWeight: 700, color: theme.text }}>{handle.text}</div> : null}
      </div>
    );
  }
  const h = (card.kind === 'cover' ? 84 : 72) * s;
  return (
    <SwipeCue
      label={cueLabel(card, { continues: 'Continues' })!}
      style={{ height: h, padding: `0 ${h * 0.42}px 0 ${h * 0.5}px`, borderRadius: 999, backgroundColor: theme.accent, color: theme.onAccent, fontFamily: headingFont(theme), fontSize: h * 0.42, fontWeight: 700, flexShrink: 0 }}
      arrow={{ size: h * 0.44, color: theme.onAccent, gap: 0.4 }}
    />
  );
}

/** Logo and footer text (theme.footer, else the thread title), on one line or clamped to `lines`. */
function FooterText({ props, maxWidth, align = 'left', lines = 1 }: { props: TemplateProps; maxWidth: number; align?: 'left' | 'right'; lines?: number }) {
  const { deck, theme } = props;
  const s = designScale(props.size);
  const text = theme.footer ?? deck.title;
  const size = 24 * s;
  // The logo is 40 px tall, or less when it would take more than half the width.
  const aspect = theme.logo ? theme.logo.width / theme.logo.height : 1;
  const logoWidth = theme.logo ? Math.min(maxWidth * 0.5, aspect * 40 * s) : 0;
  const room = Math.max(0, maxWidth - (logoWidth ? logoWidth + 16 * s : 0));
  const style = { fontSize: size, fontWeight: 600, letterSpacing: 0.05 * size, lineHeight: 1.3, color: theme.muted, textTransform: 'uppercase', textAlign: align } as const;
  return (
    <div style={{ display: 'flex', alignItems: 'center', justifyContent: align === 'right' ? 'flex-end' : 'flex-start', maxWidth, flexShrink: 1 }}>
      {theme.logo ? (
        <div style={{ display: 'flex', marginRight: text ? 16 * s : 0, flexShrink: 0 }}>
          <Logo theme={theme} height={logoWidth / aspect} />
        </div>
      ) : null}
      {text && lines > 1 ? (
        <div style={{ ...style, display: 'block', maxWidth: room, maxHeight: size * 1.3 * lines, overflow: 'hidden', lineClamp: lines, wordBreak: 'break-word' }}>{text}</div>
      ) : text ? (
        <div style={{ ...style, display: 'flex', whiteSpace: 'nowrap' }}>{fitLine(text.toUpperCase(), room, { fontSize: size, fontFamily: theme.fontFamily, fontWeight: 600, letterSpacing: style.letterSpacing }, { wordShare: 1 }).text}</div>
      ) : null}
    </div>
  );
}

/** Two soft discs peeking in from the corners, between the gradient stops. */
function Decor({ props }: { props: TemplateProps }) {
  const { size, theme } = props;
  const p = palette(theme);
  const d = Math.max(size.width, size.height) * 0.62;
  return (
    <div style={{ display: 'flex', position: 'absolute', left: 0, top: 0, width: size.width, height: size.height, overflow: 'hidden' }}>
      <div style={{ display: 'flex', position: 'absolute', width: d, height: d, borderRadius: d / 2, right: -d * 0.42, top: -d * 0.46, backgroundColor: p.disc, opacity: 0.9 }} />
      <div
        style={{
          display: 'flex',
          position: 'absolute',
          width: d * 0.7,
          height: d * 0.7,
          borderRadius: d * 0.35,
          left: -d * 0.3,
          bottom: -d * 0.32,
          border: `${Math.round(d * 0.05)}px solid ${p.disc}`,
        }}
      />
    </div>
  );
}

function render(props: TemplateProps, g: Geometry, content: JSXNode) {
  const { card, deck, theme, size } = props;
  const { s } = g;
  const p = palette(theme);
  const root = {
    ...cardRootStyle(size, theme),
    backgroundColor: p.stop1,
    backgroundImage: `linear-gradient(150deg, ${p.stop1} 0%, ${p.stop1} 18%, ${p.stop2} 100%)`,
  } as const;
  const bar = card.kind === 'post' ? <ProgressBar width={size.width} height={12 * s} progress={(card.index + 1) / deck.cards} track={p.track} fill={theme.accent} /> : null;
  const special = card.kind !== 'post';

  if (g.o === 'landscape') {
    const colH = size.height - g.padTop - g.padBottom;
    return (
      <div style={{ ...root, flexDirection: 'row', padding: `${g.padTop}px ${g.pad}px ${g.padBottom}px ${g.pad}px` }}>
        <Decor props={props} />
        <div style={{ display: 'flex', position: 'relative', flexDirection: 'column', justifyContent: 'space-between', width: g.side, height: colH, flexShrink: 0 }}>
          {special ? (
            <div style={{ display: 'flex', flexDirection: 'column' }}>
              <AuthorBlock props={props} px={96 * s} maxWidth={g.side} />
              <div style={{ display: 'flex', marginTop: 56 * s }}>
                <Stamp props={props} px={170 * s} />
              </div>
            </div>
          ) : (
            <div style={{ display: 'flex', flexDirection: 'column' }}>
              <Numeral props={props} px={230 * s} />
              <div style={{ display: 'flex', marginTop: 36 * s }}>
                <FooterText props={props} maxWidth={g.side} lines={3} />
              </div>
            </div>
          )}
          <div style={{ display: 'flex', flexDirection: 'column', alignItems: 'flex-start' }}>
            {special ? (
              <div style={{ display: 'flex', marginBottom: card.kind === 'cover' ? 36 * s : 0 }}>
                <FooterText props={props} maxWidth={g.side} lines={2} />
              </div>
            ) : (
              <div style={{ display: 'flex', marginBottom: 36 * s }}>
                <AuthorBlock props={props} px={80 * s} maxWidth={g.side} />
              </div>
            )}
            <Cue props={props} maxWidth={g.side} align="left" />
          </div>
        </div>
        <div style={{ display: 'flex', position: 'relative', marginLeft: g.gap }}>
          {special ? (
            <div style={{ display: 'flex', width: g.panel.width, height: g.panel.height, padding: `${g.panelPad}px 0`, boxSizing: 'border-box' }}>
              <BodyBox g={g} content={content} />
            </div>
          ) : (
            <Panel props={props} g={g} content={content} />
          )}
        </div>
        {bar}
      </div>
    );
  }

  // Portrait and square: header row, panel (or the open body on cover / outro), footer row.
  const inner = size.width - 2 * g.pad;
  let header;
  if (card.kind === 'post') {
    header = (
      <div style={{ display: 'flex', position: 'relative', justifyContent: 'space-between', alignItems: 'flex-start', height: g.head, width: inner }}>
        <Numeral props={props} px={g.head} />
        <div style={{ display: 'flex', paddingTop: 8 * s }}>
          <FooterText props={props} maxWidth={inner * 0.42} align="right" lines={2} />
        </div>
      </div>
    );
  } else {
    header = (
      <div style={{ display: 'flex', position: 'relative', justifyContent: 'space-between', alignItems: 'center', height: g.head, width: inner }}>
        <AuthorBlock props={props} px={Math.min(g.head * 0.8, 120 * s)} maxWidth={inner - g.head - 40 * s} />
        <div style={{ display: 'flex', marginLeft: 32 * s }}>
          <Stamp props={props} px={g.head} />
        </div>
      </div>
    );
  }
  const footer =
    card.kind === 'post' ? (
      <div style={{ display: 'flex', justifyContent: 'space-between', alignItems: 'center', height: g.foot, width: inner }}>
        <AuthorBlock props={props} px={Math.min(76 * s, g.foot - 4 * s)} maxWidth={inner * 0.55} />
        <Cue props={props} maxWidth={inner * 0.4} />
      </div>
    ) : (
      <div style={{ display: 'flex', justifyContent: 'space-between', alignItems: 'center', height: g.foot, width: inner }}>
        <FooterText props={props} maxWidth={card.kind === 'cover' ? inner * 0.58 : inner} />
        <Cue props={props} maxWidth={inner * 0.4} />
      </div>
    );
  return (
    <div style={{ ...root, flexDirection: 'column', padding: `${g.padTop}px ${g.pad}px ${g.padBottom}px ${g.pad}px` }}>
      <Decor props={props} />
      {header}
      <div style={{ display: 'flex', position: 'relative', marginTop: g.gap, height: g.panel.height }}>
        {special ? (
          <div style={{ display: 'flex', width: g.panel.width, height: g.panel.height, padding: `${g.panelPad}px 0`, boxSizing: 'border-box' }}>
            <BodyBox g={g} content={content} />
          </div>
        ) : (
          <Panel props={props} g={g} content={content} />
        )}
      </div>
      <div style={{ display: 'flex', position: 'relative', marginTop: g.gap }}>{footer}</div>
      {bar}
    </div>
  );
}

function contrast(t: Theme): ContrastPair[] {
  const p = palette(t);
  const gradient = [
    ['gradient start', p.stop1],
    ['gradient end', p.stop2],
    ['disc', p.disc],
  ] as const;
  const onGradient = (what: string, fg: string, large = false): ContrastPair[] => gradient.map(([where, bg]) => ({ what: `${what} on ${where}`, fg, bg, ...(large ? { large } : {}) }));
  return [
    ...onGradient('title, names, numerals, sign-off', t.text),
    ...onGradient('handle, footer, /N, cover hook', t.muted),
    ...onGradient('cover / outro links and mentions', p.tint),
    { what: 'cover / outro inline code', fg: t.muted, bg: p.darkChip },
    { what: 'cover / outro inline code (heading)', fg: t.text, bg: p.darkChip },
    { what: 'body text on the panel', fg: p.ink, bg: t.surface },
    { what: 'quote text on the panel', fg: p.inkMuted, bg: t.surface },
    { what: 'links, mentions, list markers on the panel', fg: p.inkAccent, bg: t.surface },
    { what: 'inline code on the panel', fg: p.ink, bg: p.chip },
    { what: 'quoted post text on the panel', fg: p.ink, bg: quotePanel(panelTheme(t)) },
    { what: 'quoted post handle on the panel', fg: p.inkMuted, bg: quotePanel(panelTheme(t)) },
    { what: 'links in a quoted post on the panel', fg: p.inkAccent, bg: quotePanel(panelTheme(t)) },
    { what: 'quoted post text on the gradient (cover / outro)', fg: t.muted, bg: quotePanel(gradientTheme(t)) },
    { what: 'quoted post author on the gradient (cover / outro)', fg: t.text, bg: quotePanel(gradientTheme(t)) },
    { what: 'swipe pill, cont. tag, post count', fg: t.onAccent, bg: t.accent },
  ];
}

export default defineTemplate({
  name: 'bold',
  description: 'Loud colour block: deep violet-to-magenta gradient, huge Space Grotesk numbers, the post on a light panel with a hard shadow, thick swipe pill.',
  theme,
  bodySize: BODY,
  geometry,
  body,
  render,
  fonts: fontsource('@fontsource/space-grotesk', 'Space Grotesk', ([400, 500, 600, 700] as const).map((weight) => ({ weight, style: 'normal' as const }))),
  contrast,
  avatar: true,
});
