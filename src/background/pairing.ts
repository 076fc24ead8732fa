// Chromium gives a preflight its own requestId and nothing that links it to the request it
// precedes, so we match on what must be equal: tab, frame, initiator, URL of the hop about to be
// sent, and Access-Control-Request-Method equal to the actual method.
import { corsUnsafeRequestHeaderNames } from '../shared/cors/classify-request';
import { headerValue, lowerAscii, splitList } from '../shared/cors/headers';
import type { HeaderLine, ObservedCall, ObservedPreflight } from '../shared/observed-call';
import { putCall, waitingHop, type TabLog } from './tab-log';

export interface PreflightKey {
  readonly requestId: string;
  readonly url: string;
  readonly frameId: number;
  readonly initiator: string;
  /** null when the preflight's headers were never seen: then any method fits. */
  readonly requestedMethod: string | null;
}

/** The sequence number of the call this preflight belongs to, or null when none fits. */
export function findActualForPreflight(log: TabLog, preflight: PreflightKey): number | null {
  // Observed in Chromium: the preflight's id is the actual request's id + 1. Prefer that, and
  // otherwise the oldest waiting candidate, which is the order Chromium starts preflights in.
  const adjacentId = String(Number(preflight.requestId) - 1);
  let oldest: number | null = null;
  for (const seq of log.waitingByUrl.get(preflight.url) ?? []) {
    const call = log.calls.get(seq);
    if (call === undefined || log.meta.inflight[call.id] !== seq || !awaitsPreflight(call, preflight)) continue;
    if (call.id === adjacentId) return seq;
    if (oldest === null || seq < oldest) oldest = seq;
  }
  return oldest;
}

function awaitsPreflight(call: ObservedCall, preflight: PreflightKey): boolean {
  return (
    waitingHop(call)?.url === preflight.url &&
    call.frameId === preflight.frameId &&
    call.initiator === preflight.initiator &&
    (preflight.requestedMethod === null || call.method === preflight.requestedMethod)
  );
}

/** How far back a twin request is looked for; twins are started together. */
const RECENT_CALLS = 200;

/** The preflight's Access-Control-Request-Headers as a comparable key. */
function requestedHeaders(preflight: ObservedPreflight): string {
  const value = headerValue(preflight.requestHeaders, 'access-control-request-headers');
  return value === null ? '' : splitList(value).map(lowerAscii).sort().join(',');
}

/**
 * Two identical requests that differ only in their headers get two preflights that pairing at
 * preflight time cannot tell apart. Once a request's own headers are known (it is being sent),
 * make sure it holds the preflight that asked for exactly those headers, swapping with a sibling
 * still waiting if need be.
 */
export function repairPreflight(log: TabLog, seq: number, sentHeaders: readonly HeaderLine[]): void {
  const call = log.calls.get(seq);
  const hop = call?.hops[call.hops.length - 1];
  const mine = hop?.preflight;
  if (!call || !hop || !mine) return;
  const wanted = corsUnsafeRequestHeaderNames(sentHeaders).slice().sort().join(',');
  if (requestedHeaders(mine) === wanted) return;
  // The twin may already have ended (its preflight failed first), so look among recent calls,
  // not just those in flight.
  const recent = log.meta.order.slice(-RECENT_CALLS).reverse();
  for (const siblingSeq of recent) {
    const sibling = log.calls.get(siblingSeq);
    const siblingHop = sibling?.hops[sibling.hops.length - 1];
    const theirs = siblingHop?.preflight;
    if (!sibling || !siblingHop || !theirs || siblingSeq === seq) continue;
    const same = sibling.method === call.method && sibling.frameId === call.frameId && siblingHop.url === hop.url;
    if (!same || siblingHop.requestHeaders !== null || requestedHeaders(theirs) !== wanted) continue;
    putCall(log, seq, { ...call, hops: [...call.hops.slice(0, -1), { ...hop, preflight: theirs }] });
    putCall(log, siblingSeq, { ...sibling, hops: [...sibling.hops.slice(0, -1), { ...siblingHop, preflight: mine }] });
    for (const [id, owner] of [[theirs.requestId, seq], [mine.requestId, siblingSeq]] as const) {
      if (id in log.meta.preflights) log.meta.preflights[id] = owner;
    }
    return;
  }
}
