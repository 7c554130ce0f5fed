// The thread file's presentation options: template, size, theme, cover and outro, resolved
// (paths made absolute, sizes parsed, theme files loaded), with positioned diagnostics.
import path from 'node:path';
import type { Diagnostic } from '../diagnostics.ts';
import type { CoverOptions, OutroOptions, ThreadOptions } from '../model/index.ts';
import { parseSize } from '../model/sizes.ts';
import { isTemplatePath } from '../template/names.ts';
import { loadThemeOverrides } from './load-theme.ts';
import type { ThreadInput } from './schema.ts';
import type { ParsedDocument } from './yaml-document.ts';

export { isTemplatePath };

export async function threadOptions(
  input: ThreadInput,
  handle: string | undefined,
  baseDir: string,
  doc: ParsedDocument,
  file: string,
  diagnostics: Diagnostic[],
): Promise<ThreadOptions> {
  const options: ThreadOptions = { cover: coverOptions(input), outro: outroOptions(input, handle) };
  if (input.template) options.template = isTemplatePath(input.template) ? path.resolve(baseDir, input.template) : input.template;
  if (input.size) {
    const size = parseSize(input.size);
    if (typeof size === 'string') diagnostics.push({ severity: 'error', rule: 'schema', file, ...doc.locate(['size']), path: 'size', message: size });
    else options.size = size;
  }
  if (input.theme) options.theme = await loadThemeOverrides(input.theme, baseDir, doc, file, ['theme'], diagnostics);
  return options;
}

function coverOptions(input: ThreadInput): CoverOptions | false {
  if (input.cover === false) return false;
  const cover = typeof input.cover === 'object' ? input.cover : {};
  return { title: (cover.title ?? input.title).trim(), ...(cover.hook ? { hook: cover.hook.trim() } : {}) };
}

function outroOptions(input: ThreadInput, handle: string | undefined): OutroOptions | false {
  if (input.outro === false) return false;
  const outro = typeof input.outro === 'object' ? input.outro : {};
  const text = outro.text ?? (handle ? `Follow ${handle} for more, and repost to share it with your network.` : 'Repost to share it with your network.');
  const link = outro.link ?? input.source;
  return { title: outro.title ?? 'Found this useful?', text, ...(link ? { link } : {}) };
}
