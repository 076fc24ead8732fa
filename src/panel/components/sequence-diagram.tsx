// The exchange as a sequence diagram: three lifelines (Page, Browser, Server), one row per step,
// each an arrow between two columns (or a self-check on one). Plain HTML and CSS grid.
import type { ExchangeStep, Party } from '../../shared/cors/narrative';

const PARTIES: readonly Party[] = ['page', 'browser', 'server'];

const PARTY_LABELS: Record<Party, string> = { page: 'Page', browser: 'Browser', server: 'Server' };

const COLUMN: Record<Party, number> = { page: 0, browser: 1, server: 2 };

/** `pageTitle`: the caller's lifeline, "Page" or the worker that made the call. */
export function SequenceDiagram({ steps, pageTitle = 'Page' }: { readonly steps: readonly ExchangeStep[]; readonly pageTitle?: string }) {
  return (
    <div className="seq" data-testid="sequence-diagram" role="list" aria-label="Sequence diagram">
      <div className="seq-heads" aria-hidden="true">
        {PARTIES.map((p) => (
          <span key={p} className="seq-head">
            {p === 'page' ? pageTitle : PARTY_LABELS[p]}
          </span>
        ))}
      </div>
      {steps.map((step, i) => (
        <SequenceStep key={i} step={step} />
      ))}
    </div>
  );
}

function SequenceStep({ step }: { readonly step: ExchangeStep }) {
  const a = COLUMN[step.from];
  const b = COLUMN[step.to];
  const self = a === b;
  const left = Math.min(a, b);
  const right = Math.max(a, b);
  const direction = self ? 'self' : a < b ? 'right' : 'left';
  // Lifelines sit at the centres of three equal columns: 1/6, 3/6, 5/6 of the width. A self-check
  // is laid out in the flow from its lifeline to the right edge, so it can wrap.
  const style = self
    ? { marginLeft: `${((2 * a + 1) * 100) / 6}%` }
    : { left: `${((2 * left + 1) * 100) / 6}%`, right: `${100 - ((2 * right + 1) * 100) / 6}%` };
  return (
    <div
      className={`seq-step seq-step--${step.status}`}
      role="listitem"
      data-testid="sequence-step"
      data-status={step.status}
      data-from={step.from}
      data-to={step.to}
      data-kind={step.kind}
    >
      <div className={`seq-arrow seq-arrow--${direction}`} style={style}>
        <span className="seq-label" title={step.detail ?? step.label}>
          {step.label}
        </span>
        <span className="seq-line" aria-hidden="true" />
        {step.detail !== null && (
          <span className="seq-detail" title={step.detail}>
            {step.detail}
          </span>
        )}
      </div>
    </div>
  );
}
