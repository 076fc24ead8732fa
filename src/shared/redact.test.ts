import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { checkCall } from './cors/checker';
import type { GoldenRecord } from './cors/golden-verdicts';
import type { Verdict } from './cors/types';
import type { HeaderLine, ObservedCall, ObservedResponse } from './observed-call';
import { isSecretName, parseNameList, redactCalls, redactHop, redactUrl, REDACTED } from './redact';
import { hop, observedCall, preflight, preflightOk, response } from './cors/test-calls';

const call = observedCall({
  method: 'PUT',
  hops: [
    hop({
      preflight: preflight({ response: preflightOk({ 'Set-Cookie': 'pf=1' }) }),
      request: [
        ['Authorization', 'Bearer secret-token'],
        ['cookie', 'sid=abc'],
        ['Proxy-Authorization', 'Basic xyz'],
      ],
      response: response(200, [
        ['Access-Control-Allow-Origin', 'https://app.example'],
        ['Set-Cookie', 'a=1'],
        ['Set-Cookie', 'b=2'],
      ]),
    }),
  ],
});

function allValues(c: ReturnType<typeof redactCalls>[number]): string[] {
  return c.hops.flatMap((h) => [
    ...(h.requestHeaders ?? []),
    ...(h.response?.headers ?? []),
    ...(h.preflight?.requestHeaders ?? []),
    ...(h.preflight?.response?.headers ?? []),
  ]).map((l) => `${l.name}=${l.value}`);
}

describe('redactCalls', () => {
  test('masks secrets in request, response and preflight headers by default', () => {
    const [out] = redactCalls([call]);
    const values = allValues(out!);
    for (const secret of ['secret-token', 'sid=abc', 'Basic xyz', 'a=1', 'b=2', 'pf=1']) {
      expect(values.join('\n')).not.toContain(secret);
    }
    expect(values).toContain(`Authorization=${REDACTED}`);
    expect(values).toContain(`cookie=${REDACTED}`);
    expect(values.filter((v) => v === `Set-Cookie=${REDACTED}`)).toHaveLength(3);
  });

  test('keeps other headers and wire order', () => {
    const [out] = redactCalls([call], { keepSecrets: false });
    expect(out!.hops[0]!.response!.headers.map((h) => h.name)).toEqual(['Access-Control-Allow-Origin', 'Set-Cookie', 'Set-Cookie']);
    expect(out!.hops[0]!.response!.headers[0]!.value).toBe('https://app.example');
  });

  test('keepSecrets leaves values alone and does not mutate the input', () => {
    const [kept] = redactCalls([call], { keepSecrets: true });
    expect(allValues(kept!)).toContain('Authorization=Bearer secret-token');
    redactCalls([call]);
    expect(allValues(call)).toContain('Authorization=Bearer secret-token');
  });
});

