/** @jsxRuntime automatic */
/** @jsxImportSource satori/jsx */
// "default" — warm paper background, author header, large body text, n/N badge, swipe cue and a
// progress bar. Portrait and square cards stack header, body and footer; landscape slides put
// the author, number and title in a sidebar beside the body. Written on satori's JSX runtime.
import { Avatar, BodyFrame, cardRootStyle, countOf, cueLabel, defineTemplate, designScale, headingFont, Logo, orientation, partLabel, ProgressBar, quotePanel, signOff, SwipeCue, twoDigits } from '../src/template.ts';
import type { BoxSize, CardSize, ContrastPair, JSXNode, TemplateProps, Theme } from '../src/template.ts';

const theme = {
  background: '#F7F5F0',
  surface: '#ECE8DF',
  text: '#16181D',
  muted: '#5F6470',
  accent: '#3730A3',
  onAccent: '#FFFFFF',
  fontFamily: 'Inter',
};

const BODY = { max: 72, min: 34 };

/** Card geometry at the card's scale; render and bodyBox both read it. */
function geometry(size: CardSize) {
  const s = designScale(size);
  const landscape = orientation(size) === 'landscape';
  const pad = (landscape ? 96 : 84) * s;
  const avatar = 96 * s;
  const gap = 48 * s;
  const footer = 60 * s;
  const bottom = 72 * s;
  if (landscape) {
    const sidebar = size.width * 0.3;
    const bodyLeft = pad + sidebar + gap * 1.5;
    const body: BoxSize = { width: size.width - bodyLeft - pad, height: size.height - 2 * pad - footer - gap };
    return { s, pad, avatar, gap, footer, bottom, landscape, sidebar, bodyLeft, bodyTop: pad, body };
  }
  const bodyTop = pad + avatar + gap;
  const body: BoxSize = { width: size.width - 2 * pad, height: size.height - bodyTop - gap - footer - bottom };
  return { s, pad, avatar, gap, footer, bottom, landscape, sidebar: 0, bodyLeft: pad, bodyTop, body };
}

/** The body's RichBlocks options (the kit adds size, box and floor). */
function body({ card, theme }: TemplateProps) {
  const special = card.kind !== 'post';
  return {
    headingScale: card.kind === 'cover' ? 1.55 : card.kind === 'outro' ? 1.3 : 1.08,
    headingWeight: special ? 800 : 700,
    ...(theme.headingFamily ? { headingFamily: theme.headingFamily } : {}),
    ...(special ? { color: theme.muted } : {}),
  };
}

function Badge({ props }: { props: TemplateProps }) {
  const { card, deck, theme } = props;
  const s = designScale(props.size);
  const text = card.kind === 'cover' ? countOf(deck.posts) : card.kind === 'outro' ? 'The end' : partLabel(card);
  return (
    <div
      style={{
        display: 'flex',
        flexShrink: 0,
        marginLeft: 16 * s,
        padding: `${12 * s}px ${26 * s}px`,
        borderRadius: 999,
        backgroundColor: theme.surface,
        color: theme.accent,
        fontSize: 30 * s,
        fontWeight: 700,
        letterSpacing: 1,
      }}
    >
      {text}
    </div>
  );
}

function AuthorBlock({ props, px }: { props: TemplateProps; px: number }) {
  const { deck, theme } = props;
  const s = designScale(props.size);
  return (
    <div style={{ display: 'flex', alignItems: 'center', flexShrink: 1 }}>
      <Avatar author={deck.author} px={px} theme={theme} />
      <div style={{ display: 'flex', flexDirection: 'column', marginLeft: 28 * s, flexShrink: 1 }}>
        <div style={{ display: 'block', fontSize: 36 * s, fontWeight: 700, lineHeight: 1.2, fontFamily: headingFont(theme), lineClamp: 1, wordBreak: 'break-word' }}>{deck.author.name}</div>
        {deck.author.handle ? <div style={{ fontSize: 29 * s, color: theme.muted, lineHeight: 1.3 }}>{deck.author.handle}</div> : null}
      </div>
    </div>
  );
}

function Cue({ props }: { props: TemplateProps }) {
  const { card, deck, theme } = props;
  const s = designScale(props.size);
  if (card.kind === 'outro') return null;
  if (card.isLast) return <div style={{ display: 'flex', fontWeight: 600, color: theme.accent }}>{signOff(deck.author)}</div>;
  return (
    <SwipeCue
      label={cueLabel(card)!}
      style={{ height: 60 * s, padding: `0 ${30 * s}px`, borderRadius: 999, backgroundColor: theme.accent, color: theme.onAccent, fontWeight: 600 }}
      arrow={{ size: 26 * s, color: theme.onAccent }}
    />
  );
}

