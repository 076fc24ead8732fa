// Which calls the list shows for the current filters. The verdict lookup is passed in so tests
// can use fixed verdicts without depending on the checker.
import type { Verdict } from '../../shared/cors/types';
import type { ObservedCall } from '../../shared/observed-call';
import type { OutcomeFilter } from './panel-state';

export function visibleCalls(
  calls: readonly ObservedCall[],
  textFilter: string,
  outcomeFilter: OutcomeFilter,
  verdictOf: (call: ObservedCall) => Verdict,
): readonly ObservedCall[] {
  const needle = textFilter.trim().toLowerCase();
  if (needle === '' && outcomeFilter === 'all') return calls;
  return calls.filter((call) => {
    const verdict = verdictOf(call);
    if (outcomeFilter !== 'all' && verdict.outcome !== outcomeFilter) return false;
    return needle === '' || searchText(call, verdict).includes(needle);
  });
}

// Matches what the row shows (method, URLs, reason) so typing what you see finds the row.
function searchText(call: ObservedCall, verdict: Verdict): string {
  const parts = [call.method, ...call.hops.map((hop) => hop.url), verdict.corsError?.code ?? '', verdict.networkError ?? ''];
  return parts.join(' ').toLowerCase();
}
