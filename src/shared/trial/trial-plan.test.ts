import { describe, expect, test } from 'vitest';
import { checkCall } from '../cors/checker';
import { API, blocked, hop, observedCall, PAGE, preflight, redirectHop, response } from '../cors/test-calls';
import type { CorsError } from '../cors/types';
import type { ObservedCall } from '../observed-call';
import { planTrial, type TrialPlan, type TrialRefusalCode } from './trial-plan';

interface FixableCase {
  readonly name: string;
  /** The call as Chromium blocked it. */
  readonly call: ObservedCall;
  readonly code: CorsError;
  readonly preflight: boolean;
}

const pfHop = (method: string, res: ReturnType<typeof response>, requestHeaders?: string) =>
  hop({ request: null, preflight: preflight({ method, response: res, ...(requestHeaders === undefined ? {} : { requestHeaders }) }) });

const fixable: readonly FixableCase[] = [
  { name: 'missing ACAO', call: blocked({ hops: [hop({ response: response(200) })] }), code: 'MissingAllowOriginHeader', preflight: false },
  {
    name: 'ACAO names another origin',
    call: blocked({ hops: [hop({ response: response(200, { 'Access-Control-Allow-Origin': 'https://evil.example' }) })] }),
    code: 'AllowOriginMismatch',
    preflight: false,
  },
  {
    name: 'two ACAO values',
    call: blocked({ hops: [hop({ response: response(200, [['Access-Control-Allow-Origin', PAGE], ['Access-Control-Allow-Origin', PAGE]]) })] }),
    code: 'MultipleAllowOriginValues',
    preflight: false,
  },
  {
    name: 'wildcard with credentials',
    call: blocked({ hops: [hop({ request: { Cookie: 'sid=1' }, response: response(200, { 'Access-Control-Allow-Origin': '*' }) })] }),
    code: 'WildcardOriginNotAllowed',
    preflight: false,
  },
  {
    name: 'credentials without ACAC',
    call: blocked({ hops: [hop({ request: { Cookie: 'sid=1' }, response: response(200, { 'Access-Control-Allow-Origin': PAGE }) })] }),
    code: 'InvalidAllowCredentials',
    preflight: false,
  },
  {
    name: 'method not allowed',
    call: blocked({ method: 'PUT', hops: [pfHop('PUT', response(204, { 'Access-Control-Allow-Origin': PAGE, 'Access-Control-Allow-Methods': 'GET' }))] }),
    code: 'MethodDisallowedByPreflightResponse',
    preflight: true,
  },
  {
    name: 'header not allowed',
    call: blocked({ hops: [pfHop('GET', response(204, { 'Access-Control-Allow-Origin': PAGE }), 'x-token')] }),
    code: 'HeaderDisallowedByPreflightResponse',
    preflight: true,
  },
  {
    name: 'preflight without ACAO',
    call: blocked({ method: 'PUT', hops: [pfHop('PUT', response(204), 'content-type')] }),
    code: 'PreflightMissingAllowOriginHeader',
    preflight: true,
  },
  {
    name: 'unparsable Allow-Methods',
    call: blocked({
      method: 'POST',
      hops: [pfHop('POST', response(204, { 'Access-Control-Allow-Origin': PAGE, 'Access-Control-Allow-Methods': 'GET POST' }), 'x-token')],
    }),
    code: 'InvalidAllowMethodsPreflightResponse',
    preflight: true,
  },
];

/** The same exchange as Chromium would see it once the server is fixed: the hop got its answer. */
function answeredUnderTrial(call: ObservedCall, plan: TrialPlan): ObservedCall {
  const hops = call.hops.map((h) => ({
    ...h,
    requestHeaders: h.requestHeaders ?? hop().requestHeaders,
    response: h.response ?? response(200),
  }));
  return {
    ...call,
    hops,
    state: 'completed',
    error: null,
    trial: { trialId: 't1', urlPattern: plan.urlPattern, preflightChanges: plan.preflightChanges, responseChanges: plan.responseChanges },
  };
}

