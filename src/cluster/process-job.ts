// A render job's work, in a sandboxed child process of a worker: the task rendered (render-task.ts),
// then written under the output root as the local build writes (write-outputs.ts: temp file + rename,
// manifest last). A render with errors fails the job for good; a crash of this process is retried.
import type { Job } from 'bullmq';
import { UnrecoverableError } from 'bullmq';
import type { MessagePort } from 'node:worker_threads';
import { renderTask } from '../batch/render-task.ts';
import { readManifest } from '../batch/cache-manifest.ts';
import { writeOutputs } from '../batch/write-outputs.ts';
import { decodeTask, encodeResult } from './codec.ts';
import { FAILED_PREFIX, type RenderJobData, type RenderJobResult } from './job.ts';

/** The worker's --out, handed to its children (environment). */
export const OUT_ENV = 'THREADECK_WORKER_OUT';

export async function processJob(job: Job<RenderJobData>): Promise<RenderJobResult> {
  const data = job.data;
  const outDir = process.env[OUT_ENV] || data.outDir;
  const task = decodeTask(data.task);
  task.outDir = outDir;
  // Test hook (tests/cluster-faults.test.ts): a thread holding the marker crashes this process.
  const marker = process.env.THREADECK_CLUSTER_CRASH_MARKER;
  if (marker && task.thread.posts.some((p) => p.text.includes(marker))) process.abort();
  let done = 0;
  // render-task.ts reports each finished card on its port: here, as job progress (one event per card).
  const port = {
    postMessage: (m: unknown) => {
      if (typeof m === 'number') void job.updateProgress({ done: ++done, cards: m }).catch(() => undefined);
    },
    close: () => undefined,
  } as unknown as MessagePort;
  const render = await renderTask({ ...task, port });
  const warnings = [...data.warnings, ...render.warnings];
  if (render.errors.length) throw new UnrecoverableError(FAILED_PREFIX + JSON.stringify(render.errors));
  // A share of a big thread: back to the build, which merges the shares and writes them.
  if (data.part) return { cards: render.cards, files: [], written: 0, reused: render.reused ?? 0, warnings: render.warnings, part: encodeResult(render) };
  const previous = await readManifest(outDir, data.slug);
  const { files, written } = await writeOutputs(
    { input: data.input, slug: data.slug, title: data.title, key: data.key, render, warnings, sources: data.sources, settings: data.settings },
    outDir,
    data.formats,
    previous,
  );
  return { cards: render.cards, files, written, reused: render.reused ?? 0, warnings };
}
