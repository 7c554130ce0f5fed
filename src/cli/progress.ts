// Build progress for the terminal. On a TTY (stderr): a live bar — threads done of all, cards
// (counted as each card is done, not only when its thread is), cards/s, ETA — with failures and
// warnings printed above it. Otherwise: one plain line per thread
// as it finishes (report.ts). With --json: nothing (stdout carries only the JSON report).
import { MultiBar, Presets, type SingleBar } from 'cli-progress';
import type { ThreadReport } from '../build.ts';
import { printThread, threadProblems } from './report.ts';

export interface Progress {
  start(threads: number): void;
  /** A card of the thread `input` is done (its thread still rendering). */
  card(input: string): void;
  thread(report: ThreadReport): void;
  stop(): void;
}

export function createProgress(mode: { json: boolean; tty: boolean }): Progress {
  if (mode.json) return { start() {}, card() {}, thread() {}, stop() {} };
  if (!mode.tty) return { start() {}, card() {}, thread: printThread, stop() {} };
  return barProgress();
}

function barProgress(): Progress {
  const multi = new MultiBar(
    {
      stream: process.stderr,
      format: ' {bar} {value}/{total} threads · {cards} cards · {rate} cards/s · ETA {eta_formatted}',
      hideCursor: true,
      clearOnComplete: true,
      etaBuffer: 20,
      fps: 5,
    },
    Presets.shades_classic,
  );
  let bar: SingleBar | undefined;
  /** Cards of finished threads, and cards done so far of each thread still rendering. */
  let cards = 0;
  let rendered = 0;
  const live = new Map<string, number>();
  let liveCards = 0;
  const t0 = performance.now();
  const payload = () => {
    const secs = (performance.now() - t0) / 1000;
    return { cards: cards + liveCards, rate: ((rendered + liveCards) / Math.max(secs, 0.001)).toFixed(1) };
  };
  return {
    start(threads) {
      bar = multi.create(threads, 0, { cards: 0, rate: '0.0' });
    },
    card(input) {
      live.set(input, (live.get(input) ?? 0) + 1);
      liveCards++;
      bar?.update(payload());
    },
    thread(report) {
      const problems = threadProblems(report);
      if (problems) multi.log(problems);
      liveCards -= live.get(report.input) ?? 0;
      live.delete(report.input);
      cards += report.cards;
      if (report.status === 'built') rendered += report.cards - report.reused;
      bar?.increment(1, payload());
    },
    stop() {
      multi.stop();
    },
  };
}
