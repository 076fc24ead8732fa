// Which webRequest events the capture records under the capture scope. Two rules keep every call
// whole while listener sets come and go:
// - a request admitted when it started is followed to its end, whatever the scope says since
//   (its tab's DevTools closed, or the scope narrowed, while it was in flight);
// - an event two overlapping listener sets both delivered (while one set replaces another, both
//   are registered for a moment) is recorded once. Chromium builds an event's details once and
//   sends a copy to each matching listener, so the copies share kind, request id, time and URL.
//   Only then can a copy come twice, so only then are events remembered: the key costs about a
//   microsecond an event (a float printed, a string hashed), which every event paid before.
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

/** `overlapping`: whether two listener sets that could both deliver an event are registered now. */
export function scopeAdmission(covers: (tabId: number) => boolean, overlapping: () => boolean = () => true): ScopeAdmission {
  const inFlight = new Map<string, number>();
  const recent = new Set<string>();
  // The same keys in arrival order, as a ring: the oldest is dropped by its key. Taking it from
  // the front of the Set instead walks over the entries deleted before it (V8 keeps them until
  // the table is rebuilt).
  const arrivals: (string | undefined)[] = new Array<string | undefined>(RECENT_EVENTS);
  let oldest = 0;

  function remember(key: string): void {
    const dropped = arrivals[oldest];
    if (dropped !== undefined) recent.delete(dropped);
    arrivals[oldest] = key;
    oldest = (oldest + 1) % RECENT_EVENTS;
    recent.add(key);
  }

  return {
    admit(event) {
      const key = overlapping() ? `${event.kind} ${event.requestId} ${event.timeStamp} ${event.url}` : null;
      if (key !== null && recent.has(key)) return false;
      if (!covers(event.tabId) && !inFlight.has(event.requestId)) return false;
      if (key !== null) remember(key);
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
