// The main thread's share of a thread's build: load (or import) it and compute its cache key. This is
// cheap (a parse, the thread's images, a template file and its local imports), so an unchanged
// thread is recognised without starting a worker; only threads that need rendering go to the pool,
// already loaded.
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { Diagnostic } from '../diagnostics.ts';
import type { OutputKind, Thread } from '../model/index.ts';
import { loadInput } from '../import/load-input.ts';
import { withRemoteImages, type RemoteImageOptions } from '../assets/remote-image.ts';
import type { RenderOptions } from '../pipeline.ts';
import { isTemplatePath } from '../load/thread-options.ts';
import { recordReads } from '../assets/file-reads.ts';
import { hashValue } from '../hash.ts';
import { templateFiles } from './template-deps.ts';
import { presentation } from '../load/presentation.ts';

export interface Prepared {
  thread: Thread;
  /** The importer's warnings (raw inputs). */
  warnings: Diagnostic[];
  /** Everything the outputs depend on, hashed (hash.ts). */
  key: string;
  /** Files outside the thread's folder the outputs depend on (a template file and its local imports), for --watch. */
  deps: string[];
  /** Every local file the outputs depend on: the thread file, the files its load read, `deps` (absolute, sorted). */
  sources: string[];
}

export interface PrepareOptions {
  slug: string;
  formats: readonly OutputKind[];
  /** renderThread's options (size, template, theme, …) but the formats. */
  layout: Omit<RenderOptions, 'formats'>;
  remoteImages?: RemoteImageOptions;
  fingerprint: string;
}

/** Throws ThreadeckError (with every problem in the file) when the thread does not load. */
export async function prepareThread(input: string, opts: PrepareOptions): Promise<Prepared> {
  const load = () => loadInput(input);
  const { value: { thread: loaded, warnings }, files: read } = await recordReads(() => (opts.remoteImages ? withRemoteImages(opts.remoteImages, load) : load()));
  const thread: Thread = { ...loaded, slug: opts.slug };
  const template = presentation(thread.options, opts.layout, opts.layout.config).template;
  const templateFile = isTemplatePath(template) ? template : undefined;
  const deps = templateFile ? await templateFiles(templateFile) : [];
  // Each file by its path from the template's folder (moving the folder keeps the key) and bytes.
  const dir = templateFile ? path.dirname(templateFile) : '';
  const templateSource = await Promise.all(deps.map(async (f) => [path.relative(dir, f), await readFile(f).catch(() => null)]));
  const key = hashValue(opts.fingerprint, [...opts.formats].sort(), opts.layout, thread, templateSource);
  return { thread, warnings, key, deps, sources: [...new Set([...read, ...deps])].sort() };
}
