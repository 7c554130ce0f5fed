// The files a thread's cards depend on, for the preview's watcher: the thread file itself, and
// every file its text names (images, avatar, logo, fonts, a theme file and the files *that*
// names, a template file). Found by looking at every string value that looks like a file path
// inside the thread's folder — the same folder rule the loader enforces, so nothing outside it
// is ever watched; and the files of --theme FILE and the project config file. And a hash of them
// all, for the cards remembered between runs (disk-cache.ts).
import { createHash } from 'node:crypto';
import { readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { parse } from 'yaml';
import { isInside } from './safe-path.ts';

/** Strings anywhere in a parsed YAML/JSON value. */
function strings(value: unknown, out: string[] = [], depth = 0): string[] {
  if (depth > 64) return out;
  if (typeof value === 'string') out.push(value);
  else if (Array.isArray(value)) for (const v of value) strings(v, out, depth + 1);
  else if (value && typeof value === 'object') for (const v of Object.values(value)) strings(v, out, depth + 1);
  return out;
}

function parseLoose(text: string): unknown {
  try {
    return parse(text, { maxAliasCount: 100, strict: false, uniqueKeys: false, prettyErrors: false, logLevel: 'silent' });
  } catch {
    return undefined;
  }
}

const looksLikePath = (s: string) => s.length < 1024 && !s.includes('\n') && /\.[A-Za-z0-9]{1,5}$/.test(s) && !/^[a-z][a-z0-9+.-]*:/i.test(s);

/**
 * Absolute paths of the files `text` (the thread file's content) depends on, the thread file
 * included; only files inside `root` (the thread's folder), named files that do not exist yet too.
 */
export async function threadDependencies(threadFile: string, text: string, root = path.dirname(threadFile)): Promise<string[]> {
  const found = new Set<string>([path.resolve(threadFile)]);
  const visit = async (fromFile: string, content: string, depth: number) => {
    for (const s of strings(parseLoose(content))) {
      if (!looksLikePath(s)) continue;
      const abs = path.resolve(path.dirname(fromFile), s);
      if (found.has(abs) || !isInside(root, abs)) continue;
      // A missing file is watched too: the page fixes itself when it appears.
      const info = await stat(abs).catch(() => undefined);
      if (info && !info.isFile()) continue;
      found.add(abs);
      if (!info) continue;
      // A theme file names its own fonts and logo.
      if (depth === 0 && /\.(ya?ml|json)$/i.test(abs)) {
        const sub = await readFile(abs, 'utf8').catch(() => '');
        await visit(abs, sub, depth + 1);
      }
    }
  };
  await visit(threadFile, text, 0);
  return [...found];
}

/** Files a preview uses besides the thread file's: `--theme FILE`, the project config file. */
export interface PreviewExtras {
  themeFile?: string | undefined;
  configFile?: string | undefined;
}

/**
 * The files a preview watches: the thread file's (threadDependencies); with --theme FILE, that
 * file's; with a project config file, it and the files it names inside its folder (template,
 * theme file, fonts, logo).
 */
export async function previewFiles(threadFile: string, text: string, extras: PreviewExtras = {}): Promise<string[]> {
  const files = await threadDependencies(threadFile, text).catch(() => [path.resolve(threadFile)]);
  for (const extra of [extras.themeFile, extras.configFile]) {
    if (!extra) continue;
    const file = path.resolve(extra);
    const content = await readFile(file, 'utf8').catch(() => '');
    files.push(...(await threadDependencies(file, content).catch(() => [file])));
  }
  return files;
}

/**
 * A hash of what a preview's cards are made from, besides the tool: `text` (the thread file's),
 * the bytes of every file the preview depends on (a missing one as missing) and `choices` (the
 * pickers). Files a template file imports are not in it: a render follows anyway.
 */
export async function inputsHash(threadFile: string, text: string, extras: PreviewExtras, choices: unknown): Promise<string> {
  const h = createHash('sha256').update(JSON.stringify({ choices, themeFile: extras.themeFile ?? null, configFile: extras.configFile ?? null })).update('\0').update(text);
  const files = [...new Set(await previewFiles(threadFile, text, extras))].filter((f) => f !== path.resolve(threadFile)).sort();
  for (const [file, bytes] of await Promise.all(files.map(async (f) => [f, await readFile(f).catch(() => undefined)] as const))) {
    h.update(`\0${file}\0${bytes ? bytes.length : -1}\0`);
    if (bytes) h.update(bytes);
  }
  return h.digest('hex');
}
