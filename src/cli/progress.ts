// Build progress for the terminal. On a TTY (stderr): a live bar in cards (counted as each card is
// done, not only when its thread is) with threads done of all, cards/s and an ETA, failures and
// warnings printed above it. Otherwise: one plain line per thread as it finishes (report.ts).
// With --json: nothing (stdout carries only the JSON report).
import { MultiBar, Presets, type SingleBar } from 'cli-progress';
import type { ThreadReport } from '../build.ts';
import { printThread, threadProblems } from './report.ts';

export interface Progress {
  start(threads: number): void;
  /** A card of the thread `input` is done (its thread still rendering), of `cards` in that thread. */
  card(input: string, cards: number): void;
  thread(report: ThreadReport): void;
  stop(): void;
}

export function createProgress(mode: { json: boolean; tty: boolean }): Progress {
  if (mode.json) return { start() {}, card() {}, thread() {}, stop() {} };
  if (!mode.tty) return { start() {}, card() {}, thread: printThread, stop() {} };
  return barProgress();
}

/**
 * The bar counts cards, so one big thread moves it too and the ETA is in cards. The total is an
 * estimate until every thread is laid out: the cards of threads finished or rendering (a worker
 * reports its thread's card count with each card) plus, for each thread not started yet, the
 * average so far.
 */
function barProgress(): Progress {
  const multi = new MultiBar(
    {
      stream: process.stderr,
      format: ' {bar} {threads}/{threadsTotal} threads · {value} cards · {rate} cards/s · ETA {eta_formatted}',
      hideCursor: true,
      clearOnComplete: true,
      etaBuffer: 50,
      fps: 5,
    },
    Presets.shades_classic,
  );
  let bar: SingleBar | undefined;
  let threadsTotal = 0;
  let threadsDone = 0;
  /** Cards of finished threads, and of those how many were rendered (not cached or reused). */
  let doneCards = 0;
  let rendered = 0;
  /** Threads still rendering: cards done so far and the thread's card count. */
  const live = new Map<string, { done: number; cards: number }>();
  const t0 = performance.now();
  const refresh = () => {
    let liveDone = 0;
    let liveCards = 0;
    for (const t of live.values()) (liveDone += t.done), (liveCards += t.cards);
    const known = threadsDone + live.size;
    const average = known ? (doneCards + liveCards) / known : 10;
    const total = Math.max(1, Math.round(doneCards + liveCards + average * Math.max(0, threadsTotal - known)));
    const secs = (performance.now() - t0) / 1000;
    bar?.setTotal(total);
    bar?.update(doneCards + liveDone, { threads: threadsDone, threadsTotal, rate: ((rendered + liveDone) / Math.max(secs, 0.001)).toFixed(1) });
  };
  return {
    start(threads) {
      threadsTotal = threads;
      bar = multi.create(Math.max(1, threads * 10), 0, { threads: 0, threadsTotal: threads, rate: '0.0' });
    },
    card(input, cards) {
      const t = live.get(input) ?? { done: 0, cards };
      t.done++;
      t.cards = cards;
      live.set(input, t);
      refresh();
    },
    thread(report) {
      const problems = threadProblems(report);
      if (problems) multi.log(problems);
      live.delete(report.input);
      threadsDone++;
      doneCards += report.cards;
      if (report.status === 'built') rendered += report.cards - report.reused;
      refresh();
    },
    stop() {
      multi.stop();
    },
  };
}
