// Templates by name or path: the built-in registry, and user template files (TSX/TS/JS) loaded
// at run time and checked to export what a template must.
import { stat } from 'node:fs/promises';
import { pathToFileURL } from 'node:url';
import { ThreadeckError } from '../diagnostics.ts';
import type { Template } from './template.ts';
import boldTemplate from '../../templates/bold.tsx';
import darkTemplate from '../../templates/dark.tsx';
import defaultTemplate from '../../templates/default.tsx';
import editorialTemplate from '../../templates/editorial.tsx';
import postTemplate from '../../templates/post.tsx';

const BUILT_IN: Record<string, Template> = Object.fromEntries(
  [defaultTemplate, darkTemplate, boldTemplate, editorialTemplate, postTemplate].map((t) => [t.name, t]),
);

export function templateNames(): string[] {
  return Object.keys(BUILT_IN);
}

/** Name and description of every built-in template. */
export function templateList(): Array<{ name: string; description: string }> {
  return Object.values(BUILT_IN).map(({ name, description }) => ({ name, description }));
}

/** A built-in template by name. */
export function getTemplate(name = 'default'): Template {
  const t = BUILT_IN[name];
  if (!t) throw new ThreadeckError('USAGE', `unknown template "${name}"; available: ${templateNames().join(', ')} (or a path to a template file)`);
  return t;
}

const loaded = new Map<string, Promise<Template>>();

/** A built-in template by name, or a template file by absolute path (loaded once per process). */
export function loadTemplate(nameOrPath: string): Promise<Template> {
  if (BUILT_IN[nameOrPath]) return Promise.resolve(BUILT_IN[nameOrPath]);
  if (!/[\\/]/.test(nameOrPath)) return Promise.resolve(getTemplate(nameOrPath));
  let p = loaded.get(nameOrPath);
  if (!p) {
    p = importTemplate(nameOrPath);
    loaded.set(nameOrPath, p);
    p.catch(() => loaded.delete(nameOrPath));
  }
  return p;
}

async function importTemplate(file: string): Promise<Template> {
  const fail = (message: string) => new ThreadeckError('TEMPLATE', [{ severity: 'error', rule: 'template', file, message }]);
  if (!(await stat(file).catch(() => undefined))?.isFile()) throw fail('template file not found');
  let mod: { default?: unknown };
  try {
    mod = (await import(pathToFileURL(file).href)) as { default?: unknown };
  } catch (err) {
    throw fail(`the template file failed to load: ${(err instanceof Error ? err.message : String(err)).split('\n')[0]}`);
  }
  const t = mod.default as Partial<Template> | undefined;
  const problems = checkTemplate(t);
  if (problems.length) throw fail(`the default export is not a template: ${problems.join('; ')} (see templates/example.tsx)`);
  return t as Template;
}

/** What is missing from a would-be template object. */
export function checkTemplate(t: Partial<Template> | undefined): string[] {
  if (!t || typeof t !== 'object') return ['export default an object with name, description, theme, bodySize, bodyBox, renderBody and render'];
  const problems: string[] = [];
  if (typeof t.name !== 'string' || !t.name) problems.push('missing name');
  if (typeof t.description !== 'string') problems.push('missing description');
  for (const fn of ['bodyBox', 'renderBody', 'render'] as const) if (typeof t[fn] !== 'function') problems.push(`missing ${fn}()`);
  if (!t.bodySize || typeof t.bodySize.max !== 'number' || typeof t.bodySize.min !== 'number') problems.push('missing bodySize { max, min }');
  else if (t.bodySize.min < 32) problems.push(`bodySize.min is ${t.bodySize.min}; body text must stay ≥ 32 px at 1080 px`);
  if (!t.theme || typeof t.theme !== 'object') problems.push('missing theme');
  return problems;
}
