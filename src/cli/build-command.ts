// `threadeck build [inputs…]`: renders thread files into output/<slug>/ and reports (text or --json).
import { defineCommand } from 'citty';
import { build, type ThreadReport } from '../build.ts';
import { OUTPUT_KINDS, type OutputKind } from '../model.ts';
import { resolveInputs } from './inputs.ts';
import { printSummary, printThread } from './report.ts';
import { UsageError } from './usage-error.ts';

export const buildCommand = defineCommand({
  meta: { name: 'build', description: 'Render thread files (YAML/JSON) into PNG cards and a PDF.' },
  args: {
    inputs: { type: 'positional', required: false, description: 'Thread files, folders or globs (default: threads/)', valueHint: 'inputs…' },
    out: { type: 'string', alias: 'o', default: 'output', description: 'Output folder; each thread goes to <out>/<slug>/', valueHint: 'DIR' },
    format: { type: 'string', alias: 'f', default: 'png,pdf', description: `Comma-separated formats: ${OUTPUT_KINDS.join(', ')}`, valueHint: 'LIST' },
    json: { type: 'boolean', default: false, description: 'Print one JSON report on stdout instead of text' },
  },
  async run({ args }) {
    const formats = parseFormats(String(args.format));
    const inputs = args._.length ? args._.map(String) : ['threads'];
    const { files, unmatched } = await resolveInputs(inputs);
    const json = Boolean(args.json);

    const report = await build(files, {
      outDir: String(args.out),
      formats,
      onThread: json ? undefined : (t) => printThread(t),
    });
    const unmatchedReports: ThreadReport[] = unmatched.map((input) => ({
      input,
      slug: null,
      title: null,
      cards: 0,
      files: [],
      warnings: [],
      errors: [{ severity: 'error', rule: 'input', file: input, message: 'no files match this pattern' }],
      ms: 0,
    }));
    if (!json) unmatchedReports.forEach((t) => printThread(t));
    report.threads.push(...unmatchedReports);
    report.ok = report.ok && unmatched.length === 0;

    if (json) process.stdout.write(`${JSON.stringify(report, null, 2)}\n`);
    else printSummary(report);
    return report.ok ? 0 : 1;
  },
});

function parseFormats(value: string): OutputKind[] {
  const list = value.split(',').map((s) => s.trim().toLowerCase()).filter(Boolean);
  const bad = list.filter((f) => !(OUTPUT_KINDS as readonly string[]).includes(f));
  if (bad.length || list.length === 0) {
    throw new UsageError(`--format expects a comma-separated list of ${OUTPUT_KINDS.join(', ')}; got "${value}"`);
  }
  return [...new Set(list)] as OutputKind[];
}
