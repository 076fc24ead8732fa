// Shown while any trial rule is active in this tab: what is changed, and a Remove for each.
import type { TrialRecord } from '../../shared/trial/trial-record';
import { activeTrials } from '../trial/trial-state';
import { useTrials } from '../trial/trial-context';

export function TrialBanner() {
  const { state, remove } = useTrials();
  const active = activeTrials(state.trials);
  if (active.length === 0) return null;
  return (
    <div className="banner banner--trial" data-testid="trial-banner" role="status">
      <strong>
        {active.length === 1 ? 'A CORS Lens trial rule is' : `${active.length} CORS Lens trial rules are`} changing response headers in
        this tab.
      </strong>{' '}
      Calls they touch are marked: their outcome is not the server's real behaviour.
      <ul className="trial-rules">
        {active.map((t) => (
          <TrialRuleRow key={t.id} trial={t} onRemove={() => remove(t.id)} />
        ))}
      </ul>
    </div>
  );
}

function TrialRuleRow({ trial, onRemove }: { trial: TrialRecord; onRemove: () => void }) {
  return (
    <li data-testid="trial-rule" data-trial-id={trial.id}>
      <code>
        {trial.plan.method}
        {trial.plan.preflight ? ' + OPTIONS' : ''} {trial.plan.url}
      </code>
      {trial.plan.scope === 'path' && <span className="muted"> (any query string)</span>}
      <span className="muted"> until {new Date(trial.expiresAt).toLocaleTimeString()}</span>{' '}
      <button type="button" className="link-button" data-testid="remove-trial" onClick={onRemove}>
        Remove
      </button>
    </li>
  );
}
