/** @jsxRuntime automatic */
/** @jsxImportSource satori/jsx */
// "post" — each card looks like a crisp screenshot of the original post: a white rounded card with
// a soft shadow floating on a cool grey page, holding the author row (avatar, name, @handle ·
// date), the post text with its quote or image, and a bottom row with reply / repost / like
// outline icons (no counts) and the thread position. Outside the card: story-style progress
// segments at the top, the footer (logo + footer text or title) and a "Swipe →" cue at the bottom.
// Landscape slides put the footer, a big position number, the progress and the cue in a sidebar
// on the left and the post card on the right.
//
// Theme tokens here: `background` is the page around the card (a gentle gradient towards the
// accent), `surface` is the post card itself (white by default), `text` and `muted` are drawn on
// both, `accent` is links, mentions, hashtags, the swipe cue and the progress fill, `onAccent` is
// the avatar initials. Inline code and the quoted-post frame need a colour that differs from the
// card, so RichBlocks gets a theme whose background is the card and whose surface is the card
// colour mixed a little towards `muted` (`bodyTheme`, `codeSurface` below).
//
// The card hugs its content: the body box is exactly `bodyBox(size)` and centres the post in it;
// the card's background, author row and action row are drawn around the content with absolute
// positions, in the space the geometry reserves above and below the body box. A short post is a
// compact card in the middle of the page, a long one fills it, and no text leaves that space.
import { Avatar, BodyFrame, cardRootStyle, countOf, cueLabel, defineTemplate, designScale, fitLine, formatDate, headingFont, isContinued, Logo, mix, orientation, partLabel, quotePanel, rgb, SwipeCue, textWidth } from '../src/template.ts';
import type { BoxSize, CardSize, ContrastPair, JSXNode, TemplateProps, TextStyle, Theme } from '../src/template.ts';

const theme: Theme = {
  background: '#EEF1F5',
  surface: '#FFFFFF',
  text: '#0F1419',
  muted: '#536471',
  accent: '#1B5FD0',
  onAccent: '#FFFFFF',
  fontFamily: 'Inter',
};

const BODY = { max: 64, min: 34 };

/** Decorative and derived colours, all from the theme. */
function palette(t: Theme) {
  const pageTo = mix(t.background, t.accent, 0.05);
  const shadow = mix(t.background, '#000000', 0.8);
  return {
    /** Page gradient: background → a touch of accent. */
    pageFrom: t.background,
    pageTo,
    /** Inline code, quoted-post frame (RichBlocks' surface). */
    codeSurface: mix(t.surface, t.muted, 0.12),
    /** Hairline above the action row. */
    divider: mix(t.surface, t.text, 0.1),
    /** "Thread · N posts" pill on the cover. */
    pill: mix(t.surface, t.accent, 0.1),
    /** Progress track on the page. */
    track: mix(t.background, t.text, 0.12),
    /** Avatar gradient's second stop (as the kit draws it). */
    /** Shadow colour as "r,g,b" for rgba(). */
    shadow: rgb(shadow).join(','),
    /** The page where the footer row may meet the shadow's faint outer edge (at most 3 layers). */
    pageShadowed: mix(pageTo, shadow, 0.036),
  };
}

