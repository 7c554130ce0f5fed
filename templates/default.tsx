/** @jsxImportSource satori/jsx */
// "paper" — the default template: warm paper background, author header, large body text,
// n/N badge, swipe cue and a progress bar. Written on satori's JSX runtime (no React).
import type { Template, TemplateProps } from '../src/render/template.ts';
import { initials, paragraphs } from '../src/render/text-blocks.ts';

const theme = {
  background: '#F7F5F0',
  surface: '#ECE8DF',
  text: '#16181D',
  muted: '#5F6470',
  accent: '#3730A3',
  onAccent: '#FFFFFF',
  fontFamily: 'Inter',
};

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
        letterSpacing: -0.5,
      }}
    >
      {initials(author.name)}
    </div>
  );
}

function render(props: TemplateProps) {
  const { card, deck, theme, size, fontSize } = props;
  const s = size.width / 1080;
  const pad = 84 * s;
  const post = card.post;
  const progress = card.number / deck.posts;

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
      }}
    >
      {/* header: avatar, name, handle, n/N */}
      <div style={{ display: 'flex', alignItems: 'center', padding: `${pad}px ${pad}px 0 ${pad}px` }}>
        <Avatar props={props} px={96 * s} />
        <div style={{ display: 'flex', flexDirection: 'column', marginLeft: 28 * s, flexGrow: 1, flexShrink: 1 }}>
          <div style={{ fontSize: 36 * s, fontWeight: 700, lineHeight: 1.2 }}>{deck.author.name}</div>
          {deck.author.handle ? (
            <div style={{ fontSize: 29 * s, color: theme.muted, lineHeight: 1.3 }}>{deck.author.handle}</div>
          ) : null}
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
          {card.label}
        </div>
      </div>

      {/* body */}
      <div
        style={{
          display: 'flex',
          flexDirection: 'column',
          justifyContent: 'center',
          flexGrow: 1,
          flexShrink: 1,
          padding: `${40 * s}px ${pad}px`,
        }}
      >
        {paragraphs(post.text).map((p, i) => (
          <div
            key={i}
            style={{
              display: 'flex',
              whiteSpace: 'pre-wrap',
              fontSize,
              lineHeight: 1.38,
              fontWeight: 500,
              letterSpacing: -0.01 * fontSize,
              marginTop: i === 0 ? 0 : fontSize * 0.7,
            }}
          >
            {p}
          </div>
        ))}
        {post.image ? (
          <img
            src={post.image.dataUri}
            style={{
              marginTop: fontSize * 0.8,
              borderRadius: 24 * s,
              objectFit: 'contain',
              maxWidth: size.width - 2 * pad,
              maxHeight: size.height * 0.4,
              width: post.image.width,
              height: post.image.height,
            }}
          />
        ) : null}
      </div>

      {/* footer: title, swipe cue */}
      <div
        style={{
          display: 'flex',
          alignItems: 'center',
          justifyContent: 'space-between',
          padding: `0 ${pad}px ${pad * 0.8}px ${pad}px`,
          fontSize: 26 * s,
          color: theme.muted,
        }}
      >
        <div style={{ display: 'flex', flexShrink: 1, maxWidth: size.width * 0.55, overflow: 'hidden', whiteSpace: 'nowrap', textOverflow: 'ellipsis' }}>
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
              padding: `${14 * s}px ${30 * s}px`,
              borderRadius: 999,
              backgroundColor: theme.accent,
              color: theme.onAccent,
              fontWeight: 600,
            }}
          >
            Swipe →
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
  bodySize: { max: 64, min: 34 },
  render,
};

export default template;