function FooterText({ props, maxWidth }: { props: TemplateProps; maxWidth: number }) {
  const { deck, theme } = props;
  const s = designScale(props.size);
  return (
    <div style={{ display: 'flex', alignItems: 'center', maxWidth, overflow: 'hidden' }}>
      {theme.logo ? (
        <div style={{ display: 'flex', marginRight: 18 * s }}>
          <Logo theme={theme} height={44 * s} />
        </div>
      ) : null}
      <div style={{ display: 'flex', flexShrink: 1, overflow: 'hidden', whiteSpace: 'nowrap', textOverflow: 'ellipsis' }}>
        {theme.footer ?? deck.title}
      </div>
    </div>
  );
}

function render(props: TemplateProps, g: ReturnType<typeof geometry>, content: JSXNode) {
  const { card, deck, theme, size } = props;
  const { s, pad } = g;
  const progress = (card.index + 1) / deck.cards;
  const root = cardRootStyle(size, theme);
  const body = <BodyFrame box={g.body}>{content}</BodyFrame>;
  const bar = card.kind === 'post' ? <ProgressBar width={size.width} height={10 * s} progress={progress} track={theme.surface} fill={theme.accent} /> : null;

  if (g.landscape) {
    return (
      <div style={{ ...root, flexDirection: 'row', padding: pad }}>
        {/* sidebar: author, big number, title */}
        <div style={{ display: 'flex', flexDirection: 'column', justifyContent: 'space-between', width: g.sidebar, height: size.height - 2 * pad }}>
          <AuthorBlock props={props} px={g.avatar} />
          <div style={{ display: 'flex', flexDirection: 'column' }}>
            {card.kind === 'post' ? (
              <div style={{ display: 'flex', fontSize: 120 * s, fontWeight: 800, color: theme.accent, lineHeight: 1, fontFamily: headingFont(theme) }}>
                {twoDigits(card.number)}
              </div>
            ) : null}
            <div style={{ display: 'flex', marginTop: 20 * s }}>
              <Badge props={props} />
            </div>
          </div>
          <div style={{ display: 'flex', fontSize: 26 * s, color: theme.muted }}>
            <FooterText props={props} maxWidth={g.sidebar} />
          </div>
        </div>
        <div style={{ display: 'flex', width: 4 * s, height: size.height - 2 * pad, backgroundColor: theme.surface, marginLeft: g.gap * 0.75, marginRight: g.gap * 0.75 - 4 * s }} />
        {/* body and cue */}
        <div style={{ display: 'flex', flexDirection: 'column', width: g.body.width }}>
          {body}
          <div style={{ display: 'flex', justifyContent: 'flex-end', alignItems: 'center', height: g.footer, marginTop: g.gap, fontSize: 26 * s }}>
            <Cue props={props} />
          </div>
        </div>
        {bar}
      </div>
    );
  }

  return (
    <div style={{ ...root, flexDirection: 'column', padding: `${pad}px ${pad}px 0 ${pad}px` }}>
      <div style={{ display: 'flex', alignItems: 'center', justifyContent: 'space-between', height: g.avatar }}>
        <AuthorBlock props={props} px={g.avatar} />
        <Badge props={props} />
      </div>
      <div style={{ display: 'flex', marginTop: g.gap }}>{body}</div>
      <div style={{ display: 'flex', alignItems: 'center', justifyContent: 'space-between', height: g.footer, marginTop: g.gap, fontSize: 26 * s, color: theme.muted }}>
        <FooterText props={props} maxWidth={size.width * 0.5} />
        <Cue props={props} />
      </div>
      {bar}
    </div>
  );
}

function contrast(t: Theme): ContrastPair[] {
  return [
    { what: 'body text', fg: t.text, bg: t.background },
    { what: 'handle, footer, quote text', fg: t.muted, bg: t.background },
    { what: 'links, mentions, list markers', fg: t.accent, bg: t.background },
    { what: 'n/N badge', fg: t.accent, bg: t.surface },
    { what: 'swipe cue', fg: t.onAccent, bg: t.accent },
    { what: 'inline code', fg: t.text, bg: t.surface },
    { what: 'quoted post text', fg: t.text, bg: quotePanel(t) },
    { what: 'quoted post handle', fg: t.muted, bg: quotePanel(t) },
  ];
}

export default defineTemplate({
  name: 'default',
  description: 'Warm paper, author header, big text, n/N badge, swipe cue and progress bar; slides get a sidebar.',
  theme,
  bodySize: BODY,
  geometry,
  body,
  render,
  contrast,
  avatar: true,
});
