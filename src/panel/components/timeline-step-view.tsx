import type { TimelineStep, TimelineStepKind } from '../state/timeline';
import { CopyButton } from './copy-button';
import { formatDuration } from './format';
import { HeaderList } from './header-list';
import { TruncatedText } from './truncated-text';

const KIND_LABELS: Record<TimelineStepKind, string> = {
  preflight: 'Preflight',
  actual: 'Request',
  redirect: 'Redirected request',
};

interface TimelineStepViewProps {
  readonly step: TimelineStep;
  /** The step as a curl command, or null when there is nothing to copy. */
  readonly curl: string | null;
}

export function TimelineStepView({ step, curl }: TimelineStepViewProps) {
  const sent = step.requestHeaders !== null;
  const fault = step.faultHeader;
  return (
    <li
      className={`step step--${step.kind}${step.atFault ? ' step--fault' : ''}`}
      data-testid="timeline-step"
      data-kind={step.kind}
      data-hop={step.hopIndex}
      data-url={step.url}
      data-status={step.status ?? ''}
      data-sent={String(sent)}
      data-at-fault={String(step.atFault)}
    >
      <div className="step-head">
        <span className="step-kind">{KIND_LABELS[step.kind]}</span>
        <span className="step-method">{step.method}</span>
        <span className="step-url" title={step.url}>
          {step.url}
        </span>
        <span className="step-status">{statusText(step, sent)}</span>
        <span className="step-time muted" title="Start offset from the call's start · duration">
          +{formatDuration(step.offsetMs)} · {formatDuration(step.durationMs)}
        </span>
        {curl !== null && (
          <CopyButton
            text={curl}
            label="Copy as curl"
            testId="copy-curl"
            kind={step.kind === 'preflight' ? 'preflight' : 'actual'}
            title="Secret values (cookies, tokens, keys, URL secrets) are replaced by <redacted>"
          />
        )}
      </div>
      {step.error !== null && <p className="step-error">{step.error}</p>}
      {step.redirectUrl !== null && (
        <p className="step-redirect">
          Redirected to <TruncatedText value={step.redirectUrl} />
        </p>
      )}
      {sent ? (
        <HeaderList
          title="Request headers"
          side="request"
          headers={step.requestHeaders ?? []}
          faultName={fault?.side === 'request' ? fault.name : null}
          faultAbsent={fault?.absent ?? false}
        />
      ) : (
        <p className="muted">Not sent.</p>
      )}
      {step.responseHeaders !== null && (
        <HeaderList
          title={step.fromCache ? 'Response headers (from cache)' : 'Response headers'}
          side="response"
          headers={step.responseHeaders}
          faultName={fault?.side === 'response' ? fault.name : null}
          faultAbsent={fault?.absent ?? false}
        />
      )}
    </li>
  );
}

function statusText(step: TimelineStep, sent: boolean): string {
  if (step.status !== null) return String(step.status);
  if (step.error !== null) return '(failed)';
  if (!sent) return '(not sent)';
  return step.durationMs === null ? '(pending)' : '(no response)';
}
