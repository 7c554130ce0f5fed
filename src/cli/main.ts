// The `threadeck` command line: a thin shell over the library (citty declares the commands).
import { readFileSync } from 'node:fs';
import { defineCommand, renderUsage, runCommand, type ArgsDef, type CommandDef } from 'citty';
import { buildCommand } from './build-command.ts';
import { importCommand } from './import-command.ts';
import { previewCommand } from './preview-command.ts';
import { templatesCommand } from './templates-command.ts';
import { UsageError } from './usage-error.ts';

const pkg = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version: string; description: string };

const root = defineCommand({
  meta: { name: 'threadeck', version: pkg.version, description: pkg.description },
  subCommands: { build: buildCommand, import: importCommand, templates: templatesCommand, preview: previewCommand },
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
  const sub = (root.subCommands as Record<string, CommandDef<ArgsDef>>)[first];
  if (!sub) {
    process.stderr.write(`threadeck: unknown command "${first}"\n\n${await renderUsage(root)}\n`);
    return 2;
  }
  if (rest.includes('--help') || rest.includes('-h')) {
    process.stdout.write(`${await renderUsage(sub, root)}\n`);
    return 0;
  }
  try {
    checkFlags(rest, sub.args as ArgsDef);
    const { result } = await runCommand(sub, { rawArgs: rest });
    return typeof result === 'number' ? result : 0;
  } catch (err) {
    if (err instanceof UsageError) {
      process.stderr.write(`threadeck ${first}: ${err.message}\nRun "threadeck ${first} --help" for usage.\n`);
      return 2;
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
    if (def.type === 'boolean') known.add(`no-${name}`);
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