describe('isSecretName', () => {
  test.each(['Cookie2', 'Set-Cookie2', 'X-Api-Key', 'X-Auth-Token', 'X-CSRF-Token', 'x-amz-security-token', 'X-Client-Secret', 'X-Signing-Key', 'access_token', 'code', 'signature', 'password'])(
    '%s is a secret',
    (name) => {
      expect(isSecretName(name)).toBe(true);
    },
  );
  test.each(['Origin', 'Content-Type', 'Access-Control-Allow-Headers', 'X-Tokens-Left', 'Keyboard', 'page'])('%s is not', (name) => {
    expect(isSecretName(name)).toBe(false);
  });
  test('names the user adds count, in any case', () => {
    expect(isSecretName('X-Tenant')).toBe(false);
    expect(isSecretName('X-Tenant', ['x-tenant'])).toBe(true);
    expect(parseNameList(' x-tenant, X-Session  sid,,')).toEqual(['x-tenant', 'X-Session', 'sid']);
  });
  // Names real apps use: camelCase, glued words, session ids, `name[]`, and the headers of issue 19.
  test.each([
    'accessToken', 'refreshToken', 'idToken', 'AccessToken', 'accesstoken', 'csrftoken', 'csrfmiddlewaretoken', 'X-CSRFToken',
    'X-XSRF-TOKEN', 'sid', 'connect.sid', 'SID', 'jwt', 'pwd', 'passwd', 'newPassword', 'user[password]', 'token[]',
    'jsessionid', 'JSESSIONID', 'PHPSESSID', 'sessionId', 'session_id', 'ASP.NET_SessionId', 'X-Session', 'X-Session-Id',
    'Authentication', 'X-Auth', 'X-Authorization', 'DPoP', 'apiKey', 'clientSecret', 'X-Amz-Security-Token',
  ])('%s is a secret too', (name) => {
    expect(isSecretName(name)).toBe(true);
  });
  // What the checker and the reader need: never masked, and no secret word inside another word.
  test.each([
    'Origin', 'Sec-Fetch-Site', 'Sec-Fetch-Mode', 'Sec-Fetch-Dest', 'Access-Control-Allow-Origin',
    'Access-Control-Allow-Credentials', 'Access-Control-Allow-Headers', 'Access-Control-Allow-Methods',
    'Access-Control-Expose-Headers', 'Access-Control-Max-Age', 'Access-Control-Request-Method',
    'Access-Control-Request-Headers', 'Access-Control-Request-Private-Network', 'Access-Control-Allow-Private-Network',
    'Vary', 'Location', 'Link', 'Refresh', 'Referer', 'Content-Type', 'Range', 'Timing-Allow-Origin', 'WWW-Authenticate',
    'monkey', 'turkey', 'hockey', 'keys', 'keyword', 'inside', 'side', 'sidebar', 'sessions', 'author', 'oauth_provider',
    'token_type', 'tokens', 'X-Request-Id', 'error_code', 'X-Status-Code', 'id', 'q',
  ])('%s stays visible', (name) => {
    expect(isSecretName(name)).toBe(false);
  });
});

describe('redactUrl', () => {
  test.each([
    ['https://api.example/cb?code=abc123&state=ok', 'https://api.example/cb?code=redacted&state=ok'],
    ['https://api.example/x?access_token=t0k&token=t1&key=k&signature=s&password=p&page=2', 'https://api.example/x?access_token=redacted&token=redacted&key=redacted&signature=redacted&password=redacted&page=2'],
    ['https://user:pa55@api.example/x', 'https://redacted@api.example/x'],
    ['https://a@b@api.example/x?X-Amz-Signature=ff', 'https://redacted@api.example/x?X-Amz-Signature=redacted'],
    ['https://app.example/#access_token=t0k&expires_in=3600', 'https://app.example/#access_token=redacted&expires_in=3600'],
    ['https://api.example/x?acc%65ss_token=t0k', 'https://api.example/x?acc%65ss_token=redacted'],
    ['https://api.example/plain?q=1', 'https://api.example/plain?q=1'],
    ['not a url?token=1', 'not a url?token=1'],
    [
      'https://api.example/v1/me;jsessionid=j5e55?accessToken=at1&sid=s1d&token%5B%5D=tk1&refreshToken=rt1&jwt=jw1&pwd=pw1',
      'https://api.example/v1/me;jsessionid=redacted?accessToken=redacted&sid=redacted&token%5B%5D=redacted&refreshToken=redacted&jwt=redacted&pwd=redacted',
    ],
    ['https://api.example/a;JSESSIONID=j;lang=en/b;v=2?page=1', 'https://api.example/a;JSESSIONID=redacted;lang=en/b;v=2?page=1'],
    ['https://api.example/x?monkey=1&keyboard=2&sidebar=3&token_type=bearer', 'https://api.example/x?monkey=1&keyboard=2&sidebar=3&token_type=bearer'],
    ['data:text/plain;token=1,hello', 'data:text/plain;token=1,hello'],
  ])('%s', (url, want) => {
    expect(redactUrl(url)).toBe(want);
  });
  test('user-added names apply to URL parameters too', () => {
    expect(redactUrl('https://api.example/x?tenant=acme&q=1', ['Tenant'])).toBe('https://api.example/x?tenant=redacted&q=1');
  });
});

