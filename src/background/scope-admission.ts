// Which webRequest events the capture records under the capture scope. Two rules keep every call
// whole while listener sets come and go:
// - a request admitted when it started is followed to its end, whatever the scope says since
//   (its tab's DevTools closed, or the scope narrowed, while it was in flight);
// - an event two overlapping listener sets both delivered (while one set replaces another, both
//   are registered for a moment) is recorded once. Chromium builds an event's details once and
//   sends a copy to each matching listener, so the copies share kind, request id, time and URL.
import type { WireEvent } from './wire-event';

/** Enough to span any overlap: duplicates arrive within the same few tasks. */
const RECENT_EVENTS = 2048;
/** A request whose end was never delivered (its listener removed by a pause) is forgotten
 * eventually, so the map cannot grow without bound. */
const MAX_IN_FLIGHT = 10_000;

export interface ScopeAdmission {
  /** True when `event` is to be recorded: the scope covers its tab now, or its request was admitted
   * when it started; false for the second copy of an event. */
  admit(event: WireEvent): boolean;
  /** Tabs with a request admitted whose end has not come yet. */
  tabsInFlight(): ReadonlySet<number>;
  /** Forgets the requests in flight (those of tabs `keep` refuses): their ends will never come. */
  forgetInFlight(keep?: (tabId: number) => boolean): void;
}

export function scopeAdmission(covers: (tabId: number) => boolean): ScopeAdmission {
  const inFlight = new Map<string, number>();
  const recent = new Set<string>();

  function remember(key: string): void {
    recent.add(key);
    if (recent.size > RECENT_EVENTS) recent.delete(recent.values().next().value as string);
  }

  return {
    admit(event) {
      const key = `${event.kind} ${event.requestId} ${event.timeStamp} ${event.url}`;
      if (recent.has(key)) return false;
      if (!covers(event.tabId) && !inFlight.has(event.requestId)) return false;
      remember(key);
      if (event.kind === 'before-request') {
        inFlight.set(event.requestId, event.tabId);
        if (inFlight.size > MAX_IN_FLIGHT) inFlight.delete(inFlight.keys().next().value as string);
      } else if (event.kind === 'completed' || event.kind === 'error') {
        inFlight.delete(event.requestId);
      }
      return true;
    },
    tabsInFlight: () => new Set(inFlight.values()),
    forgetInFlight(keep = () => false) {
      for (const [requestId, tabId] of inFlight) if (!keep(tabId)) inFlight.delete(requestId);
    },
  };
}
