/** @jsxRuntime automatic */
/** @jsxImportSource satori/jsx */
// "post" — each card looks like a crisp screenshot of the original post: a white rounded card with
// a soft shadow floating on a cool grey page, holding the author row (avatar, name, @handle ·
// date), the post text, its quote or image, and a bottom row with reply / repost / like outline
// icons and the thread position. Outside the card: the footer (logo + title) at the top, dots or
// a thin progress bar and a "Swipe →" cue at the bottom. Landscape slides put the footer, a big
// position number and the cue in a sidebar on the left and the post card on the right.
//
// Theme tokens here: `background` is the page around the card (drawn as a gentle gradient
// towards the accent), `surface` is the post card itself (white by default), `text` / `muted` are
// drawn on both, `accent` is links, mentions, hashtags, the swipe cue and the progress fill,
// `onAccent` is the avatar initials. Inline code and the quoted-post frame need a surface that
// differs from the card, so RichBlocks gets a theme whose surface is the card colour mixed a
// little towards the text colour (`codeSurface` below).
//
// The white card hugs its content: the body box is exactly `bodyBox(size)` and centres the post
// in it; the card's background, author row and action row are drawn around the content with
// absolute positions, in space the geometry reserves above and below the body box. A short post
// is a compact card in the middle of the page, a long one fills it, and no text ever leaves the
// reserved area.
import { orientation, designScale } from '../src/layout/sizes.ts';
import type { CardSize } from '../src/model.ts';
import { blockGap, RichBlocks } from '../src/render/rich-text.tsx';
import { Arrow, Avatar, Dots, Logo, mix, rgb } from '../src/render/template-kit.tsx';
import type { BoxSize, Template, TemplateProps, Theme } from '../src/render/template.ts';
import type { ContrastPair } from '../src/theme/contrast.ts';
import { codeContrast } from '../src/text/highlight.ts';

const theme: Theme = {
  background: '#EEF1F5',
  surface: '#FFFFFF',
  text: '#0F1419',
  muted: '#536471',
  accent: '#1D64D8',
  onAccent: '#FFFFFF',
  fontFamily: 'Inter',
};

const BODY = { max: 64, min: 34 };

/** Decorative and derived colours, all from the theme. */
function palette(t: Theme) {
  return {
    /** Page gradient: background → a touch of accent. */
    pageFrom: t.background,
    pageTo: mix(t.background, t.accent, 0.06),
    /** Inline code, quoted-post frame (RichBlocks' surface). */
    codeSurface: mix(t.surface, t.text, 0.06),
    /** Hairline above the action row. */
    divider: mix(t.surface, t.text, 0.1),
    /** "Thread · N posts" pill on the cover. */
    pill: mix(t.surface, t.accent, 0.1),
    /** Progress track and inactive dots on the page. */
    track: mix(t.background, t.text, 0.12),
    /** Avatar gradient's second stop (as the kit draws it). */
    avatarTo: mix(t.accent, '#7C3AED', 0.55),
    shadow: rgb(mix(t.background, '#000000', 0.8)).join(','),
  };
}

/** Card geometry at the card's scale; render and bodyBox both read it. */
function geometry(size: CardSize) {
  const s = designScale(size);
  const o = orientation(size);
  const landscape = o === 'landscape';
  // Inside the white card.
  const avatar = 88 * s;
  const padX = 60 * s;
  const padY = 52 * s;
  const headGap = 36 * s;
  const actionRow = 44 * s;
  const footGap = 30 * s; // body → hairline and hairline → action row
  const hairline = Math.max(1, 2 * s);
  const above = padY + avatar + headGap; // card top → body top, when the body is full
  const below = footGap + hairline + footGap + actionRow + padY; // body bottom → card bottom
  // Outside it.
  const edge = 64 * s;
  const rowH = 48 * s; // footer row on top, cue row at the bottom
  const rowGap = 28 * s;
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
    return { s, o, landscape, avatar, padX, padY, headGap, actionRow, footGap, hairline, above, below, edge, rowH, rowGap, sideX, sidebar, cardLeft, cardTop, body };
  }
  // Stories: keep clear of the platform's own top and bottom overlays.
  const edgeY = o === 'portrait' && size.height / size.width > 1.6 ? 120 * s : edge;
  const cardX = 48 * s;
  const cardTop = edgeY + rowH + rowGap;
  const cardBottom = size.height - edgeY - rowH - rowGap;
  const body: BoxSize = {
    width: size.width - 2 * (cardX + padX),
    height: cardBottom - cardTop - above - below,
  };
  return { s, o, landscape, avatar, padX, padY, headGap, actionRow, footGap, hairline, above, below, edge, edgeY, rowH, rowGap, cardX, cardTop, body };
}

