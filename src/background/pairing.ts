// Chromium gives a preflight its own requestId and nothing that links it to the request it
// precedes, so we match on what must be equal: tab, frame, initiator, URL of the hop about to be
// sent, and Access-Control-Request-Method equal to the actual method.
import type { TabLog } from './tab-log';

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
  for (const seq of Object.values(log.meta.inflight)) {
    const call = log.calls.get(seq);
    const hop = call?.hops[call.hops.length - 1];
    if (!call || !hop) continue;
    const waiting = hop.requestHeaders === null && hop.preflight === null && hop.response === null;
    const fits =
      waiting &&
      call.frameId === preflight.frameId &&
      call.initiator === preflight.initiator &&
      (preflight.requestedMethod === null || call.method === preflight.requestedMethod) &&
      hop.url === preflight.url;
    if (!fits) continue;
    if (call.id === adjacentId) return seq;
    if (oldest === null || seq < oldest) oldest = seq;
  }
  return oldest;
}
