// A mistake in how the command was called (exit code 2): the library's ThreadeckError with code USAGE.
export { UsageError } from '../diagnostics.ts';
