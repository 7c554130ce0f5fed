// An HTTP error answer: a status, a message and the CLI's diagnostics (file:line:column against
// the submitted text), sent as JSON by the app's error handler.
import { ThreadeckError, formatDiagnostic, type Diagnostic } from '../diagnostics.ts';

export class HttpError extends Error {
  constructor(
    readonly status: number,
    message: string,
    readonly diagnostics: Diagnostic[] = [],
    readonly headers: Record<string, string> = {},
  ) {
    super(message);
  }
}

export interface ErrorBody {
  error: string;
  status: number;
  diagnostics: Diagnostic[];
  /** The diagnostics as the CLI prints them. */
  messages: string[];
}

export const errorBody = (status: number, message: string, diagnostics: Diagnostic[] = []): ErrorBody => ({
  error: message,
  status,
  diagnostics,
  messages: diagnostics.map(formatDiagnostic),
});

/** A thread that does not load: 400 when it is not even YAML/JSON, 422 when it parses but is not a thread. */
export function loadError(err: ThreadeckError): HttpError {
  const syntax = err.diagnostics.some((d) => d.rule === 'yaml-syntax');
  return syntax
    ? new HttpError(400, 'the body is not valid YAML or JSON', err.diagnostics)
    : new HttpError(422, 'the body parses but is not a valid thread', err.diagnostics);
}
