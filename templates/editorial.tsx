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
// are cut to fit by the kit's fitLine (Lora's own advance widths), never by satori's textOverflow.
import { BodyFrame, cardRootStyle, cueLabel, defineTemplate, designScale, fitLine, fontsource, formatDate, headingFont, isContinued, Logo, mix, orientation, SwipeCue, textWidth } from '../src/template.ts';
import type { Block, BoxSize, CardSize, ContrastPair, JSXNode, TemplateProps, TextStyle, Theme } from '../src/template.ts';

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

/** The body's RichBlocks options (the kit adds size, box and floor). */
function body({ card, theme }: TemplateProps) {
  return {
    blocks: styledBlocks(card),
    lineHeight: BODY_LINE_HEIGHT,
    fontWeight: 400,
    headingFamily: headingFont(theme),
    headingScale: card.kind === 'cover' ? 1.6 : card.kind === 'outro' ? 1.3 : 1.12,
    headingWeight: card.kind === 'post' ? 700 : 600,
    headingLineHeight: card.kind === 'post' ? 1.2 : 1.1,
    ...(card.kind === 'cover' ? { color: theme.muted } : {}),
  };
}

// ---------------------------------------------------------------- words and widths

const NUMBER_WORDS = ['zero', 'one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine', 'ten', 'eleven', 'twelve', 'thirteen', 'fourteen', 'fifteen', 'sixteen', 'seventeen', 'eighteen', 'nineteen', 'twenty'];

const parts = (n: number) => `${NUMBER_WORDS[n] ?? String(n)} ${n === 1 ? 'part' : 'parts'}`;

/** Lora as the chrome draws it: `style` over the heading family at `fontSize`. */
const lora = (theme: Theme, fontSize: number, style: Omit<TextStyle, 'fontSize'> = {}): TextStyle => ({ fontSize, fontFamily: headingFont(theme), ...style });
const capsStyle = (theme: Theme, size: number) => lora(theme, size, { fontWeight: 600, letterSpacing: size * CAPS_SPACING });

// ---------------------------------------------------------------- chrome

const CAPS_SPACING = 0.16;

