// Two records of one request, written by two lives of the service worker (one stopped while the
// next had already started), each hold part of what was seen. Merging keeps everything either saw.
import type { ObservedCall, ObservedHop, ObservedPreflight } from '../shared/observed-call';

export function mergeCalls(a: ObservedCall, b: ObservedCall): ObservedCall {
  const [longer, shorter] = a.hops.length >= b.hops.length ? [a, b] : [b, a];
  const hops = longer.hops.map((hop, i) => {
    const other = shorter.hops[i];
    return other && other.url === hop.url ? mergeHops(hop, other) : hop;
  });
  const finished = a.state !== 'in-flight' ? a : b;
  // If either life saw the request start, the merged record has its start.
  const { incomplete: _ignored, ...rest } = longer;
  const complete = a.incomplete === undefined || b.incomplete === undefined;
  return {
    ...rest,
    ...(complete ? {} : { incomplete: true as const }),
    hops,
    state: finished.state,
    error: a.error ?? b.error,
    startedAt: Math.min(a.startedAt, b.startedAt),
    endedAt: finished.endedAt ?? a.endedAt ?? b.endedAt,
  };
}

function mergeHops(a: ObservedHop, b: ObservedHop): ObservedHop {
  return {
    url: a.url,
    preflight: a.preflight && b.preflight ? mergePreflights(a.preflight, b.preflight) : (a.preflight ?? b.preflight),
    requestHeaders: a.requestHeaders ?? b.requestHeaders,
    response: a.response ?? b.response,
    redirectUrl: a.redirectUrl ?? b.redirectUrl,
    startedAt: Math.min(a.startedAt, b.startedAt),
    endedAt: a.endedAt ?? b.endedAt,
  };
}

export function mergePreflights(a: ObservedPreflight, b: ObservedPreflight): ObservedPreflight {
  return {
    ...a,
    requestHeaders: a.requestHeaders.length >= b.requestHeaders.length ? a.requestHeaders : b.requestHeaders,
    response: a.response ?? b.response,
    error: a.error ?? b.error,
    startedAt: Math.min(a.startedAt, b.startedAt),
    endedAt: a.endedAt ?? b.endedAt,
  };
}
