// Builders for ObservedCall and Verdict values in unit tests.
import type { Verdict } from '../../shared/cors/types';
import type { ObservedCall, ObservedHop, ObservedPreflight } from '../../shared/observed-call';

export function hop(url: string, extra: Partial<ObservedHop> = {}): ObservedHop {
  return {
    url,
    preflight: null,
    requestHeaders: [{ name: 'Origin', value: 'https://app.test' }],
    response: { status: 200, headers: [], fromCache: false, ip: null },
    redirectUrl: null,
    startedAt: 1000,
    endedAt: 1010,
    ...extra,
  };
}

export function preflight(url: string, extra: Partial<ObservedPreflight> = {}): ObservedPreflight {
  return {
    requestId: `pf-${url}`,
    url,
    requestHeaders: [{ name: 'Access-Control-Request-Method', value: 'PUT' }],
    response: { status: 204, headers: [], fromCache: false, ip: null },
    error: null,
    startedAt: 1000,
    endedAt: 1005,
    ...extra,
  };
}

export function call(id: string, extra: Partial<ObservedCall> = {}): ObservedCall {
  return {
    id,
    tabId: 7,
    frameId: 0,
    type: 'xmlhttprequest',
    method: 'GET',
    initiator: 'https://app.test',
    hops: [hop(`https://api.test/${id}`)],
    state: 'completed',
    error: null,
    startedAt: 1000,
    endedAt: 1010,
    ...extra,
  };
}

export function verdict(extra: Partial<Verdict> = {}): Verdict {
  return {
    outcome: 'allowed',
    corsError: null,
    failedParameterCandidates: null,
    networkError: null,
    phase: null,
    hopIndex: null,
    header: null,
    explanation: '',
    fix: '',
    warnings: [],
    credentials: 'unknown',
    assumptions: [],
    preflight: null,
    ...extra,
  };
}
