/** @jsxRuntime automatic */
/** @jsxImportSource satori/jsx */
// "editorial" — a magazine essay page: cream paper, ink-black Lora serif, one oxblood accent.
// A masthead (running head in letter-spaced capitals, "No. 3 — of 9" folio, a double rule) sits
// above the text; a hairline and a byline ("By Name · @handle · Mar 26, 2026") with a quiet
// "Continue →" sit below it; the last card ends with a small accent square, a magazine's end
// mark. The cover is an essay title page (a large centred serif title over an italic standfirst),
// the outro its centred colophon; parts of a split post read on from the top of the page.
// Landscape slides become a two-column spread: running head, a large italic numeral and the
// byline in a side column, a hairline, then the text column. Chrome lines (running head, byline)
// are cut to fit by an estimate of Lora's advances, never by satori's textOverflow.
import { fontsourceFaces } from '../src/assets/fonts.ts';
import { designScale, orientation } from '../src/model/sizes.ts';
import type { CardSize } from '../src/model/index.ts';
import { blockGap, RichBlocks } from '../src/render/rich-text.tsx';
import { Arrow, cardRootStyle, Logo, mix } from '../src/render/template-kit.tsx';
import type { BoxSize, Template, TemplateProps, Theme } from '../src/model/index.ts';
import type { Block } from '../src/model/index.ts';
import type { ContrastPair } from '../src/theme/contrast.ts';
import { codeContrast } from '../src/text/highlight.ts';

const theme: Theme = {
  background: '#FBF8F1',
  surface: '#EFE8DA',
  text: '#1B1815',
  muted: '#5E564B',
  accent: '#9F1D20',
  onAccent: '#FFFFFF',
  fontFamily: 'Lora',
  headingFamily: 'Lora',
};

const BODY = { max: 70, min: 34 };
const BODY_LINE_HEIGHT = 1.45;

/** Card geometry at the card's scale; render and bodyBox both read it. */
function geometry(size: CardSize) {
  const s = designScale(size);
  if (orientation(size) === 'landscape') {
    const padX = 104 * s;
    const padY = 92 * s;
    const side = Math.round(size.width * 0.25);
    const gutter = 64 * s; // on each side of the column rule
    const cue = 44 * s;
    const cueGap = 28 * s;
    const bodyLeft = padX + side + 2 * gutter;
    const body: BoxSize = { width: size.width - bodyLeft - padX, height: size.height - 2 * padY - cue - cueGap };
    return { s, landscape: true as const, padX, padTop: padY, padBottom: padY, side, gutter, cue, cueGap, bodyLeft, body, mast: 0, headGap: 0, footGap: 0, foot: 0 };
  }
  // Tall cards (stories) get more air above and below, where the platform's UI sits.
  const extra = Math.min(110 * s, Math.max(0, size.height - 1.25 * size.width) * 0.18);
  const padX = 88 * s;
  const padTop = 76 * s + extra;
  const padBottom = 72 * s + extra;
  const mast = 52 * s; // running head and folio row
  const rules = 7.5 * s; // the double rule under it (see DoubleRule)
  const headGap = 52 * s;
  const footGap = 44 * s;
  const foot = 1.5 * s + 22 * s + 52 * s; // hairline, gap, byline row
  const body: BoxSize = { width: size.width - 2 * padX, height: size.height - padTop - mast - rules - headGap - footGap - foot - padBottom };
  return { s, landscape: false as const, padX, padTop, padBottom, side: 0, gutter: 0, cue: 0, cueGap: 0, bodyLeft: padX, body, mast, headGap, footGap, foot };
}

/** The cover's hook is set as an italic standfirst. */
function styledBlocks(card: TemplateProps['card']): Block[] {
  if (card.kind !== 'cover') return card.blocks;
  return card.blocks.map((b) => (b.kind === 'paragraph' ? { ...b, spans: b.spans.map((sp) => ({ ...sp, italic: true })) } : b));
}

