// "Try this fix": applies the computed fix to this tab with a temporary rule, repeats the request
// and shows the result beside the original. When no rule can make the call pass, it says why.
import { useState } from 'react';
import type { Verdict } from '../../shared/cors/types';
import type { ObservedCall } from '../../shared/observed-call';
import type { TrialRecord } from '../../shared/trial/trial-record';
import { credentialsWarning } from '../../shared/trial/credentials-warning';
import { planTrial } from '../../shared/trial/trial-plan';
import { TRIAL_SCOPES, type TrialScope } from '../../shared/trial/url-pattern';
import { useTrials } from '../trial/trial-context';
import { latestTrialOf, trialResultCall } from '../trial/trial-state';
import { TrialChanges } from './trial-changes';
import { TrialResult } from './trial-result';

const SCOPE_LABELS: Record<TrialScope, string> = {
  'exact-url': 'this exact URL',
  path: 'this path, any query string',
};

const END_LABELS: Record<NonNullable<TrialRecord['endReason']>, string> = {
  removed: 'removed',
  expired: 'expired after 10 minutes',
  'devtools-closed': 'removed when DevTools closed',
  'tab-closed': 'removed when the tab closed',
  replaced: 'replaced by a newer trial',
};

function isSafeMethod(method: string): boolean {
  const upper = method.toUpperCase();
  return upper === 'GET' || upper === 'HEAD' || upper === 'OPTIONS';
}

export function TryThisFix({ call, verdict }: { readonly call: ObservedCall; readonly verdict: Verdict }) {
  const { state, calls, start, clearNotice } = useTrials();
  const [scope, setScope] = useState<TrialScope>('exact-url');
  const [askingCredentials, setAskingCredentials] = useState(false);
  const trial = latestTrialOf(state.trials, call.id);
  const notice = state.notices.get(call.id);
  const decision = planTrial(call, verdict, scope);
  const warning = decision.ok ? credentialsWarning(decision.plan, call.initiator) : null;
  const startTrial = (credentialsConfirmed: boolean) => {
    setAskingCredentials(false);
    clearNotice(call.id);
    start(call.id, scope, credentialsConfirmed);
  };
  return (
    <section className="try-fix" data-testid="try-fix-section" aria-label="Try this fix">
      <h4 className="label">Try this fix in this tab</h4>
      {trial !== null ? (
        <ActiveTrial call={call} trial={trial} result={trialResultCall(calls, trial.id)} />
      ) : decision.ok ? (
        <>
          <p className="muted">
            Applies these response headers to {call.method} requests for {SCOPE_LABELS[scope]}, in this tab only, for at most 10
            minutes. Your server is not changed.
          </p>
          <TrialChanges title="Preflight response" changes={decision.plan.preflightChanges} />
          <TrialChanges title="Actual response" changes={decision.plan.responseChanges} />
          <div className="try-fix-bar">
            <label className="tool-check">
              <span className="muted">Match</span>
              <select
                className="tool-select"
                data-testid="trial-scope"
                value={scope}
                onChange={(e) => {
                  const value = e.currentTarget.value;
                  if (value === 'exact-url' || value === 'path') setScope(value);
                }}
              >
                {TRIAL_SCOPES.map((s) => (
                  <option key={s} value={s}>
                    {SCOPE_LABELS[s]}
                  </option>
                ))}
              </select>
            </label>
            <button
              type="button"
              className="tool-button"
              data-testid="try-fix"
              disabled={askingCredentials}
              onClick={() => (warning === null ? startTrial(false) : setAskingCredentials(true))}
            >
              Try this fix{warning === null ? '' : '…'}
            </button>
          </div>
          {askingCredentials && warning !== null && (
            <p className="trial-confirm" data-testid="trial-credentials-warning" role="alert">
              {warning}{' '}
              <button type="button" className="tool-button" data-testid="try-fix-confirm" onClick={() => startTrial(true)}>
                Apply the rule
              </button>{' '}
              <button type="button" className="tool-button" onClick={() => setAskingCredentials(false)}>
                Cancel
              </button>
            </p>
          )}
        </>
      ) : (
        <p className="trial-refused" data-testid="trial-refused" data-code={decision.code}>
          Cannot be tried in the browser: {decision.reason}
        </p>
      )}
      {notice !== undefined && (
        <p className={`trial-notice trial-notice--${notice.tone}`} data-testid="trial-notice" data-tone={notice.tone} role="status">
          {notice.text}
        </p>
      )}
    </section>
  );
}

function ActiveTrial({ call, trial, result }: { call: ObservedCall; trial: TrialRecord; result: ObservedCall | null }) {
  const { remove, repeat } = useTrials();
  const [confirming, setConfirming] = useState(false);
  const active = trial.endedAt === null;
  const canReissue = call.type === 'xmlhttprequest';
  return (
    <div className="trial" data-testid="trial" data-trial-id={trial.id} data-active={String(active)}>
      <p className="muted">
        {active
          ? `Trial rule active until ${new Date(trial.expiresAt).toLocaleTimeString()}: responses for ${SCOPE_LABELS[trial.plan.scope]} are changed in this tab.`
          : `Trial rule ${trial.endReason === null ? 'ended' : END_LABELS[trial.endReason]}.`}
      </p>
      <TrialChanges title="Preflight response" changes={trial.plan.preflightChanges} />
      <TrialChanges title="Actual response" changes={trial.plan.responseChanges} />
      {active && (
        <div className="try-fix-bar">
          <button type="button" className="tool-button" data-testid="trial-reload" onClick={() => repeat(trial.id, 'reload', false)}>
            Reload page
          </button>
          {canReissue &&
            (isSafeMethod(call.method) ? (
              <button type="button" className="tool-button" data-testid="trial-reissue" onClick={() => repeat(trial.id, 'reissue', false)}>
                Re-send request
              </button>
            ) : confirming ? (
              <span className="trial-confirm" data-testid="trial-confirm">
                {call.method} may change data on the server (sent again without its original body).{' '}
                <button
                  type="button"
                  className="tool-button"
                  data-testid="trial-reissue-confirm"
                  onClick={() => {
                    setConfirming(false);
                    repeat(trial.id, 'reissue', true);
                  }}
                >
                  Send {call.method} again
                </button>{' '}
                <button type="button" className="tool-button" onClick={() => setConfirming(false)}>
                  Cancel
                </button>
              </span>
            ) : (
              <button type="button" className="tool-button" data-testid="trial-reissue" onClick={() => setConfirming(true)}>
                Re-send {call.method}…
              </button>
            ))}
          <button type="button" className="tool-button" data-testid="trial-remove" onClick={() => remove(trial.id)}>
            Remove rule
          </button>
        </div>
      )}
      <TrialResult original={call} result={result} />
    </div>
  );
}
