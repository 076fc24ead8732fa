import { describe, expect, test } from 'vitest';
import { redactCalls, REDACTED } from './redact';
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
    const [out] = redactCalls([call], { keepCredentials: false });
    expect(out!.hops[0]!.response!.headers.map((h) => h.name)).toEqual(['Access-Control-Allow-Origin', 'Set-Cookie', 'Set-Cookie']);
    expect(out!.hops[0]!.response!.headers[0]!.value).toBe('https://app.example');
  });

  test('keepCredentials leaves values alone and does not mutate the input', () => {
    const [kept] = redactCalls([call], { keepCredentials: true });
    expect(allValues(kept!)).toContain('Authorization=Bearer secret-token');
    redactCalls([call]);
    expect(allValues(call)).toContain('Authorization=Bearer secret-token');
  });
});
