// `threadeck templates`: lists the templates (text or --json); --contact-sheet THREAD renders
// one thread in every template into a single PNG.
import { defineCommand } from 'citty';
import { SIZE_PRESETS } from '../model/sizes.ts';
export const templatesCommand = defineCommand({
  meta: { name: 'templates', description: 'List the built-in templates, or render a thread in all of them as a contact sheet.' },
  args: {
    json: { type: 'boolean', default: false, description: 'Print the list as JSON: [{ name, description, sizes }]' },
    'contact-sheet': { type: 'string', description: 'Render this thread file in every template into one PNG', valueHint: 'THREAD' },
    out: { type: 'string', alias: 'o', default: 'output/contact-sheet.png', description: 'Where the contact sheet goes', valueHint: 'FILE' },
    size: { type: 'string', alias: 's', description: `Card size: ${Object.keys(SIZE_PRESETS).join(', ')} or WxH`, valueHint: 'SIZE' },
  },
  async run({ args }) {
    const { runTemplatesCommand } = await import('./templates-action.ts');
    return runTemplatesCommand(args);
  },
});
