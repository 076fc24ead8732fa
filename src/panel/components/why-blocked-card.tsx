// The answer to "why was this blocked": the checker's sentence, the header at fault and the fix.
// For a network failure it says plainly that CORS was not the cause. Then what the browser did, as
// a paragraph and a sequence diagram, and the server configuration that fixes it.
import { callerTitle } from '../../shared/caller';
import { narrate, whatTheBrowserDid } from '../../shared/cors/narrative';
import type { FaultyHeader, Verdict } from '../../shared/cors/types';
import type { ObservedCall } from '../../shared/observed-call';
import { Prose } from './prose';
import { SequenceDiagram } from './sequence-diagram';
import { ServerFix } from './server-fix';
import { TruncatedText } from './truncated-text';
import { TryThisFix } from './try-fix';

const WHERE_LABELS: Record<FaultyHeader['where'], string> = {
  'preflight-response': 'preflight response',
  response: 'response',
  'redirect-response': 'redirect response',
  request: 'request',
};

const PHASE_LABELS: Record<NonNullable<Verdict['phase']>, string> = {
  preflight: 'preflight',
  actual: 'actual request',
  redirect: 'redirect',
};

export function WhyBlockedCard({ call, verdict }: { readonly call: ObservedCall; readonly verdict: Verdict }) {
  const blocked = verdict.outcome === 'blocked';
  const code = verdict.corsError?.code ?? '';
  const failedParameter = verdict.corsError?.failedParameter ?? '';
  const header = verdict.header;
  return (
    <section
      className={`card card--${blocked ? 'blocked' : 'failed'}`}
      data-testid="why-blocked"
      data-code={code}
      data-outcome={verdict.outcome}
      data-phase={verdict.phase ?? ''}
      data-hop={verdict.hopIndex ?? ''}
    >
      <h3 className="card-title">{blocked ? 'Why blocked' : 'Network failure — not a CORS block'}</h3>
      {(code !== '' || verdict.phase !== null) && (
        <p className="card-meta">
          {code !== '' && <code className="reason-code">{code}</code>}
          {failedParameter !== '' && <span className="muted"> ({failedParameter})</span>}
          {verdict.phase !== null && (
            <span className="muted">
              {' '}
              at the {PHASE_LABELS[verdict.phase]}
              {verdict.hopIndex !== null && verdict.hopIndex > 0 ? ` (hop ${verdict.hopIndex + 1})` : ''}
            </span>
          )}
        </p>
      )}
      {verdict.explanation !== '' && <p className="explanation"><Prose text={verdict.explanation} /></p>}
      {header !== null && (
        <p className="fault-header">
          <span className="label">Header at fault ({WHERE_LABELS[header.where]}): </span>
          <code>{header.name}</code>:{' '}
          {header.value === null ? <em className="muted">(absent)</em> : <TruncatedText value={header.value} />}
        </p>
      )}
      <div className="what-browser-did">
        <h4 className="label">What the browser did</h4>
        <p data-testid="what-browser-did"><Prose text={whatTheBrowserDid(call, verdict)} /></p>
        <SequenceDiagram steps={narrate(call, verdict)} pageTitle={callerTitle(call.caller ?? 'page')} />
      </div>
      {verdict.fix !== '' && (
        <div className="fix">
          <h4 className="label">Fix on your server</h4>
          <p><Prose text={verdict.fix} /></p>
          <ServerFix call={call} verdict={verdict} />
        </div>
      )}
      {blocked && <TryThisFix call={call} verdict={verdict} />}
      <p className="muted provenance">
        {blocked
          ? `Chromium reports only ${verdict.networkError ?? 'net::ERR_FAILED'} to extensions; the reason code is CORS Lens's inference from the headers above.`
          : `Chromium reported ${verdict.networkError ?? 'a network error'}: the request failed below CORS, so no CORS header change will fix it.`}
      </p>
    </section>
  );
}