function renderBody(props: TemplateProps) {
  const { card, fontSize, body, theme, size } = props;
  const minFontSize = BODY.min * designScale(size);
  return (
    <RichBlocks
      blocks={styledBlocks(card)}
      opts={{
        fontSize,
        theme,
        width: body.width,
        height: body.height,
        minFontSize,
        lineHeight: BODY_LINE_HEIGHT,
        fontWeight: 400,
        headingFamily: heading(theme),
        headingScale: card.kind === 'cover' ? 1.6 : card.kind === 'outro' ? 1.3 : 1.12,
        headingWeight: card.kind === 'post' ? 700 : 600,
        headingLineHeight: card.kind === 'post' ? 1.2 : 1.1,
        ...(card.kind === 'cover' ? { color: theme.muted } : {}),
      }}
    />
  );
}

// ---------------------------------------------------------------- words, numbers, widths

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const NUMBER_WORDS = ['zero', 'one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine', 'ten', 'eleven', 'twelve', 'thirteen', 'fourteen', 'fifteen', 'sixteen', 'seventeen', 'eighteen', 'nineteen', 'twenty'];

/** "2026-03-26" → "Mar 26, 2026". */
function formatDate(iso: string | undefined): string | undefined {
  const m = iso ? /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso) : null;
  if (!m) return iso;
  return `${MONTHS[Number(m[2]) - 1] ?? m[2]} ${Number(m[3])}, ${m[1]}`;
}

const parts = (n: number) => `${NUMBER_WORDS[n] ?? String(n)} ${n === 1 ? 'part' : 'parts'}`;

/** Advance widths of Lora's printable ASCII (U+0020–U+007E), in 1/100 em: the widest of the faces used. */
// prettier-ignore
const LORA_ASCII = [
  26, 28, 36, 86, 57, 90, 70, 21, 31, 31, 53, 53, 26, 49, 25, 70, 64, 40, 54,
  56, 56, 55, 58, 48, 57, 58, 25, 28, 53, 53, 53, 50, 80, 69, 64, 70, 75, 63,
  57, 76, 80, 37, 42, 71, 60, 96, 77, 80, 63, 80, 67, 59, 65, 76, 71, 105, 70,
  70, 62, 38, 79, 38, 83, 80, 44, 55, 59, 53, 60, 54, 37, 56, 62, 34, 32, 58,
  30, 92, 63, 59, 60, 58, 47, 48, 41, 62, 55, 83, 55, 55, 52, 36, 25, 36, 53,
];

/**
 * A slightly generous estimate of a one-line text's width in Lora. Chrome lines are cut to fit
 * by this estimate rather than by satori's textOverflow, whose ellipsis reports the width of the
 * whole word it replaced (a phantom overlap for the layout checks).
 */
function textWidth(text: string, size: number, spacing = 0): number {
  let em = 0;
  let n = 0;
  for (const ch of text) {
    n++;
    const cp = ch.codePointAt(0)!;
    if (cp >= 0x20 && cp <= 0x7e) em += LORA_ASCII[cp - 0x20]! / 100;
    else if (cp >= 0x1100 && (cp <= 0x11ff || (cp >= 0x2e80 && cp <= 0xa4cf) || (cp >= 0xac00 && cp <= 0xd7af) || (cp >= 0xf900 && cp <= 0xfaff) || (cp >= 0xfe30 && cp <= 0xfe4f) || (cp >= 0xff00 && cp <= 0xff60) || cp >= 0x1f000)) em += 1.15;
    else if (ch === '·') em += 0.3;
    else if (ch === '—') em += 1;
    else em += 0.95; // accented Latin, Cyrillic, Greek (from Inter), ellipsis
  }
  return em * size * 1.04 + n * spacing;
}

/** `text` cut at a word (or, failing that, a character) so that it plus "…" fits `max`. */
function fitLine(text: string, size: number, max: number, spacing = 0): string {
  if (textWidth(text, size, spacing) <= max) return text;
  const chars = [...text];
  let cut = chars.length;
  while (cut > 0 && textWidth(chars.slice(0, cut).join('') + '…', size, spacing) > max) cut--;
  const head = chars.slice(0, cut).join('');
  const word = head.lastIndexOf(' ');
  const trimmed = (word > head.length * 0.6 ? head.slice(0, word) : head).replace(/[\s,.;:·—–-]+$/, '');
  return trimmed ? `${trimmed}…` : '';
}

// ---------------------------------------------------------------- chrome

const heading = (t: Theme) => t.headingFamily ?? t.fontFamily;
const CAPS_SPACING = 0.16;