/** Card geometry at the card's scale; render and bodyBox both read it. */
function geometry(size: CardSize) {
  const s = designScale(size);
  const o = orientation(size);
  const landscape = o === 'landscape';
  // Inside the white card; a little more compact on square and landscape cards, where height is short.
  const k = o === 'portrait' ? s : 0.88 * s;
  const avatar = 84 * k;
  const padX = 58 * s;
  const padY = 52 * k;
  const headGap = 34 * k;
  const actionRow = 44 * k;
  const footGap = 28 * k; // body → hairline and hairline → action row
  const hairline = Math.max(1, 2 * s);
  const above = padY + avatar + headGap; // card top → body top, when the body is full
  const below = footGap + hairline + footGap + actionRow + padY; // body bottom → card bottom
  // Outside it.
  const edge = 68 * s; // page text sits a little inside the 64 px safe inset
  const rowH = 44 * s; // footer and cue row at the bottom
  const rowGap = (o === 'portrait' ? 28 : 18) * s; // between the card and the rows around it (≥ SHADOW_REACH − text inset)
  const barH = 6 * s; // progress segments at the top
  if (landscape) {
    const sideX = 96 * s;
    const sidebar = Math.round(size.width * 0.26);
    const cardLeft = sideX + sidebar + 72 * s;
    const cardRight = size.width - 72 * s;
    const cardTop = 56 * s;
    const cardBottom = size.height - 56 * s;
    const body: BoxSize = {
      width: cardRight - cardLeft - 2 * padX,
      height: cardBottom - cardTop - above - below,
    };
    return { s, k, o, landscape, avatar, padX, padY, headGap, actionRow, footGap, hairline, above, below, edge, rowH, rowGap, barH, sideX, sidebar, cardLeft, cardTop, body };
  }
  // Stories: keep clear of the platform's own top and bottom overlays.
  const edgeY = o === 'portrait' && size.height / size.width > 1.6 ? 120 * s : edge;
  const barTop = edgeY - (o === 'portrait' ? 12 : 22) * s;
  const cardX = 44 * s;
  const cardTop = barTop + barH + rowGap + 2 * s;
  const cardBottom = size.height - edgeY - rowH - rowGap;
  const body: BoxSize = {
    width: size.width - 2 * (cardX + padX),
    height: cardBottom - cardTop - above - below,
  };
  return { s, k, o, landscape, avatar, padX, padY, headGap, actionRow, footGap, hairline, above, below, edge, edgeY, rowH, rowGap, barH, barTop, cardX, cardTop, body };
}

type Geometry = ReturnType<typeof geometry>;

/** The theme RichBlocks draws with: on the card (its background) with a grey for code and frames. */
function bodyTheme(theme: Theme): Theme {
  return { ...theme, background: theme.surface, surface: palette(theme).codeSurface };
}

/** The body's RichBlocks options (the kit adds size, box and floor). */
function body({ card, theme }: TemplateProps) {
  const special = card.kind !== 'post';
  return {
    theme: bodyTheme(theme),
    headingScale: card.kind === 'cover' ? 1.5 : card.kind === 'outro' ? 1.25 : 1.08,
    headingWeight: special ? 800 : 700,
    ...(theme.headingFamily ? { headingFamily: theme.headingFamily } : {}),
    ...(special ? { color: theme.muted } : {}),
  };
}

/**
 * Text for a single line of at most `maxWidth` px, cut by the kit's fitLine (satori's own
 * `textOverflow: ellipsis` reports the uncut word's box, which would stick out of the safe area),
 * with no-break spaces, because satori lays out `nowrap` text word by word and a space's box can
 * overlap the next word's by a pixel.
 */
const oneLine = (text: string, maxWidth: number, style: TextStyle) => nbsp(fitLine(text, maxWidth, style, { wordShare: 1 }).text);
const nbsp = (text: string) => text.replace(/ /g, '\u00A0');
const inter = (theme: Theme, fontSize: number, fontWeight: number, heading = false): TextStyle => ({ fontSize, fontWeight, fontFamily: heading ? headingFont(theme) : theme.fontFamily });

