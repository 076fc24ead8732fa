// Calls the page ended itself (AbortController, a library timeout, EventSource.close(), a
// cancelled body reader): shapes seen on Chromium 156 with axios, @microsoft/fetch-event-source,
// EventSource and fetch (e2e/differential/page-ended). webRequest ends them with net::ERR_ABORTED
// or, varying from run to run, net::ERR_FAILED, the error of a CORS block; onResponseStarted tells.
import { describe, expect, test } from 'vitest';
import type { ObservedCall, ObservedHop } from '../observed-call';
import { checkCall } from './checker';
import { blocked, hop, observedCall, preflight, response } from './test-calls';
import type { CorsError, CredentialsKnowledge, Outcome } from './types';

const ACAO = 'Access-Control-Allow-Origin';
const ACAC = 'Access-Control-Allow-Credentials';

/** The hop Chromium handed to the page: onResponseStarted came. */
const started = (h: ObservedHop): ObservedHop => ({ ...h, responseStartedAt: 3 });

const errored = (error: string, hops: readonly ObservedHop[], method = 'GET'): ObservedCall =>
  observedCall({ state: 'errored', error, hops, method });

interface Case {
  readonly name: string;
  readonly call: ObservedCall;
  readonly outcome: Outcome;
  readonly code?: CorsError | null;
  readonly credentials?: CredentialsKnowledge;
  readonly says?: string;
}

const star = response(200, { [ACAO]: '*' });

const cases: readonly Case[] = [
  {
    name: 'EventSource closed after its first message (ACAO *, ERR_ABORTED)',
    call: errored('net::ERR_ABORTED', [started(hop({ request: { Accept: 'text/event-stream' }, response: star }))]),
    outcome: 'ended-by-page',
    credentials: 'not-include',
    says: 'after the response started',
  },
  {
    name: 'body reader cancelled, reported as ERR_FAILED (ACAO *): not WildcardOriginNotAllowed',
    call: errored('net::ERR_FAILED', [started(hop({ response: star }))]),
    outcome: 'ended-by-page',
    code: null,
    credentials: 'not-include',
  },
  {
    name: 'fetch-event-source with Authorization aborted (preflight ACAO *), ERR_FAILED: not PreflightWildcardOriginNotAllowed',
    call: errored(
      'net::ERR_FAILED',
      [
        started(
          hop({
            preflight: preflight({
              method: 'GET',
              requestHeaders: 'authorization',
              response: response(204, { [ACAO]: '*', 'Access-Control-Allow-Headers': 'authorization' }),
            }),
            request: { Authorization: 'Bearer t', Accept: 'text/event-stream' },
            response: star,
          }),
        ),
      ],
    ),
    outcome: 'ended-by-page',
    code: null,
    credentials: 'not-include',
  },
  {
    name: 'credentialed stream (echoed origin + ACAC) cancelled, ERR_FAILED: not "blocked, unexplained"',
    call: errored('net::ERR_FAILED', [started(hop({ response: response(200, { [ACAO]: 'https://app.example', [ACAC]: 'true', Vary: 'Origin' }) }))]),
    outcome: 'ended-by-page',
    credentials: 'unknown',
  },
  {
    name: 'a Cookie sent and the response started: credentials proven',
    call: errored('net::ERR_FAILED', [
      started(hop({ request: { Cookie: 'a=1' }, response: response(200, { [ACAO]: 'https://app.example', [ACAC]: 'true', Vary: 'Origin' }) })),
    ]),
    outcome: 'ended-by-page',
    credentials: 'include',
  },
  {
    name: 'axios timeout before any response (ERR_ABORTED, no headers)',
    call: errored('net::ERR_ABORTED', [hop({ response: null })]),
    outcome: 'ended-by-page',
    says: 'before the response reached it',
  },
  {
    name: 'axios cancel after the headers, before Chromium handed the response over (ERR_ABORTED)',
    call: errored('net::ERR_ABORTED', [hop({ response: star })]),
    outcome: 'ended-by-page',
    says: 'before the response reached it',
  },
  // What must stay as it was.
  {
    name: 'ACAO * with ERR_FAILED and no response started: a credentialed request blocked by CORS',
    call: blocked({ hops: [hop({ response: star })] }),
    outcome: 'blocked',
    code: 'WildcardOriginNotAllowed',
    credentials: 'include',
  },
  {
    name: 'a preflight with ACAO * that stopped a credentialed request',
    call: blocked({
      method: 'PUT',
      hops: [hop({ preflight: preflight({ response: response(204, { [ACAO]: '*', 'Access-Control-Allow-Methods': 'PUT' }) }), request: null })],
    }),
    outcome: 'blocked',
    code: 'PreflightWildcardOriginNotAllowed',
  },
  {
    name: 'ERR_ABORTED at an unfollowed redirect (redirect: error) stays a failure',
    call: errored('net::ERR_ABORTED', [
      hop({ response: response(302, { [ACAO]: 'https://app.example', Location: 'https://other.example/' }), redirectUrl: null }),
    ]),
    outcome: 'failed',
  },
  {
    name: 'connection dropped mid-body after the response started stays a network failure',
    call: errored('net::ERR_INCOMPLETE_CHUNKED_ENCODING', [started(hop({ response: star }))]),
    outcome: 'failed',
  },
];

describe('calls the page ended', () => {
  test.each(cases)('$name', ({ call, outcome, code, credentials, says }) => {
    const verdict = checkCall(call);
    expect(verdict.outcome).toBe(outcome);
    if (code !== undefined) expect(verdict.corsError?.code ?? null).toBe(code);
    if (credentials !== undefined) expect(verdict.credentials).toBe(credentials);
    if (says !== undefined) expect(verdict.explanation).toContain(says);
    if (outcome === 'ended-by-page') {
      expect(verdict.corsError).toBeNull();
      expect(verdict.networkError).toBe(call.error);
      expect(verdict.fix).toContain('Nothing to fix on the server');
    }
  });

  test('the response check still warns about what it saw, as for an allowed call', () => {
    const verdict = checkCall(
      errored('net::ERR_FAILED', [started(hop({ response: response(200, { [ACAO]: 'https://app.example' }) }))]),
    );
    expect(verdict.outcome).toBe('ended-by-page');
    expect(verdict.warnings.map((w) => w.code)).toEqual(['MissingVaryOrigin']);
  });
});