/** Letter-spaced capitals in the accent: running head and small labels. */
function Caps({ children, size, theme }: { children: string; size: number; theme: Theme }) {
  return (
    <div style={{ display: 'block', fontFamily: headingFont(theme), fontSize: size, fontWeight: 600, letterSpacing: size * CAPS_SPACING, color: theme.accent, lineHeight: 1.45 }}>
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
  const shown = fitLine(text, room, capsStyle(theme, size)).text;
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
  const { card, deck, theme } = props;
  const s = designScale(props.size);
  const small = 27 * s;
  const italic = lora(theme, small, { italic: true });
  const numeral = 50 * s;
  const label = 19 * s;
  const gap = 10 * s;
  if (card.kind === 'cover') {
    const text = `A thread in ${parts(deck.posts)}`;
    return { kind: 'line' as const, text, small, width: textWidth(text, italic) };
  }
  if (card.kind === 'outro') return { kind: 'line' as const, text: 'Afterword', small, width: textWidth('Afterword', italic) };
  const num = String(card.number);
  const of = `— of ${card.total}`;
  const continued = isContinued(card);
  const width =
    (continued ? textWidth('CONTINUED', capsStyle(theme, label)) + 2 * gap : 0) +
    textWidth('No.', italic) +
    gap +
    textWidth(num, lora(theme, numeral, { italic: true, fontWeight: 500 })) +
    1.4 * gap +
    textWidth(of, italic);
  return { kind: 'number' as const, num, of, continued, small, numeral, label, gap, width };
}

function Folio({ props }: { props: TemplateProps }) {
  const { theme } = props;
  const f = folio(props);
  const italic = { fontSize: f.small, fontStyle: 'italic', color: theme.muted, lineHeight: 1 } as const;
  const row = { display: 'flex', alignItems: 'baseline', flexShrink: 0, fontFamily: headingFont(theme) } as const;
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
  const { deck, theme } = props;
  const date = formatDate(deck.date);
  const by = byWidth(theme, size);
  const name = bylineStyle(theme, size, 600);
  const options = [[deck.author.handle, date], [deck.author.handle], []].map((xs) => xs.filter(Boolean).join(' · '));
  for (const rest of options) {
    if (by + textWidth(deck.author.name, name) + (rest ? size * 0.3 + textWidth(`· ${rest}`, bylineStyle(theme, size)) : 0) <= max) return { name: deck.author.name, rest };
  }
  return { name: fitLine(deck.author.name, max - by, name).text, rest: '' };
}

/** The byline's text (the body family, not the heading's), and the width of its "By" with the space after it. */
const bylineStyle = (theme: Theme, fontSize: number, fontWeight = 400): TextStyle => ({ fontSize, fontFamily: theme.fontFamily, fontWeight });
const byWidth = (theme: Theme, size: number) => textWidth('By', { ...bylineStyle(theme, size), italic: true }) + size * 0.3;

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

const CUE_WORDS = { cover: 'Begin reading', post: 'Continue', continues: 'Continued overleaf' };
const CUE_SIZE = 27;

/** The cue's width: its label and the arrow (26 px and 0.4 of it before), or the end mark. */
function cueWidth(props: TemplateProps): number {
  const s = designScale(props.size);
  const label = cueLabel(props.card, CUE_WORDS);
  return label ? textWidth(label, lora(props.theme, CUE_SIZE * s, { italic: true, fontWeight: 600 })) + 26 * s * 1.4 : 16 * s;
}

/** "Continue →" in the accent; the end mark on the last card and the outro. */
function Cue({ props }: { props: TemplateProps }) {
  const { card, theme } = props;
  const s = designScale(props.size);
  const label = cueLabel(card, CUE_WORDS);
  if (!label) return <EndMark px={16 * s} theme={theme} />;
  return (
    <SwipeCue
      label={label}
      style={{ flexShrink: 0, fontFamily: headingFont(theme), fontSize: CUE_SIZE * s, fontStyle: 'italic', fontWeight: 600, color: theme.accent }}
      arrow={{ size: 26 * s, color: theme.accent, gap: 0.4 }}
    />
  );
}

// ---------------------------------------------------------------- the card

function render(props: TemplateProps, g: ReturnType<typeof geometry>, content: JSXNode) {
  const { card, deck, theme, size } = props;
  const { s } = g;
  // Parts of a split post read on from the top of the page; everything else sits centred.
  const justify = card.part.count > 1 ? 'flex-start' : 'center';
  const root = cardRootStyle(size, theme);
  const body = (
    <BodyFrame box={g.body} justify={justify} style={{ flexShrink: 0, ...(card.kind !== 'post' && !g.landscape ? { textAlign: 'center' } : {}) }}>
      {content}
    </BodyFrame>
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
  const caption = { display: 'flex', fontFamily: headingFont(theme), fontSize: 30 * s, fontStyle: 'italic', color: theme.muted, lineHeight: 1.2 } as const;
  const digits = String(card.kind === 'cover' ? deck.posts : card.number).length;
  const big = Math.min(220 * s, width / (digits * 0.68));
  const numeral = { display: 'flex', fontFamily: headingFont(theme), fontSize: big, fontStyle: 'italic', fontWeight: 500, color: theme.text, lineHeight: 1, marginTop: 6 * s, marginBottom: 14 * s } as const;
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
      {isContinued(card) ? (
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
  const name = fitLine(deck.author.name, room - byWidth(theme, size), bylineStyle(theme, size, 600)).text;
  const date = formatDate(deck.date);
  const full = [deck.author.handle, date].filter(Boolean).join(' · ');
  const rest = fitLine(textWidth(full, bylineStyle(theme, size)) <= room ? full : (deck.author.handle ?? date ?? ''), room, bylineStyle(theme, size)).text;
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
  ];
}

export default defineTemplate({
  name: 'editorial',
  description: 'Magazine essay page: cream paper, Lora serif, masthead with "No. 3 — of 9", byline and hairlines; slides become a two-column spread.',
  theme,
  bodySize: BODY,
  geometry,
  body,
  render,
  // 400–700, upright then italic
  fonts: fontsource(
    '@fontsource/lora',
    'Lora',
    (['normal', 'italic'] as const).flatMap((style) => ([400, 500, 600, 700] as const).map((weight) => ({ weight, style }))),
    ['latin', 'latin-ext', 'cyrillic', 'cyrillic-ext', 'vietnamese'],
  ),
  contrast,
});
