// A mistake in how the command was called (exit code 2), as opposed to a bad input file (exit 1).
export class UsageError extends Error {}
