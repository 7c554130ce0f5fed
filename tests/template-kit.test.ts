// The template kit (`threadeck/template`): defineTemplate's skeleton, the words templates put on a
// card (date, part label, cue, sign-off) and fitLine, checked against what satori draws with the
// same fonts.
import satori from 'satori';
import { describe, expect, it } from 'vitest';
import { bundledGroups, groupFaces } from '../src/assets/fonts.ts';
import {
  blockGap,
  codeContrast,
  countOf,
  cueLabel,
  defineTemplate,
  fitLine,
  fontsource,
  formatDate,
  partLabel,
  signOff,
  textWidth,
  twoDigits,
  type BoxSize,
  type Card,
  type CardSize,
  type FontFace,
  type TemplateProps,
  type TextStyle,
  type Theme,
} from '../src/template.ts';

const theme: Theme = { background: '#FFFFFF', surface: '#EEEEEE', text: '#111111', muted: '#555555', accent: '#0F766E', onAccent: '#FFFFFF', fontFamily: 'Inter' };

function card(over: Partial<Card> = {}): Card {
  return { index: 1, kind: 'post', number: 3, total: 9, label: '3/9', part: { index: 1, count: 1 }, blocks: [], isFirst: false, isLast: false, fontSize: 40, ...over };
}

describe('defineTemplate', () => {
  const geometry = (size: CardSize) => ({ pad: 10, body: { width: size.width - 20, height: size.height / 2 } as BoxSize });
  const seen: unknown[] = [];
  const template = defineTemplate({
    name: 't',
    description: 'a test template',
    theme,
    bodySize: { max: 60, min: 34 },
    geometry,
    body: ({ card }) => ({ headingScale: card.kind === 'cover' ? 1.5 : 1.1, lineHeight: 1.4 }),
    render: (props, g, body) => {
      seen.push(g, body);
      return { type: 'div', props: { children: body } } as never;
    },
    contrast: (t) => [{ what: 'body text', fg: t.text, bg: t.background }],
    avatar: true,
  });
  const size = { width: 1080, height: 1350 };
  const props: TemplateProps = { card: card(), deck: { title: 'T', author: { name: 'A' }, posts: 9, cards: 11 }, theme, size, fontSize: 50, body: geometry(size).body };

  it('is a Template: bodyBox from geometry, blockGap for the RichBlocks body, the rest as given', () => {
    expect(template.name).toBe('t');
    expect(template.bodySize).toEqual({ max: 60, min: 34 });
    expect(template.bodyBox(size)).toEqual({ width: 1060, height: 675 });
    expect(template.blockGap).toBe(blockGap);
    expect(template.fonts).toBeUndefined();
  });

  it('renders the body as RichBlocks with the shared options under the template\'s', () => {
    const node = template.renderBody(props) as unknown as { props: { blocks: unknown; opts: Record<string, unknown> } };
    expect(node.props.blocks).toBe(props.card.blocks);
    expect(node.props.opts).toEqual({ fontSize: 50, theme, width: 1060, height: 675, minFontSize: 34, headingScale: 1.1, lineHeight: 1.4 });
    const small = template.renderBody({ ...props, size: { width: 540, height: 675 } }) as unknown as { props: { opts: { minFontSize: number } } };
    expect(small.props.opts.minFontSize).toBe(17); // bodySize.min at the card's scale
  });

  it('hands render the geometry and the body', () => {
    seen.length = 0;
    template.render(props);
    expect(seen[0]).toEqual(geometry(size));
    expect((seen[1] as { props: { opts: { fontSize: number } } }).props.opts.fontSize).toBe(50);
  });

  it('appends the initials avatar\'s and the code blocks\' contrast pairs to the template\'s own', () => {
    const pairs = template.contrast!(theme);
    expect(pairs[0]).toEqual({ what: 'body text', fg: '#111111', bg: '#FFFFFF' });
    expect(pairs.slice(1, 3).map((p) => p.what)).toEqual(['avatar initials (gradient start)', 'avatar initials (gradient end)']);
    expect(pairs.slice(3)).toEqual(codeContrast());
  });

  it('a body of its own: no blockGap (layout measures it whole)', () => {
    const own = defineTemplate({ name: 'o', description: 'own body', theme, bodySize: { max: 60, min: 34 }, geometry, renderBody: () => null, render: (_p, _g, body) => body });
    expect(own.blockGap).toBeUndefined();
    expect(own.contrast).toBeUndefined();
  });
});

