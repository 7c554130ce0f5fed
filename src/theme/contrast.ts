// WCAG 2 contrast: relative luminance of sRGB colours and the ratio between two of them.
// Used to check every built-in template's text/background pairs (AA: 4.5:1 body, 3:1 large text).

export function luminance(hex: string): number {
  let h = hex.replace('#', '');
  if (h.length === 3) h = [...h].map((c) => c + c).join('');
  const [r, g, b] = [0, 2, 4].map((i) => {
    const c = parseInt(h.slice(i, i + 2), 16) / 255;
    return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  }) as [number, number, number];
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

export function contrastRatio(a: string, b: string): number {
  const la = luminance(a);
  const lb = luminance(b);
  return (Math.max(la, lb) + 0.05) / (Math.min(la, lb) + 0.05);
}

import type { ContrastPair } from '../model/index.ts';
export type { ContrastPair };

export const AA_BODY = 4.5;
export const AA_LARGE = 3;

/** The pairs that fall short of WCAG AA, with their ratios. */
export function failingPairs(pairs: readonly ContrastPair[]): Array<ContrastPair & { ratio: number }> {
  return pairs
    .map((p) => ({ ...p, ratio: contrastRatio(p.fg, p.bg) }))
    .filter((p) => p.ratio < (p.large ? AA_LARGE : AA_BODY));
}
