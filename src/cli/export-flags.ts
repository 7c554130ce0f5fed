// How the PDFs are made: --pdf vector|raster, --layout cards|handout, --paper, --per-page.
import { PER_PAGE, PAPERS, type HandoutOptions, type Paper, type PerPage } from '../export/handout/paper.ts';
import type { PdfMode } from '../export/pdf.ts';
import { UsageError } from './usage-error.ts';

export const exportArgs = {
  pdf: { type: 'string', default: 'vector', description: 'PDF pages: vector (real text and shapes, small) or raster (the PNG pixels under an invisible text layer)', valueHint: 'vector|raster' },
  layout: { type: 'string', default: 'cards', description: 'cards: the PDF is the carousel (a page per card); handout: the PDF is a printable handout (<slug>-handout.pdf); or add handout to --format', valueHint: 'cards|handout' },
  paper: { type: 'string', default: 'a4', description: `Handout paper: ${Object.keys(PAPERS).join(', ')}`, valueHint: 'a4|letter' },
  'per-page': { type: 'string', default: '3', description: `Handout cards per page: ${PER_PAGE.join(', ')}`, valueHint: 'N' },
} as const;

export interface ExportFlags {
  pdf: PdfMode;
  layout: 'cards' | 'handout';
  handout: HandoutOptions;
}

export function exportFlags(args: Record<string, unknown>): ExportFlags {
  const pdf = String(args.pdf ?? 'vector').toLowerCase();
  if (pdf !== 'vector' && pdf !== 'raster') throw new UsageError(`--pdf expects vector or raster; got "${args.pdf}"`);
  const layout = String(args.layout ?? 'cards').toLowerCase();
  if (layout !== 'cards' && layout !== 'handout') throw new UsageError(`--layout expects cards or handout; got "${args.layout}"`);
  const paper = String(args.paper ?? 'a4').toLowerCase();
  if (!(paper in PAPERS)) throw new UsageError(`--paper expects ${Object.keys(PAPERS).join(' or ')}; got "${args.paper}"`);
  const perPage = Number(args['per-page'] ?? 3);
  if (!(PER_PAGE as readonly number[]).includes(perPage)) throw new UsageError(`--per-page expects one of ${PER_PAGE.join(', ')}; got "${args['per-page']}"`);
  return { pdf, layout, handout: { paper: paper as Paper, perPage: perPage as PerPage } };
}
