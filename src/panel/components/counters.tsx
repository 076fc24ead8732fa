import type { TabCounters } from '../../shared/protocol';
import { plural } from './format';

interface CountersProps {
  readonly total: number;
  readonly shown: number;
  readonly counters: TabCounters;
}

export function Counters({ total, shown, counters }: CountersProps) {
  const calls = shown === total ? plural(total, 'call', 'calls') : `${shown} of ${plural(total, 'call', 'calls')}`;
  return (
    <span
      className="counters muted"
      data-testid="counters"
      data-calls={total}
      data-shown={shown}
      data-same-origin={counters.sameOriginCount}
      data-dropped={counters.droppedCount}
      data-storage-full={String(counters.storageFull === true)}
    >
      {calls} · {counters.sameOriginCount} same-origin not listed · {counters.droppedCount} older dropped
      {counters.storageFull === true && (
        <>
          {' · '}
          <strong
            className="storage-full"
            data-testid="storage-full"
            title="The extension's session storage (10 MB for all tabs) was full: this tab's oldest calls were dropped to make room. Clear the log or close tabs you no longer inspect."
          >
            storage full
          </strong>
        </>
      )}
    </span>
  );
}
