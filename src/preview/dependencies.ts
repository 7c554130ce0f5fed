// The files a thread's cards depend on, for the preview's watcher: the thread file itself, and
// every file its text names (images, avatar, logo, fonts, a theme file and the files *that*
// names, a template file). Found by looking at every string value that looks like a file path
// inside the thread's folder — the same folder rule the loader enforces, so nothing outside it
// is ever watched.
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
