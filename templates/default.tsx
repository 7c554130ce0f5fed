/** @jsxRuntime automatic */
/** @jsxImportSource satori/jsx */
// "paper" — the default template: warm paper background, author header, large body text,
// n/N badge, swipe cue and a progress bar. Written on satori's JSX runtime (no React).
import type { CardSize } from '../src/model.ts';
import type { BoxSize, Template, TemplateProps } from '../src/render/template.ts';
import { blockGap, RichBlocks } from '../src/render/rich-text.tsx';
import { initials } from '../src/render/text-blocks.ts';

const theme = {
  background: '#F7F5F0',
  surface: '#ECE8DF',
  text: '#16181D',
  muted: '#5F6470',
  accent: '#3730A3',
  onAccent: '#FFFFFF',
  fontFamily: 'Inter',
};

/** Card geometry, in px at the card's scale; render and bodyBox both read it. */
function geometry(size: CardSize) {
  const s = size.width / 1080;
  const pad = 84 * s;
  const avatar = 96 * s;
  const gap = 48 * s;
  const footer = 60 * s;
  const bottom = 72 * s;
  const bodyTop = pad + avatar + gap;
  const body: BoxSize = { width: size.width - 2 * pad, height: size.height - bodyTop - gap - footer - bottom };
  return { s, pad, avatar, gap, footer, bottom, bodyTop, body };
}

function Avatar({ props, px }: { props: TemplateProps; px: number }) {
  const { author } = props.deck;
  const { theme } = props;
  if (author.avatar) {
    return <img src={author.avatar.dataUri} width={px} height={px} style={{ borderRadius: px / 2, objectFit: 'cover' }} />;
  }
  return (
    <div
      style={{
        width: px,
        height: px,
        borderRadius: px / 2,
        display: 'flex',
        alignItems: 'center',
        justifyContent: 'center',
        backgroundImage: `linear-gradient(135deg, ${theme.accent}, #7C3AED)`,
        color: theme.onAccent,
        fontSize: px * 0.4,
        fontWeight: 700,
      }}
    >
      {initials(author.name)}
    </div>
  );
}

/** A right arrow drawn as a path, so the cue never depends on a font. */
function Arrow({ size, color }: { size: number; color: string }) {
  return (
    <svg width={size} height={size} viewBox="0 0 24 24" style={{ marginLeft: size * 0.45 }}>
      <path d="M4 12h15M13 5.5 19.5 12 13 18.5" fill="none" stroke={color} stroke-width="2.6" stroke-linecap="round" stroke-linejoin="round" />
    </svg>
  );
}

function renderBody(props: TemplateProps) {
  const { card, fontSize, body, theme, size } = props;
  const minFontSize = (template.bodySize.min * size.width) / 1080;
  return <RichBlocks blocks={card.blocks} opts={{ fontSize, theme, width: body.width, height: body.height, minFontSize }} />;
}

function render(props: TemplateProps) {
  const { card, deck, theme, size } = props;
  const g = geometry(size);
  const { s, pad } = g;
  const progress = (card.index + 1) / deck.cards;

  return (
    <div
      style={{
        width: size.width,
        height: size.height,
        display: 'flex',
        flexDirection: 'column',
        backgroundColor: theme.background,
        color: theme.text,
        fontFamily: theme.fontFamily,
        position: 'relative',
        boxSizing: 'border-box',
        padding: `${pad}px ${pad}px 0 ${pad}px`,
      }}
    >
      {/* header: avatar, name, handle, n/N */}
      <div style={{ display: 'flex', alignItems: 'center', height: g.avatar }}>
        <Avatar props={props} px={g.avatar} />
        <div style={{ display: 'flex', flexDirection: 'column', marginLeft: 28 * s, flexGrow: 1, flexShrink: 1 }}>
          <div style={{ fontSize: 36 * s, fontWeight: 700, lineHeight: 1.2 }}>{deck.author.name}</div>
          {deck.author.handle ? <div style={{ fontSize: 29 * s, color: theme.muted, lineHeight: 1.3 }}>{deck.author.handle}</div> : null}
        </div>
        <div
          style={{
            display: 'flex',
            padding: `${12 * s}px ${26 * s}px`,
            borderRadius: 999,
            backgroundColor: theme.surface,
            color: theme.accent,
            fontSize: 30 * s,
            fontWeight: 700,
            letterSpacing: 1,
          }}
        >
          {card.part.index > 1 ? `${card.label} · cont.` : card.label}
        </div>
      </div>

      {/* body: a fixed box, content centred vertically */}
      <div
        style={{
          display: 'flex',
          flexDirection: 'column',
          justifyContent: 'center',
          width: g.body.width,
          height: g.body.height,
          marginTop: g.gap,
        }}
      >
        {renderBody(props)}
      </div>

      {/* footer: title, swipe cue */}
      <div
        style={{
          display: 'flex',
          alignItems: 'center',
          justifyContent: 'space-between',
          height: g.footer,
          marginTop: g.gap,
          fontSize: 26 * s,
          color: theme.muted,
        }}
      >
        <div style={{ display: 'flex', flexShrink: 1, maxWidth: size.width * 0.5, overflow: 'hidden', whiteSpace: 'nowrap', textOverflow: 'ellipsis' }}>
          {deck.title}
        </div>
        {card.isLast ? (
          <div style={{ display: 'flex', fontWeight: 600, color: theme.accent }}>
            {deck.author.handle ? `Follow ${deck.author.handle} for more` : 'Thanks for reading'}
          </div>
        ) : (
          <div
            style={{
              display: 'flex',
              alignItems: 'center',
              height: g.footer,
              padding: `0 ${30 * s}px`,
              borderRadius: 999,
              backgroundColor: theme.accent,
              color: theme.onAccent,
              fontWeight: 600,
            }}
          >
            Swipe
            <Arrow size={26 * s} color={theme.onAccent} />
          </div>
        )}
      </div>

      {/* progress bar */}
      <div style={{ display: 'flex', position: 'absolute', left: 0, bottom: 0, width: size.width, height: 10 * s, backgroundColor: theme.surface }}>
        <div style={{ display: 'flex', width: size.width * progress, height: 10 * s, backgroundColor: theme.accent }} />
      </div>
    </div>
  );
}

const template: Template = {
  name: 'default',
  description: 'Warm paper background, author header, large text, n/N badge, swipe cue and progress bar.',
  theme,
  bodySize: { max: 72, min: 34 },
  bodyBox: (size) => geometry(size).body,
  renderBody,
  blockGap,
  render,
};

export default template;
