import type { Verdict } from '../../shared/cors/types';
import type { ObservedCall } from '../../shared/observed-call';
import { curlFor } from '../../shared/curl';
import { readRedactNames } from '../state/redact-names';
import { browserStore } from '../state/panel-store';
import { buildTimeline, type TimelineStep } from '../state/timeline';
import { TimelineStepView } from './timeline-step-view';

export function Timeline({ call, verdict }: { readonly call: ObservedCall; readonly verdict: Verdict }) {
  const steps = buildTimeline(call, verdict);
  const cachedPreflight = verdict.preflight?.required === true && verdict.preflight.fromCache;
  return (
    <section className="timeline" aria-label="Timeline">
      <h3 className="section-title">Timeline</h3>
      {cachedPreflight && (
        <p className="note" data-testid="preflight-cached">
          Preflight served from cache (no OPTIONS sent)
        </p>
      )}
      <ol className="steps">
        {steps.map((step) => (
          <TimelineStepView key={`${step.hopIndex}:${step.kind}`} step={step} curl={curlOf(call, step)} />
        ))}
      </ol>
    </section>
  );
}

/** The step as a curl command, masked like every export (with the names the user added in the
 * Export menu); null for a request that never went out (nothing to replay). */
function curlOf(call: ObservedCall, step: TimelineStep): string | null {
  const hop = call.hops[step.hopIndex];
  if (hop === undefined) return null;
  const options = { extraNames: readRedactNames(browserStore()) };
  if (step.kind === 'preflight') return curlFor(hop, call.method, 'preflight', options);
  return step.requestHeaders === null ? null : curlFor(hop, call.method, 'actual', options);
}
