// Both verdicts in one shape, so they can be compared field by field.
import { ASSUMPTION_TEXTS, STATUS_TEXTS } from '../../src/shared/cors/explanations';
import type { ReportCall } from '../../src/shared/report';
import type { CdpRequest } from './oracle';

/** sent: an OPTIONS went out for the final URL. cached: needed, but the preflight cache answered.
 * none: no preflight was needed. */
export type PreflightState = 'sent' | 'cached' | 'none';

export interface SideVerdict {
  /** allowed | blocked | failed | ended-by-page | pending, or absent when there is no such request/call. */
  readonly outcome: string;
  readonly code: string | null;
  readonly parameter: string | null;
  /** CORS Lens only: every value Chromium may report as the parameter, when CORS Lens cannot tell
   * which one Chromium picks (null when its parameter is certain). */
  readonly candidates: readonly string[] | null;
  readonly networkError: string | null;
  readonly preflight: PreflightState;
  /** Status of the preflight for the final URL, when one was answered. */
  readonly preflightStatus: number | null;
  /** Status of the response the page got (Chromium reports none for a blocked response). */
  readonly status: number | null;
  /** The last URL requested; a refused redirect target is not requested. */
  readonly finalUrl: string | null;
}

const ERR_FAILED = 'net::ERR_FAILED';

export const ABSENT: SideVerdict = {
  outcome: 'absent',
  code: null,
  parameter: null,
  candidates: null,
  networkError: null,
  preflight: 'none',
  preflightStatus: null,
  status: null,
  finalUrl: null,
};

function finalPreflights(request: CdpRequest): CdpRequest['preflights'] {
  const finalUrl = request.urls[request.urls.length - 1];
  return request.preflights.filter((p) => p.url === finalUrl);
}

/** Whether Chromium sent a preflight for the final URL of the request. */
export function preflightSent(request: CdpRequest): boolean {
  return finalPreflights(request).length > 0;
}

export function chromiumVerdict(request: CdpRequest | undefined, preflight: PreflightState): SideVerdict {
  if (request === undefined) return ABSENT;
  const finalUrl = request.urls[request.urls.length - 1] ?? null;
  const common = { preflight, preflightStatus: finalPreflights(request).at(-1)?.status ?? null, status: request.status, finalUrl };
  const failure = request.failure;
  if (failure === null) {
    return { outcome: request.finished ? 'allowed' : 'pending', code: null, parameter: null, candidates: null, networkError: null, ...common };
  }
  // Every CORS block is net::ERR_FAILED; any other net error is a failure below CORS. A load the
  // renderer cancelled with no CORS error is one the page ended (webRequest may call that end
  // net::ERR_FAILED too), unless it was cancelled at a redirect it did not follow: that is the
  // request's redirect mode refusing it.
  const blocked = failure.corsError !== null || failure.errorText === ERR_FAILED;
  const refusedRedirect = request.redirectResponses > request.urls.length - 1;
  const ended = failure.canceled && failure.corsError === null && !refusedRedirect;
  return {
    outcome: ended ? 'ended-by-page' : blocked ? 'blocked' : 'failed',
    code: failure.corsError,
    parameter: failure.failedParameter,
    candidates: null,
    networkError: failure.errorText,
    ...common,
  };
}

export function lensVerdict(call: ReportCall | undefined): SideVerdict {
  if (call === undefined) return ABSENT;
  return {
    outcome: call.outcome,
    code: call.corsError?.code ?? null,
    parameter: call.corsError?.failedParameter ?? null,
    candidates: call.failedParameterCandidates,
    networkError: call.networkError,
    preflight: call.preflight === null ? 'none' : call.preflight.fromCache ? 'cached' : 'sent',
    preflightStatus: call.preflight?.status ?? null,
    status: call.status,
    finalUrl: call.finalUrl,
  };
}

/** CORS Lens said it cannot tell which of several values Chromium reports, and Chromium reported
 * one of them: that agrees (formatVerdict shows the ambiguity on the CORS Lens side). */
function namedACandidate(chromium: SideVerdict, lens: SideVerdict): boolean {
  return chromium.parameter !== null && lens.candidates !== null && lens.candidates.includes(chromium.parameter);
}

/** The fields on which the two verdicts differ (the net error only counts for failures). */
export function differences(chromium: SideVerdict, lens: SideVerdict): string[] {
  const diffs: string[] = [];
  if (chromium.outcome !== lens.outcome) diffs.push('outcome');
  if (chromium.code !== lens.code) diffs.push('code');
  const sameCode = chromium.code !== null && chromium.code === lens.code;
  if (sameCode && chromium.parameter !== lens.parameter && !namedACandidate(chromium, lens)) diffs.push('failedParameter');
  if (chromium.outcome === 'failed' && lens.outcome === 'failed' && chromium.networkError !== lens.networkError) diffs.push('networkError');
  const both = chromium.outcome !== 'absent' && lens.outcome !== 'absent';
  if (both && chromium.preflight !== lens.preflight) diffs.push('preflight');
  if (both && chromium.preflightStatus !== null && chromium.preflightStatus !== lens.preflightStatus) diffs.push('preflightStatus');
  if (both && chromium.status !== null && chromium.status !== lens.status) diffs.push('status');
  if (both && chromium.finalUrl !== lens.finalUrl) diffs.push('finalUrl');
  return diffs;
}

export function formatVerdict(v: SideVerdict): string {
  if (v.outcome === 'absent') return 'no call';
  const parts: string[] = [v.outcome];
  if (v.code !== null) parts.push(v.parameter ? `${v.code}(${v.parameter})` : v.code);
  // Never hidden: the table shows that this row agrees only because either name would.
  if (v.candidates !== null) parts.push(`ambiguous: Chromium names one of {${v.candidates.join(', ')}}`);
  if (v.outcome === 'failed' && v.networkError !== null) parts.push(v.networkError);
  if (v.outcome === 'blocked' && v.code === null && v.networkError !== null) parts.push(v.networkError);
  if (v.preflight !== 'none') parts.push(`preflight ${v.preflight}`);
  return parts.join(' · ');
}

/** Where CORS Lens contradicts itself or the run: it let Chromium win over its own checks, names
 * a failure that does not fit how far the request got, or claims its worker was stopped mid-call
 * (this suite never stops it, and Chromium does not stop a worker Playwright is attached to). */
export function selfContradictions(call: ReportCall | undefined): string[] {
  if (call === undefined) return [];
  const found: string[] = [];
  if (call.explanation === STATUS_TEXTS.allowedDespiteChecks) found.push('self-contradiction');
  if (call.assumptions.includes(ASSUMPTION_TEXTS.failureInconsistent)) found.push('inconsistent-failure');
  if (call.assumptions.includes(ASSUMPTION_TEXTS.incompleteRecord)) found.push('claims-worker-stopped');
  return found;
}
