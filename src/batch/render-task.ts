// One thread's render, run in a worker thread: the loaded thread in, its outputs (PNG, SVG, PDF,
// Markdown) out, in memory. The main thread writes them: a worker stopped at its deadline or by
// Ctrl+C never holds a half-written file.
import path from 'node:path';
import type { MessagePort } from 'node:worker_threads';
import type { Diagnostic } from '../diagnostics.ts';
import type { CardSize, OutputKind, Thread } from '../model.ts';
import type { FontFace } from '../assets/fonts.ts';
import { threadToMarkdown } from '../export/markdown.ts';
import { renderThread, type RenderOptions } from '../pipeline.ts';
import { platformWarnings } from '../layout/platform-checks.ts';
import type { ThemeOverrides } from '../theme/theme.ts';
import { planOutputs } from '../write/output-paths.ts';
import { toDiagnostics } from './to-diagnostics.ts';
import { renderSlice } from './render-slice.ts';

export interface RenderTask {
  /** Loaded by the main thread (prepare.ts), slug already unique in the batch. */
  thread: Thread;
  outDir: string;
  formats: OutputKind[];
  /** renderThread's options (size, template, theme, …) but the formats. */
  layout: Omit<RenderOptions, 'formats'>;
  /** Render only this share of the cards, PNG/SVG only (render-slice.ts). */
  slice?: { index: number; count: number };
  /** Where the worker says it has started (the deadline runs from then). */
  port?: MessagePort;
}

export interface RenderedOutputs {
  png: Uint8Array[];
  svg: string[];
  pdf?: Uint8Array;
  handout?: { bytes: Uint8Array; pages: number };
  md?: string;
}

export interface RenderResult {
  cards: number;
  size?: CardSize;
  warnings: Diagnostic[];
  errors: Diagnostic[];
  outputs?: RenderedOutputs;
  /** A slice's card indices, in the order of its outputs (absent: all cards, in order). */
  indices?: number[];
}

export async function renderTask(task: RenderTask): Promise<RenderResult> {
  task.port?.postMessage('start');
  task.port?.close();
  const result: RenderResult = { cards: 0, warnings: [], errors: [] };
  const thread = task.thread;
  reviveFonts(thread.options.theme);
  reviveFonts(task.layout.theme);
  try {
    if (task.slice) return await renderSlice(thread, task, task.slice);
    const outputs: RenderedOutputs = { png: [], svg: [] };
    const cardFormats = task.formats.filter((f) => f !== 'md');
    if (cardFormats.length) {
      const rendered = await renderThread(thread, { ...task.layout, formats: cardFormats });
      const { deck } = rendered;
      result.cards = deck.cards.length;
      result.size = deck.size;
      result.warnings.push(...deck.warnings, ...platformWarnings(deck, task.formats, rendered.pdf?.byteLength));
      if (task.formats.includes('png')) outputs.png = rendered.pngs;
      if (task.formats.includes('svg')) outputs.svg = rendered.svgs;
      if (rendered.pdf) outputs.pdf = rendered.pdf;
      if (rendered.handout) outputs.handout = rendered.handout;
    }
    if (task.formats.includes('md')) {
      const file = planOutputs(task.outDir, thread.slug, 0).md;
      outputs.md = threadToMarkdown(thread, { dir: path.dirname(file) });
    }
    result.outputs = outputs;
  } catch (err) {
    result.errors.push(...toDiagnostics(err, thread.file));
  }
  return result;
}

/** Font bytes arrive as plain Uint8Arrays (structured clone); the font code expects Buffers. */
function reviveFonts(theme: ThemeOverrides | undefined): void {
  const revive = (faces: FontFace[] | undefined) => faces?.forEach((f) => (f.data = Buffer.from(f.data.buffer, f.data.byteOffset, f.data.byteLength)));
  revive(theme?.bodyFonts);
  revive(theme?.headingFonts);
}
