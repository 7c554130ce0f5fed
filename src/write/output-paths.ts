// The one place that names output files: output/<slug>/<slug>-01.png …, output/<slug>/<slug>.pdf,
// output/<slug>/<slug>-handout.pdf, output/<slug>/<slug>.md, output/<slug>/<slug>.html and output/<slug>/<slug>.pptx.
import path from 'node:path';
import type { OutputKind } from '../model/index.ts';

export interface OutputPlan {
  dir: string;
  cards: Record<'png' | 'svg', string[]>;
  pdf: string;
  /** The printable handout PDF. */
  handout: string;
  /** The Markdown export. */
  md: string;
  /** The self-contained HTML deck. */
  html: string;
  /** The PowerPoint deck. */
  pptx: string;
}

export function planOutputs(outDir: string, slug: string, cardCount: number): OutputPlan {
  const dir = path.join(outDir, slug);
  const width = Math.max(2, String(cardCount).length);
  const names = (ext: string) =>
    Array.from({ length: cardCount }, (_, i) => path.join(dir, `${slug}-${String(i + 1).padStart(width, '0')}.${ext}`));
  return { dir, cards: { png: names('png'), svg: names('svg') }, pdf: path.join(dir, `${slug}.pdf`), handout: path.join(dir, `${slug}-handout.pdf`), md: path.join(dir, `${slug}.md`), html: path.join(dir, `${slug}.html`), pptx: path.join(dir, `${slug}.pptx`) };
}

/** True for a file this tool wrote as a card of `slug` in an earlier run (any card count). */
export function isCardFile(name: string, slug: string, kind: OutputKind): boolean {
  if (!name.startsWith(`${slug}-`) || !name.endsWith(`.${kind}`)) return false;
  return /^\d+$/.test(name.slice(slug.length + 1, -(kind.length + 1)));
}
