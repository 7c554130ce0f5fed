/** @jsxRuntime automatic */
/** @jsxImportSource satori/jsx */
// Building blocks shared by templates: avatar, logo, swipe arrow and cue, progress bar and dots,
// the body box, the heading font. Templates compose these; each template keeps its own look.
import type { CSSProperties, JSXNode } from 'satori/jsx';
import type { Author } from '../model/index.ts';
import { initials } from './text-blocks.ts';
import type { BoxSize, Theme } from '../model/index.ts';

/**
 * Style of a card's root box: the card's size, the theme's background, text colour and font, and
 * `boxSizing: border-box` (without it satori adds padding to the width and the card overflows).
 */
export function cardRootStyle(size: { width: number; height: number }, theme: Theme) {
  return {
    width: size.width,
    height: size.height,
    display: 'flex',
    backgroundColor: theme.background,
    color: theme.text,
    fontFamily: theme.fontFamily,
    position: 'relative',
    boxSizing: 'border-box',
  } as const;
}

/** The family for titles, names and big numbers: the theme's heading family, else its body family. */
export const headingFont = (theme: Pick<Theme, 'fontFamily' | 'headingFamily'>): string => theme.headingFamily ?? theme.fontFamily;

/**
 * The box a card draws its body in: exactly `box` (the template's bodyBox(size), which auto-fit
 * measured against), a column with the content centred unless `justify` says otherwise.
 */
export function BodyFrame({ box, justify = 'center', style, children }: { box: BoxSize; justify?: 'center' | 'flex-start' | 'flex-end'; style?: CSSProperties; children?: JSXNode }): JSXNode {
  return <div style={{ display: 'flex', flexDirection: 'column', justifyContent: justify, width: box.width, height: box.height, ...style }}>{children}</div>;
}

/** The far end of the initials avatar's gradient (from the accent towards violet). */
export function avatarGradientEnd(theme: Pick<Theme, 'accent'>): string {
  return mix(theme.accent, '#7C3AED', 0.55);
}

/** The initials avatar's text on both ends of its gradient (large text), for templates' contrast(). */
export function avatarContrast(theme: Pick<Theme, 'accent' | 'onAccent'>): Array<{ what: string; fg: string; bg: string; large: true }> {
  return [
    { what: 'avatar initials (gradient start)', fg: theme.onAccent, bg: theme.accent, large: true },
    { what: 'avatar initials (gradient end)', fg: theme.onAccent, bg: avatarGradientEnd(theme), large: true },
  ];
}

/** Round avatar: the author's picture, or initials on a two-colour gradient. */
export function Avatar({ author, px, theme, ring }: { author: Author; px: number; theme: Theme; ring?: string }): JSXNode {
  const border = ring ? { border: `${Math.max(2, px * 0.04)}px solid ${ring}` } : {};
  if (author.avatar) {
    return <img src={author.avatar.dataUri} width={px} height={px} style={{ flexShrink: 0, borderRadius: px / 2, objectFit: 'cover', ...border }} />;
  }
  return (
    <div
      style={{
        width: px,
        height: px,
        flexShrink: 0,
        borderRadius: px / 2,
        display: 'flex',
        alignItems: 'center',
        justifyContent: 'center',
        backgroundImage: `linear-gradient(135deg, ${theme.accent}, ${avatarGradientEnd(theme)})`,
        color: theme.onAccent,
        fontFamily: theme.headingFamily ?? theme.fontFamily,
        fontSize: px * 0.4,
        fontWeight: 700,
        ...border,
      }}
    >
      {initials(author.name)}
    </div>
  );
}

/** The theme's logo scaled to a height, or nothing. */
export function Logo({ theme, height }: { theme: Theme; height: number }): JSXNode {
  const logo = theme.logo;
  if (!logo) return null;
  const width = Math.round((logo.width / logo.height) * height);
  return <img src={logo.dataUri} width={width} height={height} style={{ objectFit: 'contain' }} />;
}

/** A right arrow drawn as a path, so the cue never depends on a font. */
export function Arrow({ size, color, gap = 0.45 }: { size: number; color: string; gap?: number }): JSXNode {
  return (
    <svg width={size} height={size} viewBox="0 0 24 24" style={{ marginLeft: size * gap }}>
      <path d="M4 12h15M13 5.5 19.5 12 13 18.5" fill="none" stroke={color} stroke-width="2.6" stroke-linecap="round" stroke-linejoin="round" />
    </svg>
  );
}

/**
 * The swipe cue: its label (see cueLabel) and the kit's arrow in a row, styled by the design (a
 * pill, plain accent text…); `arrow.gap` is the space before the arrow in arrow sizes.
 */
export function SwipeCue({ label, style, arrow }: { label: string; style: CSSProperties; arrow: { size: number; color: string; gap?: number } }): JSXNode {
  return (
    <div style={{ display: 'flex', alignItems: 'center', ...style }}>
      {label}
      <Arrow size={arrow.size} color={arrow.color} gap={arrow.gap} />
    </div>
  );
}

/** A thin bar along the card's bottom edge, filled to `progress` (0–1). */
export function ProgressBar({ width, height, progress, track, fill }: { width: number; height: number; progress: number; track: string; fill: string }): JSXNode {
  return (
    <div style={{ display: 'flex', position: 'absolute', left: 0, bottom: 0, width, height, backgroundColor: track }}>
      <div style={{ display: 'flex', width: width * Math.min(1, Math.max(0, progress)), height, backgroundColor: fill }} />
    </div>
  );
}

/** One dot per post, the current one wide; for at most ~20 posts (a bar reads better beyond). */
export function Dots({ count, current, size, on, off }: { count: number; current: number; size: number; on: string; off: string }): JSXNode {
  return (
    <div style={{ display: 'flex', alignItems: 'center' }}>
      {Array.from({ length: count }, (_, i) => (
        <div
          style={{
            width: i + 1 === current ? size * 2.6 : size,
            height: size,
            borderRadius: size / 2,
            marginLeft: i ? size * 0.7 : 0,
            backgroundColor: i + 1 === current ? on : off,
          }}
        />
      ))}
    </div>
  );
}

/** Mixes two #rrggbb colours: t = 0 gives a, t = 1 gives b. */
export function mix(a: string, b: string, t: number): string {
  const pa = rgb(a);
  const pb = rgb(b);
  const c = pa.map((v, i) => Math.round(v + (pb[i]! - v) * t));
  return `#${c.map((v) => v.toString(16).padStart(2, '0')).join('')}`;
}

export function rgb(hex: string): [number, number, number] {
  let h = hex.replace('#', '');
  if (h.length === 3) h = [...h].map((c) => c + c).join('');
  return [parseInt(h.slice(0, 2), 16), parseInt(h.slice(2, 4), 16), parseInt(h.slice(4, 6), 16)];
}
