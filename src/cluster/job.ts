// One render job: what the build puts on the queue (a loaded thread and what its manifest records)
// and what the worker answers (what it wrote). The job id is the thread's cache key.
import type { Diagnostic } from '../diagnostics.ts';
import type { OutputKind } from '../model/index.ts';
import type { FileReport } from '../batch/reports.ts';
import type { Manifest } from '../batch/cache-manifest.ts';

export interface RenderJobData {
  /** encodeTask(task): the loaded thread, formats, layout options, cards to reuse. */
  task: string;
  input: string;
  slug: string;
  title: string;
  key: string;
  /** The build's output root; a worker's --out wins (the same shared folder, mounted elsewhere). */
  outDir: string;
  formats: OutputKind[];
  /** The importer's warnings, kept in the manifest. */
  warnings: Diagnostic[];
  sources: Manifest['sources'];
  settings: string;
  /** A share of a big thread (a slice of its cards, or its PDF/handout/Markdown): rendered and sent back, not written; the build merges the shares and writes (batch/split.ts). */
  part?: boolean;
}

export interface RenderJobResult {
  cards: number;
  files: FileReport[];
  written: number;
  reused: number;
  warnings: Diagnostic[];
  /** A part job's RenderResult, encoded (codec.ts). */
  part?: string;
}

/** A thread that rendered with errors fails its job for good (UnrecoverableError) with its diagnostics in the message. */
export const FAILED_PREFIX = 'threadeck-diagnostics:';

/** Job options: a crashed render is retried (3 attempts in all, backoff from 1 s); finished jobs kept an hour (dedupe, results). */
export const JOB_OPTIONS = {
  attempts: 3,
  backoff: { type: 'exponential', delay: 1000 },
  removeOnComplete: { age: 3600 },
  removeOnFail: { age: 3600 },
} as const;