/** Avatar, bold name, muted "@handle · date". */
function AuthorRow({ props, g, width }: { props: TemplateProps; g: Geometry; width: number }) {
  const { deck, theme } = props;
  const maxWidth = width - g.avatar - 24 * g.k;
  const line = { display: 'flex', overflow: 'hidden', whiteSpace: 'nowrap', textOverflow: 'ellipsis', maxWidth } as const;
  const nameSize = 34 * g.k;
  const meta = inter(theme, 28 * g.k, 500);
  // A long handle is cut before the date is.
  const date = formatDate(deck.date) ?? '';
  const handle = deck.author.handle ?? '';
  const dateWidth = date && handle ? textWidth(` · ${date}`, meta) : 0;
  const second = handle && date && dateWidth < maxWidth * 0.6 ? `${oneLine(handle, maxWidth - dateWidth, meta)}\u00A0·\u00A0${oneLine(date, maxWidth, meta)}` : oneLine([handle, date].filter(Boolean).join(' · '), maxWidth, meta);
  return (
    <div style={{ display: 'flex', alignItems: 'center', width, height: g.avatar }}>
      <Avatar author={deck.author} px={g.avatar} theme={theme} />
      <div style={{ display: 'flex', flexDirection: 'column', marginLeft: 24 * g.k, flexShrink: 1 }}>
        <div style={{ ...line, fontSize: nameSize, fontWeight: 700, lineHeight: 1.2, color: theme.text, fontFamily: headingFont(theme) }}>
          {oneLine(deck.author.name, maxWidth, inter(theme, nameSize, 700, true))}
        </div>
        {second ? <div style={{ ...line, fontSize: meta.fontSize, fontWeight: 500, lineHeight: 1.3, color: theme.muted }}>{second}</div> : null}
      </div>
    </div>
  );
}

/** Outline icons on a 24-unit grid, drawn as paths so they never depend on a font. */
const ICONS = {
  reply: 'M12 4.5c4.7 0 8.5 3.1 8.5 7s-3.8 7-8.5 7c-1.2 0-2.3-.2-3.4-.6L4 19.5l1.3-3.7C4.1 14.6 3.5 13.1 3.5 11.5c0-3.9 3.8-7 8.5-7z',
  repost: 'M4 10.5V9a3 3 0 0 1 3-3h12.5M16.5 3l3 3-3 3M20 13.5V15a3 3 0 0 1-3 3H4.5M7.5 21l-3-3 3-3',
  like: 'M12 20s-8-4.7-8-10.6A4.4 4.4 0 0 1 8.4 5c1.6 0 2.9.8 3.6 2.1.7-1.3 2-2.1 3.6-2.1A4.4 4.4 0 0 1 20 9.4C20 15.3 12 20 12 20z',
};

function Icon({ d, size, color, first }: { d: string; size: number; color: string; first?: boolean }) {
  return (
    <svg width={size} height={size} viewBox="0 0 24 24" style={{ marginLeft: first ? 0 : size * 1.5 }}>
      <path d={d} fill="none" stroke={color} stroke-width="1.8" stroke-linecap="round" stroke-linejoin="round" />
    </svg>
  );
}

/** The card's bottom row: icons on the left, the thread position (or a cover/outro label) on the right. */
function ActionRow({ props, g, width }: { props: TemplateProps; g: Geometry; width: number }) {
  const { card, deck, theme } = props;
  const p = palette(theme);
  const icon = 38 * g.k;
  let label;
  if (card.kind === 'cover') {
    label = (
      <div style={{ display: 'flex', alignItems: 'center', height: g.actionRow, padding: `0 ${20 * g.k}px`, borderRadius: 999, backgroundColor: p.pill, color: theme.accent, fontWeight: 700 }}>
        {`Thread · ${countOf(deck.posts)}`}
      </div>
    );
  } else {
    const text = card.kind === 'outro' ? 'End of thread' : partLabel(card, ' · continued');
    label = <div style={{ display: 'flex', color: theme.muted, fontWeight: 600 }}>{text}</div>;
  }
  return (
    <div style={{ display: 'flex', alignItems: 'center', justifyContent: 'space-between', width, height: g.actionRow, fontSize: 27 * g.k }}>
      <div style={{ display: 'flex', alignItems: 'center' }}>
        <Icon d={ICONS.reply} size={icon} color={theme.muted} first />
        <Icon d={ICONS.repost} size={icon} color={theme.muted} />
        <Icon d={ICONS.like} size={icon} color={theme.muted} />
      </div>
      {label}
    </div>
  );
}

/** How far the card's shadow reaches below it, px at 1080. */
const SHADOW_REACH = 30;

/**
 * A soft drop shadow as stacked, growing, faint rounded rectangles: it looks like a blur, but
 * costs nothing to rasterize (a blurred box-shadow makes resvg 10–15× slower per card).
 */
