// Flattens one call into the steps the detail timeline shows, in wire order:
// [preflight] → actual request → [preflight] → redirected request → …
// Also decides which step, and which header in it, the verdict blames.
import type { Verdict } from '../../shared/cors/types';
import type { HeaderLine, ObservedCall } from '../../shared/observed-call';

export type TimelineStepKind = 'preflight' | 'actual' | 'redirect';

export interface FaultMark {
  readonly side: 'request' | 'response';
  /** Lower-case header name. */
  readonly name: string;
  /** The verdict says the header was missing, rather than wrong. */
  readonly absent: boolean;
}

export interface TimelineStep {
  readonly kind: TimelineStepKind;
  readonly hopIndex: number;
  readonly method: string;
  readonly url: string;
  readonly status: number | null;
  /** ms from the call's start to this step's start. */
  readonly offsetMs: number;
  /** null while the step has not ended. */
  readonly durationMs: number | null;
  /** null when the request never reached the network (e.g. its preflight failed). */
  readonly requestHeaders: readonly HeaderLine[] | null;
  readonly responseHeaders: readonly HeaderLine[] | null;
  readonly fromCache: boolean;
  readonly error: string | null;
  readonly redirectUrl: string | null;
  readonly atFault: boolean;
  /** The header the verdict names, when it belongs to this step. */
  readonly faultHeader: FaultMark | null;
}

export function buildTimeline(call: ObservedCall, verdict: Verdict): readonly TimelineStep[] {
  const steps: TimelineStep[] = [];
  const lastHop = call.hops.length - 1;
  const fault = faultLocation(call, verdict);

  call.hops.forEach((hop, i) => {
    const pf = hop.preflight;
    if (pf !== null) {
      const atFault = fault !== null && fault.hopIndex === i && fault.step === 'preflight';
      steps.push({
        kind: 'preflight',
        hopIndex: i,
        method: 'OPTIONS',
        url: pf.url,
        status: pf.response?.status ?? null,
        offsetMs: pf.startedAt - call.startedAt,
        durationMs: pf.endedAt === null ? null : pf.endedAt - pf.startedAt,
        requestHeaders: pf.requestHeaders,
        responseHeaders: pf.response?.headers ?? null,
        fromCache: pf.response?.fromCache ?? false,
        error: pf.error,
        redirectUrl: null,
        atFault,
        faultHeader: atFault ? faultHeader(verdict) : null,
      });
    }
    const atFault = fault !== null && fault.hopIndex === i && fault.step === 'request';
    // The call's error belongs to the hop it ended on, unless that hop's preflight already
    // carries it (then the request itself was never sent).
    const error = i === lastHop && call.error !== null && pf?.error == null ? call.error : null;
    steps.push({
      kind: i === 0 ? 'actual' : 'redirect',
      hopIndex: i,
      method: call.method,
      url: hop.url,
      status: hop.response?.status ?? null,
      offsetMs: hop.startedAt - call.startedAt,
      durationMs: hop.endedAt === null ? null : hop.endedAt - hop.startedAt,
      requestHeaders: hop.requestHeaders,
      responseHeaders: hop.response?.headers ?? null,
      fromCache: hop.response?.fromCache ?? false,
      error,
      redirectUrl: hop.redirectUrl,
      atFault,
      faultHeader: atFault ? faultHeader(verdict) : null,
    });
  });
  return steps;
}

function faultLocation(
  call: ObservedCall,
  verdict: Verdict,
): { readonly hopIndex: number; readonly step: 'preflight' | 'request' } | null {
  if (verdict.outcome !== 'blocked' && verdict.outcome !== 'failed') return null;
  if (verdict.phase === null) return null;
  // Without a hop index the failure is where the call stopped: its last hop.
  const hopIndex = verdict.hopIndex ?? call.hops.length - 1;
  return { hopIndex, step: verdict.phase === 'preflight' ? 'preflight' : 'request' };
}

function faultHeader(verdict: Verdict): FaultMark | null {
  const header = verdict.header;
  if (header === null) return null;
  return {
    side: header.where === 'request' ? 'request' : 'response',
    name: header.name.toLowerCase(),
    absent: header.value === null,
  };
}
