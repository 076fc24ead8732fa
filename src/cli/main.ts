// The `cors-lens` command: parses arguments, runs check or explain, prints the report and returns
// the exit code. Expected failures print one line on stderr and return 2; only bugs throw.
import { parseArgs, HELP, UsageError, type Command } from './args';
import { checkUrl } from './check-url';
import { CliError } from './cli-error';
import { exitCodeFor, formatReport, type CheckedCalls, type SeenCalls } from './format-report';
import { readHarCalls } from './read-har';
import { redactCalls } from '../shared/redact';
import { printable } from '../shared/printable';
import { buildReport } from '../shared/report';

export interface CliEnvironment {
  /** Folder of the built extension. */
  readonly extensionPath: string;
  readonly version: string;
  readonly stdout: (text: string) => void;
  readonly stderr: (text: string) => void;
}

type ReportCommand = Extract<Command, { kind: 'check' | 'explain' }>;

function seenCalls(command: ReportCommand, env: CliEnvironment): Promise<SeenCalls> {
  switch (command.kind) {
    case 'check':
      return checkUrl({
        url: command.url,
        waitFor: command.waitFor,
        extensionPath: env.extensionPath,
        progress: (line) => env.stderr(`${line}\n`),
      });
    case 'explain':
      return readHarCalls(command.file).then((calls) => ({ calls, source: `HAR file ${command.file}` }));
  }
}

/** Every format is built from the redacted calls: this is the CLI's one redaction step. */
async function reportFor(command: ReportCommand, env: CliEnvironment): Promise<CheckedCalls> {
  const seen = await seenCalls(command, env);
  const calls = redactCalls(seen.calls, command.redact);
  const report = buildReport(calls);
  const unexplained = report.calls.filter((c) => c.outcome === 'blocked' && c.corsError === null && c.status === null);
  if (command.kind === 'explain' && unexplained.length > 0) {
    env.stderr(
      `Note: the HAR holds no response for ${unexplained.length} blocked call(s), so their CORS reason cannot be named ` +
        `(Playwright's recordHar keeps none for blocked requests, nor preflights). ` +
        `Run cors-lens check on the page, or export the HAR from Chrome DevTools.\n`,
    );
  }
  return { report, calls, source: seen.source };
}

export async function main(argv: readonly string[], env: CliEnvironment): Promise<number> {
  try {
    const command = parseArgs(argv);
    switch (command.kind) {
      case 'help':
        env.stdout(HELP);
        return 0;
      case 'version':
        env.stdout(`${env.version}\n`);
        return 0;
      case 'check':
      case 'explain': {
        const result = await reportFor(command, env);
        env.stdout(formatReport(result, command.format));
        return exitCodeFor(result.report, command.failOn);
      }
    }
  } catch (error) {
    if (error instanceof UsageError) {
      env.stderr(`cors-lens: ${printable(error.message)}\nRun cors-lens --help for usage.\n`);
      return 2;
    }
    if (error instanceof CliError) {
      env.stderr(`cors-lens: ${printable(error.message)}\n`);
      return 2;
    }
    throw error;
  }
}