function shadowLayers(s: number): Array<{ e: number; dy: number; alpha: number }> {
  // It reaches at most SHADOW_REACH below the card, so it never darkens the page under the footer row.
  const n = 10;
  const dy = 8;
  const layers = Array.from({ length: n }, (_, i) => ({ e: (-8 + (i * (SHADOW_REACH - dy + 8)) / (n - 1)) * s, dy: dy * s, alpha: 0.012 }));
  layers.push({ e: 0.5 * s, dy: 2 * s, alpha: 0.05 }); // contact shadow along the edge
  return layers;
}

/**
 * The body box (exactly `props.body`, content centred) with the white card drawn around its
 * content: background, author row above, hairline and action row below, all absolute, in the
 * space reserved by `geometry`.
 */
function PostCard({ props, g, content }: { props: TemplateProps; g: Geometry; content: JSXNode }) {
  const { theme, body } = props;
  const p = palette(theme);
  const s = g.s;
  const inner = body.width;
  const radius = 36 * s;
  return (
    <BodyFrame box={body}>
      <div style={{ display: 'flex', flexDirection: 'column', position: 'relative', width: inner, minHeight: Math.min(body.height, 150 * s) }}>
        {shadowLayers(s).map(({ e, dy, alpha }) => (
          <div
            style={{
              display: 'flex',
              position: 'absolute',
              left: -g.padX - e,
              right: -g.padX - e,
              top: -g.above - e + dy,
              bottom: -g.below - e - dy,
              borderRadius: radius + Math.max(0, e),
              backgroundColor: `rgba(${p.shadow},${alpha})`,
            }}
          />
        ))}
        <div style={{ display: 'flex', position: 'absolute', left: -g.padX, right: -g.padX, top: -g.above, bottom: -g.below, backgroundColor: theme.surface, borderRadius: radius }} />
        <div style={{ display: 'flex', position: 'absolute', left: 0, top: -(g.avatar + g.headGap) }}>
          <AuthorRow props={props} g={g} width={inner} />
        </div>
        {/* positioned, so it paints above the absolute card background */}
        <div style={{ display: 'flex', flexDirection: 'column', position: 'relative', width: inner }}>{content}</div>
        <div style={{ display: 'flex', position: 'absolute', left: 0, bottom: -(g.footGap + g.hairline), width: inner, height: g.hairline, backgroundColor: p.divider }} />
        <div style={{ display: 'flex', position: 'absolute', left: 0, bottom: -(g.below - g.padY) }}>
          <ActionRow props={props} g={g} width={inner} />
        </div>
      </div>
    </BodyFrame>
  );
}

/** Logo and footer text (the thread title unless the theme sets one); up to `lines` lines. */
function Footer({ props, maxWidth, lines = 1 }: { props: TemplateProps; maxWidth: number; lines?: number }) {
  const { card, deck, theme } = props;
  const s = designScale(props.size);
  const footer = theme.footer ?? (card.kind === 'cover' ? undefined : deck.title);
  const fontSize = 26 * s;
  const logoH = 40 * s;
  const logoW = theme.logo ? Math.min(maxWidth * 0.5, (theme.logo.width / theme.logo.height) * logoH) + 16 * s : 0;
  return (
    <div style={{ display: 'flex', alignItems: 'center', maxWidth, overflow: 'hidden', fontSize, fontWeight: 600, color: theme.muted }}>
      {theme.logo ? (
        <div style={{ display: 'flex', marginRight: 16 * s, maxWidth: logoW - 16 * s, overflow: 'hidden' }}>
          <Logo theme={theme} height={logoH} />
        </div>
      ) : null}
      {/* the cover already shows the title in the card */}
      {footer && lines === 1 ? (
        <div style={{ display: 'flex', flexShrink: 1, overflow: 'hidden', whiteSpace: 'nowrap', textOverflow: 'ellipsis' }}>{oneLine(footer, maxWidth - logoW, inter(theme, fontSize, 600))}</div>
      ) : null}
      {footer && lines > 1 ? (
        <div style={{ display: 'block', flexShrink: 1, width: maxWidth - logoW, lineHeight: 1.3 }}>
          {fitLine(footer, (maxWidth - logoW) * lines * 0.85, inter(theme, fontSize, 600), { wordShare: 1 }).text}
        </div>
      ) : null}
    </div>
  );
}

