import { execFileSync } from 'node:child_process';
import { describe, expect, test } from 'vitest';
import { curlFor, REDACTED, shellQuote } from './curl';
import type { ObservedHop } from './observed-call';
import { browserHeaders, lines } from './cors/test-calls';
import { HOSTILE_VALUES, RAW_UNPRINTABLE } from './unprintable-test-values';

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

/** What bash makes of the command (the shell it is pasted into; zsh reads $'…' the same way): the
 * argv curl would receive, as raw bytes. */
function argvBytes(command: string, locale?: string): Buffer[] {
  const script = `set -- ${command.replace(/^curl/, '')}; for a in "$@"; do printf '%s\\0' "$a"; done`;
  const out = execFileSync('bash', ['-c', script], locale === undefined ? {} : { env: { ...process.env, LC_ALL: locale } });
  const args: Buffer[] = [];
  for (let from = 0, nul = out.indexOf(0); nul >= 0; from = nul + 1, nul = out.indexOf(0, from)) args.push(out.subarray(from, nul));
  return args;
}

function argv(command: string): string[] {
  return argvBytes(command).map((a) => a.toString('utf8'));
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
    expect(args.slice(0, 4)).toEqual(['-g', '-i', '-X', 'PUT']);
    expect(args).toContain('Origin: https://app.example');
    expect(args).toContain('Content-Type: application/json');
    expect(args).toContain(`Authorization: ${REDACTED}`);
    expect(args).toContain(`Cookie: ${REDACTED}`);
    expect(args.join('\n')).not.toMatch(/^(Host|Connection|Content-Length|Accept-Encoding):/im);
    expect(cmd).not.toContain('s3cret');
    expect(args.at(-1)).toBe(URL);
  });

  test('keepSecrets keeps Cookie and Authorization', () => {
    const args = argv(curlFor(hop(), 'PUT', 'actual', { keepSecrets: true }));
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
      '-g',
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
      '-g',
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

  test('the same redaction as every export: new names, URL secrets and names the user added', () => {
    const h = hop({
      url: 'https://u:pw@api.example/x?access_token=t0k&page=2',
      requestHeaders: lines([
        ['X-Api-Key', 'k-123'],
        ['X-CSRF-Token', 'csrf-1'],
        ['X-Tenant', 'acme'],
      ]),
    });
    const cmd = curlFor(h, 'GET', 'actual', { extraNames: ['x-tenant'] });
    for (const secret of ['t0k', 'pw', 'k-123', 'csrf-1', 'acme']) expect(cmd).not.toContain(secret);
    expect(argv(cmd)).toContain('X-Api-Key: <redacted>');
    expect(argv(cmd).at(-1)).toBe('https://redacted@api.example/x?access_token=redacted&page=2');
  });

  test('the headers real apps send are masked too; Sec-Fetch-Site and Origin are not', () => {
    const h = hop({
      url: 'https://api.example/v1/me;jsessionid=js-1?accessToken=at-1&token%5B%5D=tk-1&page=2',
      requestHeaders: [
        ...browserHeaders(),
        ...lines([
          ['X-CSRFToken', 'h-csrf'],
          ['Authentication', 'h-authn'],
          ['X-Session', 'h-session'],
          ['X-Session-Id', 'h-session-id'],
          ['X-Auth', 'h-auth'],
          ['DPoP', 'h-dpop'],
        ]),
      ],
    });
    const args = argv(curlFor(h, 'GET', 'actual'));
    for (const name of ['X-CSRFToken', 'Authentication', 'X-Session', 'X-Session-Id', 'X-Auth', 'DPoP']) expect(args).toContain(`${name}: ${REDACTED}`);
    expect(args).toContain('Origin: https://app.example');
    expect(args).toContain('Sec-Fetch-Site: cross-site');
    expect(args.at(-1)).toBe('https://api.example/v1/me;jsessionid=redacted?accessToken=redacted&token%5B%5D=redacted&page=2');
  });

  test('brackets and braces in the URL reach curl as they are, not as a glob (-g)', () => {
    const url = 'https://api.example/x?filter[name]=x&ids={1,2}&n=[1-100000]';
    const args = argv(curlFor(hop({ url }), 'GET', 'actual'));
    expect(args[0]).toBe('-g');
    expect(args.at(-1)).toBe(url);
  });

  test('control characters are written as escapes, so the pasted text carries none', () => {
    const h = hop({
      url: 'https://api.example/x?q=\u001b]0;pwned\u0007',
      requestHeaders: lines([
        ['X-Control', 'a\tb\u0001c\u001b[31mred\u007fd\u009be'],
        ['X-Quote', "it's \\ fine\u0001"],
      ]),
    });
    const cmd = curlFor(h, 'GET', 'actual');
    // eslint-disable-next-line no-control-regex -- the point: no raw control character in the command
    expect(cmd.replace(/ \\\n {2}/g, ' ')).not.toMatch(/[\u0000-\u001f\u007f-\u009f]/);
    expect(cmd).toContain("$'X-Control: a\\x09b\\x01c\\x1b[31mred\\x7fd\\x9be'");
    // The shell turns the escapes back into the exact bytes (a C1 character is one byte on the wire).
    const args = argvBytes(cmd);
    expect(args.map((a) => a.toString('latin1'))).toContain('X-Control: a\tb\u0001c\u001b[31mred\u007fd\u009be');
    expect(args.map((a) => a.toString('utf8'))).toContain("X-Quote: it's \\ fine\u0001");
    expect(args.at(-1)?.toString('utf8')).toBe('https://api.example/x?q=\u001b]0;pwned\u0007');
  });

  test.each(HOSTILE_VALUES)('a header value %j is written as escapes the shell reads back exactly', (value) => {
    const cmd = curlFor(hop({ requestHeaders: lines([['X-Hostile', `${value}\u200b`]]) }), 'GET', 'actual');
    expect(cmd.replace(/ \\\n {2}/g, ' ')).not.toMatch(RAW_UNPRINTABLE);
    // In any locale (bash writes \uHHHH only in a UTF-8 one): up to U+00FF one byte, as on the
    // wire, above it the UTF-8 bytes.
    const wire = Buffer.concat([...`X-Hostile: ${value}\u200b`].map((c) => Buffer.from(c, c <= '\u00ff' ? 'latin1' : 'utf8')));
    for (const locale of ['C', 'C.UTF-8']) expect(argvBytes(cmd, locale)).toContainEqual(wire);
  });
});
