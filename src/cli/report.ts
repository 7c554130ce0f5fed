// Human-readable build output: one line per thread (stdout), diagnostics on stderr, and a summary
// at the end: threads ok/failed (cached, not built), cards, seconds, cards per second.
import path from 'node:path';
import { formatDiagnostic } from '../diagnostics.ts';
import type { BuildReport, ThreadReport } from '../build.ts';

const rel = (p: string) => path.relative(process.cwd(), p) || p;

/** The diagnostics of a thread, as lines for stderr (warnings, then a ✗ block for a failure). */
export function threadProblems(t: ThreadReport): string {
  let out = '';
  for (const w of t.warnings) out += `${formatDiagnostic(w)}\n`;
  if (t.status === 'failed') {
    out += `✗ ${t.input}\n`;
    for (const e of t.errors) out += `  ${formatDiagnostic(e)}\n`;
  }
  return out;
}

/** The ✓ line of a thread that was written (or was already up to date). */
export function threadLine(t: ThreadReport): string {
  const counts = new Map<string, number>();
  for (const f of t.files) counts.set(f.kind, (counts.get(f.kind) ?? 0) + 1);
  const what = [...counts].map(([k, n]) => `${n} ${k}`).join(', ');
  const dir = t.files[0] ? rel(path.dirname(t.files[0].path)) : '';
  const reused = t.reused ? `, ${t.reused} unchanged card${t.reused === 1 ? '' : 's'} reused` : '';
  const state = t.status === 'cached' ? ', up to date' : t.written < t.files.length ? `, ${t.written} written${reused}` : reused;
  return `✓ ${t.input} → ${dir}/ (${t.cards ? `${t.cards} cards: ` : ''}${what}${state}) ${(t.ms / 1000).toFixed(1)} s\n`;
}

export function printThread(t: ThreadReport): void {
  process.stderr.write(threadProblems(t));
  if (t.status === 'built' || t.status === 'cached') process.stdout.write(threadLine(t));
}

export function summaryLine(r: BuildReport): string {
  const failed = r.threads.filter((t) => t.status === 'failed').length;
  const ok = r.threads.length - failed - r.skipped;
  const secs = r.ms / 1000;
  const rendered = r.threads.reduce((n, t) => n + (t.status === 'built' ? t.cards - t.reused : 0), 0);
  const rate = secs > 0 ? (rendered / secs).toFixed(1) : '0';
  const cards = rendered === r.cards ? `${r.cards} cards` : `${r.cards} cards (${rendered} rendered)`;
  const extra = [r.cached ? `${r.cached} up to date` : '', r.skipped ? `${r.skipped} not built` : ''].filter(Boolean).join(', ');
  const head = r.interrupted ? 'interrupted: ' : '';
  return `${head}${ok} thread${ok === 1 ? '' : 's'} ok, ${failed} failed${extra ? ` (${extra})` : ''} · ${cards} · ${secs.toFixed(1)} s · ${rate} cards/s`;
}

export function printSummary(r: BuildReport): void {
  (r.ok ? process.stdout : process.stderr).write(`${summaryLine(r)}\n`);
  if (r.threads.length === 0) process.stderr.write('no thread files found\n');
}
