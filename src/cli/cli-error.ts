// An expected failure the CLI reports as one line and exit code 2 (setup problems, bad input),
// as opposed to a bug, which keeps its stack trace.
export class CliError extends Error {
  override readonly name = 'CliError';
}
