// `threadeck build [inputs…]`: renders thread files into output/<slug>/ and reports (text or --json).
import { defineCommand } from 'citty';
import { OUTPUT_KINDS, type OutputKind } from '../model.ts';
import { batchArgs, batchFlags } from './batch-flags.ts';
import { runBuild } from './build-run.ts';
import { UsageError } from './usage-error.ts';
import path from 'node:path';
import { statSync } from 'node:fs';
import { ThreadeckError, formatDiagnostic } from '../diagnostics.ts';
import type { LayoutOptions } from '../layout/paginate.ts';
import { parseSize, SIZE_PRESETS } from '../layout/sizes.ts';
import { isTemplatePath } from '../load/thread-options.ts';
import { loadTemplate, templateNames } from '../render/templates.ts';
import { loadThemeFile } from '../theme/load-theme.ts';
import { withRemoteImages } from '../assets/remote-image.ts';
import { exportArgs, exportFlags } from './export-flags.ts';

export const buildCommand = defineCommand({
  meta: { name: 'build', description: 'Render thread files (YAML/JSON; raw .txt/.md/.html threads are imported on the fly) into PNG cards, a PDF, SVG or Markdown.' },
  args: {
    inputs: { type: 'positional', required: false, description: 'Thread files (or raw .txt/.md/.html), folders or globs (default: threads/)', valueHint: 'inputs…' },
    out: { type: 'string', alias: 'o', default: 'output', description: 'Output folder; each thread goes to <out>/<slug>/', valueHint: 'DIR' },
    format: { type: 'string', alias: 'f', default: 'png,pdf', description: `Comma-separated formats: ${OUTPUT_KINDS.join(', ')}`, valueHint: 'LIST' },
    template: { type: 'string', alias: 't', description: 'Template name (threadeck templates) or path to a template file', valueHint: 'NAME|PATH' },
    size: { type: 'string', alias: 's', description: `Card size: ${Object.keys(SIZE_PRESETS).join(', ')} or WxH`, valueHint: 'SIZE' },
    theme: { type: 'string', description: 'Theme file (YAML/JSON) with colours, fonts, logo, footer', valueHint: 'FILE' },
    json: { type: 'boolean', default: false, description: 'Print one JSON report on stdout instead of text' },
    ...exportArgs,
    'allow-remote-images': {
      type: 'boolean',
      default: false,
      description: 'Fetch http(s) image URLs (public addresses only, 20 MB, 10 s; off by default)',
    },
    ...batchArgs,
  },
  async run({ args }) {
    checkOutDir(String(args.out));
    const exportOptions = exportFlags(args);
    const formats = exportOptions.layout === 'handout' ? parseFormats(String(args.format)).map((f) => (f === 'pdf' ? 'handout' : f)) : parseFormats(String(args.format));
    const layout = { ...(await layoutFlags(args)), pdf: exportOptions.pdf, handout: exportOptions.handout };
    const inputs = args._.length ? args._.map(String) : ['threads'];
    const json = Boolean(args.json);
    const batch = batchFlags(args);
    const watchFiles = [args.theme, layout.template && isTemplatePath(layout.template) ? layout.template : undefined].filter((f): f is string => typeof f === 'string');
    const options = async () => ({ ...(batch.watch ? { ...(await layoutFlags(args)), pdf: layout.pdf, handout: layout.handout } : layout), outDir: String(args.out), formats });
    const run = () => runBuild({ inputs, json, batch, watchFiles, options });
    return await (args['allow-remote-images'] ? withRemoteImages({ enabled: true }, run) : run());
  },
});

/** --out must be a folder (made if missing): a file there would fail every thread after rendering it. */
function checkOutDir(out: string): void {
  let stat;
  try {
    stat = statSync(out);
  } catch {
    return;
  }
  if (!stat.isDirectory()) throw new UsageError(`--out: "${out}" is a file, not a folder; give a folder for the outputs (it is created if missing)`);
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
    else if (!templateNames().includes(t)) throw new UsageError(`--template: unknown template "${t}"; available: ${templateNames().join(', ')} (or a path to a template file)`);
    else out.template = t;
    try {
      await loadTemplate(out.template);
    } catch (err) {
      throw new UsageError(`--template: ${err instanceof Error ? err.message : String(err)}`);
    }
  }
  if (typeof args.theme === 'string') {
    try {
      out.theme = await loadThemeFile(args.theme);
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
