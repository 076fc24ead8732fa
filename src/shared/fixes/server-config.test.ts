import { describe, expect, test } from 'vitest';
import { checkCall } from '../cors/checker';
import { API, blocked, hop, observedCall, okResponse, PAGE, preflight, response } from '../cors/test-calls';
import { CORS_ERRORS, type CorsError, type Verdict } from '../cors/types';
import type { ObservedCall } from '../observed-call';
import { isFixableByServerHeaders, serverFixFor, type ServerCorsConfig } from './server-config';

type Expected = Omit<ServerCorsConfig, 'varyOrigin' | 'url' | 'maxAge'> & { readonly maxAge?: number | null };

interface Case {
  readonly name: string;
  readonly call: ObservedCall;
  /** Chromium's code the fixture must produce, so the case stays about that class. */
  readonly code: CorsError | null;
  readonly want: Expected | null;
}

const simple = { methods: [], allowHeaders: [], credentials: false, handlePreflight: false, origin: PAGE } as const;

const cases: readonly Case[] = [
  {
    name: 'allowed, nothing to fix',
    call: observedCall({ hops: [hop({ response: okResponse({ Vary: 'Origin' }) })] }),
    code: null,
    want: null,
  },
  {
    name: 'allowed but ACAO without Vary: Origin (warning)',
    call: observedCall(),
    code: null,
    want: simple,
  },
  {
    name: 'missing ACAO on a simple GET',
    call: blocked({ hops: [hop({ response: response(200) })] }),
    code: 'MissingAllowOriginHeader',
    want: simple,
  },
  {
    name: 'origin mismatch',
    call: blocked({ hops: [hop({ response: okResponse({}, 'https://other.example') })] }),
    code: 'AllowOriginMismatch',
    want: simple,
  },
  {
    name: 'wildcard with credentials',
    call: blocked({ hops: [hop({ request: { Cookie: 'sid=1' }, response: response(200, { 'Access-Control-Allow-Origin': '*' }) })] }),
    code: 'WildcardOriginNotAllowed',
    want: { ...simple, credentials: true },
  },
  {
    name: 'credentials without ACAC',
    call: blocked({ hops: [hop({ request: { Cookie: 'sid=1' }, response: okResponse() })] }),
    code: 'InvalidAllowCredentials',
    want: { ...simple, credentials: true },
  },
  {
    name: 'method not allowed: the actual method only',
    call: blocked({
      method: 'PUT',
      hops: [
        hop({
          request: null,
          preflight: preflight({ method: 'PUT', response: response(204, { 'Access-Control-Allow-Origin': PAGE, 'Access-Control-Allow-Methods': 'GET' }) }),
        }),
      ],
    }),
    code: 'MethodDisallowedByPreflightResponse',
    want: { ...simple, methods: ['PUT'], handlePreflight: true },
  },
  {
    name: 'method keeps its exact case',
    call: blocked({
      method: 'patch',
      hops: [hop({ request: null, preflight: preflight({ method: 'patch', response: response(204, { 'Access-Control-Allow-Origin': PAGE }) }) })],
    }),
    code: 'MethodDisallowedByPreflightResponse',
    want: { ...simple, methods: ['patch'], handlePreflight: true },
  },
  {
    name: 'headers not allowed: from Access-Control-Request-Headers',
    call: blocked({
      hops: [
        hop({
          request: null,
          preflight: preflight({
            method: 'GET',
            requestHeaders: 'authorization,x-token',
            response: response(204, { 'Access-Control-Allow-Origin': PAGE }),
          }),
        }),
      ],
    }),
    code: 'HeaderDisallowedByPreflightResponse',
    want: { ...simple, allowHeaders: ['authorization', 'x-token'], handlePreflight: true },
  },
  {
    name: 'preflight rejected by auth (401)',
    call: blocked({
      method: 'DELETE',
      hops: [hop({ request: null, preflight: preflight({ method: 'DELETE', response: response(401, { 'Access-Control-Allow-Origin': PAGE }) }) })],
    }),
    code: 'PreflightInvalidStatus',
    want: { ...simple, methods: ['DELETE'], handlePreflight: true },
  },
  {
    name: 'preflight without ACAO',
    call: blocked({
      method: 'PUT',
      hops: [hop({ request: null, preflight: preflight({ method: 'PUT', requestHeaders: 'content-type', response: response(204) }) })],
    }),
    code: 'PreflightMissingAllowOriginHeader',
    want: { ...simple, methods: ['PUT'], allowHeaders: ['content-type'], handlePreflight: true },
  },
  {
    name: 'opaque page origin stays null',
    call: blocked({ initiator: 'null', hops: [hop({ origin: 'null', response: response(200) })] }),
    code: 'MissingAllowOriginHeader',
    want: { ...simple, origin: 'null' },
  },
  {
    name: 'network failure is not a CORS fix',
    call: observedCall({ state: 'errored', error: 'net::ERR_CONNECTION_REFUSED', hops: [hop({ request: null, response: null })] }),
    code: null,
    want: null,
  },
];

