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
    >
      {calls} · {counters.sameOriginCount} same-origin not listed · {counters.droppedCount} older dropped
    </span>
  );
}
