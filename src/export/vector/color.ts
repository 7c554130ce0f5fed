// CSS/SVG colours as satori writes them (#rgb, #rrggbb, #rrggbbaa, rgb(), rgba(), hsl(), a few
// names) → RGB in 0..1 plus alpha.

export interface Rgba {
  r: number;
  g: number;
  b: number;
  a: number;
}

const NAMED: Record<string, string> = {
  black: '#000000', white: '#ffffff', red: '#ff0000', green: '#008000', blue: '#0000ff', yellow: '#ffff00',
  gray: '#808080', grey: '#808080', silver: '#c0c0c0', orange: '#ffa500', purple: '#800080', navy: '#000080',
  teal: '#008080', maroon: '#800000', olive: '#808000', lime: '#00ff00', aqua: '#00ffff', cyan: '#00ffff',
  fuchsia: '#ff00ff', magenta: '#ff00ff', pink: '#ffc0cb', transparent: '#00000000',
};

/** undefined: not a colour this reader knows (the caller decides); null: `none`. */
export function parseColor(value: string | undefined): Rgba | null | undefined {
  if (value === undefined) return undefined;
  let v = value.trim().toLowerCase();
  if (v === 'none') return null;
  v = NAMED[v] ?? v;
  if (v.startsWith('#')) {
    let hex = v.slice(1);
    if (hex.length === 3 || hex.length === 4) hex = [...hex].map((c) => c + c).join('');
    if (!/^[0-9a-f]{6}([0-9a-f]{2})?$/.test(hex)) return undefined;
    const byte = (i: number) => Number.parseInt(hex.slice(i, i + 2), 16) / 255;
    return { r: byte(0), g: byte(2), b: byte(4), a: hex.length === 8 ? byte(6) : 1 };
  }
  const fn = /^(rgba?|hsla?)\(([^)]*)\)$/.exec(v);
  if (!fn) return undefined;
  const parts = fn[2]!.split(/[\s,/]+/).filter(Boolean);
  if (parts.length < 3) return undefined;
  const alpha = parts[3] === undefined ? 1 : channel(parts[3], 1);
  if (fn[1]!.startsWith('rgb')) return { r: channel(parts[0]!, 255), g: channel(parts[1]!, 255), b: channel(parts[2]!, 255), a: alpha };
  const h = ((Number.parseFloat(parts[0]!) % 360) + 360) % 360;
  const s = channel(parts[1]!, 1);
  const l = channel(parts[2]!, 1);
  const k = (n: number) => (n + h / 30) % 12;
  const f = (n: number) => l - s * Math.min(l, 1 - l) * Math.max(-1, Math.min(k(n) - 3, 9 - k(n), 1));
  return { r: f(0), g: f(8), b: f(4), a: alpha };
}

/** `50%` → 0.5; `128` of 255 → 0.502; clamped to 0..1. */
function channel(s: string, scale: number): number {
  const n = Number.parseFloat(s);
  const v = s.endsWith('%') ? n / 100 : n / scale;
  return Number.isFinite(v) ? Math.min(1, Math.max(0, v)) : 0;
}
