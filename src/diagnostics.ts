// Diagnostics as values (after vfile-message): a reason, a place, a rule id and a severity.
// Loaders collect every problem of a file and throw them together in one ThreadeckError.

export type Severity = 'error' | 'warning';

/** Every rule id a diagnostic can carry (the README's "Errors" section says what each means). */
export const RULES = [
  'yaml-syntax', 'schema', 'limit', 'input', 'io', 'image', 'font', 'template', 'theme', 'config', 'usage',
  'contrast', 'overflow', 'missing-glyph', 'rtl', 'platform', 'pdf-font', 'pdf-raster-fallback',
  'import', 'import-author', 'import-unsure', 'import-image', 'timeout', 'internal',
] as const;
export type Rule = (typeof RULES)[number];

export interface Diagnostic {
  severity: Severity;
  /** Machine-readable rule id, e.g. `yaml-syntax`, `schema`, `image`. */
  rule: Rule;
  message: string;
  file?: string;
  line?: number;
  column?: number;
  /** Path inside the thread document, e.g. `posts[3].text`. */
  path?: string;
}

/** `threads/x.yaml:12:5 posts[3]: expected a string or an object with text` */
export function formatDiagnostic(d: Diagnostic): string {
  let where = d.file ?? '';
  if (d.file && d.line !== undefined) where += `:${d.line}:${d.column ?? 1}`;
  const head = [where, d.path].filter(Boolean).join(' ');
  const prefix = d.severity === 'warning' ? 'warning: ' : '';
  return head ? `${head}: ${prefix}${d.message}` : `${prefix}${d.message}`;
}

/** What kind of problem an error is; its exit code from the CLI is in EXIT_CODES. */
export type ErrorCode = 'USAGE' | 'INVALID_THREAD' | 'INVALID_THEME' | 'INVALID_CONFIG' | 'IO' | 'TEMPLATE';

/** The CLI's exit code for each error code: 2 for a command called wrongly, 1 for a bad input. */
export const EXIT_CODES: Readonly<Record<ErrorCode, number>> = { USAGE: 2, INVALID_THREAD: 1, INVALID_THEME: 1, INVALID_CONFIG: 2, IO: 1, TEMPLATE: 1 };

/** The one error class the library throws for problems a user can fix. */
export class ThreadeckError extends Error {
  readonly code: ErrorCode;
  readonly diagnostics: Diagnostic[];

  constructor(code: ErrorCode, diagnostics: Diagnostic[] | string) {
    const list: Diagnostic[] =
      typeof diagnostics === 'string'
        ? [{ severity: 'error', rule: RULE_OF[code], message: diagnostics }]
        : diagnostics;
    super(list.map(formatDiagnostic).join('\n'));
    this.name = 'ThreadeckError';
    this.code = code;
    this.diagnostics = list;
  }
}

const RULE_OF: Record<ErrorCode, Rule> = { USAGE: 'usage', INVALID_THREAD: 'schema', INVALID_THEME: 'theme', INVALID_CONFIG: 'config', IO: 'io', TEMPLATE: 'template' };

/** A mistake in how a command was called (exit code 2), as opposed to a bad input file (exit 1). */
export class UsageError extends ThreadeckError {
  constructor(message: string) {
    super('USAGE', message);
  }
}

/** Formats a path like ['posts', 3, 'text'] as `posts[3].text`. */
export function formatPath(path: readonly (string | number)[]): string {
  let out = '';
  for (const seg of path) {
    if (typeof seg === 'number') out += `[${seg}]`;
    else out += out ? `.${seg}` : seg;
  }
  return out;
}
