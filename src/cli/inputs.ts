// Turns CLI inputs (files, folders, globs) into a sorted list of thread files. Folders give thread
// files (.yaml, .yml, .json) and raw inputs named *.thread.md / .txt / .html (not every README.md);
// a raw file named on the command line or matched by a glob is imported whatever its name.
import { stat } from 'node:fs/promises';
import path from 'node:path';
import { glob, isDynamicPattern } from 'tinyglobby';

export const THREAD_EXTENSIONS = ['yaml', 'yml', 'json'];
/** Raw inputs a folder search picks up: only these names, so notes and READMEs are left alone. */
export const RAW_FOLDER_PATTERNS = ['**/*.thread.md', '**/*.thread.txt', '**/*.thread.html', '**/*.thread.htm'];

export interface ResolvedInputs {
  files: string[];
  /** Globs that matched no file (a missing plain path stays in `files`, so the build reports it). */
  unmatched: string[];
}

export async function resolveInputs(inputs: readonly string[], cwd = process.cwd()): Promise<ResolvedInputs> {
  const files: string[] = [];
  const unmatched: string[] = [];
  for (const input of inputs) {
    const info = await stat(path.resolve(cwd, input)).catch(() => undefined);
    if (info?.isDirectory()) {
      const found = await glob([`**/*.{${THREAD_EXTENSIONS.join(',')}}`, ...RAW_FOLDER_PATTERNS], {
        cwd: path.resolve(cwd, input),
        ignore: ['**/node_modules/**'],
        onlyFiles: true,
      });
      files.push(...found.sort().map((f) => path.join(input, f)));
    } else if (info) {
      files.push(input);
    } else if (isDynamicPattern(input)) {
      const found = await glob(input, { cwd, onlyFiles: true, ignore: ['**/node_modules/**'] });
      if (found.length === 0) unmatched.push(input);
      files.push(...found.sort());
    } else {
      files.push(input);
    }
  }
  return { files: [...new Set(files)], unmatched };
}