describe('redactHop', () => {
  const withSecrets = hop({
    url: 'https://api.example/start?token=t0k',
    request: [
      ['Cookie2', 'c2'],
      ['X-Api-Key', 'k-123'],
      ['X-CSRF-Token', 'csrf-1'],
      ['X-Tenant', 'acme'],
      ['Referer', 'https://app.example/page?code=oauth-code'],
    ],
    response: response(302, [
      ['Access-Control-Allow-Origin', 'https://app.example'],
      ['Location', 'https://u:p@api.example/next?access_token=leak'],
    ]),
    redirectUrl: 'https://u:p@api.example/next?access_token=leak',
  });

  test('masks the new names, URLs and Location, and names the user added', () => {
    const out = JSON.stringify(redactHop(withSecrets, { extraNames: ['x-tenant'] }));
    for (const secret of ['c2', 'k-123', 'csrf-1', 'acme', 'oauth-code', 't0k', 'leak', 'u:p@']) expect(out).not.toContain(secret);
    expect(out).toContain('https://redacted@api.example/next?access_token=redacted');
  });

  test('keepSecrets is the one opt-in that keeps them', () => {
    expect(redactHop(withSecrets, { keepSecrets: true })).toBe(withSecrets);
  });

  test('the headers of issue 19 are masked, and URLs in Link, Refresh and a relative Location', () => {
    const out = redactHop(
      hop({
        request: [
          ['X-CSRFToken', 'csrf-v'],
          ['Authentication', 'auth-v'],
          ['X-Session', 'sess-v'],
          ['X-Session-Id', 'sessid-v'],
          ['X-Auth', 'xauth-v'],
          ['DPoP', 'dpop-v'],
          ['Sec-Fetch-Site', 'cross-site'],
        ],
        response: response(302, [
          ['Link', '<https://api.example/p2?access_token=link-v&page=2>; rel="next", </p9;jsessionid=link-j>; rel="last"'],
          ['Refresh', "0;URL='/login?jwt=refresh-v'"],
          ['Location', '/next?sid=loc-v&page=3'],
        ]),
      }),
    );
    const values = Object.fromEntries([...(out.requestHeaders ?? []), ...(out.response?.headers ?? [])].map((h) => [h.name, h.value]));
    expect(values).toMatchObject({
      'X-CSRFToken': REDACTED,
      Authentication: REDACTED,
      'X-Session': REDACTED,
      'X-Session-Id': REDACTED,
      'X-Auth': REDACTED,
      DPoP: REDACTED,
      'Sec-Fetch-Site': 'cross-site',
      Link: '<https://api.example/p2?access_token=redacted&page=2>; rel="next", </p9;jsessionid=redacted>; rel="last"',
      Refresh: "0;URL='/login?jwt=redacted'",
      Location: '/next?sid=redacted&page=3',
    });
  });

  test.each([
    ['5; url=https://app.example/?token=t', '5; url=https://app.example/?token=redacted'],
    ['3, https://app.example/x?sid=s', '3, https://app.example/x?sid=redacted'],
    ['5', '5'],
  ])('Refresh %s', (value, want) => {
    const out = redactHop(hop({ response: response(200, [['Refresh', value]]) }));
    expect(out.response?.headers[0]?.value).toBe(want);
  });

  test('a redacted call gets the same verdict as the original', () => {
    const original = observedCall({ method: 'GET', hops: [withSecrets] });
    const [redacted] = redactCalls([original]);
    const pick = (v: ReturnType<typeof checkCall>) => [v.outcome, v.corsError?.code ?? null];
    expect(pick(checkCall(redacted!))).toEqual(pick(checkCall(original)));
  });
});

