// `threadeck preview [thread-file]`: a local page that shows the thread's cards, live, with an
// editor, pickers and exports (src/preview/). Runs until Ctrl+C. Template, size and theme as in
// build: a flag (or the page's pickers) › the thread file › the project config file › the default.
import { defineCommand } from 'citty';
import { SIZE_PRESETS } from '../model/sizes.ts';
import { TEMPLATE_NAMES } from '../template/names.ts';
import { configArgs } from './config-flags.ts';

export const previewCommand = defineCommand({
  meta: { name: 'preview', description: 'Live preview and editor in the browser: a local page (127.0.0.1) with the cards, updated as the file changes.' },
  args: {
    file: { type: 'positional', required: false, description: 'Thread file (default: the first thread file in threads/)', valueHint: 'thread-file' },
    port: { type: 'string', alias: 'p', description: 'Port on 127.0.0.1 (default: a free one)', valueHint: 'PORT' },
    template: { type: 'string', alias: 't', description: `Start with this built-in template: ${TEMPLATE_NAMES.join(', ')}`, valueHint: 'NAME' },
    size: { type: 'string', alias: 's', description: `Start with this size: ${Object.keys(SIZE_PRESETS).join(', ')} or WxH`, valueHint: 'SIZE' },
    theme: { type: 'string', description: 'Theme file (YAML/JSON), as in build; watched like the thread', valueHint: 'FILE' },
    ...configArgs,
  },
  async run({ args }) {
    const { runPreviewCommand } = await import('./preview-action.ts');
    return runPreviewCommand(args);
  },
});