describe('words', () => {
  it('formats dates without locale data', () => {
    expect(formatDate('2026-03-26')).toBe('Mar 26, 2026');
    expect(formatDate('2026-03-06', 'dmy')).toBe('6 Mar 2026');
    expect(formatDate('2026-12-01')).toBe('Dec 1, 2026');
    expect(formatDate(undefined)).toBeUndefined();
    expect(formatDate('next week')).toBe('next week');
    expect(formatDate('2026-13-01')).toBe('2026-13-01');
  });

  it('labels parts: n/N, "· cont." from the second part of a split post', () => {
    expect(partLabel(card())).toBe('3/9');
    expect(partLabel(card({ part: { index: 1, count: 2 } }))).toBe('3/9');
    expect(partLabel(card({ part: { index: 2, count: 2 } }))).toBe('3/9 · cont.');
    expect(partLabel(card({ part: { index: 2, count: 3 } }), ' · continued')).toBe('3/9 · continued');
    expect(partLabel(card({ part: { index: 2, count: 2 } }), ' · cont.', `/${twoDigits(9)}`)).toBe('/09 · cont.');
    expect(countOf(1)).toBe('1 post');
    expect(countOf(9)).toBe('9 posts');
    expect(countOf(2, 'part')).toBe('2 parts');
  });

  it('says what the swipe cue says, and nothing where there is nothing to swipe to', () => {
    expect(cueLabel(card({ kind: 'cover' }))).toBe('Swipe to read');
    expect(cueLabel(card())).toBe('Swipe');
    expect(cueLabel(card({ isLast: true }))).toBeUndefined();
    expect(cueLabel(card({ kind: 'outro', isLast: true }))).toBeUndefined();
    const words = { cover: 'Begin reading', post: 'Continue', continues: 'Continued overleaf' };
    expect(cueLabel(card({ part: { index: 1, count: 2 } }), words)).toBe('Continued overleaf');
    expect(cueLabel(card({ part: { index: 2, count: 2 } }), words)).toBe('Continue');
    expect(signOff({ handle: '@maya' })).toBe('Follow @maya for more');
    expect(signOff({ handle: '@maya' }, '')).toBe('Follow @maya');
    expect(signOff({})).toBe('Thanks for reading');
  });
});

/** The width satori gives `text` on one line in `style` (its <text> boxes, from the first's left to the last's right). */
async function satoriWidth(text: string, style: TextStyle, fonts: FontFace[]): Promise<number> {
  const element = {
    type: 'div',
    props: {
      style: { display: 'flex', whiteSpace: 'nowrap', fontSize: style.fontSize, fontFamily: style.fontFamily ?? 'Inter', fontWeight: style.fontWeight ?? 400, fontStyle: style.italic ? 'italic' : 'normal', letterSpacing: style.letterSpacing ?? 0 },
      children: text,
    },
  };
  const svg = await satori(element as Parameters<typeof satori>[0], { width: 4000, height: 200, fonts: fonts as Parameters<typeof satori>[1]['fonts'], embedFont: false });
  const boxes = [...svg.matchAll(/<text\b[^>]*\bx="([-\d.]+)"[^>]*\bwidth="([-\d.]+)"/g)].map((m) => [Number(m[1]), Number(m[1]) + Number(m[2])] as const);
  return Math.max(...boxes.map((b) => b[1])) - Math.min(...boxes.map((b) => b[0]));
}

