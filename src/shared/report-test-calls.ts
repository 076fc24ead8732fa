// Test-only: a realistic mix of calls shared by the report tests (schema, Markdown, HAR).
import type { ObservedCall } from './observed-call';
import { API, blocked, hop, observedCall, okResponse, preflight, preflightOk, redirectHop, response } from './cors/test-calls';

function withId(call: ObservedCall, id: string): ObservedCall {
  return { ...call, id };
}

export const ALLOWED_GET = withId(observedCall(), 'req-allowed');
export const NO_ACAO = withId(
  blocked({ hops: [hop({ url: `${API}?page=2&q=a%20b`, response: response(200, { 'Content-Type': 'application/json' }) })] }),
  'req-no-acao',
);
export const PREFLIGHT_HEADER = withId(
  blocked({
    method: 'PUT',
    hops: [
      hop({
        preflight: preflight({ requestHeaders: 'authorization,x-debug|1', response: preflightOk() }),
        request: null,
      }),
    ],
  }),
  'req-preflight',
);
export const REDIRECTED = withId(
  observedCall({ hops: [redirectHop(`${API}/old`, API, 302, { 'Access-Control-Allow-Origin': 'https://app.example' }), hop({ response: okResponse() })] }),
  'req-redirect',
);
export const NETWORK_FAILED = withId(
  observedCall({ state: 'errored', error: 'net::ERR_CONNECTION_REFUSED', hops: [hop({ request: null, response: null })] }),
  'req-failed',
);
export const IN_FLIGHT = withId(observedCall({ state: 'in-flight', hops: [hop({ response: null })] }), 'req-pending');

/** Allowed only because a Try this fix rule set Access-Control-Allow-Origin. */
export const TRIALLED = withId(
  {
    ...observedCall({ hops: [hop({ response: response(200) })] }),
    trial: {
      trialId: 'trial-1',
      urlPattern: `^${API.replace(/[.?/]/g, '\\$&')}$`,
      preflightChanges: [],
      responseChanges: [{ header: 'access-control-allow-origin', operation: 'set', value: 'https://app.example' }],
    },
  },
  'req-trial',
);

export const REALISTIC_CALLS: readonly ObservedCall[] = [ALLOWED_GET, NO_ACAO, PREFLIGHT_HEADER, REDIRECTED, NETWORK_FAILED, IN_FLIGHT, TRIALLED];