type Geometry = ReturnType<typeof geometry>;

function renderBody(props: TemplateProps) {
  const { card, fontSize, body, theme, size } = props;
  const minFontSize = BODY.min * designScale(size);
  const special = card.kind !== 'post';
  return (
    <RichBlocks
      blocks={card.blocks}
      opts={{
        fontSize,
        theme: { ...theme, surface: palette(theme).codeSurface },
        width: body.width,
        height: body.height,
        minFontSize,
        headingScale: card.kind === 'cover' ? 1.5 : card.kind === 'outro' ? 1.25 : 1.08,
        headingWeight: special ? 800 : 700,
        ...(theme.headingFamily ? { headingFamily: theme.headingFamily } : {}),
        ...(special ? { color: theme.muted } : {}),
      }}
    />
  );
}

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** "2026-03-26" → "Mar 26, 2026" (no locale data involved, so output never varies). */
function formatDate(iso: string): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  if (!m) return iso;
  const month = MONTHS[Number(m[2]) - 1];
  return month ? `${month} ${Number(m[3])}, ${m[1]}` : iso;
}

/** Avatar, bold name, muted "@handle · date". */
function AuthorRow({ props, g, width }: { props: TemplateProps; g: Geometry; width: number }) {
  const { deck, theme } = props;
  const s = g.s;
  const second = [deck.author.handle, deck.date ? formatDate(deck.date) : undefined].filter(Boolean).join(' · ');
  const line = { display: 'flex', overflow: 'hidden', whiteSpace: 'nowrap', textOverflow: 'ellipsis', maxWidth: width - g.avatar - 24 * s } as const;
  return (
    <div style={{ display: 'flex', alignItems: 'center', width, height: g.avatar }}>
      <Avatar author={deck.author} px={g.avatar} theme={theme} />
      <div style={{ display: 'flex', flexDirection: 'column', marginLeft: 24 * s, flexShrink: 1 }}>
        <div style={{ ...line, fontSize: 34 * s, fontWeight: 700, lineHeight: 1.2, color: theme.text, fontFamily: theme.headingFamily ?? theme.fontFamily }}>
          {deck.author.name}
        </div>
        {second ? <div style={{ ...line, fontSize: 28 * s, fontWeight: 500, lineHeight: 1.3, color: theme.muted }}>{second}</div> : null}
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
  const s = g.s;
  const p = palette(theme);
  const icon = 38 * s;
  let label;
  if (card.kind === 'cover') {
    label = (
      <div style={{ display: 'flex', alignItems: 'center', height: g.actionRow, padding: `0 ${20 * s}px`, borderRadius: 999, backgroundColor: p.pill, color: theme.accent, fontWeight: 700 }}>
        {`Thread · ${deck.posts} ${deck.posts === 1 ? 'post' : 'posts'}`}
      </div>
    );
  } else {
    const text = card.kind === 'outro' ? 'End of thread' : card.part.index > 1 ? `${card.label} · continued` : card.label;
    label = <div style={{ display: 'flex', color: theme.muted, fontWeight: 600 }}>{text}</div>;
  }
  return (
    <div style={{ display: 'flex', alignItems: 'center', justifyContent: 'space-between', width, height: g.actionRow, fontSize: 27 * s }}>
      <div style={{ display: 'flex', alignItems: 'center' }}>
        <Icon d={ICONS.reply} size={icon} color={theme.muted} first />
        <Icon d={ICONS.repost} size={icon} color={theme.muted} />
        <Icon d={ICONS.like} size={icon} color={theme.muted} />
      </div>
      {label}
    </div>
  );
}

/**
 * The body box (exactly `props.body`, content centred) with the white card drawn around its
 * content: background, author row above, hairline and action row below, all absolute, in the
 * space reserved by `geometry`.
 */
function PostCard({ props, g }: { props: TemplateProps; g: Geometry }) {
  const { theme, body } = props;
  const p = palette(theme);
  const s = g.s;
  const inner = body.width;
  const radius = 36 * s;
  return (
    <div style={{ display: 'flex', flexDirection: 'column', justifyContent: 'center', width: body.width, height: body.height }}>
      <div style={{ display: 'flex', flexDirection: 'column', position: 'relative', width: inner, minHeight: Math.min(body.height, 150 * s) }}>
        <div
          style={{
            display: 'flex',
            position: 'absolute',
            left: -g.padX,
            right: -g.padX,
            top: -g.above,
            bottom: -g.below,
            backgroundColor: theme.surface,
            borderRadius: radius,
            boxShadow: `0 ${24 * s}px ${64 * s}px rgba(${p.shadow},0.13), 0 ${2 * s}px ${6 * s}px rgba(${p.shadow},0.07)`,
          }}
        />
        <div style={{ display: 'flex', position: 'absolute', left: 0, top: -(g.avatar + g.headGap) }}>
          <AuthorRow props={props} g={g} width={inner} />
        </div>
        {renderBody(props)}
        <div
          style={{
            display: 'flex',
            position: 'absolute',
            left: 0,
            bottom: -(g.footGap + g.hairline),
            width: inner,
            height: g.hairline,
            backgroundColor: p.divider,
          }}
        />
        <div style={{ display: 'flex', position: 'absolute', left: 0, bottom: -(g.below - g.padY) }}>
          <ActionRow props={props} g={g} width={inner} />
        </div>
      </div>
    </div>
  );
}

function Footer({ props, maxWidth }: { props: TemplateProps; maxWidth: number }) {
  const { deck, theme } = props;
  const s = designScale(props.size);
  return (
    <div style={{ display: 'flex', alignItems: 'center', maxWidth, overflow: 'hidden', fontSize: 26 * s, fontWeight: 600, color: theme.muted }}>
      {theme.logo ? (
        <div style={{ display: 'flex', marginRight: 16 * s }}>
          <Logo theme={theme} height={40 * s} />
        </div>
      ) : null}
      <div style={{ display: 'flex', flexShrink: 1, overflow: 'hidden', whiteSpace: 'nowrap', textOverflow: 'ellipsis' }}>{theme.footer ?? deck.title}</div>
    </div>
  );
}

/** Dots for short decks, a thin rounded bar beyond. */
function Progress({ props, width }: { props: TemplateProps; width: number }) {
  const { card, deck, theme } = props;
  const s = designScale(props.size);
  const p = palette(theme);
  const dot = 10 * s;
  if (deck.cards <= 12 && deck.cards * dot * 1.7 + dot * 2 <= width) {
    return <Dots count={deck.cards} current={card.index + 1} size={dot} on={theme.accent} off={p.track} />;
  }
  const h = 6 * s;
  const progress = (card.index + 1) / deck.cards;
  return (
    <div style={{ display: 'flex', width, height: h, borderRadius: h / 2, backgroundColor: p.track }}>
      <div style={{ display: 'flex', width: Math.max(h, width * progress), height: h, borderRadius: h / 2, backgroundColor: theme.accent }} />
    </div>
  );
}

function Cue({ props }: { props: TemplateProps }) {
  const { card, theme } = props;
  const s = designScale(props.size);
  if (card.isLast || card.kind === 'outro') return null;
  return (
    <div style={{ display: 'flex', alignItems: 'center', fontSize: 28 * s, fontWeight: 700, color: theme.accent }}>
      {card.kind === 'cover' ? 'Swipe to read' : 'Swipe'}
      <Arrow size={28 * s} color={theme.accent} gap={0.35} />
    </div>
  );
}

/** The sidebar's big label on slides: the post's number, or what the card is. */
function BigLabel({ props }: { props: TemplateProps }) {
  const { card, deck, theme } = props;
  const s = designScale(props.size);
  const family = theme.headingFamily ?? theme.fontFamily;
  if (card.kind === 'post') {
    return (
      <div style={{ display: 'flex', flexDirection: 'column' }}>
        <div style={{ display: 'flex', alignItems: 'baseline', fontFamily: family, fontWeight: 800, lineHeight: 1 }}>
          <span style={{ fontSize: 150 * s, color: theme.text, letterSpacing: -4 * s }}>{String(card.number)}</span>
          <span style={{ fontSize: 64 * s, color: theme.muted, marginLeft: 8 * s }}>{`/${card.total}`}</span>
        </div>
        {card.part.index > 1 ? <div style={{ display: 'flex', marginTop: 16 * s, fontSize: 28 * s, fontWeight: 600, color: theme.muted }}>continued</div> : null}
      </div>
    );
  }
  const [big, small] = card.kind === 'cover' ? ['Thread', `${deck.posts} ${deck.posts === 1 ? 'post' : 'posts'}`] : ['The end', 'Thanks for reading'];
  return (
    <div style={{ display: 'flex', flexDirection: 'column' }}>
      <div style={{ display: 'flex', fontFamily: family, fontSize: 84 * s, fontWeight: 800, lineHeight: 1.05, color: theme.text, letterSpacing: -2 * s }}>{big}</div>
      <div style={{ display: 'flex', marginTop: 16 * s, fontSize: 30 * s, fontWeight: 600, color: theme.muted }}>{small}</div>
    </div>
  );
}

function render(props: TemplateProps) {
  const { theme, size } = props;
  const g = geometry(size);
  const { s } = g;
  const p = palette(theme);
  const root = {
    width: size.width,
    height: size.height,
    display: 'flex',
    backgroundColor: p.pageFrom,
    backgroundImage: `linear-gradient(160deg, ${p.pageFrom}, ${p.pageTo})`,
    color: theme.text,
    fontFamily: theme.fontFamily,
    position: 'relative',
  } as const;

  if (g.landscape) {
    const sideH = size.height - 2 * g.edge;
    return (
      <div style={root}>
        <div
          style={{
            display: 'flex',
            flexDirection: 'column',
            justifyContent: 'space-between',
            position: 'absolute',
            left: g.sideX,
            top: g.edge,
            width: g.sidebar,
            height: sideH,
          }}
        >
          <Footer props={props} maxWidth={g.sidebar} />
          <BigLabel props={props} />
          <div style={{ display: 'flex', flexDirection: 'column' }}>
            <Progress props={props} width={g.sidebar * 0.6} />
            <div style={{ display: 'flex', height: g.rowH, alignItems: 'center', marginTop: 20 * s }}>
              <Cue props={props} />
            </div>
          </div>
        </div>
        <div style={{ display: 'flex', position: 'absolute', left: g.cardLeft + g.padX, top: g.cardTop + g.above }}>
          <PostCard props={props} g={g} />
        </div>
      </div>
    );
  }

  const rowWidth = size.width - 2 * g.edge;
  const edgeY = g.edgeY ?? g.edge;
  return (
    <div style={root}>
      <div style={{ display: 'flex', alignItems: 'center', position: 'absolute', left: g.edge, top: edgeY, width: rowWidth, height: g.rowH }}>
        <Footer props={props} maxWidth={rowWidth} />
      </div>
      <div style={{ display: 'flex', position: 'absolute', left: (g.cardX ?? 0) + g.padX, top: g.cardTop + g.above }}>
        <PostCard props={props} g={g} />
      </div>
      <div
        style={{
          display: 'flex',
          alignItems: 'center',
          justifyContent: 'space-between',
          position: 'absolute',
          left: g.edge,
          bottom: edgeY,
          width: rowWidth,
          height: g.rowH,
        }}
      >
        <Progress props={props} width={rowWidth * 0.3} />
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
    { what: 'inline code, quoted-post frame fill', fg: t.text, bg: p.codeSurface },
    { what: 'inline code in hooks and quotes', fg: t.muted, bg: p.codeSurface },
    { what: 'inline code in links', fg: t.accent, bg: p.codeSurface },
    { what: '"Thread · N posts" pill', fg: t.accent, bg: p.pill },
    { what: 'footer on the page (top of gradient)', fg: t.muted, bg: p.pageFrom },
    { what: 'footer on the page (bottom of gradient)', fg: t.muted, bg: p.pageTo },
    { what: 'swipe cue on the page (top of gradient)', fg: t.accent, bg: p.pageFrom },
    { what: 'swipe cue on the page (bottom of gradient)', fg: t.accent, bg: p.pageTo },
    { what: 'slides: big number and label (top of gradient)', fg: t.text, bg: p.pageFrom, large: true },
    { what: 'slides: big number and label (bottom of gradient)', fg: t.text, bg: p.pageTo, large: true },
    { what: 'slides: "/N", "continued" (top of gradient)', fg: t.muted, bg: p.pageFrom },
    { what: 'slides: "/N", "continued" (bottom of gradient)', fg: t.muted, bg: p.pageTo },
    { what: 'avatar initials (gradient start)', fg: t.onAccent, bg: t.accent, large: true },
    { what: 'avatar initials (gradient end)', fg: t.onAccent, bg: p.avatarTo, large: true },
    ...codeContrast(),
  ];
}

const template: Template = {
  name: 'post',
  description: 'A crisp post screenshot: white rounded card with author, date, text and outline action icons on a soft grey page; slides get a sidebar.',
  theme,
  bodySize: BODY,
  bodyBox: (size) => geometry(size).body,
  renderBody,
  blockGap,
  render,
  contrast,
};

export default template;
