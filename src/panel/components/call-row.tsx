import { memo } from 'react';
import { callerLabel } from '../../shared/caller';
import type { Verdict } from '../../shared/cors/types';
import type { ObservedCall } from '../../shared/observed-call';
import { VerdictBadge } from './verdict-badge';

interface CallRowProps {
  readonly call: ObservedCall;
  readonly verdict: Verdict;
  /** 1-based position among all rows (header is 1), for assistive tech in a windowed list. */
  readonly rowIndex: number;
  readonly selected: boolean;
  /** The roving tab stop: the one row Tab lands on. */
  readonly tabbable: boolean;
  readonly onSelect: (id: string) => void;
}

// Memoized: a delta replaces only the calls that changed, so the others skip rendering.
export const CallRow = memo(function CallRow({ call, verdict, rowIndex, selected, tabbable, onSelect }: CallRowProps) {
  const url = call.hops[0]?.url ?? '';
  const code = verdict.corsError?.code ?? '';
  const plainReason = code !== '' ? code : verdict.outcome === 'failed' ? (verdict.networkError ?? '') : '';
  // A call a trial rule touched never reads as the server's own result.
  const reason = call.trial === undefined ? plainReason : `CORS Lens trial rule${plainReason === '' ? '' : `: ${plainReason}`}`;
  return (
    <div
      role="row"
      aria-rowindex={rowIndex}
      aria-selected={selected}
      tabIndex={tabbable ? 0 : -1}
      className={`row row--${verdict.outcome}${selected ? ' row--selected' : ''}`}
      data-testid="cors-call"
      data-id={call.id}
      data-url={url}
      data-method={call.method}
      data-outcome={verdict.outcome}
      data-code={code}
      data-trial={call.trial?.trialId ?? ''}
      data-caller={call.caller ?? 'page'}
      onClick={() => onSelect(call.id)}
    >
      <span role="gridcell" className="cell">
        {call.method}
      </span>
      <span role="gridcell" className="cell" title={url}>
        {call.caller !== undefined && (
          <span className="caller-tag" data-testid="call-caller">
            {callerLabel(call.caller)}
          </span>
        )}
        {url}
        {call.hops.length > 1 && <span className="muted"> ↪ {call.hops.length - 1}</span>}
      </span>
      <span role="gridcell" className="cell cell--num">
        {statusText(call)}
      </span>
      <span role="gridcell" className="cell">
        <VerdictBadge outcome={verdict.outcome} />
      </span>
      <span role="gridcell" className="cell" title={reason}>
        {reason}
      </span>
    </div>
  );
});

function statusText(call: ObservedCall): string {
  const status = call.hops.at(-1)?.response?.status;
  if (status !== undefined) return String(status);
  if (call.state === 'in-flight') return '…';
  return '—';
}
