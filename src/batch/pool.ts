// The worker pool (piscina): one worker thread per job, each importing the pipeline once, so fonts,
// emoji and templates are parsed once per worker, not per card. A thread gets a deadline that runs
// from the moment its worker starts on it; past it, or when the build is stopped (Ctrl+C,
// --fail-fast), the worker is terminated — a hung render cannot stall the batch — and piscina
// starts a fresh one for the next thread.
import { MessageChannel } from 'node:worker_threads';
import { pathToFileURL } from 'node:url';
import { Piscina } from 'piscina';
import { COMPILED, packageFile } from '../package-root.ts';
import { defaultJobs } from './defaults.ts';
import { DeadlineError, StoppedError, WORKER_HEAP_MB } from './pool-errors.ts';
import type { RenderResult, RenderTask } from './render-task.ts';

export { DeadlineError, StoppedError, WORKER_HEAP_MB, workerFailure } from './pool-errors.ts';
export { defaultJobs };

/** Each worker's young generation (short-lived objects), in MB. */
export const WORKER_YOUNG_MB = 8;

export class BuildPool {
  private readonly piscina: Piscina;

  constructor(readonly jobs = defaultJobs()) {
    this.piscina = new Piscina({
      // The compiled worker (no tsx) in the package; from source, worker.js registers tsx first.
      filename: COMPILED ? pathToFileURL(packageFile('dist', 'worker.js')).href : new URL('./worker.js', import.meta.url).href,
      minThreads: jobs,
      maxThreads: jobs,
      concurrentTasksPerWorker: 1,
      idleTimeout: Number.POSITIVE_INFINITY,
      // A bounded heap makes V8 collect sooner (a 1,000-card build peaks at ~760 MB instead of ~1,040 MB,
      // for a few % of speed), and a thread that needs more fails alone instead of the whole process.
      // A small young generation keeps satori's short-lived garbage in cache: a 500-card PNG build on
      // 2 workers took 19.1–20.1 s with 8 MB against 21.3–23.2 s with V8's default, on one pinned
      // core 33.5 s against 40.2 s (bench/child-build.ts, this 2-vCPU VM).
      resourceLimits: { maxOldGenerationSizeMb: WORKER_HEAP_MB, maxYoungGenerationSizeMb: WORKER_YOUNG_MB },
    });
  }

  /** Runs one thread's task (`onCard` as each card is done, with the thread's card count); rejects with DeadlineError or StoppedError when it is cut short. */
  async run(task: Omit<RenderTask, 'port'>, opts: { timeoutMs?: number; signal?: AbortSignal; onCard?: (cards: number) => void } = {}): Promise<RenderResult> {
    if (opts.signal?.aborted) throw new StoppedError();
    const abort = new AbortController();
    const stop = () => abort.abort();
    opts.signal?.addEventListener('abort', stop, { once: true });
    const { port1, port2 } = new MessageChannel();
    let timer: NodeJS.Timeout | undefined;
    let late = false;
    let ended!: () => void;
    const end = new Promise<void>((resolve) => (ended = resolve));
    port1.on('message', (message) => {
      if (typeof message === 'number') return opts.onCard?.(message);
      if (message === 'end') return ended();
      if (opts.timeoutMs) timer = setTimeout(() => ((late = true), abort.abort()), opts.timeoutMs);
    });
    try {
      const result = (await this.piscina.run({ ...task, port: port2 }, { transferList: [port2], signal: abort.signal })) as RenderResult;
      // The result travels on piscina's channel, the cards on this port: the worker's last message
      // ('end') says every card message has arrived. A second at most, should it never come.
      await Promise.race([end, new Promise<void>((resolve) => setTimeout(resolve, 1000).unref())]);
      return result;
    } catch (err) {
      if (late) throw new DeadlineError(Math.round(opts.timeoutMs! / 100) / 10);
      if (opts.signal?.aborted) throw new StoppedError();
      throw err;
    } finally {
      clearTimeout(timer);
      port1.close();
      opts.signal?.removeEventListener('abort', stop);
    }
  }

  destroy(): Promise<void> {
    return this.piscina.destroy();
  }
}
