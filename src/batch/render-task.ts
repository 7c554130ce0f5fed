// One thread's render, run in a worker thread: the loaded thread in, its outputs (PNG, SVG, PDF,
// Markdown) out, in memory. The main thread writes them: a worker stopped at its deadline or by
// Ctrl+C never holds a half-written file.
import path from 'node:path';
import { readFileSync } from 'node:fs';
import type { MessagePort } from 'node:worker_threads';
import type { Diagnostic } from '../diagnostics.ts';
import type { CardSize, OutputKind, Thread } from '../model.ts';
import type { FontFace } from '../assets/fonts.ts';
import { threadToMarkdown } from '../export/markdown.ts';
import { renderThread, type CardReuse, type RenderOptions } from '../pipeline.ts';
import { platformWarnings } from '../layout/platform-checks.ts';
import type { ThemeOverrides } from '../theme/theme.ts';
import { planOutputs } from '../write/output-paths.ts';
import { toDiagnostics } from './to-diagnostics.ts';
import { sha256 } from './cache-key.ts';
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
  /** Last build's card files, by card key, and the key's salt (the tool's version): unchanged cards are read back, not rendered. */
  reuse?: { salt: string; cards: CachedCard[] };
  /** Where the worker says it has started (the deadline runs from then) and each card it finishes. */
  port?: MessagePort;
}

/** A card file a previous build wrote, as its manifest records it. */
export interface CachedCard {
  key: string;
  kind: 'png' | 'svg';
  path: string;
  sha256: string;
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
  /** Card keys, in the order of the outputs (when the task had `reuse`). */
  keys?: string[];
  /** Cards read back from the last build instead of rendered. */
  reused?: number;
}

export async function renderTask(task: RenderTask): Promise<RenderResult> {
  task.port?.postMessage('start');
  const result: RenderResult = { cards: 0, warnings: [], errors: [] };
  const thread = task.thread;
  reviveFonts(thread.options.theme);
  reviveFonts(task.layout.theme);
  const extra = {
    ...(task.reuse && { reuse: cardReuse(task.reuse) }),
    // A number on the port: one more card done, of that many in the thread.
    ...(task.port && { onCard: (_: number, cards: number) => task.port!.postMessage(cards) }),
  };
  try {
    if (task.slice) return await renderSlice(thread, task, task.slice, extra);
    const outputs: RenderedOutputs = { png: [], svg: [] };
    const cardFormats = task.formats.filter((f) => f !== 'md');
    if (cardFormats.length) {
      const rendered = await renderThread(thread, { ...task.layout, ...extra, formats: cardFormats });
      const { deck } = rendered;
      Object.assign(result, { keys: rendered.keys, reused: rendered.reused });
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
  } finally {
    // After the last card: the pool waits for this before it reports the thread (pool.ts).
    task.port?.postMessage('end');
    task.port?.close();
  }
  return result;
}

/** Reads a cached card file back, only if it still holds the bytes the manifest recorded. */
function cardReuse({ salt, cards }: NonNullable<RenderTask['reuse']>): CardReuse {
  const byKey = new Map<string, CachedCard[]>();
  for (const c of cards) byKey.set(c.key, [...(byKey.get(c.key) ?? []), c]);
  const read = (c: CachedCard | undefined): Uint8Array | undefined => {
    if (!c) return undefined;
    try {
      const bytes = readFileSync(c.path);
      return sha256(bytes) === c.sha256 ? bytes : undefined;
    } catch {
      return undefined;
    }
  };
  return {
    salt,
    get(key) {
      const found = byKey.get(key);
      if (!found) return undefined;
      const png = read(found.find((c) => c.kind === 'png'));
      const svg = read(found.find((c) => c.kind === 'svg'));
      return { ...(png && { png }), ...(svg && { svg: Buffer.from(svg).toString('utf8') }) };
    },
  };
}

/** Font bytes arrive as plain Uint8Arrays (structured clone); the font code expects Buffers. */
function reviveFonts(theme: ThemeOverrides | undefined): void {
  const revive = (faces: FontFace[] | undefined) => faces?.forEach((f) => (f.data = Buffer.from(f.data.buffer, f.data.byteOffset, f.data.byteLength)));
  revive(theme?.bodyFonts);
  revive(theme?.headingFonts);
}