/** Letter-spaced capitals in the accent: running head and small labels. */
function Caps({ children, size, theme }: { children: string; size: number; theme: Theme }) {
  return (
    <div
      style={{
        display: 'block',
        fontFamily: heading(theme),
        fontSize: size,
        fontWeight: 600,
        letterSpacing: size * CAPS_SPACING,
        color: theme.accent,
        lineHeight: 1.45,
      }}
    >
      {children.toUpperCase()}
    </div>
  );
}

/** Thick ink rule over a hairline, as under a newspaper's masthead. */
function DoubleRule({ width, s, theme }: { width: number; s: number; theme: Theme }) {
  return (
    <div style={{ display: 'flex', flexDirection: 'column', width }}>
      <div style={{ display: 'flex', width, height: 3 * s, backgroundColor: theme.text }} />
      <div style={{ display: 'flex', width, height: 1.5 * s, marginTop: 3 * s, backgroundColor: theme.text }} />
    </div>
  );
}

const hairline = (t: Theme) => mix(t.text, t.background, 0.72);

function Hairline({ width, s, theme }: { width: number; s: number; theme: Theme }) {
  return <div style={{ display: 'flex', width, height: 1.5 * s, backgroundColor: hairline(theme) }} />;
}

const logoWidth = (t: Theme, height: number) => (t.logo ? (t.logo.width / t.logo.height) * height : 0);

/** The running head: the logo and the footer text (or the thread title), cut to `width`. */
function RunningHead({ props, width, stacked }: { props: TemplateProps; width: number; stacked: boolean }) {
  const { theme, deck } = props;
  const s = designScale(props.size);
  const size = 21 * s;
  const logoH = (stacked ? 52 : 40) * s;
  const logoGap = 20 * s;
  const text = (theme.footer ?? deck.title).toUpperCase();
  // Stacked (landscape side column): up to three lines, so about three widths minus wrap losses.
  const room = stacked ? width * 2.6 : width - (theme.logo ? logoWidth(theme, logoH) + logoGap : 0);
  const shown = fitLine(text, size, room, size * CAPS_SPACING);
  return (
    <div style={{ display: 'flex', flexDirection: stacked ? 'column' : 'row', alignItems: stacked ? 'flex-start' : 'center', width, overflow: 'hidden' }}>
      {theme.logo ? (
        <div style={{ display: 'flex', flexShrink: 0, marginRight: stacked ? 0 : logoGap, marginBottom: stacked ? logoGap : 0 }}>
          <Logo theme={theme} height={logoH} />
        </div>
      ) : null}
      {shown ? (
        <div style={{ display: 'flex', flexShrink: 1, ...(stacked ? { width } : {}) }}>
          <Caps size={size} theme={theme}>
            {shown}
          </Caps>
        </div>
      ) : null}
    </div>
  );
}

/** Portrait folio, right of the running head: "No. 3 — of 9", "A thread in nine parts", "Afterword". */
function folio(props: TemplateProps) {
  const { card, deck } = props;
  const s = designScale(props.size);
  const small = 27 * s;
  const numeral = 50 * s;
  const label = 19 * s;
  const gap = 10 * s;
  if (card.kind === 'cover') {
    const text = `A thread in ${parts(deck.posts)}`;
    return { kind: 'line' as const, text, small, width: textWidth(text, small) };
  }
  if (card.kind === 'outro') return { kind: 'line' as const, text: 'Afterword', small, width: textWidth('Afterword', small) };
  const num = String(card.number);
  const of = `— of ${card.total}`;
  const continued = card.part.index > 1;
  const width =
    (continued ? textWidth('CONTINUED', label, label * CAPS_SPACING) + 2 * gap : 0) + textWidth('No.', small) + gap + textWidth(num, numeral) + 1.4 * gap + textWidth(of, small);
  return { kind: 'number' as const, num, of, continued, small, numeral, label, gap, width };
}

