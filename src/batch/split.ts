// One thread on several workers (a batch with fewer threads than workers, e.g. one big thread):
// `count` slices share its PNG/SVG cards (render-slice.ts) while one more task makes the PDF, the
// handout and the Markdown, which need the whole deck. The results are merged into one, in card order. A slice
// that fails or runs past the deadline fails the thread and stops the other slices. With a built-in
// template the thread is laid out once, here, while the workers start, and every task gets the
// cards; a template file (user code) is laid out in the workers, under their deadline.
import type { Diagnostic } from '../diagnostics.ts';
import { isTemplatePath } from '../template/names.ts';
import type { BuildPool } from './pool.ts';
import { StoppedError } from './pool-errors.ts';
import { toDiagnostics } from './to-diagnostics.ts';
import type { RenderResult, RenderTask } from './render-task.ts';
import { presentation } from '../load/presentation.ts';

/** `onCard` counts the slices' cards (the PDF task's pages are the same cards again). */
export async function renderSplit(pool: BuildPool, task: RenderTask, count: number, opts: { timeoutMs?: number; signal?: AbortSignal; onCard?: (cards: number) => void }): Promise<RenderResult> {
  if (!isTemplatePath(presentation(task.thread.options, task.layout, task.layout.config).template)) {
    try {
      const { layoutThread } = await import('../layout/paginate.ts');
      const deck = await layoutThread(task.thread, task.layout);
      task = { ...task, layout: { ...task.layout, laidOut: { cards: deck.cards, warnings: deck.warnings } } };
    } catch (err) {
      return { cards: 0, warnings: [], errors: toDiagnostics(err, task.thread.file) };
    }
  }
  const stop = new AbortController();
  const onAbort = () => stop.abort();
  opts.signal?.addEventListener('abort', onAbort, { once: true });
  const run = (t: RenderTask, onCard?: (cards: number) => void) =>
    pool.run(t, { ...opts, signal: stop.signal, onCard }).then((r) => {
      if (r.errors.length) stop.abort();
      return r;
    });
  const whole = task.formats.filter((f) => f === 'pdf' || f === 'handout' || f === 'md' || f === 'html' || f === 'pptx');
  const runs = Array.from({ length: count }, (_, index) => run({ ...task, slice: { index, count } }, opts.onCard));
  if (whole.length) runs.push(run({ ...task, formats: whole, reuse: undefined }));
  let settled: Array<PromiseSettledResult<RenderResult>>;
  try {
    settled = await Promise.allSettled(runs.map((p) => p.catch((err: unknown) => (stop.abort(), Promise.reject(err)))));
  } finally {
    opts.signal?.removeEventListener('abort', onAbort);
  }
  const results = settled.flatMap((s) => (s.status === 'fulfilled' ? [s.value] : []));
  const failed = results.find((r) => r.errors.length);
  if (failed) return { cards: 0, warnings: [], errors: failed.errors };
  const rejected = settled.flatMap((s) => (s.status === 'rejected' ? [s.reason as unknown] : []));
  if (rejected.length) throw rejected.find((e) => !(e instanceof StoppedError)) ?? rejected[0];
  return merge(results.slice(0, count), results[count]);
}

function merge(slices: RenderResult[], whole: RenderResult | undefined): RenderResult {
  const first = slices[0]!;
  const png: Uint8Array[] = [];
  const svg: string[] = [];
  const keys: string[] = [];
  let reused = 0;
  for (const s of slices) {
    s.indices!.forEach((card, i) => {
      if (s.outputs!.png[i]) png[card] = s.outputs!.png[i]!;
      if (s.outputs!.svg[i] !== undefined) svg[card] = s.outputs!.svg[i]!;
      if (s.keys?.[i]) keys[card] = s.keys[i]!;
    });
    reused += s.reused ?? 0;
  }
  const seen = new Set<string>();
  const warnings: Diagnostic[] = [];
  for (const w of [...first.warnings, ...(whole?.warnings ?? [])]) {
    const key = JSON.stringify(w);
    if (!seen.has(key)) seen.add(key), warnings.push(w);
  }
  return {
    cards: first.cards,
    ...(first.size && { size: first.size }),
    warnings,
    errors: [],
    keys,
    reused,
    outputs: { png, svg, ...(whole?.outputs?.pdf && { pdf: whole.outputs.pdf }), ...(whole?.outputs?.handout && { handout: whole.outputs.handout }), ...(whole?.outputs?.md !== undefined && { md: whole.outputs.md }), ...(whole?.outputs?.html !== undefined && { html: whole.outputs.html }), ...(whole?.outputs?.pptx && { pptx: whole.outputs.pptx }) },
  };
}