describe('masking keeps every verdict', () => {
  const golden = JSON.parse(readFileSync(new URL('./cors/fixtures/checker-golden.json', import.meta.url), 'utf8')) as GoldenRecord;

  /** What the checker decided, without its prose (which quotes the URLs that were masked). */
  const decision = (v: Verdict) => ({
    outcome: v.outcome,
    corsError: v.corsError,
    failedParameterCandidates: v.failedParameterCandidates,
    networkError: v.networkError,
    phase: v.phase,
    hopIndex: v.hopIndex,
    header: v.header === null ? null : { where: v.header.where, name: v.header.name },
    warnings: v.warnings.map((w) => w.code),
    credentials: v.credentials,
    preflight: v.preflight,
  });

  /** The URL with the secrets of issue 19 added: a `;jsessionid` path parameter and query parameters. */
  function withSecrets(url: string): string {
    // data: and its kind carry no parameters; masking leaves them alone.
    if (/^[a-z][a-z0-9+.-]*:(?!\/\/)/i.test(url)) return url;
    const hash = url.indexOf('#');
    const base = hash < 0 ? url : url.slice(0, hash);
    const q = base.indexOf('?');
    const path = q < 0 ? base : base.slice(0, q);
    const query = q < 0 ? '' : `${base.slice(q + 1)}&`;
    const pathParam = /^[a-z][a-z0-9+.-]*:\/\/[^/?#]*\/|^\//i.test(path) ? ';jsessionid=pl4nt-j' : '';
    return `${path}${pathParam}?${query}accessToken=pl4nt-a&sid=pl4nt-s&token%5B%5D=pl4nt-t${hash < 0 ? '' : url.slice(hash)}`;
  }
  const plantedRequest: readonly HeaderLine[] = [
    { name: 'X-CSRFToken', value: 'pl4nt-c' },
    { name: 'DPoP', value: 'pl4nt-d' },
    { name: 'X-Session-Id', value: 'pl4nt-i' },
  ];
  function plantedResponse(res: ObservedResponse | null): ObservedResponse | null {
    if (res === null) return null;
    const headers = res.headers.map((h) => (/^location$/i.test(h.name) ? { name: h.name, value: withSecrets(h.value) } : h));
    return { ...res, headers: [...headers, { name: 'Link', value: `<${withSecrets('/p2')}>; rel="next"` }, { name: 'Refresh', value: `5; url=${withSecrets('/')}` }] };
  }
  function planted(call: ObservedCall): ObservedCall {
    return {
      ...call,
      hops: call.hops.map((h) => ({
        ...h,
        url: withSecrets(h.url),
        redirectUrl: h.redirectUrl === null ? null : withSecrets(h.redirectUrl),
        requestHeaders: h.requestHeaders === null ? null : [...h.requestHeaders, ...plantedRequest],
        response: plantedResponse(h.response),
        preflight: h.preflight === null ? null : { ...h.preflight, url: withSecrets(h.preflight.url), response: plantedResponse(h.preflight.response) },
      })),
    };
  }

  test('the golden calls, as recorded and with secrets planted in URLs and headers', () => {
    const calls = golden.cases.flatMap(({ call }) => [call, planted(call)]);
    const redacted = redactCalls(calls);
    expect(JSON.stringify(calls).split('pl4nt-').length - 1).toBeGreaterThan(calls.length);
    expect(JSON.stringify(redacted).match(/.{60}pl4nt-.{20}/)).toBeNull();
    const differing = calls.flatMap((call, i) => {
      const was = decision(checkCall(call));
      const now = decision(checkCall(redacted[i]!));
      return JSON.stringify(was) === JSON.stringify(now) ? [] : [{ i, url: call.hops[0]?.url, was, now }];
    });
    expect(differing.slice(0, 3)).toEqual([]);
    // The planted calls reach the checker's blocking paths too, not only "allowed".
    expect(new Set(calls.map((c) => checkCall(c).outcome)).size).toBeGreaterThan(2);
  });
});

describe('hostile sizes', () => {
  // A server or page can send a megabyte-long header name or value; masking must stay linear.
  // Backtracking regexes took about 5 s at 64 KB here and grow with the square of the length, so
  // at 1 MB they would run past the test's timeout; speed itself is measured in benchmarks.
  const MB = 1024 * 1024;
  test('megabyte-long names and Refresh, Link and Location values are masked', () => {
    const hostile = hop({
      request: [[`X-${'A'.repeat(MB)}`, 'v']],
      response: response(200, [
        ['Refresh', `${' '.repeat(MB)}x`],
        ['Link', '<'.repeat(MB)],
        ['Location', `http://a.example/${'/'.repeat(MB)}?token=t`],
      ]),
    });
    const out = redactHop(hostile);
    expect(out.requestHeaders?.at(-1)?.value).toBe('v');
    expect(out.response?.headers.at(-1)?.value.endsWith('?token=redacted')).toBe(true);
    expect(isSecretName(`${'A'.repeat(MB)}Token`)).toBe(true);
  });
});
