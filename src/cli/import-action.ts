// `threadeck import`'s work once its flags are parsed: import, check, write or print.
// Imported only when the command runs, so `threadeck --help` loads none of it.
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { ThreadeckError, formatDiagnostic, type Diagnostic } from '../diagnostics.ts';
import { toDiagnostics } from '../batch/to-diagnostics.ts';
import { parseThread } from '../load/load-thread.ts';
import { FORMAT_NAMES, importThread } from '../import/import-thread.ts';
import { threadFromImport } from '../import/load-input.ts';
import { threadToYaml } from '../import/thread-yaml.ts';
import { IMPORT_FORMATS, type ImportFormat, type ImportResult } from '../import/types.ts';
import { writeFileAtomic } from '../write/atomic.ts';
import { UsageError } from './usage-error.ts';

export async function runImportCommand(args: Record<string, unknown> & { _: unknown[] }): Promise<number> {
  const started = performance.now();
  const positionals = args._.map(String);
  if (positionals.length !== 1) throw new UsageError(positionals.length ? `expected one input, got ${positionals.length}` : 'expected the file to import (or - for standard input)');
  const input = positionals[0]!;
  const from = args.from === undefined ? undefined : String(args.from);
  if (from !== undefined && !(IMPORT_FORMATS as readonly string[]).includes(from)) throw new UsageError(`--from expects one of ${IMPORT_FORMATS.join(', ')}; got "${from}"`);
  const out = typeof args.out === 'string' ? args.out : undefined;
  if (out !== undefined && !/\.ya?ml$/i.test(out)) throw new UsageError(`--out must name a .yaml or .yml file; got "${out}"`);
  if (out && existsSync(out) && !args.force) throw new UsageError(`${out} exists; pass --force to overwrite it`);
  const json = Boolean(args.json);
  const file = input === '-' ? '<stdin>' : input;
  const baseDir = input === '-' ? process.cwd() : path.dirname(input);
  const outDir = out ? path.dirname(out) : process.cwd();

  let result: ImportResult | undefined;
  let yaml: string | undefined;
  const errors: Diagnostic[] = [];
  try {
    const text = input === '-' ? await readStdin() : await readInput(input);
    result = await importThread(text, {
      file,
      baseDir,
      outDir,
      ...(from && { from: from as ImportFormat }),
      keepReplies: Boolean(args['keep-replies']),
      ...(typeof args.title === 'string' && { title: args.title }),
      ...(typeof args.author === 'string' && { author: args.author }),
    });
    // The same checks as any thread file, with positions in the input…
    await threadFromImport(result, { file, baseDir: outDir });
    const source = input === '-' ? 'standard input' : path.basename(input);
    yaml = threadToYaml(result.thread, { dir: outDir, comment: `Imported by threadeck from ${source} (${FORMAT_NAMES[result.format]}).` });
    // …and the YAML written must load as it is.
    await parseThread(yaml, { file: out ?? '<stdout>', baseDir: outDir });
    if (out) await writeFileAtomic(out, yaml);
  } catch (err) {
    errors.push(...toDiagnostics(err, file));
  }

  const ok = errors.length === 0;
  if (json) {
    const report = {
      ok,
      input: file,
      output: ok ? (out ?? null) : null,
      format: result?.format ?? null,
      title: result?.thread.title ?? null,
      posts: result?.thread.posts.length ?? 0,
      warnings: result?.warnings ?? [],
      removed: result?.removed ?? [],
      errors,
      ms: Math.round(performance.now() - started),
      ...(ok && !out && { yaml }),
    };
    process.stdout.write(`${JSON.stringify(report, null, 2)}\n`);
    return ok ? 0 : 1;
  }
  if (args.verbose && result) {
    for (const r of result.removed) process.stderr.write(`${file}:${r.line}: removed (${r.reason}): ${r.text}\n`);
  }
  for (const w of result?.warnings ?? []) process.stderr.write(`${formatDiagnostic(w)}\n`);
  if (!ok) {
    process.stderr.write(`✗ ${file}\n`);
    for (const e of errors) process.stderr.write(`  ${formatDiagnostic(e)}\n`);
    return 1;
  }
  const summary = `✓ ${file} → ${out ?? 'stdout'}: ${result!.thread.posts.length} posts, read as ${FORMAT_NAMES[result!.format]}; ${result!.removed.length} lines left out${args.verbose ? '' : ' (--verbose lists them)'}\n`;
  if (out) process.stdout.write(summary);
  else {
    process.stdout.write(yaml!);
    process.stderr.write(summary);
  }
  return 0;
}

async function readInput(file: string): Promise<string> {
  try {
    return await readFile(file, 'utf8');
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    const why = code === 'ENOENT' ? 'file not found' : code === 'EISDIR' ? 'is a folder; import one file at a time' : `cannot read (${code ?? String(err)})`;
    throw new ThreadeckError('IO', [{ severity: 'error', rule: 'io', file, message: why }]);
  }
}

async function readStdin(): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(Buffer.from(chunk as Buffer));
  return Buffer.concat(chunks).toString('utf8');
}
