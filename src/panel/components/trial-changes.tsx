// The response-header changes of a trial rule, as a short list.
import type { HeaderChange } from '../../shared/trial/trial-mark';
import { displayHeaderName, TRIAL_ONLY_CHANGES } from '../../shared/trial/trial-plan';

function isTrialOnly(change: HeaderChange): boolean {
  return TRIAL_ONLY_CHANGES.some((t) => t.header === change.header && t.value === change.value);
}

export function TrialChanges({ title, changes }: { readonly title: string; readonly changes: readonly HeaderChange[] }) {
  if (changes.length === 0) return null;
  return (
    <div className="trial-changes">
      <span className="label">{title}</span>
      <ul>
        {changes.map((c) => (
          <li key={`${c.header}:${c.operation}`} data-testid="trial-change" data-header={c.header} data-operation={c.operation}>
            <code>
              {c.operation === 'remove' ? `remove ${displayHeaderName(c.header)}` : `${displayHeaderName(c.header)}: ${c.value}`}
            </code>
            {c.operation === 'append' && <span className="muted"> (added to what the server sends)</span>}
            {isTrialOnly(c) && <span className="muted"> (trial only: keeps the trial's preflight out of the browser's cache)</span>}
          </li>
        ))}
      </ul>
    </div>
  );
}
