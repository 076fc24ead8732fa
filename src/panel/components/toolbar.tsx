import type { ObservedCall } from '../../shared/observed-call';
import type { TabCounters } from '../../shared/protocol';
import { isOutcomeFilter, OUTCOME_FILTERS, type OutcomeFilter } from '../state/panel-state';
import { CaptureScopeSelect } from './capture-scope-select';
import { Counters } from './counters';
import { ExportMenu } from './export-menu';
import { RecordCredentialsToggle } from './record-credentials-toggle';

const OUTCOME_LABELS: Record<OutcomeFilter, string> = {
  all: 'All',
  blocked: 'Blocked',
  allowed: 'Allowed',
  failed: 'Failed',
  'ended-by-page': 'Ended by page',
};

interface ToolbarProps {
  readonly calls: readonly ObservedCall[];
  /** The calls the filters leave visible, and the one open in the detail pane. */
  readonly shownCalls: readonly ObservedCall[];
  readonly selectedCall: ObservedCall | undefined;
  readonly shownCount: number;
  readonly counters: TabCounters;
  readonly preserveLog: boolean;
  readonly textFilter: string;
  readonly outcomeFilter: OutcomeFilter;
  /** Clear and Preserve log need the background; they are disabled while it is unreachable. */
  readonly connected: boolean;
  readonly onClear: () => void;
  readonly onPreserveLogChange: (preserveLog: boolean) => void;
  readonly onTextFilterChange: (text: string) => void;
  readonly onOutcomeFilterChange: (filter: OutcomeFilter) => void;
}

export function Toolbar(props: ToolbarProps) {
  return (
    <div className="toolbar">
      <button
        type="button"
        className="tool-button"
        data-testid="clear"
        disabled={!props.connected}
        onClick={props.onClear}
        title="Clear the list for this tab"
      >
        Clear
      </button>
      <label className="tool-check">
        <input
          type="checkbox"
          data-testid="preserve-log"
          checked={props.preserveLog}
          disabled={!props.connected}
          onChange={(e) => props.onPreserveLogChange(e.currentTarget.checked)}
        />
        Preserve log
      </label>
      <RecordCredentialsToggle />
      <CaptureScopeSelect />
      <span className="tool-separator" aria-hidden="true" />
      <input
        type="search"
        className="tool-filter"
        data-testid="filter"
        aria-label="Filter by URL, method or reason"
        placeholder="Filter"
        value={props.textFilter}
        onChange={(e) => props.onTextFilterChange(e.currentTarget.value)}
      />
      <select
        className="tool-select"
        data-testid="outcome-filter"
        aria-label="Show outcome"
        value={props.outcomeFilter}
        onChange={(e) => {
          const value = e.currentTarget.value;
          if (isOutcomeFilter(value)) props.onOutcomeFilterChange(value);
        }}
      >
        {OUTCOME_FILTERS.map((f) => (
          <option key={f} value={f}>
            {OUTCOME_LABELS[f]}
          </option>
        ))}
      </select>
      <ExportMenu selected={props.selectedCall} shown={props.shownCalls} all={props.calls} />
      <span className="tool-spacer" />
      <Counters total={props.calls.length} shown={props.shownCount} counters={props.counters} />
    </div>
  );
}
