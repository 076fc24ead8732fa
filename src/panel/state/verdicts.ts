// checkCall is pure and every upsert replaces the call object, so a verdict can be cached per
// object: re-rendering thousands of rows then costs one WeakMap lookup each.
import { checkCall } from '../../shared/cors/checker';
import type { Verdict } from '../../shared/cors/types';
import type { ObservedCall } from '../../shared/observed-call';

const cache = new WeakMap<ObservedCall, Verdict>();

export function verdictFor(call: ObservedCall): Verdict {
  const cached = cache.get(call);
  if (cached !== undefined) return cached;
  const verdict = safeCheck(call);
  cache.set(call, verdict);
  return verdict;
}

// One call the checker cannot handle must not blank the whole panel; it shows up as 'failed'
// to analyse, with the checker's message, so the bug is visible rather than hidden.
function safeCheck(call: ObservedCall): Verdict {
  try {
    return checkCall(call);
  } catch (err) {
    const message = err instanceof Error ? err.message : String(err);
    return {
      outcome: call.state === 'in-flight' ? 'pending' : 'failed',
      corsError: null,
      failedParameterCandidates: null,
      networkError: call.error,
      phase: null,
      hopIndex: null,
      header: null,
      explanation: `CORS Lens could not analyse this call (${message}).`,
      fix: '',
      warnings: [],
      credentials: 'unknown',
      assumptions: [],
      preflight: null,
    };
  }
}
