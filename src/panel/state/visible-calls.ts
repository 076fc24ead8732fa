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

// Matches what the row shows (method, URLs, reason) so typing what you see finds the row. Kept per
// call object and verdict (both are replaced, never changed), so a keystroke only searches.
const searchTexts = new WeakMap<ObservedCall, { readonly verdict: Verdict; readonly text: string }>();

function searchText(call: ObservedCall, verdict: Verdict): string {
  const cached = searchTexts.get(call);
  if (cached?.verdict === verdict) return cached.text;
  const parts = [call.method, ...call.hops.map((hop) => hop.url), verdict.corsError?.code ?? '', verdict.networkError ?? ''];
  const text = parts.join(' ').toLowerCase();
  searchTexts.set(call, { verdict, text });
  return text;
}
