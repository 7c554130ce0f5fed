// Admission: at most `jobs` renders at once and `queue` more waiting; anything past that is refused
// at once (429 with Retry-After) instead of piling up memory.

export class QueueFullError extends Error {}

export class Gate {
  private active = 0;
  private readonly waiting: (() => void)[] = [];

  constructor(
    private readonly jobs: number,
    private readonly queue: number,
  ) {}

  /** Requests waiting for a render slot. */
  get depth(): number {
    return this.waiting.length;
  }

  get running(): number {
    return this.active;
  }

  /** Resolves to a release function once a slot is free; throws QueueFullError when the queue is full. */
  enter(signal?: AbortSignal): Promise<() => void> {
    let released = false;
    const release = () => {
      if (released) return;
      released = true;
      const next = this.waiting.shift();
      if (next) next();
      else this.active--;
    };
    if (this.active < this.jobs) {
      this.active++;
      return Promise.resolve(release);
    }
    if (this.waiting.length >= this.queue) return Promise.reject(new QueueFullError('the render queue is full'));
    return new Promise((resolve, reject) => {
      const go = () => {
        signal?.removeEventListener('abort', abort);
        resolve(release);
      };
      const abort = () => {
        const i = this.waiting.indexOf(go);
        if (i >= 0) this.waiting.splice(i, 1);
        reject(signal!.reason);
      };
      signal?.addEventListener('abort', abort, { once: true });
      this.waiting.push(go);
    });
  }
}