/** One segment per card (like stories), filled up to this one; a continuous bar for long decks. */
function Progress({ props, width, height }: { props: TemplateProps; width: number; height: number }) {
  const { card, deck, theme } = props;
  const s = designScale(props.size);
  const p = palette(theme);
  const gap = 6 * s;
  const n = deck.cards;
  const seg = (width - gap * (n - 1)) / n;
  if (n > 1 && seg >= 10 * s) {
    return (
      <div style={{ display: 'flex', width, height }}>
        {Array.from({ length: n }, (_, i) => (
          <div style={{ display: 'flex', width: seg, height, marginLeft: i ? gap : 0, borderRadius: height / 2, backgroundColor: i <= card.index ? theme.accent : p.track }} />
        ))}
      </div>
    );
  }
  const progress = (card.index + 1) / n;
  return (
    <div style={{ display: 'flex', width, height, borderRadius: height / 2, backgroundColor: p.track }}>
      <div style={{ display: 'flex', width: Math.max(height, width * progress), height, borderRadius: height / 2, backgroundColor: theme.accent }} />
    </div>
  );
}

/** Width of the cue (text + arrow: 28 px, 0.35 of it before), for the footer beside it. */
function cueWidth(props: TemplateProps): number {
  const text = cueLabel(props.card);
  const px = 28 * designScale(props.size);
  return text ? textWidth(text, inter(props.theme, px, 700)) + 1.35 * px : 0;
}

/** "Swipe →" in the accent; nothing on the outro and the last card. */
function Cue({ props }: { props: TemplateProps }) {
  const { card, theme } = props;
  const s = designScale(props.size);
  const text = cueLabel(card);
  if (!text) return null;
  return <SwipeCue label={nbsp(text)} style={{ fontSize: 28 * s, fontWeight: 700, color: theme.accent }} arrow={{ size: 28 * s, color: theme.accent, gap: 0.35 }} />;
}

/** The sidebar's big label on slides: the post's number, or what the card is. */
function BigLabel({ props }: { props: TemplateProps }) {
  const { card, deck, theme } = props;
  const s = designScale(props.size);
  const family = headingFont(theme);
  if (card.kind === 'post') {
    return (
      <div style={{ display: 'flex', flexDirection: 'column' }}>
        <div style={{ display: 'flex', alignItems: 'baseline', fontFamily: family, fontWeight: 800, lineHeight: 1 }}>
          <span style={{ fontSize: 150 * s, color: theme.text, letterSpacing: -4 * s }}>{String(card.number)}</span>
          <span style={{ fontSize: 64 * s, color: theme.muted, marginLeft: 8 * s }}>{`/${card.total}`}</span>
        </div>
        {isContinued(card) ? <div style={{ display: 'flex', marginTop: 16 * s, fontSize: 28 * s, fontWeight: 600, color: theme.muted }}>continued</div> : null}
      </div>
    );
  }
  const [big, small] = card.kind === 'cover' ? ['Thread', countOf(deck.posts)] : ['The end', 'Thanks for reading'];
  return (
    <div style={{ display: 'flex', flexDirection: 'column' }}>
      <div style={{ display: 'flex', fontFamily: family, fontSize: 84 * s, fontWeight: 800, lineHeight: 1.05, color: theme.text, letterSpacing: -2 * s }}>{big}</div>
      <div style={{ display: 'flex', marginTop: 16 * s, fontSize: 30 * s, fontWeight: 600, color: theme.muted }}>{small}</div>
    </div>
  );
}

