// The orchestrator: for each input file, load (or import) → lay out → render → export → write, and report.
// One failed thread never stops the others; its old outputs stay untouched.
import path from 'node:path';
import { ThreadeckError, type Diagnostic } from './diagnostics.ts';
import type { OutputKind } from './model.ts';
import { loadInput } from './import/load-input.ts';
import { threadToMarkdown } from './export/markdown.ts';
import { renderThread, type RenderOptions } from './pipeline.ts';
import { isCardFile, planOutputs } from './write/output-paths.ts';
import { removeStale, writeFileAtomic } from './write/atomic.ts';
import { platformWarnings } from './layout/platform-checks.ts';

export interface BuildOptions extends RenderOptions {
  /** Output folder; each thread writes into `<outDir>/<slug>/`. */
  outDir: string;
  formats: readonly OutputKind[];
  /** Called after each thread, in input order. */
  onThread?: (report: ThreadReport) => void;
}

export interface FileReport {
  path: string;
  kind: OutputKind;
  bytes: number;
  /** Card size (PNG, SVG, PDF; not Markdown). */
  width?: number;
  height?: number;
  /** PDF only. */
  pages?: number;
}

export interface ThreadReport {
  input: string;
  slug: string | null;
  title: string | null;
  cards: number;
  files: FileReport[];
  warnings: Diagnostic[];
  errors: Diagnostic[];
  ms: number;
}

export interface BuildReport {
  ok: boolean;
  threads: ThreadReport[];
  cards: number;
  ms: number;
}

export async function build(inputs: readonly string[], opts: BuildOptions): Promise<BuildReport> {
  const started = performance.now();
  const threads: ThreadReport[] = [];
  const usedSlugs = new Map<string, string>();
  for (const input of inputs) {
    const report = await buildOne(input, opts, usedSlugs);
    threads.push(report);
    opts.onThread?.(report);
  }
  return {
    ok: threads.every((t) => t.errors.length === 0),
    threads,
    cards: threads.reduce((n, t) => n + t.cards, 0),
    ms: Math.round(performance.now() - started),
  };
}

async function buildOne(input: string, opts: BuildOptions, usedSlugs: Map<string, string>): Promise<ThreadReport> {
  const started = performance.now();
  const report: ThreadReport = { input, slug: null, title: null, cards: 0, files: [], warnings: [], errors: [], ms: 0 };
  try {
    const { thread: loaded, warnings } = await loadInput(input);
    report.warnings.push(...warnings);
    const slug = uniqueSlug(loaded.slug, input, usedSlugs);
    const thread = { ...loaded, slug };
    report.slug = slug;
    report.title = thread.title;
    // Markdown needs no rendering; it is written last, so a thread that fails leaves it untouched too.
    const writeMarkdown = async () => {
      if (!opts.formats.includes('md')) return;
      const file = planOutputs(opts.outDir, slug, 0).md;
      const md = threadToMarkdown(thread, { dir: path.dirname(file) });
      await writeFileAtomic(file, md);
      report.files.push({ path: file, kind: 'md', bytes: Buffer.byteLength(md) });
    };
    if (opts.formats.every((f) => f === 'md')) {
      await writeMarkdown();
      report.ms = Math.round(performance.now() - started);
      return report;
    }
    const rendered = await renderThread(thread, opts);
    const { deck } = rendered;
    report.cards = deck.cards.length;
    report.warnings.push(...deck.warnings);
    const plan = planOutputs(opts.outDir, slug, deck.cards.length);
    const { width, height } = deck.size;

    for (const kind of ['svg', 'png'] as const) {
      if (!opts.formats.includes(kind)) continue;
      const data = kind === 'png' ? rendered.pngs : rendered.svgs;
      for (const [i, file] of plan.cards[kind].entries()) {
        const bytes = data[i]!;
        await writeFileAtomic(file, bytes);
        report.files.push({ path: file, kind, bytes: byteLength(bytes), width, height });
      }
      const keep = new Set(plan.cards[kind].map((f) => path.basename(f)));
      await removeStale(plan.dir, (name) => isCardFile(name, slug, kind) && !keep.has(name));
    }
    report.warnings.push(...platformWarnings(deck, opts.formats, rendered.pdf?.byteLength));
    if (rendered.pdf) {
      await writeFileAtomic(plan.pdf, rendered.pdf);
      report.files.push({ path: plan.pdf, kind: 'pdf', bytes: rendered.pdf.byteLength, width, height, pages: deck.cards.length });
    }
    await writeMarkdown();
  } catch (err) {
    report.errors.push(...toDiagnostics(err, input));
  }
  report.ms = Math.round(performance.now() - started);
  return report;
}

/** Two inputs with the same file name (in different folders) must not write into one folder. */
function uniqueSlug(slug: string, input: string, used: Map<string, string>): string {
  let candidate = slug;
  for (let n = 2; used.has(candidate) && used.get(candidate) !== input; n++) candidate = `${slug}-${n}`;
  used.set(candidate, input);
  return candidate;
}

function byteLength(data: Uint8Array | string): number {
  return typeof data === 'string' ? Buffer.byteLength(data) : data.byteLength;
}

export function toDiagnostics(err: unknown, file: string): Diagnostic[] {
  if (err instanceof ThreadeckError) return err.diagnostics;
  const e = err as NodeJS.ErrnoException;
  if (e?.code && typeof e.code === 'string' && e.syscall) {
    return [{ severity: 'error', rule: 'io', file, message: `cannot write output: ${e.message}` }];
  }
  const message = err instanceof Error ? err.message : String(err);
  const diag: Diagnostic = { severity: 'error', rule: 'internal', file, message: `internal error: ${message}` };
  if (process.env.THREADECK_DEBUG && err instanceof Error && err.stack) diag.message += `\n${err.stack}`;
  return [diag];
}
