import type { CredentialsKnowledge, Verdict } from '../../shared/cors/types';
import { callerLabel } from '../../shared/caller';
import type { ObservedCall } from '../../shared/observed-call';
import { CaptureCutNote } from './capture-cut-note';
import { Prose } from './prose';
import { Timeline } from './timeline';
import { TrialCallNote } from './trial-call-note';
import { TruncatedText } from './truncated-text';
import { VerdictBadge } from './verdict-badge';
import { VerdictNotes } from './verdict-notes';
import { WhyBlockedCard } from './why-blocked-card';

const CREDENTIALS_LABELS: Record<CredentialsKnowledge, string> = {
  include: 'included',
  'not-include': 'not included',
  unknown: 'unknown',
};

interface CallDetailProps {
  readonly call: ObservedCall;
  readonly verdict: Verdict;
  readonly onClose: () => void;
}

export function CallDetail({ call, verdict, onClose }: CallDetailProps) {
  const firstUrl = call.hops[0]?.url ?? '';
  const finalUrl = call.hops.at(-1)?.url ?? firstUrl;
  const pf = verdict.preflight;
  return (
    <section
      className="detail"
      aria-label="Call detail"
      data-testid="call-detail"
      data-id={call.id}
      data-outcome={verdict.outcome}
      data-code={verdict.corsError?.code ?? ''}
      data-trial={call.trial?.trialId ?? ''}
    >
      <header className="detail-head">
        <VerdictBadge outcome={verdict.outcome} />
        <span className="detail-method">{call.method}</span>
        <span className="detail-url" title={firstUrl}>
          {firstUrl}
        </span>
        {call.caller !== undefined && <span className="caller-tag">{callerLabel(call.caller)}</span>}
        <button type="button" className="icon-button" aria-label="Close detail" data-testid="close-detail" onClick={onClose}>
          ×
        </button>
      </header>
      <div className="detail-body">
        <TrialCallNote call={call} verdict={verdict} />
        <CaptureCutNote call={call} />
        {verdict.outcome === 'blocked' || verdict.outcome === 'failed' ? (
          <WhyBlockedCard call={call} verdict={verdict} />
        ) : (
          verdict.explanation !== '' && (
            <p className="card" data-testid="verdict-summary" data-outcome={verdict.outcome}>
              <Prose text={verdict.explanation} />
            </p>
          )
        )}
        <VerdictNotes verdict={verdict} />
        <dl className="facts">
          <dt>Initiator</dt>
          <dd>{call.initiator}</dd>
          <dt>Caller</dt>
          <dd data-testid="detail-caller" data-caller={call.caller ?? 'page'}>
            {call.caller === undefined ? 'the page' : `a worker of this origin, ${callerLabel(call.caller)}`}
          </dd>
          {finalUrl !== firstUrl && (
            <>
              <dt>Final URL</dt>
              <dd>
                <TruncatedText value={finalUrl} />
              </dd>
            </>
          )}
          <dt>Type</dt>
          <dd>{call.type}</dd>
          <dt>Credentials</dt>
          <dd>{CREDENTIALS_LABELS[verdict.credentials]}</dd>
          <dt>Preflight</dt>
          <dd>
            {pf === null || !pf.required
              ? 'not required'
              : `required${pf.fromCache ? ', served from cache' : pf.status !== null ? `, status ${pf.status}` : ''}`}
          </dd>
        </dl>
        <Timeline call={call} verdict={verdict} />
      </div>
    </section>
  );
}
