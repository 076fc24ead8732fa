// Parses `cors-lens` arguments into a command. Pure, so every usage error is unit-tested; a bad
// argument is a UsageError (exit code 2), never a stack trace.
import { parseNameList } from '../shared/redact';

export type OutputFormat = 'text' | 'json' | 'md';
export type FailOn = 'blocked' | 'warning';

export interface OutputOptions {
  readonly format: OutputFormat;
  readonly failOn: FailOn;
  /** Secret values are masked in every format unless --keep-secrets; --redact adds names. */
  readonly redact: { readonly keepSecrets: boolean; readonly extraNames: readonly string[] };
}

export type Command =
  | { readonly kind: 'help' }
  | { readonly kind: 'version' }
  | ({ readonly kind: 'check'; readonly url: string; readonly waitFor: number } & OutputOptions)
  | ({ readonly kind: 'explain'; readonly file: string } & OutputOptions);

export class UsageError extends Error {
  override readonly name = 'UsageError';
}

const FORMATS: readonly OutputFormat[] = ['text', 'json', 'md'];
/** Options that take no value. */
const FLAGS: readonly string[] = ['--keep-secrets'];
const FAIL_ON: readonly FailOn[] = ['blocked', 'warning'];

function oneOf<T extends string>(option: string, value: string, allowed: readonly T[]): T {
  const found = allowed.find((a) => a === value);
  if (found === undefined) throw new UsageError(`${option} must be one of ${allowed.join(', ')} (got "${value}")`);
  return found;
}

export function parseArgs(argv: readonly string[]): Command {
  if (argv.length === 0 || argv.includes('--help') || argv.includes('-h') || argv[0] === 'help') {
    return { kind: 'help' };
  }
  if (argv[0] === '--version' || argv[0] === '-v') return { kind: 'version' };
  const [command, ...rest] = argv;
  if (command !== 'check' && command !== 'explain') {
    throw new UsageError(`unknown command "${command ?? ''}"; expected check or explain`);
  }
  const positional: string[] = [];
  const values = new Map<string, string>();
  const flags = new Set<string>();
  const redactNames: string[] = [];
  for (let i = 0; i < rest.length; i++) {
    const arg = rest[i] ?? '';
    if (!arg.startsWith('--')) {
      positional.push(arg);
      continue;
    }
    const eq = arg.indexOf('=');
    const name = eq === -1 ? arg : arg.slice(0, eq);
    if (FLAGS.includes(name)) {
      if (eq !== -1) throw new UsageError(`${name} takes no value`);
      flags.add(name);
      continue;
    }
    const common = ['--fail-on', '--format', '--redact'];
    const allowed = command === 'check' ? ['--wait-for', ...common] : common;
    if (!allowed.includes(name)) throw new UsageError(`unknown option ${name} for ${command}`);
    let value = eq === -1 ? rest[++i] : arg.slice(eq + 1);
    if (value === undefined || (eq === -1 && value.startsWith('--'))) throw new UsageError(`${name} needs a value`);
    value = value.trim();
    if (name === '--redact') {
      const names = parseNameList(value);
      if (names.length === 0) throw new UsageError('--redact needs header or parameter names');
      redactNames.push(...names);
    }
    values.set(name, value);
  }
  const output: OutputOptions = {
    format: oneOf('--format', values.get('--format') ?? 'text', FORMATS),
    failOn: oneOf('--fail-on', values.get('--fail-on') ?? 'blocked', FAIL_ON),
    redact: { keepSecrets: flags.has('--keep-secrets'), extraNames: redactNames },
  };
  const what = command === 'check' ? 'a URL' : 'a HAR file';
  if (positional.length === 0) throw new UsageError(`${command} needs ${what}`);
  if (positional.length > 1) throw new UsageError(`${command} takes one ${what.slice(2)}, got ${positional.length}`);
  const target = positional[0] ?? '';
  if (command === 'explain') return { kind: 'explain', file: target, ...output };
  if (!/^https?:\/\/[^/]/i.test(target)) throw new UsageError(`"${target}" is not an http(s) URL`);
  const waitText = values.get('--wait-for') ?? '1000';
  const waitFor = Number(waitText);
  if (!/^\d+$/.test(waitText) || !Number.isSafeInteger(waitFor)) {
    throw new UsageError(`--wait-for must be a whole number of milliseconds (got "${waitText}")`);
  }
  return { kind: 'check', url: target, waitFor, ...output };
}

export const HELP = `cors-lens: explains why cross-origin requests were blocked and how to fix them

Usage:
  cors-lens check <url> [--wait-for ms] [--fail-on blocked|warning] [--format text|json|md]
                  [--redact names] [--keep-secrets]
  cors-lens explain <file.har> [--fail-on blocked|warning] [--format text|json|md]
                  [--redact names] [--keep-secrets]

Commands:
  check     Open <url> in headless Chromium with CORS Lens, wait for the network to go idle
            and then --wait-for ms (default 1000), and report every cross-origin call.
  explain   Explain the cross-origin calls in a HAR file (Chrome DevTools "Save all as HAR",
            or Playwright's recordHar).

Options:
  --format    text (default), json (the cors-lens/report document),
              md (Markdown report for a bug ticket, with headers and fixes)
  --fail-on   blocked (default): exit 1 when a call was blocked;
              warning: also exit 1 when a call has a warning
  --wait-for  extra milliseconds to wait after network idle (check only)
  --redact    more header or URL parameter names whose values to mask, comma-separated
              (repeatable); Cookie, Authorization, names ending in token, secret, key,
              password, session or auth (X-CSRFToken, accessToken, X-Session-Id), sid, jwt,
              pwd, code, DPoP, ;jsessionid= and URL userinfo are always masked
  --keep-secrets
              print those values as captured instead of <redacted>
  -h, --help  show this help

Exit codes: 0 no problems, 1 blocked calls (or warnings with --fail-on warning), 2 usage or
setup error (bad arguments, unreachable URL, no browser, unreadable HAR).

Environment: CHROMIUM_PATH selects the Chromium to run.

Examples:
  cors-lens check http://localhost:5173/
  cors-lens check https://app.example.com/checkout --wait-for 3000 --format md > cors.md
  cors-lens check http://localhost:3000/ --fail-on warning      # in CI
  cors-lens explain session.har --format json | jq '.calls[] | select(.outcome == "blocked")'
`;
