// Watches the files a previewed thread depends on. Editors and threadeck itself save by writing a
// temp file and renaming it over the old one, which replaces the inode a per-file watch follows;
// so each file's *folder* is watched (not recursively) and events are filtered by file name.
// Bursts (write + rename, editors' backup files) are coalesced into one call per file.
import { watch, type FSWatcher } from 'node:fs';
import path from 'node:path';

export interface DependencyWatcher {
  /** Replaces the watched set (absolute paths). */
  set(files: readonly string[]): void;
  close(): void;
}

export function watchFiles(onChange: (file: string) => void, debounceMs = 25): DependencyWatcher {
  const watchers = new Map<string, FSWatcher>();
  let files = new Set<string>();
  const timers = new Map<string, NodeJS.Timeout>();

  const fire = (file: string) => {
    clearTimeout(timers.get(file));
    timers.set(
      file,
      setTimeout(() => {
        timers.delete(file);
        onChange(file);
      }, debounceMs),
    );
  };

  return {
    set(list) {
      files = new Set(list.map((f) => path.resolve(f)));
      const dirs = new Set([...files].map((f) => path.dirname(f)));
      for (const [dir, w] of watchers) {
        if (!dirs.has(dir)) {
          w.close();
          watchers.delete(dir);
        }
      }
      for (const dir of dirs) {
        if (watchers.has(dir)) continue;
        try {
          const w = watch(dir, { persistent: false }, (_event, name) => {
            if (!name) return;
            const file = path.join(dir, name.toString());
            if (files.has(file)) fire(file);
          });
          w.on('error', () => {
            w.close();
            watchers.delete(dir);
          });
          watchers.set(dir, w);
        } catch {
          // A folder that is gone cannot be watched; the next set() tries again.
        }
      }
    },
    close() {
      for (const w of watchers.values()) w.close();
      watchers.clear();
      for (const t of timers.values()) clearTimeout(t);
      timers.clear();
    },
  };
}