describe('fitLine and textWidth (the fonts\' own advances)', async () => {
  const inter = await groupFaces(bundledGroups().filter((g) => g.name === 'Inter'));
  const lora = await fontsource('@fontsource/lora', 'Lora', [{ weight: 400, style: 'normal' }, { weight: 600, style: 'normal' }, { weight: 400, style: 'italic' }])();
  const cases: Array<[string, TextStyle, FontFace[]]> = [
    ['Dr. Bartholomew Fitzgerald-Worthington III', { fontSize: 32, fontWeight: 700 }, inter],
    ['@a_really_long_handle_for_testing_2026', { fontSize: 26 }, inter],
    ['A POSTMORTEM CHECKLIST THAT ACTUALLY GETS USED', { fontSize: 21, fontFamily: 'Lora', fontWeight: 600, letterSpacing: 3.36 }, lora],
    ['Mar 26, 2026 · a byline in italics', { fontSize: 25, fontFamily: 'Lora', italic: true }, lora],
  ];

  it('measures a line as satori lays it out (within 2%, never much narrower)', async () => {
    for (const [text, style, fonts] of cases) {
      const drawn = await satoriWidth(text, style, fonts);
      const measured = textWidth(text, style);
      expect(measured / drawn, text).toBeGreaterThan(0.99);
      expect(measured / drawn, text).toBeLessThan(1.02);
    }
  });

  it('leaves a line that fits as it is', () => {
    expect(fitLine('Maya Okafor', 400, { fontSize: 32, fontWeight: 700 })).toEqual({ text: 'Maya Okafor', fontSize: 32 });
    expect(fitLine('', 10, { fontSize: 32 })).toEqual({ text: '', fontSize: 32 });
  });

  it('cuts a long line so that, drawn with the same font, it fits the width', async () => {
    for (const [text, style, fonts] of cases) {
      for (const max of [120, 260, 400].filter((m) => m < textWidth(text, style))) {
        const fit = fitLine(text, max, style);
        expect(fit.fontSize).toBe(style.fontSize);
        expect(fit.text, `${text} in ${max}`).toMatch(/…$/);
        expect(await satoriWidth(fit.text, style, fonts), `"${fit.text}" in ${max}`).toBeLessThanOrEqual(max);
        // and it uses the room: one more character would not have fitted
        const kept = [...fit.text.slice(0, -1)];
        expect(textWidth(text.slice(0, kept.length + 1) + '…', style), fit.text).toBeGreaterThan(max * 0.7);
      }
    }
  });

  it('cuts at a word near the end, else anywhere (wordShare: 1), and never ends on a separator', () => {
    const style = { fontSize: 32, fontWeight: 700 };
    const word = fitLine('Dr. Bartholomew Fitzgerald-Worthington III', 420, style).text;
    expect(word).toBe('Dr. Bartholomew…');
    const anywhere = fitLine('Dr. Bartholomew Fitzgerald-Worthington III', 420, style, { wordShare: 1 }).text;
    expect(anywhere.startsWith('Dr. Bartholomew Fitz')).toBe(true);
    expect(anywhere).not.toMatch(/[\s,.;:·—–-]…$/);
  });

  it('shrinks before it cuts, down to minFontSize', async () => {
    const style = { fontSize: 32, fontWeight: 700 };
    const name = 'Wolfgang Amadeus Mozartsson';
    const full = textWidth(name, style);
    const shrunk = fitLine(name, full * 0.9, style, { minFontSize: 26 });
    expect(shrunk.text).toBe(name);
    expect(shrunk.fontSize).toBeLessThan(32 * 0.9); // a little room in hand (see SLACK)
    expect(shrunk.fontSize).toBeGreaterThan(32 * 0.87);
    expect(await satoriWidth(name, { ...style, fontSize: shrunk.fontSize }, inter)).toBeLessThanOrEqual(full * 0.9);
    const cut = fitLine(name, full * 0.5, style, { minFontSize: 26 });
    expect(cut.fontSize).toBe(26);
    expect(cut.text).toMatch(/…$/);
    expect(await satoriWidth(cut.text, { ...style, fontSize: 26 }, inter)).toBeLessThanOrEqual(full * 0.5);
  });

  it('measures characters the face lacks from the bundled fallbacks, and CJK and emoji on the wide side', () => {
    const latin = textWidth('Zoe', { fontSize: 20 });
    expect(textWidth('Zoë', { fontSize: 20 })).toBeCloseTo(latin, 0);
    expect(textWidth('Иван', { fontSize: 20 })).toBeGreaterThan(0);
    expect(textWidth('山田', { fontSize: 20 })).toBeGreaterThanOrEqual(40);
    expect(textWidth('👩‍💻', { fontSize: 20 })).toBeGreaterThanOrEqual(20);
    expect(textWidth('👩‍💻', { fontSize: 20 })).toBeLessThan(30); // one image, not three characters
  });
});