describe('planTrial for header-fixable failures', () => {
  test.each(fixable)('$name: the planned headers make the checker allow it', ({ call, code, preflight: needsPreflight }) => {
    const verdict = checkCall(call);
    expect(verdict.corsError?.code).toBe(code);
    const decision = planTrial(call, verdict);
    if (!decision.ok) throw new Error(decision.reason);
    const { plan } = decision;
    expect(plan.preflight).toBe(needsPreflight);
    expect(plan.url).toBe(API);
    // Never `*` where the page's own origin works.
    const origins = [...plan.responseChanges, ...plan.preflightChanges].filter((c) => c.header === 'access-control-allow-origin');
    expect(origins.map((c) => c.value)).toEqual(needsPreflight ? [PAGE, PAGE] : [PAGE]);
    const after = checkCall(answeredUnderTrial(call, plan));
    expect(after.outcome).toBe('allowed');
    expect(after.assumptions[0]).toMatch(/trial rule/);
  });

  test('credentials proven by a Cookie add Allow-Credentials to both responses', () => {
    const call = fixable.find((c) => c.name === 'credentials without ACAC')!.call;
    const decision = planTrial(call, checkCall(call));
    expect(decision.ok && decision.plan.responseChanges).toContainEqual({ header: 'access-control-allow-credentials', operation: 'set', value: 'true' });
  });

  test('a preflight gets only what was requested, plus Max-Age 0 so the trial preflight is not cached', () => {
    const call = fixable.find((c) => c.name === 'header not allowed')!.call;
    const decision = planTrial(call, checkCall(call));
    if (!decision.ok) throw new Error(decision.reason);
    expect(decision.plan.preflightChanges).toEqual([
      { header: 'access-control-allow-origin', operation: 'set', value: PAGE },
      { header: 'access-control-allow-headers', operation: 'set', value: 'x-token' },
      { header: 'access-control-max-age', operation: 'set', value: '0' },
    ]);
    expect(decision.plan.responseChanges).toEqual([
      { header: 'access-control-allow-origin', operation: 'set', value: PAGE },
      { header: 'vary', operation: 'append', value: 'Origin' },
    ]);
  });

  test('an opaque (null) origin without credentials can still be tried: Allow-Origin null, no Allow-Credentials', () => {
    const call = blocked({ initiator: 'null', hops: [hop({ origin: 'null', response: response(200) })] });
    const decision = planTrial(call, checkCall(call));
    if (!decision.ok) throw new Error(decision.reason);
    expect(decision.plan.responseChanges).toEqual([
      { header: 'access-control-allow-origin', operation: 'set', value: 'null' },
      { header: 'vary', operation: 'append', value: 'Origin' },
    ]);
  });

  test('path scope matches the same URL with another query string', () => {
    const call = blocked({ hops: [hop({ url: `${API}?run=1`, response: response(200) })] });
    const decision = planTrial(call, checkCall(call), 'path');
    if (!decision.ok) throw new Error(decision.reason);
    expect(new RegExp(decision.plan.urlPattern).test(`${API}?run=2`)).toBe(true);
    expect(new RegExp(decision.plan.urlPattern).test(`${API}/more`)).toBe(false);
  });
});

interface RefusedCase {
  readonly name: string;
  readonly call: ObservedCall;
  readonly want: TrialRefusalCode;
  readonly reason: RegExp;
}

const refused: readonly RefusedCase[] = [
  {
    name: 'preflight answered 500',
    call: blocked({ method: 'PUT', hops: [pfHop('PUT', response(500, { 'Access-Control-Allow-Origin': PAGE }))] }),
    want: 'preflight-status',
    reason: /500.*not status codes/,
  },
  {
    name: 'preflight answered 401 without ACAO (Chromium names the header first)',
    call: blocked({ method: 'PUT', hops: [pfHop('PUT', response(401))] }),
    want: 'preflight-status',
    reason: /401/,
  },
  {
    name: 'preflight redirected',
    call: blocked({ method: 'PUT', hops: [pfHop('PUT', response(301, { Location: `${API}/`, 'Access-Control-Allow-Origin': PAGE }))] }),
    want: 'preflight-redirect',
    reason: /never follows a preflight redirect/,
  },
  {
    name: 'network error',
    call: observedCall({ state: 'errored', error: 'net::ERR_CONNECTION_REFUSED', hops: [hop({ request: null, response: null })] }),
    want: 'network-error',
    reason: /ERR_CONNECTION_REFUSED/,
  },
  {
    name: 'ended by the page after its response started',
    call: observedCall({ state: 'errored', error: 'net::ERR_FAILED', hops: [{ ...hop({ response: response(200, { 'Access-Control-Allow-Origin': '*' }) }), responseStartedAt: 3 }] }),
    want: 'ended-by-page',
    reason: /page ended this call itself/,
  },
  { name: 'already allowed', call: observedCall(), want: 'already-allowed', reason: /already allowed/ },
  { name: 'made by a service worker', call: { ...blocked(), caller: 'service-worker' }, want: 'worker-call', reason: /worker made this call/ },
  { name: 'still in flight', call: observedCall({ state: 'in-flight', hops: [hop({ response: null })] }), want: 'pending', reason: /in flight/ },
  {
    name: 'cross-origin redirect taints the Origin to null',
    call: blocked({
      hops: [redirectHop(API, 'https://other.example/landing', 302, { 'Access-Control-Allow-Origin': PAGE }), hop({ url: 'https://other.example/landing', origin: 'null', response: response(200, { 'Access-Control-Allow-Origin': PAGE }) })],
    }),
    want: 'not-fixable-by-headers',
    reason: /not fixed by response headers/,
  },
  {
    name: 'credentials from an opaque (null) origin: every sandboxed frame of the tab could read the response',
    call: blocked({
      initiator: 'null',
      hops: [hop({ origin: 'null', request: { Cookie: 'sid=1' }, response: response(200, { 'Access-Control-Allow-Origin': '*' }) })],
    }),
    want: 'credentialed-null-origin',
    reason: /every sandboxed or data: frame in this tab/,
  },
];

describe('planTrial refuses what headers cannot fix', () => {
  test.each(refused)('$name', ({ call, want, reason }) => {
    const decision = planTrial(call, checkCall(call));
    expect(decision.ok).toBe(false);
    if (decision.ok) return;
    expect(decision.code).toBe(want);
    expect(decision.reason).toMatch(reason);
  });
});
