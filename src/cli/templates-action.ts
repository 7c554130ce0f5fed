// `threadeck templates`'s work: the list, or the contact sheet.
// Imported only when the command runs, so `threadeck --help` loads none of it.
import path from 'node:path';
import { ThreadeckError, formatDiagnostic } from '../diagnostics.ts';
import { contactSheet } from '../contact-sheet.ts';
import { parseSize, SIZE_PRESETS } from '../model/sizes.ts';
import { loadThread } from '../load/load-thread.ts';
import { templateList } from '../template/registry.ts';
import { writeFileAtomic } from '../write/atomic.ts';
import { UsageError } from './usage-error.ts';
import { TEMPLATE_NAMES } from '../template/names.ts';

export async function runTemplatesCommand(args: Record<string, unknown> & { _: unknown[] }): Promise<number> {
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
    const png = await contactSheet(thread, { templates: TEMPLATE_NAMES, ...(size ? { size } : {}) });
    const out = String(args.out);
    await writeFileAtomic(out, png);
    if (args.json) process.stdout.write(`${JSON.stringify({ ok: true, path: out, bytes: png.byteLength, templates: TEMPLATE_NAMES })}\n`);
    else process.stdout.write(`✓ contact sheet of ${TEMPLATE_NAMES.length} templates → ${path.relative(process.cwd(), out) || out}\n`);
    return 0;
  } catch (err) {
    if (!(err instanceof ThreadeckError)) throw err;
    for (const d of err.diagnostics) process.stderr.write(`${formatDiagnostic(d)}\n`);
    return 1;
  }
}