function Folio({ props }: { props: TemplateProps }) {
  const { theme } = props;
  const f = folio(props);
  const italic = { fontSize: f.small, fontStyle: 'italic', color: theme.muted, lineHeight: 1 } as const;
  const row = { display: 'flex', alignItems: 'baseline', flexShrink: 0, fontFamily: heading(theme) } as const;
  if (f.kind === 'line') {
    return (
      <div style={row}>
        <div style={italic}>{f.text}</div>
      </div>
    );
  }
  return (
    <div style={row}>
      {f.continued ? (
        <div style={{ display: 'flex', marginRight: 2 * f.gap }}>
          <Caps size={f.label} theme={theme}>
            Continued
          </Caps>
        </div>
      ) : null}
      <div style={{ ...italic, marginRight: f.gap }}>No.</div>
      <div style={{ fontSize: f.numeral, fontStyle: 'italic', fontWeight: 500, color: theme.text, lineHeight: 1 }}>{f.num}</div>
      <div style={{ ...italic, marginLeft: 1.4 * f.gap }}>{f.of}</div>
    </div>
  );
}

/** The byline's pieces, shortened to fit `max`: the date goes first, then the handle, then the name is cut. */
function bylineParts(props: TemplateProps, size: number, max: number): { name: string; rest: string } {
  const { deck } = props;
  const date = formatDate(deck.date);
  const by = textWidth('By ', size);
  const options = [[deck.author.handle, date], [deck.author.handle], []].map((xs) => xs.filter(Boolean).join(' · '));
  for (const rest of options) {
    if (by + textWidth(deck.author.name, size) + (rest ? textWidth(` · ${rest}`, size) : 0) <= max) return { name: deck.author.name, rest };
  }
  return { name: fitLine(deck.author.name, size, max - by), rest: '' };
}

/** "By Name · @handle · Mar 26, 2026" on one line. */
function Byline({ props, size, max }: { props: TemplateProps; size: number; max: number }) {
  const { theme } = props;
  const { name, rest } = bylineParts(props, size, max);
  return (
    <div style={{ display: 'flex', alignItems: 'baseline', flexShrink: 1, overflow: 'hidden', fontSize: size, color: theme.muted, lineHeight: 1.3, whiteSpace: 'nowrap' }}>
      <div style={{ display: 'flex', fontStyle: 'italic', marginRight: size * 0.3 }}>By</div>
      <div style={{ display: 'flex', color: theme.text, fontWeight: 600 }}>{name}</div>
      {rest ? <div style={{ display: 'flex', marginLeft: size * 0.3 }}>{`· ${rest}`}</div> : null}
    </div>
  );
}

/** Small author photo beside the byline (no initials disc in this design: the byline names the author). */
function Portrait({ props, px }: { props: TemplateProps; px: number }) {
  const avatar = props.deck.author.avatar;
  if (!avatar) return null;
  return <img src={avatar.dataUri} width={px} height={px} style={{ borderRadius: px / 2, objectFit: 'cover', marginRight: px * 0.3, flexShrink: 0 }} />;
}

/** The tombstone that ends a magazine article. */
function EndMark({ px, theme }: { px: number; theme: Theme }) {
  return <div style={{ display: 'flex', width: px, height: px, backgroundColor: theme.accent }} />;
}

function cueLabel(card: TemplateProps['card']): string | undefined {
  if (card.kind === 'outro' || card.isLast) return undefined;
  if (card.kind === 'cover') return 'Begin reading';
  return card.part.index < card.part.count ? 'Continued overleaf' : 'Continue';
}

const CUE_SIZE = 27;

function cueWidth(props: TemplateProps): number {
  const s = designScale(props.size);
  const label = cueLabel(props.card);
  return label ? textWidth(label, CUE_SIZE * s) + 26 * s * 1.4 : 16 * s;
}

/** "Continue →" in the accent; the end mark on the last card and the outro. */
function Cue({ props }: { props: TemplateProps }) {
  const { card, theme } = props;
  const s = designScale(props.size);
  const label = cueLabel(card);
  if (!label) return <EndMark px={16 * s} theme={theme} />;
  return (
    <div style={{ display: 'flex', alignItems: 'center', flexShrink: 0, fontFamily: heading(theme), fontSize: CUE_SIZE * s, fontStyle: 'italic', fontWeight: 600, color: theme.accent }}>
      {label}
      <Arrow size={26 * s} color={theme.accent} gap={0.4} />
    </div>
  );
}

// ---------------------------------------------------------------- the card

