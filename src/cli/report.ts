// Human-readable build output: one line per thread, diagnostics on stderr, a summary at the end.
import path from 'node:path';
import { formatDiagnostic } from '../diagnostics.ts';
import type { BuildReport, ThreadReport } from '../build.ts';

const rel = (p: string) => path.relative(process.cwd(), p) || p;

export function printThread(t: ThreadReport): void {
  for (const w of t.warnings) process.stderr.write(`${formatDiagnostic(w)}\n`);
  if (t.errors.length) {
    process.stderr.write(`✗ ${t.input}\n`);
    for (const e of t.errors) process.stderr.write(`  ${formatDiagnostic(e)}\n`);
    return;
  }
  const counts = new Map<string, number>();
  for (const f of t.files) counts.set(f.kind, (counts.get(f.kind) ?? 0) + 1);
  const what = [...counts].map(([k, n]) => `${n} ${k}`).join(', ');
  const dir = t.files[0] ? rel(path.dirname(t.files[0].path)) : '';
  process.stdout.write(`✓ ${t.input} → ${dir}/ (${t.cards ? `${t.cards} cards: ` : ""}${what}) ${(t.ms / 1000).toFixed(1)} s\n`);
}

export function printSummary(r: BuildReport): void {
  const failed = r.threads.filter((t) => t.errors.length).length;
  const ok = r.threads.length - failed;
  const secs = r.ms / 1000;
  const rate = secs > 0 ? (r.cards / secs).toFixed(1) : '0';
  const line = `${ok} thread${ok === 1 ? '' : 's'} ok, ${failed} failed · ${r.cards} cards · ${secs.toFixed(1)} s · ${rate} cards/s`;
  (failed ? process.stderr : process.stdout).write(`${line}\n`);
  if (r.threads.length === 0) process.stderr.write('no thread files found\n');
}
