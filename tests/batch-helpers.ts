// Helpers for the batch and interruption tests: a CLI process to watch and signal, temp folders
// inside the repository (so template files there resolve satori), whole-file checks.
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { PNG } from 'pngjs';

export function repoTempDir(prefix: string): string {
  mkdirSync('tests/.out', { recursive: true });
  return mkdtempSync(path.resolve('tests/.out', prefix));
}

export interface RunningCli {
  child: ChildProcess;
  stdout: () => string;
  stderr: () => string;
  /** Resolves once stdout + stderr match `re` (rejects after `ms`). */
  waitFor: (re: RegExp, ms?: number) => Promise<void>;
  exit: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
}

export function startCli(args: string[]): RunningCli {
  const child = spawn(process.execPath, [path.resolve('bin/threadeck.js'), ...args], { env: { ...process.env, NO_COLOR: '1' } });
  let out = '';
  let err = '';
  const waiters: Array<() => void> = [];
  const poke = () => waiters.splice(0).forEach((w) => w());
  child.stdout!.on('data', (d) => ((out += d), poke()));
  child.stderr!.on('data', (d) => ((err += d), poke()));
  const exit = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) => child.on('exit', (code, signal) => resolve({ code, signal })));
  const waitFor = (re: RegExp, ms = 120_000) =>
    new Promise<void>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`timed out waiting for ${re}\nstdout:\n${out}\nstderr:\n${err}`)), ms);
      const check = () => {
        if (re.test(out + err)) {
          clearTimeout(timer);
          resolve();
        } else waiters.push(check);
      };
      check();
      void exit.then(() => setTimeout(() => (re.test(out + err) ? resolve() : reject(new Error(`exited before ${re}\nstdout:\n${out}\nstderr:\n${err}`))), 50));
    });
  return { child, stdout: () => out, stderr: () => err, waitFor, exit };
}

/** Every file under `dir` (recursively), except the cache folder. */
export function filesUnder(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile())
    .map((e) => path.join(e.parentPath, e.name))
    .filter((f) => !f.includes('.threadeck-cache'));
}

/** True when `file` is a complete PNG (decodes, CRCs included) or a complete PDF (header to %%EOF). */
export function isWhole(file: string): boolean {
  const bytes = readFileSync(file);
  if (file.endsWith('.png')) {
    try {
      PNG.sync.read(bytes);
      return true;
    } catch {
      return false;
    }
  }
  if (file.endsWith('.pdf')) return bytes.subarray(0, 5).toString() === '%PDF-' && bytes.subarray(-1024).toString('latin1').includes('%%EOF');
  return statSync(file).size > 0;
}

/** inode + mtime of each file: a rewritten file (temp file + rename) gets a new inode. */
export function identities(files: string[]): Map<string, string> {
  return new Map(files.map((f) => {
    const s = statSync(f);
    return [f, `${s.ino}:${s.mtimeMs}`];
  }));
}