describe('serverFixFor', () => {
  test.each(cases)('$name', ({ call, code, want }) => {
    const verdict = checkCall(call);
    expect(verdict.corsError?.code ?? null).toBe(code);
    const got = serverFixFor(call, verdict);
    if (want === null) {
      expect(got).toBeNull();
      return;
    }
    expect(got).toEqual({ maxAge: null, ...want, varyOrigin: true, url: API });
  });

  const callOf = (name: string): ObservedCall => {
    const found = cases.find((c) => c.name === name);
    if (found === undefined) throw new Error(`no case ${name}`);
    return found.call;
  };
  const missingAcao = callOf('missing ACAO on a simple GET');
  const blockedVerdict = (verdict: Partial<Verdict>): Verdict => ({ ...checkCall(missingAcao), ...verdict });

  test('a redirect-tainted Origin: null is fixed by removing the redirect, never by allowing null', () => {
    const call = blocked({ hops: [hop({ origin: 'null', response: response(200) })] });
    expect(serverFixFor(call, blockedVerdict({}))).toBeNull();
  });

  test('renderer-side codes yield no server fix', () => {
    const verdict = blockedVerdict({ corsError: { code: 'DisallowedByMode', failedParameter: '' } });
    expect(serverFixFor(missingAcao, verdict)).toBeNull();
  });

  test('allowed with a warning still gets a fix', () => {
    const verdict = blockedVerdict({ outcome: 'allowed', corsError: null, warnings: [{ code: 'MissingVaryOrigin', message: '' }] });
    expect(serverFixFor(missingAcao, verdict)).toMatchObject({ origin: PAGE, varyOrigin: true });
  });

  test('an uncached preflight gets a max age', () => {
    const call = callOf('method not allowed: the actual method only');
    const verdict = { ...checkCall(call), warnings: [{ code: 'PreflightNotCached' as const, message: '' }] };
    expect(serverFixFor(call, verdict)?.maxAge).toBe(600);
  });
});

describe('isFixableByServerHeaders', () => {
  const notByHeaders: readonly CorsError[] = [
    'DisallowedByMode',
    'CorsDisabledScheme',
    'NoCorsRedirectModeNotFollow',
    'RedirectContainsCredentials',
    'PreflightDisallowedRedirect',
    'PreflightMissingAllowExternal',
    'PreflightInvalidAllowExternal',
    'InsecureLocalNetwork',
    'InvalidLocalNetworkAccess',
    'LocalNetworkAccessPermissionDenied',
  ];
  test.each(CORS_ERRORS.map((code) => ({ code, want: !notByHeaders.includes(code) })))('$code → $want', ({ code, want }) => {
    expect(isFixableByServerHeaders(code)).toBe(want);
  });
});
