// Diagnostics as values (after vfile-message): a reason, a place, a rule id and a severity.
// Loaders collect every problem of a file and throw them together in one ThreadeckError.

export type Severity = 'error' | 'warning';

export interface Diagnostic {
  severity: Severity;
  /** Machine-readable rule id, e.g. `yaml-syntax`, `schema`, `image`. */
  rule: string;
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

export type ErrorCode = 'INVALID_THREAD' | 'IO' | 'RENDER' | 'USAGE' | 'ASSET' | 'TEMPLATE';

/** The one error class the library throws for problems a user can fix. */
export class ThreadeckError extends Error {
  readonly code: ErrorCode;
  readonly diagnostics: Diagnostic[];

  constructor(code: ErrorCode, diagnostics: Diagnostic[] | string) {
    const list: Diagnostic[] =
      typeof diagnostics === 'string'
        ? [{ severity: 'error', rule: code.toLowerCase(), message: diagnostics }]
        : diagnostics;
    super(list.map(formatDiagnostic).join('\n'));
    this.name = 'ThreadeckError';
    this.code = code;
    this.diagnostics = list;
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
