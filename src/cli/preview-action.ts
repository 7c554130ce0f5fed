// `threadeck preview`'s work once its flags are parsed: checks, then the preview server until Ctrl+C.
// Imported only when the command runs, so `threadeck --help` loads none of it.
import { stat } from 'node:fs/promises';
import { ThreadeckError, formatDiagnostic } from '../diagnostics.ts';
import { loadThemeFile } from '../load/load-theme.ts';
import { parseSize, SIZE_PRESETS } from '../model/sizes.ts';
import { startPreviewServer } from '../preview/server.ts';
import { resolveInputs } from './inputs.ts';
import { UsageError } from './usage-error.ts';
import { projectConfig } from './config-flags.ts';
import { TEMPLATE_NAMES } from '../template/names.ts';

export async function runPreviewCommand(args: Record<string, unknown> & { _: unknown[] }): Promise<number> {
  let port: number | undefined;
  if (typeof args.port === 'string') {
    if (!/^\d+$/.test(args.port) || Number(args.port) > 65535) throw new UsageError(`--port: expected a port number (0–65535); got "${args.port}"`);
    port = Number(args.port);
  }
  const choices: { template?: string; size?: string } = {};
  if (typeof args.template === 'string') {
    if (!TEMPLATE_NAMES.includes(args.template)) throw new UsageError(`--template: unknown template "${args.template}"; available: ${TEMPLATE_NAMES.join(', ')}`);
    choices.template = args.template;
  }
  if (typeof args.size === 'string') {
    const size = parseSize(args.size);
    if (typeof size === 'string') throw new UsageError(`--size: ${size}`);
    choices.size = args.size;
  }
  // The project config file (--config FILE, else the nearest threadeck.config.*; --no-config: none): below the thread file's choices.
  const config = await projectConfig(args);
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
      ...(config && { config }),
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
}
