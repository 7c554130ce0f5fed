// The project config file, `threadeck.config.{yaml,yml,json}`, found upward from the working
// folder: a team's template, size, theme, output folder and formats, set once. Paths in it are
// relative to it. Problems are positioned diagnostics (INVALID_CONFIG).
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { ThreadeckError, type Diagnostic } from '../diagnostics.ts';
import { OUTPUT_KINDS, type OutputKind } from '../model/index.ts';
import { parseSize } from '../model/sizes.ts';
import { isTemplatePath } from '../template/names.ts';
import { loadThemeFile, loadThemeOverrides } from './load-theme.ts';
import type { PresentationLayer } from './presentation.ts';
import { ConfigSchema } from './schema.ts';
import { issuesToDiagnostics } from './schema-issues.ts';
import { findProjectConfig } from './find-config.ts';
import { parseYamlDocument } from './yaml-document.ts';

export { CONFIG_NAMES, findProjectConfig } from './find-config.ts';

export interface ProjectConfig {
  /** The config file's path. */
  file: string;
  /** Template, size and theme for every thread (below the thread file's own choices). */
  presentation: PresentationLayer;
  /** Output folder, absolute. */
  out?: string;
  formats?: OutputKind[];
}

/** The nearest config file, loaded; undefined when there is none. */
export async function loadNearestConfig(from = process.cwd()): Promise<ProjectConfig | undefined> {
  const file = await findProjectConfig(from);
  return file ? loadProjectConfig(file) : undefined;
}

export async function loadProjectConfig(file: string): Promise<ProjectConfig> {
  const shown = path.relative(process.cwd(), file) || file;
  const fail = (diagnostics: Diagnostic[]) => new ThreadeckError('INVALID_CONFIG', diagnostics);
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (err) {
    throw fail([{ severity: 'error', rule: 'io', file: shown, message: `cannot read the config file (${(err as NodeJS.ErrnoException).code})` }]);
  }
  const doc = parseYamlDocument(text.replace(/^\uFEFF/, ''), shown);
  if (doc.diagnostics.length) throw fail(doc.diagnostics);
  const parsed = ConfigSchema.safeParse(doc.value ?? {}, { reportInput: true });
  if (!parsed.success) throw fail(issuesToDiagnostics(parsed.error.issues, doc, shown));
  const input = parsed.data;
  const dir = path.dirname(path.resolve(file));
  const diagnostics: Diagnostic[] = [];
  const at = (key: string, message: string): Diagnostic => ({ severity: 'error', rule: 'config', file: shown, ...doc.locate([key]), path: key, message });
  const config: ProjectConfig = { file: path.resolve(file), presentation: {} };

  if (input.template) config.presentation.template = isTemplatePath(input.template) ? path.resolve(dir, input.template) : input.template;
  if (input.size) {
    const size = parseSize(input.size);
    if (typeof size === 'string') diagnostics.push(at('size', size));
    else config.presentation.size = size;
  }
  if (typeof input.theme === 'string') {
    try {
      config.presentation.theme = await loadThemeFile(path.resolve(dir, input.theme));
    } catch (err) {
      if (!(err instanceof ThreadeckError)) throw err;
      diagnostics.push(at('theme', `the theme file "${input.theme}" has problems:`), ...err.diagnostics);
    }
  } else if (input.theme) {
    config.presentation.theme = await loadThemeOverrides(input.theme, dir, doc, shown, ['theme'], diagnostics);
  }
  if (input.out) config.out = path.resolve(dir, input.out);
  if (input.formats) {
    const list = (Array.isArray(input.formats) ? input.formats : input.formats.split(',')).map((f) => f.trim().toLowerCase());
    const known = (f: string) => (OUTPUT_KINDS as readonly string[]).includes(f);
    list.forEach((f, i) => {
      if (known(f)) return;
      const where = Array.isArray(input.formats) ? { ...doc.locate(['formats', i]), path: `formats[${i}]` } : { ...doc.locate(['formats']), path: 'formats' };
      diagnostics.push({ severity: 'error', rule: 'config', file: shown, ...where, message: `unknown format "${f}"; expected ${OUTPUT_KINDS.join(', ')}` });
    });
    if (list.every(known)) config.formats = [...new Set(list)] as OutputKind[];
  }
  if (diagnostics.length) throw fail(diagnostics);
  return config;
}
