// --watch: build, then watch the inputs (a thread's folder holds its images, which must live inside
// it), template files and --theme/--template files, and build again on every change. The cache makes
// a rebuild render only the threads that changed, and write only the cards whose bytes changed. A
// broken thread file is reported and the watch goes on; Ctrl+C ends it (exit 0 when idle). Status
// lines ("watching…", "changed: x") go to stderr, so --json keeps stdout to one report per build.
import { stat } from 'node:fs/promises';
import path from 'node:path';
import { watch, type FSWatcher } from 'chokidar';
import type { BuildReport } from './build.ts';
import { isInside } from './path-inside.ts';

export interface WatchOptions {
  /** The build's inputs as given: files, folders, globs. */
  inputs: string[];
  /** More files to watch (--template, --theme). */
  extra: string[];
  /** Never watched (the outputs). */
  outDir: string;
  signal: AbortSignal;
}

/** Quiet time after a change before rebuilding, so an editor's save (often several events) builds once. */
const SETTLE_MS = 150;

/** Template code: a worker imports a template file once, so a change to one needs fresh workers. */
const isCode = (file: string) => /\.(tsx|ts|jsx|js|mjs|mts|cjs)$/i.test(file);

/**
 * `buildOnce(fresh)` builds everything once; `fresh` asks for new workers (template code changed).
 * Resolves with the exit code when the signal aborts.
 */
export async function watchBuilds(buildOnce: (fresh: boolean) => Promise<BuildReport>, opts: WatchOptions): Promise<number> {
  const say = (line: string) => process.stderr.write(`${line}\n`);
  const first = await buildOnce(false);
  if (opts.signal.aborted) return 1;
  const watcher = watch(await watchRoots(opts), {
    ignoreInitial: true,
    ignored: (p) => isInside(opts.outDir, p) || /[\\/](node_modules|\.git)([\\/]|$)/.test(p) || /\.tmp-\d+-[0-9a-f]+$/.test(p),
    awaitWriteFinish: { stabilityThreshold: 100, pollInterval: 25 },
  });
  // Template files and everything they import (a .json too): a change needs fresh workers.
  const templateDeps = new Set<string>();
  addDeps(watcher, first, templateDeps);
  await new Promise<void>((resolve) => watcher.once('ready', () => resolve()));
  say('watching for changes (Ctrl+C to stop)');

  let timer: NodeJS.Timeout | undefined;
  let running: Promise<void> | undefined;
  let again = false;
  let fresh = false;
  const rebuild = async () => {
    if (running) return void (again = true);
    running = (async () => {
      do {
        again = false;
        const newWorkers = fresh;
        fresh = false;
        try {
          addDeps(watcher, await buildOnce(newWorkers), templateDeps);
        } catch (err) {
          say(`threadeck build: ${err instanceof Error ? err.message : String(err)}`);
        }
        if (!opts.signal.aborted) say('watching for changes (Ctrl+C to stop)');
      } while (again && !opts.signal.aborted);
    })();
    await running;
    running = undefined;
  };
  watcher.on('all', (event, file) => {
    if (opts.signal.aborted) return;
    if (isCode(file) || templateDeps.has(path.resolve(file))) fresh = true;
    clearTimeout(timer);
    timer = setTimeout(() => {
      say(`${event === 'unlink' ? 'removed' : 'changed'}: ${path.relative(process.cwd(), file) || file}`);
      void rebuild();
    }, SETTLE_MS);
  });
  await new Promise<void>((resolve) => opts.signal.addEventListener('abort', () => resolve(), { once: true }));
  clearTimeout(timer);
  await running;
  await watcher.close();
  return 0;
}

/** Folders given, the folder of each file given (its images sit inside it), and a glob's fixed base. */
async function watchRoots(opts: WatchOptions): Promise<string[]> {
  const roots = new Set<string>();
  for (const input of opts.inputs) {
    const info = await stat(input).catch(() => undefined);
    if (info?.isDirectory()) roots.add(path.resolve(input));
    else if (info) roots.add(path.resolve(path.dirname(input)));
    else roots.add(path.resolve(globBase(input)));
  }
  for (const f of opts.extra) roots.add(path.resolve(f));
  return [...roots];
}

/** `threads/**\/*.yaml` → `threads`. */
function globBase(pattern: string): string {
  const parts = pattern.split(/[\\/]/);
  const fixed = parts.slice(0, parts.findIndex((p) => /[*?[\]{}()!]/.test(p)));
  return fixed.length ? fixed.join(path.sep) : '.';
}

/** Watches the template files (and their imports) the build used, and records them in `known`, resolved. */
function addDeps(watcher: FSWatcher, report: BuildReport, known: Set<string>): void {
  const deps = report.threads.flatMap((t) => t.deps);
  for (const d of deps) known.add(path.resolve(d));
  if (deps.length) watcher.add(deps);
}
