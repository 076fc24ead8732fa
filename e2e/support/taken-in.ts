// What the worker has taken in of a set of calls, for specs that stop it: a stop is safe only once
// every event Chromium has sent so far is applied (an event delivered to a dying worker is lost).
import type { ObservedCall } from '../../src/shared/observed-call';

export interface TakenIn {
  readonly seen: number;
  readonly inFlight: number;
  /** In-flight calls whose request headers were seen: their preflight (if any) has been answered
   * and they are on the wire. One still being preflighted has events yet to come. */
  readonly sent: number;
}

export function takenIn(calls: readonly ObservedCall[]): TakenIn {
  const inFlight = calls.filter((call) => call.state === 'in-flight');
  return {
    seen: calls.length,
    inFlight: inFlight.length,
    sent: inFlight.filter((call) => call.hops[call.hops.length - 1]?.requestHeaders != null).length,
  };
}
