// The preview's render queue: one render at a time, the newest request winning (requests made
// while a render runs fold into one more render); renders and exports serialised by one lock
// (satori and resvg are not run concurrently); and the cache writes they leave behind, which
// idle() waits for too.
export class RenderQueue {
  private pending = false;
  private running: Promise<void> | undefined;
  private lock: Promise<unknown> = Promise.resolve();
  private readonly writes = new Set<Promise<void>>();

  constructor(private readonly render: () => Promise<unknown>) {}

  /** Schedules a render; renders in flight finish first, the latest request wins. */
  request(): Promise<void> {
    this.pending = true;
    if (!this.running) {
      this.running = (async () => {
        while (this.pending) {
          this.pending = false;
          await this.render();
        }
        this.running = undefined;
      })();
    }
    return this.running;
  }

  /** Runs `fn` once every render or export before it is done. */
  withLock<T>(fn: () => Promise<T>): Promise<T> {
    const run = this.lock.then(fn, fn);
    this.lock = run.catch(() => undefined);
    return run;
  }

  /** A background write (best effort: its failure is ignored). */
  track(job: Promise<void>): void {
    const p = job.catch(() => undefined).finally(() => this.writes.delete(p));
    this.writes.add(p);
  }

  /** Resolves when no render is pending or running and the writes are done. */
  async idle(): Promise<void> {
    while (this.running) await this.running;
    await Promise.all(this.writes);
  }
}
