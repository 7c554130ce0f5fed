// `threadeck build [inputs…]`: renders thread files into output/<slug>/ and reports (text or --json).
import { defineCommand } from 'citty';
import { OUTPUT_KINDS } from '../model/index.ts';
import { batchArgs } from './batch-flags.ts';
import { SIZE_PRESETS } from '../model/sizes.ts';
import { exportArgs } from './export-flags.ts';
import { configArgs } from './config-flags.ts';

export const buildCommand = defineCommand({
  meta: { name: 'build', description: 'Render thread files (YAML/JSON; raw .txt/.md/.html threads are imported on the fly) into PNG cards, a PDF, SVG, Markdown, an HTML deck or a PPTX.' },
  args: {
    inputs: { type: 'positional', required: false, description: 'Thread files (or raw .txt/.md/.html), folders or globs (default: threads/)', valueHint: 'inputs…' },
    out: { type: 'string', alias: 'o', description: 'Output folder; each thread goes to <out>/<slug>/ (default: output, or the config file\'s out)', valueHint: 'DIR' },
    format: { type: 'string', alias: 'f', description: `Comma-separated formats: ${OUTPUT_KINDS.join(', ')} (default: png,pdf, or the config file's formats)`, valueHint: 'LIST' },
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
    ...configArgs,
  },
  async run({ args }) {
    const { runBuildCommand } = await import('./build-action.ts');
    return runBuildCommand(args);
  },
});
