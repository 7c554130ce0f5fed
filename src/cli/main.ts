// The `threadeck` command line: a thin shell over the library (citty declares the commands). Each
// command's declaration is imported only when it is named, and its work only when it runs, so
// --version and --help load no renderer.
import { defineCommand, renderUsage, runCommand, type ArgsDef, type CommandDef } from 'citty';
import { UsageError } from './usage-error.ts';
import { EXIT_CODES, ThreadeckError } from '../diagnostics.ts';
import { PACKAGE } from '../package-root.ts';

const pkg = PACKAGE;

const root = defineCommand({
  meta: { name: 'threadeck', version: pkg.version, description: pkg.description },
  subCommands: {
    build: () => import('./build-command.ts').then((m) => m.buildCommand),
    import: () => import('./import-command.ts').then((m) => m.importCommand),
    templates: () => import('./templates-command.ts').then((m) => m.templatesCommand),
    preview: () => import('./preview-command.ts').then((m) => m.previewCommand),
    serve: () => import('./serve-command.ts').then((m) => m.serveCommand),
    worker: () => import('./worker-command.ts').then((m) => m.workerCommand),
    cluster: () => import('./cluster-command.ts').then((m) => m.clusterCommand),
  },
});

/** Runs the CLI with `argv` (without node and script); resolves to the exit code. */
export async function main(argv: string[]): Promise<number> {
  const [first, ...rest] = argv;
  if (first === '--version' || first === '-v') {
    process.stdout.write(`${pkg.version}\n`);
    return 0;
  }
  if (first === undefined || first === '--help' || first === '-h' || first === 'help') {
    process.stdout.write(`${await renderUsage(root)}\n`);
    return first === undefined ? 2 : 0;
  }
  const load = (root.subCommands as Record<string, () => Promise<CommandDef<ArgsDef>>>)[first];
  if (!Object.hasOwn(root.subCommands as object, first) || !load) {
    process.stderr.write(`threadeck: unknown command "${first}"\n\n${await renderUsage(root)}\n`);
    return 2;
  }
  const sub = await load();
  if (rest.includes('--help') || rest.includes('-h')) {
    process.stdout.write(`${await renderUsage(sub, root)}\n`);
    return 0;
  }
  try {
    checkFlags(rest, sub.args as ArgsDef);
    const { result } = await runCommand(sub, { rawArgs: rest });
    return typeof result === 'number' ? result : 0;
  } catch (err) {
    // A user's mistake: its message, no stack trace, the exit code of its kind (EXIT_CODES).
    if (err instanceof ThreadeckError) {
      const hint = err.code === 'USAGE' ? `\nRun "threadeck ${first} --help" for usage.` : '';
      process.stderr.write(`threadeck ${first}: ${err.message}${hint}\n`);
      return EXIT_CODES[err.code];
    }
    throw err;
  }
}

/** citty accepts any flag; a typo must be a usage error instead. */
function checkFlags(argv: string[], args: ArgsDef): void {
  const known = new Set<string>();
  for (const [name, def] of Object.entries(args)) {
    if (def.type === 'positional') continue;
    known.add(name);
    // `--no-NAME` for booleans, and for options that say they take it (`--no-config`).
    if (def.type === 'boolean' || ('negatable' in def && def.negatable)) known.add(`no-${name}`);
    const alias = 'alias' in def ? def.alias : undefined;
    for (const a of Array.isArray(alias) ? alias : alias ? [alias] : []) known.add(a);
  }
  for (const arg of argv) {
    if (arg === '--') break;
    if (!arg.startsWith('-') || arg === '-') continue;
    const name = arg.replace(/^--?/, '').split('=')[0]!;
    if (!known.has(name)) throw new UsageError(`unknown option "${arg.split('=')[0]}"`);
  }
}
