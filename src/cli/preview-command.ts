// `threadeck preview [thread-file]`: a local page that shows the thread's cards, live, with an
// editor, pickers and exports (src/preview/). Runs until Ctrl+C.
import { stat } from 'node:fs/promises';
import { defineCommand } from 'citty';
import { ThreadeckError, formatDiagnostic } from '../diagnostics.ts';
import { loadThemeFile } from '../theme/load-theme.ts';
import { parseSize, SIZE_PRESETS } from '../layout/sizes.ts';
import { templateNames } from '../render/templates.ts';
import { startPreviewServer } from '../preview/server.ts';
import { resolveInputs } from './inputs.ts';
import { UsageError } from './usage-error.ts';

export const previewCommand = defineCommand({
  meta: { name: 'preview', description: 'Live preview and editor in the browser: a local page (127.0.0.1) with the cards, updated as the file changes.' },
  args: {
    file: { type: 'positional', required: false, description: 'Thread file (default: the first thread file in threads/)', valueHint: 'thread-file' },
    port: { type: 'string', alias: 'p', description: 'Port on 127.0.0.1 (default: a free one)', valueHint: 'PORT' },
    template: { type: 'string', alias: 't', description: `Start with this built-in template: ${templateNames().join(', ')}`, valueHint: 'NAME' },
    size: { type: 'string', alias: 's', description: `Start with this size: ${Object.keys(SIZE_PRESETS).join(', ')} or WxH`, valueHint: 'SIZE' },
    theme: { type: 'string', description: 'Theme file (YAML/JSON), as in build; watched like the thread', valueHint: 'FILE' },
  },
  async run({ args }) {
    let port: number | undefined;
    if (typeof args.port === 'string') {
      if (!/^\d+$/.test(args.port) || Number(args.port) > 65535) throw new UsageError(`--port: expected a port number (0–65535); got "${args.port}"`);
      port = Number(args.port);
    }
    const choices: { template?: string; size?: string } = {};
    if (typeof args.template === 'string') {
      if (!templateNames().includes(args.template)) throw new UsageError(`--template: unknown template "${args.template}"; available: ${templateNames().join(', ')}`);
      choices.template = args.template;
    }
    if (typeof args.size === 'string') {
      const size = parseSize(args.size);
      if (typeof size === 'string') throw new UsageError(`--size: ${size}`);
      choices.size = args.size;
    }
    const themeFile = typeof args.theme === 'string' ? args.theme : undefined;
    if (themeFile) {
      try {
        await loadThemeFile(themeFile);
      } catch (err) {
        if (err instanceof ThreadeckError) throw new UsageError(`--theme:\n${err.diagnostics.map((d) => `  ${formatDiagnostic(d)}`).join('\n')}`);
        throw err;
      }
    }
    let file = typeof args.file === 'string' ? args.file : undefined;
    if (!file) {
      const { files } = await resolveInputs(['threads']).catch(() => ({ files: [] as string[] }));
      file = files.find((f) => /\.(ya?ml|json)$/i.test(f));
      if (!file) throw new UsageError('name a thread file: threadeck preview threads/x.yaml');
    }
    if ((await stat(file).catch(() => undefined))?.isDirectory()) throw new UsageError(`"${file}" is a folder; name a thread file in it`);

    let server;
    try {
      server = await startPreviewServer({
        file,
        ...(port !== undefined && { port }),
        ...(themeFile && { themeFile }),
        choices,
        onListening: (url) => process.stdout.write(`threadeck preview: ${file}\n  ${url}\n`),
      });
    } catch (err) {
      process.stderr.write(`threadeck preview: ${err instanceof Error ? err.message : String(err)}\n`);
      return 1;
    }
    const first = server.session.result;
    process.stdout.write(
      first?.ok
        ? `  ${first.cards.length} cards in ${first.ms.total} ms; watching for changes (Ctrl+C to stop)\n`
        : `  the file has ${first?.errors.length ?? 0} error(s), shown in the page; watching for changes (Ctrl+C to stop)\n`,
    );
    await new Promise<void>((resolve) => {
      const stop = () => {
        process.off('SIGINT', stop);
        process.off('SIGTERM', stop);
        resolve();
      };
      process.on('SIGINT', stop);
      process.on('SIGTERM', stop);
    });
    await server.close();
    return 0;
  },
});