function render(props: TemplateProps) {
  const { card, deck, theme, size } = props;
  const g = geometry(size);
  const { s } = g;
  // Parts of a split post read on from the top of the page; everything else sits centred.
  const justify = card.part.count > 1 ? 'flex-start' : 'center';
  const root = cardRootStyle(size, theme);
  const body = (
    <div style={{ display: 'flex', flexDirection: 'column', justifyContent: justify, width: g.body.width, height: g.body.height, flexShrink: 0, ...(card.kind !== 'post' && !g.landscape ? { textAlign: 'center' } : {}) }}>
      {renderBody(props)}
    </div>
  );

  if (g.landscape) {
    const colHeight = size.height - g.padTop - g.padBottom;
    return (
      <div style={{ ...root, flexDirection: 'row', padding: `${g.padTop}px ${g.padX}px` }}>
        <div style={{ display: 'flex', flexDirection: 'column', justifyContent: 'space-between', width: g.side, height: colHeight, flexShrink: 0 }}>
          <div style={{ display: 'flex', flexDirection: 'column' }}>
            <RunningHead props={props} width={g.side} stacked />
            <div style={{ display: 'flex', marginTop: 22 * s }}>
              <DoubleRule width={g.side} s={s} theme={theme} />
            </div>
          </div>
          <SideFolio props={props} width={g.side} />
          <div style={{ display: 'flex', flexDirection: 'column' }}>
            <Hairline width={g.side} s={s} theme={theme} />
            <SideByline props={props} width={g.side} />
          </div>
        </div>
        <div style={{ display: 'flex', width: 1.5 * s, height: colHeight, marginLeft: g.gutter - 0.75 * s, marginRight: g.gutter - 0.75 * s, backgroundColor: hairline(theme) }} />
        <div style={{ display: 'flex', flexDirection: 'column', width: g.body.width, flexShrink: 0 }}>
          {body}
          <div style={{ display: 'flex', justifyContent: 'flex-end', alignItems: 'center', height: g.cue, marginTop: g.cueGap }}>
            <Cue props={props} />
          </div>
        </div>
      </div>
    );
  }

  const inner = size.width - 2 * g.padX;
  const mastGap = 32 * s;
  const bylineSize = 25 * s;
  const portrait = card.kind === 'cover' && deck.author.avatar ? 52 * s : 0;
  const bylineRoom = inner - cueWidth(props) - 40 * s - portrait * 1.3;
  return (
    <div style={{ ...root, flexDirection: 'column', padding: `${g.padTop}px ${g.padX}px 0 ${g.padX}px` }}>
      <div style={{ display: 'flex', alignItems: 'flex-end', justifyContent: 'space-between', width: inner, height: g.mast, paddingBottom: 12 * s, boxSizing: 'border-box' }}>
        <RunningHead props={props} width={inner - folio(props).width - mastGap} stacked={false} />
        <Folio props={props} />
      </div>
      <DoubleRule width={inner} s={s} theme={theme} />
      <div style={{ display: 'flex', marginTop: g.headGap }}>{body}</div>
      <div style={{ display: 'flex', flexDirection: 'column', marginTop: g.footGap }}>
        <Hairline width={inner} s={s} theme={theme} />
        <div style={{ display: 'flex', alignItems: 'center', justifyContent: 'space-between', width: inner, height: 52 * s, marginTop: 22 * s }}>
          <div style={{ display: 'flex', alignItems: 'center', flexShrink: 1 }}>
            {portrait ? <Portrait props={props} px={portrait} /> : null}
            <Byline props={props} size={bylineSize} max={bylineRoom} />
          </div>
          <Cue props={props} />
        </div>
      </div>
    </div>
  );
}

