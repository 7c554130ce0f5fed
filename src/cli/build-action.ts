// `threadeck build`'s work once its flags are parsed: checked, then the build run (build-run.ts).
// Imported only when the command runs, so `threadeck --help` loads none of it.
import path from 'node:path';
import { statSync } from 'node:fs';
import { OUTPUT_KINDS, type OutputKind } from '../model/index.ts';
import { batchFlags } from './batch-flags.ts';
import { runBuild } from './build-run.ts';
import { UsageError } from './usage-error.ts';
import { ThreadeckError, formatDiagnostic } from '../diagnostics.ts';
import type { LayoutOptions } from '../layout/paginate.ts';
import { parseSize } from '../model/sizes.ts';
import { isTemplatePath } from '../template/names.ts';
import { TEMPLATE_NAMES } from '../template/names.ts';
import { withRemoteImages } from '../assets/remote-image.ts';
import { exportFlags } from './export-flags.ts';
import { projectConfig } from './config-flags.ts';
import { ensureWritableDir } from '../write/out-dir.ts';

export const DEFAULT_OUT = 'output';
export const DEFAULT_FORMATS: OutputKind[] = ['png', 'pdf'];

export async function runBuildCommand(args: Record<string, unknown> & { _: unknown[] }): Promise<number> {
  const config = await projectConfig(args);
  // Each setting: the flag, else the project config file, else the default (load/presentation.ts for template, size, theme).
  const outDir = typeof args.out === 'string' ? args.out : (config?.out ?? DEFAULT_OUT);
  const exportOptions = exportFlags(args);
  const listed = typeof args.format === 'string' ? parseFormats(args.format) : (config?.formats ?? DEFAULT_FORMATS);
  const formats = exportOptions.layout === 'handout' ? [...new Set(listed.map((f) => (f === 'pdf' ? 'handout' : f)))] : listed;
  const flags = async () => ({ ...(await layoutFlags(args)), ...(config && { config: config.presentation }) });
  const layout = { ...(await flags()), pdf: exportOptions.pdf, handout: exportOptions.handout };
  const inputs = args._.length ? args._.map(String) : ['threads'];
  const json = Boolean(args.json);
  const batch = batchFlags(args);
  // Only once every flag is checked: a usage error leaves no output folder behind.
  await checkOutDir(outDir);
  const templates = [layout.template, config?.presentation.template].filter((t): t is string => t !== undefined && isTemplatePath(t));
  const watchFiles = [args.theme, config?.file, ...templates].filter((f): f is string => typeof f === 'string');
  // --watch reads the --theme file again before each rebuild (the config file is read once: restart after editing it).
  const options = async () => ({ ...(batch.watch ? { ...(await flags()), pdf: layout.pdf, handout: layout.handout } : layout), outDir, formats });
  const run = () => runBuild({ inputs, json, batch, watchFiles, options });
  return await (args['allow-remote-images'] ? withRemoteImages({ enabled: true }, run) : run());
}

const isFile = (p: string) => {
  try {
    return statSync(p).isFile();
  } catch {
    return false;
  }
};

/** --out must be a folder that can be made and written: found out before any thread renders, not after. */
async function checkOutDir(out: string): Promise<void> {
  if (isFile(out)) throw new UsageError(`--out: "${out}" is a file, not a folder; give a folder for the outputs (it is created if missing)`);
  try {
    await ensureWritableDir(out);
  } catch (err) {
    if (err instanceof ThreadeckError) throw new UsageError(`--out: ${err.diagnostics[0]!.file}: ${err.diagnostics[0]!.message}`);
    throw err;
  }
}

/** --template, --size and --theme, checked before any thread is read. */
async function layoutFlags(args: Record<string, unknown>): Promise<LayoutOptions> {
  const out: LayoutOptions = {};
  if (typeof args.size === 'string') {
    const size = parseSize(args.size);
    if (typeof size === 'string') throw new UsageError(`--size: ${size}`);
    out.size = size;
  }
  if (typeof args.template === 'string') {
    const t = args.template;
    if (isTemplatePath(t)) out.template = path.resolve(t);
    else if (!TEMPLATE_NAMES.includes(t)) throw new UsageError(`--template: unknown template "${t}"; available: ${TEMPLATE_NAMES.join(', ')} (or a path to a template file)`);
    else out.template = t;
    try {
      if (isTemplatePath(t)) await (await import('../template/registry.ts')).loadTemplate(out.template);
    } catch (err) {
      throw new UsageError(`--template: ${err instanceof Error ? err.message : String(err)}`);
    }
  }
  if (typeof args.theme === 'string') {
    try {
      out.theme = await (await import('../load/load-theme.ts')).loadThemeFile(args.theme);
    } catch (err) {
      if (err instanceof ThreadeckError) throw new UsageError(`--theme:\n${err.diagnostics.map((d) => `  ${formatDiagnostic(d)}`).join('\n')}`);
      throw err;
    }
  }
  return out;
}

function parseFormats(value: string): OutputKind[] {
  const list = value.split(',').map((s) => s.trim().toLowerCase()).filter(Boolean);
  const bad = list.filter((f) => !(OUTPUT_KINDS as readonly string[]).includes(f));
  if (bad.length || list.length === 0) {
    throw new UsageError(`--format expects a comma-separated list of ${OUTPUT_KINDS.join(', ')}; got "${value}"`);
  }
  return [...new Set(list)] as OutputKind[];
}
