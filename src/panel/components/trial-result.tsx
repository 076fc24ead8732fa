// Original vs trial, side by side: what Chromium did with the server's own headers, and what it
// did with the trial rule's. A blocked trial names the next failing check.
import type { Verdict } from '../../shared/cors/types';
import type { ObservedCall } from '../../shared/observed-call';
import { TRIAL_NOTE } from '../../shared/trial/trial-mark';
import { verdictFor } from '../state/verdicts';
import { Prose } from './prose';
import { VerdictBadge } from './verdict-badge';

function Side({ title, verdict, testId, note }: { title: string; verdict: Verdict | null; testId: string; note: string }) {
  return (
    <div className="trial-side" data-testid={testId} data-outcome={verdict?.outcome ?? 'waiting'} data-code={verdict?.corsError?.code ?? ''}>
      <h5 className="label">{title}</h5>
      {verdict === null ? (
        <p className="muted">Waiting for the request to run again under the rule: reload the page or re-send it.</p>
      ) : (
        <>
          <p>
            <VerdictBadge outcome={verdict.outcome} />{' '}
            {verdict.corsError !== null && <code className="reason-code">{verdict.corsError.code}</code>}
          </p>
          {note !== '' && <p className="trial-note">{note}</p>}
          {verdict.explanation !== '' && <p className="explanation"><Prose text={verdict.explanation} /></p>}
        </>
      )}
    </div>
  );
}

function trialSideNote(verdict: Verdict | null): string {
  if (verdict === null) return '';
  switch (verdict.outcome) {
    case 'allowed':
      return `Chromium allowed it: ${TRIAL_NOTE}.`;
    case 'blocked':
      return 'Still blocked with the rule in place. The next failing check:';
    case 'failed':
      return 'The repeated request failed below CORS.';
    case 'ended-by-page':
      return 'The page ended the repeated request itself.';
    case 'pending':
      return 'Still in flight.';
  }
}

export function TrialResult({ original, result }: { readonly original: ObservedCall; readonly result: ObservedCall | null }) {
  const trialVerdict = result === null ? null : verdictFor(result);
  return (
    <div className="trial-result" data-testid="trial-result" data-outcome={trialVerdict?.outcome ?? 'waiting'}>
      <Side title="Original (server's real headers)" verdict={verdictFor(original)} testId="trial-original" note="" />
      <Side title="Under the trial rule" verdict={trialVerdict} testId="trial-outcome" note={trialSideNote(trialVerdict)} />
    </div>
  );
}
