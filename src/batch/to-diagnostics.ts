// Any error thrown while building one thread → diagnostics for its report (no stack trace unless
// THREADECK_DEBUG is set): threadeck's own errors as they are, I/O errors as "cannot write output".
import { ThreadeckError, type Diagnostic } from '../diagnostics.ts';

export function toDiagnostics(err: unknown, file: string): Diagnostic[] {
  if (err instanceof ThreadeckError) return err.diagnostics;
  const e = err as NodeJS.ErrnoException;
  if (e?.code && typeof e.code === 'string' && e.syscall) {
    return [{ severity: 'error', rule: 'io', file, message: `cannot write output: ${e.message}` }];
  }
  const message = err instanceof Error ? err.message : String(err);
  const diag: Diagnostic = { severity: 'error', rule: 'internal', file, message: `internal error: ${message}` };
  if (process.env.THREADECK_DEBUG && err instanceof Error && err.stack) diag.message += `\n${err.stack}`;
  return [diag];
}
