// A card's text as satori placed it, with its paint: the <text> elements of the card's SVG drawn
// with embedFont: false (card-layout.ts), each with position, size, face, colour and letter spacing.
// Also the SVG with those elements taken out: the card's non-text layer.

export interface StyledRun {
  text: string;
  /** Left edge and baseline, px; width; the line box's height. */
  x: number;
  y: number;
  width: number;
  height: number;
  fontSize: number;
  /** CSS family as satori got it (lower case). */
  family: string;
  weight: number;
  italic: boolean;
  /** `RRGGBB`, and opacity 0–1. */
  color: string;
  opacity: number;
  letterSpacing: number;
}

const TEXT = /<text\b([^>]*)>([^<]*)<\/text>/g;

const unescapeXml = (s: string) =>
  s.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&#39;/g, "'").replace(/&#x27;/g, "'").replace(/&amp;/g, '&');

export function styledRuns(svg: string): StyledRun[] {
  const out: StyledRun[] = [];
  for (const m of svg.matchAll(TEXT)) {
    const attrs = m[1]!;
    const str = (name: string) => new RegExp(`\\s${name}="([^"]*)"`).exec(attrs)?.[1] ?? '';
    const num = (name: string) => Number(str(name) || 0);
    const text = unescapeXml(m[2]!);
    if (!text.trim()) continue;
    const weight = str('font-weight');
    const paint = color(str('fill') || '#000000');
    out.push({
      text,
      x: num('x'),
      y: num('y'),
      width: num('width'),
      height: num('height'),
      fontSize: num('font-size'),
      family: str('font-family'),
      weight: weight === 'normal' || !weight ? 400 : weight === 'bold' ? 700 : Number(weight),
      italic: str('font-style') === 'italic',
      color: paint.hex,
      opacity: paint.alpha * (str('fill-opacity') ? Number(str('fill-opacity')) : 1) * (str('opacity') ? Number(str('opacity')) : 1),
      letterSpacing: num('letter-spacing'),
    });
  }
  return out;
}

/** The card without its text: what goes under the text boxes as one picture. */
export function withoutText(svg: string): string {
  return svg.replace(TEXT, '');
}

function color(css: string): { hex: string; alpha: number } {
  const h = /^#([0-9a-f]{3,8})$/i.exec(css.trim());
  if (h) {
    let v = h[1]!;
    if (v.length <= 4) v = [...v].map((c) => c + c).join('');
    return { hex: v.slice(0, 6).toUpperCase(), alpha: v.length === 8 ? parseInt(v.slice(6), 16) / 255 : 1 };
  }
  const r = /^rgba?\(([^)]+)\)$/i.exec(css.trim());
  if (r) {
    const [red, green, blue, a] = r[1]!.split(/[\s,/]+/).map(Number);
    const hex = [red, green, blue].map((c) => Math.round(Math.max(0, Math.min(255, c ?? 0))).toString(16).padStart(2, '0')).join('').toUpperCase();
    return { hex, alpha: a ?? 1 };
  }
  if (css === 'white') return { hex: 'FFFFFF', alpha: 1 };
  return { hex: '000000', alpha: 1 };
}
