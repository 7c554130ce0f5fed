// `threadeck import FILE|-`: a thread from a reader page, a clipping, an X export, HTML or plain
// text → a thread file (YAML, validated like any thread file), or the YAML on stdout.
import { defineCommand } from 'citty';
import { IMPORT_FORMATS } from '../import/types.ts';
export const importCommand = defineCommand({
  meta: { name: 'import', description: 'Turn a thread from a reader page, a Markdown clipping, an X export, HTML or plain text into a thread file (YAML).' },
  args: {
    input: { type: 'positional', required: false, description: 'The file to import, or - to read standard input', valueHint: 'FILE|-' },
    out: { type: 'string', alias: 'o', description: 'Write the thread file here (.yaml/.yml); default: print the YAML on stdout', valueHint: 'FILE' },
    from: { type: 'string', description: `The input's format: ${IMPORT_FORMATS.join(', ')} (default: detected)`, valueHint: 'FORMAT' },
    'keep-replies': { type: 'boolean', default: false, description: 'Keep posts by other accounts (as posts quoting the reply) instead of removing them' },
    title: { type: 'string', description: 'The thread title (default: from the page or the first post)', valueHint: 'TEXT' },
    author: { type: 'string', description: 'The author, "Name @handle" (default: from the page)', valueHint: 'NAME' },
    force: { type: 'boolean', default: false, description: 'Overwrite an existing --out file' },
    verbose: { type: 'boolean', default: false, description: 'List every removed line and why (stderr)' },
    json: { type: 'boolean', default: false, description: 'Print one JSON report on stdout instead of text' },
  },
  async run({ args }) {
    const { runImportCommand } = await import('./import-action.ts');
    return runImportCommand(args);
  },
});
