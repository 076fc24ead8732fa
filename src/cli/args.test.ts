import { describe, expect, test } from 'vitest';
import { parseArgs, UsageError, type Command } from './args';

const NO_REDACT_CHANGE = { keepSecrets: false, extraNames: [] };

const good: readonly { argv: string[]; want: Command }[] = [
  { argv: [], want: { kind: 'help' } },
  { argv: ['check', '--help'], want: { kind: 'help' } },
  { argv: ['--version'], want: { kind: 'version' } },
  {
    argv: ['check', 'http://app.test/'],
    want: { kind: 'check', url: 'http://app.test/', waitFor: 1000, format: 'text', failOn: 'blocked', redact: NO_REDACT_CHANGE },
  },
  {
    argv: ['check', '--wait-for=250', 'https://x.test/a', '--format', 'json', '--fail-on', 'warning'],
    want: { kind: 'check', url: 'https://x.test/a', waitFor: 250, format: 'json', failOn: 'warning', redact: NO_REDACT_CHANGE },
  },
  {
    argv: ['explain', 'a.har', '--redact', 'X-Tenant, sid', '--keep-secrets', '--redact=x-b'],
    want: { kind: 'explain', file: 'a.har', format: 'text', failOn: 'blocked', redact: { keepSecrets: true, extraNames: ['X-Tenant', 'sid', 'x-b'] } },
  },
  { argv: ['explain', 'a.har', '--format', 'md'], want: { kind: 'explain', file: 'a.har', format: 'md', failOn: 'blocked', redact: NO_REDACT_CHANGE } },
];

const bad: readonly { argv: string[]; message: RegExp }[] = [
  { argv: ['frobnicate'], message: /unknown command "frobnicate"/ },
  { argv: ['check'], message: /check needs a URL/ },
  { argv: ['check', 'a', 'b'], message: /takes one URL, got 2/ },
  { argv: ['check', 'app.test'], message: /not an http\(s\) URL/ },
  { argv: ['check', 'http://a.test', '--wait-for', 'soon'], message: /--wait-for must be a whole number/ },
  { argv: ['check', 'http://a.test', '--wait-for', '-5'], message: /--wait-for must be a whole number/ },
  { argv: ['check', 'http://a.test', '--wait-for'], message: /--wait-for needs a value/ },
  { argv: ['check', 'http://a.test', '--format', 'xml'], message: /--format must be one of text, json, md/ },
  { argv: ['check', 'http://a.test', '--fail-on', 'error'], message: /--fail-on must be one of blocked, warning/ },
  { argv: ['check', 'http://a.test', '--verbose'], message: /unknown option --verbose/ },
  { argv: ['explain', 'a.har', '--wait-for', '5'], message: /unknown option --wait-for for explain/ },
  { argv: ['explain'], message: /explain needs a HAR file/ },
  { argv: ['explain', 'a.har', '--keep-secrets=yes'], message: /--keep-secrets takes no value/ },
  { argv: ['explain', 'a.har', '--redact', ' , '], message: /--redact needs header or parameter names/ },
];

describe('parseArgs', () => {
  test.each(good)('$argv', ({ argv, want }) => {
    expect(parseArgs(argv)).toEqual(want);
  });
  test.each(bad)('$argv is a usage error', ({ argv, message }) => {
    expect(() => parseArgs(argv)).toThrow(UsageError);
    expect(() => parseArgs(argv)).toThrow(message);
  });
});
