// How a thread on the pool can end short — past its deadline, stopped, its worker dead — in a
// module of its own, so the build can tell them apart without loading the pool (piscina).
/** The thread ran past its deadline; its worker was terminated. */
export class DeadlineError extends Error {
  constructor(readonly seconds: number) {
    super(`rendering took longer than ${seconds} s and was stopped`);
  }
}

/** The build was stopped before this thread finished. */
export class StoppedError extends Error {
  constructor() {
    super('not built: the build was stopped');
  }
}

/** Each worker's JavaScript heap limit; a 300-post thread as PNG + PDF needs about half of it. */
export const WORKER_HEAP_MB = 512;

/** The message for a worker that died: out of memory (its heap limit), or anything else. */
export function workerFailure(err: unknown): string {
  if ((err as { code?: string })?.code === 'ERR_WORKER_OUT_OF_MEMORY') return `rendering ran out of memory (a render worker's heap is limited to ${WORKER_HEAP_MB} MB); split the thread into smaller ones`;
  return `the render worker failed: ${err instanceof Error ? err.message : String(err)}`;
}
