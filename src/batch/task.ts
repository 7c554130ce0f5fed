// The data of one render task, as it travels between the main thread and a worker: the task (a
// loaded thread and its options) and its result (outputs in memory, warnings, errors, card keys).
import type { MessagePort } from 'node:worker_threads';
import type { Diagnostic } from '../diagnostics.ts';
import type { CardSize, OutputKind, Thread } from '../model/index.ts';
import type { RenderOptions } from '../pipeline.ts';

export interface RenderTask {
  /** Loaded by the main thread (prepare.ts), slug already unique in the batch. */
  thread: Thread;
  outDir: string;
  formats: OutputKind[];
  /** renderThread's options (size, template, theme, …) but the formats. */
  layout: Omit<RenderOptions, 'formats'>;
  /** Render only this share of the cards, PNG/SVG only (render-slice.ts). */
  slice?: { index: number; count: number };
  /** Last build's card files, by card key, and the key's salt (the tool's version): unchanged cards are read back, not rendered. */
  reuse?: { salt: string; cards: CachedCard[] };
  /** Where the worker says it has started (the deadline runs from then) and each card it finishes. */
  port?: MessagePort;
}

/** A card file a previous build wrote, as its manifest records it. */
export interface CachedCard {
  key: string;
  kind: 'png' | 'svg';
  path: string;
  sha256: string;
}

export interface RenderedOutputs {
  png: Uint8Array[];
  svg: string[];
  pdf?: Uint8Array;
  handout?: { bytes: Uint8Array; pages: number };
  md?: string;
  html?: string;
  pptx?: { bytes: Uint8Array; slides: number };
}

export interface RenderResult {
  cards: number;
  size?: CardSize;
  warnings: Diagnostic[];
  errors: Diagnostic[];
  outputs?: RenderedOutputs;
  /** A slice's card indices, in the order of its outputs (absent: all cards, in order). */
  indices?: number[];
  /** Card keys, in the order of the outputs (when the task had `reuse`). */
  keys?: string[];
  /** Cards read back from the last build instead of rendered. */
  reused?: number;
}