function render(props: TemplateProps, g: Geometry, content: JSXNode) {
  const { theme, size } = props;
  const { s } = g;
  const p = palette(theme);
  const root = { ...cardRootStyle(size, theme), backgroundColor: p.pageFrom, backgroundImage: `linear-gradient(160deg, ${p.pageFrom}, ${p.pageTo})` } as const;

  if (g.landscape) {
    const sideH = size.height - 2 * g.edge;
    return (
      <div style={root}>
        <div style={{ display: 'flex', flexDirection: 'column', justifyContent: 'space-between', position: 'absolute', left: g.sideX, top: g.edge, width: g.sidebar, height: sideH }}>
          <Footer props={props} maxWidth={g.sidebar} lines={2} />
          <BigLabel props={props} />
          <div style={{ display: 'flex', flexDirection: 'column' }}>
            <Progress props={props} width={g.sidebar} height={g.barH} />
            <div style={{ display: 'flex', height: g.rowH, alignItems: 'center', marginTop: 20 * s }}>
              <Cue props={props} />
            </div>
          </div>
        </div>
        <div style={{ display: 'flex', position: 'absolute', left: g.cardLeft + g.padX, top: g.cardTop + g.above }}>
          <PostCard props={props} g={g} content={content} />
        </div>
      </div>
    );
  }

  const rowWidth = size.width - 2 * g.edge;
  const edgeY = g.edgeY;
  return (
    <div style={root}>
      <div style={{ display: 'flex', position: 'absolute', left: g.edge, top: g.barTop }}>
        <Progress props={props} width={rowWidth} height={g.barH} />
      </div>
      <div style={{ display: 'flex', position: 'absolute', left: g.cardX + g.padX, top: g.cardTop + g.above }}>
        <PostCard props={props} g={g} content={content} />
      </div>
      <div style={{ display: 'flex', alignItems: 'center', justifyContent: 'space-between', position: 'absolute', left: g.edge, bottom: edgeY, width: rowWidth, height: g.rowH }}>
        <Footer props={props} maxWidth={rowWidth - cueWidth(props) - 40 * s} />
        <Cue props={props} />
      </div>
    </div>
  );
}

function contrast(t: Theme): ContrastPair[] {
  const p = palette(t);
  return [
    { what: 'post text, author name (card)', fg: t.text, bg: t.surface },
    { what: 'handle, date, position, hook, quote text (card)', fg: t.muted, bg: t.surface },
    { what: 'links, mentions, hashtags, list markers (card)', fg: t.accent, bg: t.surface },
    { what: 'inline code', fg: t.text, bg: p.codeSurface },
    { what: 'inline code in hooks and quotes', fg: t.muted, bg: p.codeSurface },
    { what: 'inline code in links', fg: t.accent, bg: p.codeSurface },
    { what: 'quoted post text', fg: t.text, bg: quotePanel(bodyTheme(t)) },
    { what: 'quoted post handle', fg: t.muted, bg: quotePanel(bodyTheme(t)) },
    { what: 'quoted post links, mentions', fg: t.accent, bg: quotePanel(bodyTheme(t)) },
    { what: '"Thread · N posts" pill', fg: t.accent, bg: p.pill },
    { what: 'footer on the page (top of gradient)', fg: t.muted, bg: p.pageFrom },
    { what: 'footer on the page (bottom of gradient)', fg: t.muted, bg: p.pageTo },
    { what: 'swipe cue on the page (top of gradient)', fg: t.accent, bg: p.pageFrom },
    { what: 'swipe cue on the page (bottom of gradient)', fg: t.accent, bg: p.pageTo },
    { what: 'footer at the edge of the card shadow', fg: t.muted, bg: p.pageShadowed },
    { what: 'swipe cue at the edge of the card shadow', fg: t.accent, bg: p.pageShadowed },
    { what: 'slides: big number and label (top of gradient)', fg: t.text, bg: p.pageFrom, large: true },
    { what: 'slides: big number and label (bottom of gradient)', fg: t.text, bg: p.pageTo, large: true },
    { what: 'slides: "/N", "continued" (top of gradient)', fg: t.muted, bg: p.pageFrom },
    { what: 'slides: "/N", "continued" (bottom of gradient)', fg: t.muted, bg: p.pageTo },
  ];
}

export default defineTemplate({
  name: 'post',
  description: 'A crisp post screenshot: white rounded card with author, date, text and outline action icons on a soft grey page; slides get a sidebar.',
  theme,
  bodySize: BODY,
  geometry,
  body,
  render,
  contrast,
  avatar: true,
});
