// `threadeck templates`: lists the templates (text or --json); --contact-sheet THREAD renders
// one thread in every template into a single PNG.
import path from 'node:path';
import { defineCommand } from 'citty';
import { ThreadeckError, formatDiagnostic } from '../diagnostics.ts';
import { contactSheet } from '../export/contact-sheet.ts';
import { parseSize, SIZE_PRESETS } from '../layout/sizes.ts';
import { loadThread } from '../load/load-thread.ts';
import { templateList, templateNames } from '../render/templates.ts';
import { writeFileAtomic } from '../write/atomic.ts';
import { UsageError } from './usage-error.ts';

export const templatesCommand = defineCommand({
  meta: { name: 'templates', description: 'List the built-in templates, or render a thread in all of them as a contact sheet.' },
  args: {
    json: { type: 'boolean', default: false, description: 'Print the list as JSON: [{ name, description, sizes }]' },
    'contact-sheet': { type: 'string', description: 'Render this thread file in every template into one PNG', valueHint: 'THREAD' },
    out: { type: 'string', alias: 'o', default: 'output/contact-sheet.png', description: 'Where the contact sheet goes', valueHint: 'FILE' },
    size: { type: 'string', alias: 's', description: `Card size: ${Object.keys(SIZE_PRESETS).join(', ')} or WxH`, valueHint: 'SIZE' },
  },
  async run({ args }) {
    const sheet = args['contact-sheet'];
    if (typeof sheet !== 'string') {
      const list = templateList().map((t) => ({ ...t, sizes: Object.keys(SIZE_PRESETS) }));
      if (args.json) process.stdout.write(`${JSON.stringify(list, null, 2)}\n`);
      else for (const t of list) process.stdout.write(`${t.name.padEnd(12)} ${t.description}\n`);
      return 0;
    }
    let size;
    if (typeof args.size === 'string') {
      const parsed = parseSize(args.size);
      if (typeof parsed === 'string') throw new UsageError(`--size: ${parsed}`);
      size = parsed;
    }
    try {
      const thread = await loadThread(sheet);
      const png = await contactSheet(thread, { templates: templateNames(), ...(size ? { size } : {}) });
      const out = String(args.out);
      await writeFileAtomic(out, png);
      if (args.json) process.stdout.write(`${JSON.stringify({ ok: true, path: out, bytes: png.byteLength, templates: templateNames() })}\n`);
      else process.stdout.write(`✓ contact sheet of ${templateNames().length} templates → ${path.relative(process.cwd(), out) || out}\n`);
      return 0;
    } catch (err) {
      if (!(err instanceof ThreadeckError)) throw err;
      for (const d of err.diagnostics) process.stderr.write(`${formatDiagnostic(d)}\n`);
      return 1;
    }
  },
});
