// The batch's defaults, in a module of their own so the CLI's flags can name them without loading
// the build (the pool, piscina, the pipeline).
import { availableParallelism } from 'node:os';

/** A thread's deadline when none is given: 5 minutes (a 300-post thread takes well under one). */
export const DEFAULT_TIMEOUT_MS = 300_000;

/** The most render workers worth starting: one per core. */
export const defaultJobs = (): number => availableParallelism();
