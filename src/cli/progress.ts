// Build progress for the terminal. On a TTY (stderr): a live bar — threads done of all, cards,
// cards/s, ETA — with failures and warnings printed above it. Otherwise: one plain line per thread
// as it finishes (report.ts). With --json: nothing (stdout carries only the JSON report).
import { MultiBar, Presets, type SingleBar } from 'cli-progress';
import type { ThreadReport } from '../build.ts';
import { printThread, threadProblems } from './report.ts';

export interface Progress {
  start(threads: number): void;
  thread(report: ThreadReport): void;
  stop(): void;
}

export function createProgress(mode: { json: boolean; tty: boolean }): Progress {
  if (mode.json) return { start() {}, thread() {}, stop() {} };
  if (!mode.tty) return { start() {}, thread: printThread, stop() {} };
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
  let cards = 0;
  let rendered = 0;
  const t0 = performance.now();
  return {
    start(threads) {
      bar = multi.create(threads, 0, { cards: 0, rate: '0.0' });
    },
    thread(report) {
      const problems = threadProblems(report);
      if (problems) multi.log(problems);
      cards += report.cards;
      if (report.status === 'built') rendered += report.cards;
      const secs = (performance.now() - t0) / 1000;
      bar?.increment(1, { cards, rate: (rendered / Math.max(secs, 0.001)).toFixed(1) });
    },
    stop() {
      multi.stop();
    },
  };
}
