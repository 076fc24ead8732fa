import { execFileSync } from 'node:child_process';
import { describe, expect, test } from 'vitest';
import { curlFor, REDACTED, shellQuote } from './curl';
import type { ObservedHop } from './observed-call';
import { browserHeaders, lines } from './cors/test-calls';

const URL = 'https://api.example/v1/items';

function hop(extra: Partial<ObservedHop> = {}): ObservedHop {
  return {
    url: URL,
    preflight: null,
    requestHeaders: [
      ...browserHeaders(),
      ...lines([
        ['Content-Type', 'application/json'],
        ['Authorization', 'Bearer s3cret'],
        ['Cookie', 'sid=abc'],
        ['Content-Length', '12'],
      ]),
    ],
    response: { status: 200, headers: [], fromCache: false, ip: null },
    redirectUrl: null,
    startedAt: 0,
    endedAt: 1,
    ...extra,
  };
}

/** What a POSIX shell makes of the command: the argv curl would receive. */
function argv(command: string): string[] {
  const script = `set -- ${command.replace(/^curl/, '')}; for a in "$@"; do printf '%s\\0' "$a"; done`;
  return execFileSync('sh', ['-c', script]).toString().split('\0').slice(0, -1);
}

describe('shellQuote', () => {
  const cases: readonly string[] = ["it's", "''", 'a"b', '$(rm -rf /)', '`id`', 'line\nbreak', '\\', ''];
  test.each(cases)('round-trips %j through sh', (value) => {
    expect(argv(`curl ${shellQuote(value)}`)).toEqual([value]);
  });
});

describe('curlFor', () => {
  test('actual request: method, -i, page headers, no browser-managed ones, secrets redacted', () => {
    const cmd = curlFor(hop(), 'PUT', 'actual');
    const args = argv(cmd);
    expect(args.slice(0, 3)).toEqual(['-i', '-X', 'PUT']);
    expect(args).toContain('Origin: https://app.example');
    expect(args).toContain('Content-Type: application/json');
    expect(args).toContain(`Authorization: ${REDACTED}`);
    expect(args).toContain(`Cookie: ${REDACTED}`);
    expect(args.join('\n')).not.toMatch(/^(Host|Connection|Content-Length|Accept-Encoding):/im);
    expect(cmd).not.toContain('s3cret');
    expect(args.at(-1)).toBe(URL);
  });

  test('includeCredentials keeps Cookie and Authorization', () => {
    const args = argv(curlFor(hop(), 'PUT', 'actual', { includeCredentials: true }));
    expect(args).toContain('Authorization: Bearer s3cret');
    expect(args).toContain('Cookie: sid=abc');
  });

  test('preflight: OPTIONS with Origin and Access-Control-Request-*', () => {
    const h = hop({
      preflight: {
        requestId: 'p',
        url: URL,
        requestHeaders: lines([
          ['Host', 'api.example'],
          ['Origin', 'https://app.example'],
          ['Access-Control-Request-Method', 'PUT'],
          ['Access-Control-Request-Headers', 'authorization,content-type'],
          ['Accept-Encoding', 'gzip'],
        ]),
        response: null,
        error: null,
        startedAt: 0,
        endedAt: null,
      },
    });
    const args = argv(curlFor(h, 'PUT', 'preflight'));
    expect(args).toEqual([
      '-i',
      '-X',
      'OPTIONS',
      '-H',
      'Origin: https://app.example',
      '-H',
      'Access-Control-Request-Method: PUT',
      '-H',
      'Access-Control-Request-Headers: authorization,content-type',
      URL,
    ]);
  });

  test('preflight not seen (cached): rebuilt from the actual request', () => {
    const args = argv(curlFor(hop(), 'DELETE', 'preflight'));
    expect(args).toContain('Origin: https://app.example');
    expect(args).toContain('Access-Control-Request-Method: DELETE');
  });

  test('hostile values stay one argument each and cannot run commands', () => {
    const evil = hop({
      url: "https://api.example/x?q=';touch /tmp/pwned;'",
      requestHeaders: lines([
        ['Origin', "https://a'b.example"],
        ['X-Evil', 'a\r\nInjected: yes'],
        ['X-Sub', '$(id) `id` "q"'],
      ]),
    });
    const args = argv(curlFor(evil, "GE'T", 'actual'));
    expect(args).toEqual([
      '-i',
      '-X',
      "GE'T",
      '-H',
      "Origin: https://a'b.example",
      '-H',
      'X-Evil: a Injected: yes',
      '-H',
      'X-Sub: $(id) `id` "q"',
      "https://api.example/x?q=';touch /tmp/pwned;'",
    ]);
  });
});
