import { describe, expect, test } from 'vitest';
import { checkCall } from './cors/checker';
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

  test('a redacted call gets the same verdict as the original', () => {
    const original = observedCall({ method: 'GET', hops: [withSecrets] });
    const [redacted] = redactCalls([original]);
    const pick = (v: ReturnType<typeof checkCall>) => [v.outcome, v.corsError?.code ?? null];
    expect(pick(checkCall(redacted!))).toEqual(pick(checkCall(original)));
  });
});
