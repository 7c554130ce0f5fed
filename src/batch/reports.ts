// What a build reports: per thread (status, cards, files with their sizes, warnings and errors)
// and for the whole batch — the data of the CLI's lines and of `--json`.
import type { Diagnostic } from '../diagnostics.ts';
import type { OutputKind } from '../model/index.ts';

export interface FileReport {
  path: string;
  kind: OutputKind;
  bytes: number;
  /** Card size (PNG, SVG, PDF; not Markdown). */
  width?: number;
  height?: number;
  /** PDF only. */
  pages?: number;
}

export type ThreadStatus = 'built' | 'cached' | 'failed' | 'skipped';

export interface ThreadReport {
  input: string;
  slug: string | null;
  title: string | null;
  /** built; cached (outputs already up to date, nothing rendered); failed; skipped (build stopped first). */
  status: ThreadStatus;
  cards: number;
  files: FileReport[];
  /** How many of `files` this run wrote (the others were already there, byte for byte). */
  written: number;
  /** Cards whose PNG/SVG were unchanged since the last build and read back instead of rendered. */
  reused: number;
  /** Files outside the thread's folder its outputs depend on (a template file and the local files it imports). */
  deps: string[];
  warnings: Diagnostic[];
  errors: Diagnostic[];
  ms: number;
}

export interface BuildReport {
  ok: boolean;
  threads: ThreadReport[];
  cards: number;
  /** Threads whose outputs were up to date. */
  cached: number;
  /** Threads not built because the build was stopped (Ctrl+C or --fail-fast). */
  skipped: number;
  /** The build was stopped by its signal (Ctrl+C). */
  interrupted: boolean;
  /** Worker threads used: 0 when nothing was rendered on the pool (everything up to date, or one small thread rendered in this thread). */
  jobs: number;
  ms: number;
}
