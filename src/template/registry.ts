// Templates by name or path: the built-in registry, and user template files (TSX/TS/JS) loaded
// at run time (compiled with esbuild, compile-template.ts) and checked to export what a template must.
import { stat } from 'node:fs/promises';
import { ThreadeckError } from '../diagnostics.ts';
import { compiledTemplateUrl } from './compile.ts';
import { TEMPLATE_NAMES } from './names.ts';
import type { Template } from '../model/index.ts';
import boldTemplate from '../../templates/bold.tsx';
import darkTemplate from '../../templates/dark.tsx';
import defaultTemplate from '../../templates/default.tsx';
import editorialTemplate from '../../templates/editorial.tsx';
import postTemplate from '../../templates/post.tsx';

const BUILT_IN: Record<string, Template> = Object.fromEntries(
  [defaultTemplate, darkTemplate, boldTemplate, editorialTemplate, postTemplate].map((t) => [t.name, t]),
);

if (Object.keys(BUILT_IN).join() !== TEMPLATE_NAMES.join()) throw new Error(`built-in templates ${Object.keys(BUILT_IN).join()} differ from TEMPLATE_NAMES ${TEMPLATE_NAMES.join()}`);

export function templateNames(): string[] {
  return [...TEMPLATE_NAMES];
}

/** Name and description of every built-in template. */
export function templateList(): Array<{ name: string; description: string }> {
  return Object.values(BUILT_IN).map(({ name, description }) => ({ name, description }));
}

/** A built-in template by name. */
export function getTemplate(name = 'default'): Template {
  const t = BUILT_IN[name];
  if (!t) throw new ThreadeckError('TEMPLATE', `unknown template "${name}"; available: ${templateNames().join(', ')} (or a path to a template file)`);
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
  let url: string;
  try {
    url = await compiledTemplateUrl(file);
  } catch (err) {
    throw fail(`the template file does not compile: ${compileProblem(err)}`);
  }
  let mod: { default?: unknown };
  try {
    mod = (await import(url)) as { default?: unknown };
  } catch (err) {
    throw fail(`the template file failed to load: ${(err instanceof Error ? err.message : String(err)).split('\n')[0]}`);
  }
  const t = mod.default as Partial<Template> | undefined;
  const problems = checkTemplate(t);
  if (problems.length) throw fail(`the default export is not a template: ${problems.join('; ')} (see templates/example.tsx)`);
  return t as Template;
}

/** esbuild's first error as `file:line:column: text`, else the error's first line. */
function compileProblem(err: unknown): string {
  const first = (err as { errors?: Array<{ text: string; location?: { file: string; line: number; column: number } | null }> }).errors?.[0];
  if (first) return first.location ? `${first.location.file}:${first.location.line}:${first.location.column + 1}: ${first.text}` : first.text;
  return (err instanceof Error ? err.message : String(err)).split('\n')[0]!;
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
