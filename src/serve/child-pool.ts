// A small pool of render child processes (child_process.fork), reused from request to request: a
// child that crashes or passes its deadline is killed and replaced, and only its request fails.
import { fork, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { COMPILED, packageFile } from '../package-root.ts';
import type { RenderResult, RenderTask } from '../batch/render-task.ts';
import type { ChildRequest, ChildResponse } from './child-entry.ts';

export class ChildCrashError extends Error {}
/** Each render child's old-generation heap limit, in MB. */
export const CHILD_HEAP_MB = 1024;
export class ChildDeadlineError extends Error {}

const ENTRY = COMPILED ? packageFile('dist', 'serve-child.js') : fileURLToPath(new URL('./child.js', import.meta.url));

interface Slot {
  child: ChildProcess;
  ready: Promise<void>;
  busy?: { id: number; resolve: (r: RenderResult) => void; reject: (e: Error) => void };
}

export class ChildPool {
  private readonly slots: Slot[] = [];
  private readonly idle: Slot[] = [];
  private readonly waiters: ((s: Slot) => void)[] = [];
  private nextId = 1;
  private closed = false;
  /** Children replaced after a crash or a deadline. */
  restarts = 0;

  constructor(size: number) {
    for (let i = 0; i < size; i++) this.add();
  }

  private add(): void {
    // A heap cap of its own: a render that runs away in memory ends its child, not the machine.
    const child = fork(ENTRY, [], { serialization: 'advanced', stdio: ['ignore', 'ignore', 'inherit', 'ipc'], env: process.env, execArgv: [`--max-old-space-size=${CHILD_HEAP_MB}`] });
    let started = false;
    const slot: Slot = { child, ready: new Promise((resolve) => child.once('message', () => resolve())) };
    void slot.ready.then(() => (started = true));
    child.on('message', (msg: ChildResponse | 'ready') => {
      if (msg === 'ready' || !slot.busy || msg.id !== slot.busy.id) return;
      const { resolve } = slot.busy;
      slot.busy = undefined;
      this.release(slot);
      resolve(msg.result);
    });
    child.on('exit', (code, signal) => {
      const i = this.slots.indexOf(slot);
      if (i >= 0) this.slots.splice(i, 1);
      const j = this.idle.indexOf(slot);
      if (j >= 0) this.idle.splice(j, 1);
      if (slot.busy) {
        slot.busy.reject(new ChildCrashError(`the renderer crashed (${signal ?? `exit code ${code}`}); the request was not rendered`));
        slot.busy = undefined;
      }
      if (!this.closed) {
        this.restarts++;
        // A child that dies before it is ready (a broken install) is retried after a pause, not in a tight loop.
        if (started) this.add();
        else setTimeout(() => !this.closed && this.add(), 1000).unref();
      }
    });
    this.slots.push(slot);
    void slot.ready.then(() => {
      if (this.slots.includes(slot) && !slot.busy) this.release(slot);
    });
  }

  private release(slot: Slot): void {
    const next = this.waiters.shift();
    if (next) next(slot);
    else this.idle.push(slot);
  }

  private take(): Promise<Slot> {
    const slot = this.idle.shift();
    return slot ? Promise.resolve(slot) : new Promise((resolve) => this.waiters.push(resolve));
  }

  /** Renders a task on a child; past `deadlineMs` (from when a child takes it) the child is killed. */
  async run(task: RenderTask, deadlineMs: number): Promise<RenderResult> {
    const slot = await this.take();
    const id = this.nextId++;
    return new Promise<RenderResult>((resolve, reject) => {
      const timer = deadlineMs > 0 ? setTimeout(() => {
        if (slot.busy?.id !== id) return;
        slot.busy.reject = () => undefined;
        slot.child.kill('SIGKILL');
        reject(new ChildDeadlineError(`the render took longer than ${Math.round(deadlineMs / 1000)} s and was stopped`));
      }, deadlineMs) : undefined;
      const done = <T>(f: (v: T) => void) => (v: T) => {
        clearTimeout(timer);
        f(v);
      };
      slot.busy = { id, resolve: done(resolve), reject: done(reject) };
      slot.child.send({ id, task } satisfies ChildRequest);
    });
  }

  /** Stops every child. */
  close(): void {
    this.closed = true;
    for (const s of this.slots) s.child.kill('SIGKILL');
  }
}