/** Landscape side column, middle: the post number as a large italic numeral. */
function SideFolio({ props, width }: { props: TemplateProps; width: number }) {
  const { card, deck, theme } = props;
  const s = designScale(props.size);
  const caption = { display: 'flex', fontFamily: heading(theme), fontSize: 30 * s, fontStyle: 'italic', color: theme.muted, lineHeight: 1.2 } as const;
  const digits = String(card.kind === 'cover' ? deck.posts : card.number).length;
  const big = Math.min(220 * s, width / (digits * 0.68));
  const numeral = { display: 'flex', fontFamily: heading(theme), fontSize: big, fontStyle: 'italic', fontWeight: 500, color: theme.text, lineHeight: 1, marginTop: 6 * s, marginBottom: 14 * s } as const;
  if (card.kind === 'outro') {
    return (
      <div style={{ display: 'flex', flexDirection: 'column', alignItems: 'flex-start' }}>
        <EndMark px={28 * s} theme={theme} />
        <div style={{ ...caption, marginTop: 28 * s }}>Afterword</div>
      </div>
    );
  }
  if (card.kind === 'cover') {
    return (
      <div style={{ display: 'flex', flexDirection: 'column' }}>
        <div style={caption}>A thread in</div>
        <div style={numeral}>{String(deck.posts)}</div>
        <div style={caption}>{deck.posts === 1 ? 'part' : 'parts'}</div>
      </div>
    );
  }
  return (
    <div style={{ display: 'flex', flexDirection: 'column' }}>
      <div style={caption}>No.</div>
      <div style={numeral}>{String(card.number)}</div>
      <div style={caption}>{`— of ${card.total}`}</div>
      {card.part.index > 1 ? (
        <div style={{ display: 'flex', marginTop: 22 * s }}>
          <Caps size={19 * s} theme={theme}>
            Continued
          </Caps>
        </div>
      ) : null}
    </div>
  );
}

/** Landscape byline, two lines: "By Name" and "@handle · date", each cut to the column. */
function SideByline({ props, width }: { props: TemplateProps; width: number }) {
  const { deck, theme } = props;
  const s = designScale(props.size);
  const size = 25 * s;
  const px = deck.author.avatar ? 64 * s : 0;
  const room = width - px * 1.3;
  const name = fitLine(deck.author.name, size, room - textWidth('By ', size));
  const date = formatDate(deck.date);
  const full = [deck.author.handle, date].filter(Boolean).join(' · ');
  const rest = textWidth(full, size) <= room ? full : fitLine(deck.author.handle ?? date ?? '', size, room);
  return (
    <div style={{ display: 'flex', alignItems: 'center', marginTop: 22 * s, width, overflow: 'hidden' }}>
      {px ? <Portrait props={props} px={px} /> : null}
      <div style={{ display: 'flex', flexDirection: 'column', fontSize: size, color: theme.muted, lineHeight: 1.35, whiteSpace: 'nowrap' }}>
        <div style={{ display: 'flex', alignItems: 'baseline' }}>
          <div style={{ display: 'flex', fontStyle: 'italic', marginRight: size * 0.3 }}>By</div>
          <div style={{ display: 'flex', color: theme.text, fontWeight: 600 }}>{name}</div>
        </div>
        {rest ? <div style={{ display: 'flex' }}>{rest}</div> : null}
      </div>
    </div>
  );
}

// ---------------------------------------------------------------- contrast

function contrast(t: Theme): ContrastPair[] {
  // Framed quoted posts are drawn on white at 55% over the paper.
  const quoteBg = mix(t.background, '#FFFFFF', 0.55);
  return [
    { what: 'body text, author name, folio numeral', fg: t.text, bg: t.background },
    { what: 'standfirst, byline, folio, quote text', fg: t.muted, bg: t.background },
    { what: 'running head, labels, links, cue', fg: t.accent, bg: t.background },
    { what: 'inline code', fg: t.text, bg: t.surface },
    { what: 'quoted post text', fg: t.text, bg: quoteBg },
    { what: 'quoted post handle', fg: t.muted, bg: quoteBg },
    { what: 'links in quoted posts', fg: t.accent, bg: quoteBg },
    ...codeContrast(),
  ];
}

const template: Template = {
  name: 'editorial',
  description: 'Magazine essay page: cream paper, Lora serif, masthead with "No. 3 — of 9", byline and hairlines; slides become a two-column spread.',
  theme,
  bodySize: BODY,
  bodyBox: (size) => geometry(size).body,
  renderBody,
  blockGap,
  render,
  fonts: () =>
    fontsourceFaces(
      '@fontsource/lora',
      'Lora',
      [
        { weight: 400, style: 'normal' },
        { weight: 500, style: 'normal' },
        { weight: 600, style: 'normal' },
        { weight: 700, style: 'normal' },
        { weight: 400, style: 'italic' },
        { weight: 500, style: 'italic' },
        { weight: 600, style: 'italic' },
        { weight: 700, style: 'italic' },
      ],
      ['latin', 'latin-ext', 'cyrillic', 'cyrillic-ext', 'vietnamese'],
    ),
  contrast,
};

export default template;
