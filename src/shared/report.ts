// The `cors-lens/report` document: what the panel exports and what readCorsReport returns.
// Versioned; it changes only by adding fields.
import type { Caller } from './caller';
import { checkCall } from './cors/checker';
import type { CorsErrorStatus, CorsWarning, CredentialsKnowledge, Outcome } from './cors/types';
import { isComplete, type ObservedCall } from './observed-call';
import { TRIAL_NOTE } from './trial/trial-mark';

export const REPORT_FORMAT = 'cors-lens/report';
export const REPORT_VERSION = 1;

export interface ReportRedirect {
  readonly from: string;
  readonly to: string;
  readonly status: number | null;
}

export interface ReportCall {
  readonly id: string;
  readonly tabId: number;
  readonly url: string;
  /** The last URL requested, after redirects. */
  readonly finalUrl: string;
  readonly method: string;
  readonly type: string;
  readonly initiator: string;
  readonly outcome: Outcome;
  readonly corsError: CorsErrorStatus | null;
  /** Every value Chromium may have reported as `corsError.failedParameter` when the wire cannot
   * tell which (several headers missing from Access-Control-Allow-Headers); null when certain. */
  readonly failedParameterCandidates: readonly string[] | null;
  readonly networkError: string | null;
  readonly status: number | null;
  readonly preflight: { readonly status: number | null; readonly fromCache: boolean } | null;
  readonly redirects: readonly ReportRedirect[];
  readonly explanation: string;
  readonly fix: string;
  readonly warnings: readonly CorsWarning[];
  readonly credentials: CredentialsKnowledge;
  readonly assumptions: readonly string[];
  readonly startedAt: number;
  readonly endedAt: number | null;
  /** False when CORS Lens missed some of the call's events (its worker was stopped mid-request). */
  readonly complete: boolean;
  /** Set when a CORS Lens trial rule (Try this fix) changed the call's response headers: its
   * outcome is then not the server's real behaviour. null for every ordinary call. */
  readonly trial: ReportTrial | null;
  /** Who made the call: the page, or a worker of its origin (a service or shared worker's call
   * is listed in every open tab of that origin). */
  readonly caller: Caller;
}

export interface ReportTrial {
  readonly id: string;
  readonly note: string;
}

export interface CorsReport {
  readonly format: typeof REPORT_FORMAT;
  readonly version: typeof REPORT_VERSION;
  readonly generatedAt: string;
  readonly calls: readonly ReportCall[];
}

export function toReportCall(call: ObservedCall): ReportCall {
  const verdict = checkCall(call);
  const lastHop = call.hops[call.hops.length - 1];
  return {
    id: call.id,
    tabId: call.tabId,
    url: call.hops[0]?.url ?? '',
    finalUrl: lastHop?.url ?? '',
    method: call.method,
    type: call.type,
    initiator: call.initiator,
    outcome: verdict.outcome,
    corsError: verdict.corsError,
    failedParameterCandidates: verdict.failedParameterCandidates,
    networkError: verdict.networkError,
    status: lastHop?.response?.status ?? null,
    preflight: verdict.preflight?.required
      ? { status: verdict.preflight.status, fromCache: verdict.preflight.fromCache }
      : null,
    redirects: call.hops.flatMap((hop) =>
      hop.redirectUrl === null
        ? []
        : [{ from: hop.url, to: hop.redirectUrl, status: hop.response?.status ?? null }],
    ),
    explanation: verdict.explanation,
    fix: verdict.fix,
    warnings: verdict.warnings,
    credentials: verdict.credentials,
    assumptions: verdict.assumptions,
    startedAt: call.startedAt,
    endedAt: call.endedAt,
    complete: isComplete(call),
    trial: call.trial === undefined ? null : { id: call.trial.trialId, note: trialNote(verdict.outcome) },
    caller: call.caller ?? 'page',
  };
}

export function buildReport(calls: readonly ObservedCall[], now: Date = new Date()): CorsReport {
  return {
    format: REPORT_FORMAT,
    version: REPORT_VERSION,
    generatedAt: now.toISOString(),
    calls: calls.map(toReportCall),
  };
}

/** What every export says of a trialled call. */
export function trialNote(outcome: Outcome): string {
  return outcome === 'allowed' ? TRIAL_NOTE : 'made under a CORS Lens trial rule — not the server\'s real behaviour';
}
