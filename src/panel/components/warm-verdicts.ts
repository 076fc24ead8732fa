// Works out the verdicts of calls not yet on screen while the panel is idle. Filtering needs every
// call's verdict; without this the first keystroke in a tab of thousands of calls paid for all of
// them at once. verdictOf caches, so calls already known cost one lookup.
import type { Verdict } from '../../shared/cors/types';
import type { ObservedCall } from '../../shared/observed-call';

/** Starts the work; returns a function that stops it (for a newer list, or on unmount). */
export function warmVerdictsWhenIdle(calls: readonly ObservedCall[], verdictOf: (call: ObservedCall) => Verdict): () => void {
  if (typeof requestIdleCallback !== 'function') return () => undefined;
  let next = 0;
  let handle = requestIdleCallback(function work(deadline) {
    while (next < calls.length && deadline.timeRemaining() > 1) verdictOf(calls[next++] as ObservedCall);
    if (next < calls.length) handle = requestIdleCallback(work);
  });
  return () => cancelIdleCallback(handle);
}
