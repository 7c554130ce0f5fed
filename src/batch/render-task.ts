// One thread's render, run in a worker thread: the loaded thread in, its outputs (PNG, SVG, PDF,
// Markdown) out, in memory. The main thread writes them: a worker stopped at its deadline or by
// Ctrl+C never holds a half-written file.
import path from 'node:path';
import { readFileSync } from 'node:fs';
import type { FontFace } from '../assets/fonts.ts';
import { threadToMarkdown } from '../export/markdown.ts';
import { renderThread, type CardReuse } from '../pipeline.ts';
import { platformWarnings } from '../layout/platform-checks.ts';
import type { ThemeOverrides } from '../model/index.ts';
import { planOutputs } from '../write/output-paths.ts';
import { toDiagnostics } from './to-diagnostics.ts';
import { sha256 } from '../hash.ts';
import { renderSlice } from './render-slice.ts';
import type { CachedCard, RenderedOutputs, RenderResult, RenderTask } from './task.ts';

export type { CachedCard, RenderedOutputs, RenderResult, RenderTask };

export async function renderTask(task: RenderTask): Promise<RenderResult> {
  task.port?.postMessage('start');
  const result: RenderResult = { cards: 0, warnings: [], errors: [] };
  const thread = task.thread;
  reviveFonts(thread.options.theme);
  reviveFonts(task.layout.theme);
  reviveFonts(task.layout.config?.theme);
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
      if (rendered.html !== undefined) outputs.html = rendered.html;
      if (rendered.pptx) outputs.pptx = rendered.pptx;
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
