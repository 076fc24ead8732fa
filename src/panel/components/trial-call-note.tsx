// On a call made under a trial rule: its outcome is ours, not the server's.
import type { ObservedCall } from '../../shared/observed-call';
import { TRIAL_CALL_NOTE, TRIAL_NOTE } from '../../shared/trial/trial-mark';
import type { Verdict } from '../../shared/cors/types';

export function TrialCallNote({ call, verdict }: { readonly call: ObservedCall; readonly verdict: Verdict }) {
  if (call.trial === undefined) return null;
  return (
    <p className="card trial-call-note" data-testid="trial-call-note" data-trial-id={call.trial.trialId}>
      <strong>{verdict.outcome === 'allowed' ? `Trial: ${TRIAL_NOTE}.` : 'Trial rule in effect.'}</strong> {TRIAL_CALL_NOTE}
    </p>
  );
}
