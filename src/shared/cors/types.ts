// The vocabulary of verdicts. The CORS error codes and everything known about each live in codes.ts;
// they are re-exported here because every verdict carries one.
import type { CorsError } from './codes';

export { CORS_ERRORS, isCorsError, type CorsError } from './codes';

export function assertNever(value: never): never {
  throw new Error(`unhandled case: ${String(value)}`);
}

/** allowed: Chromium let the page read it. blocked: a CORS check failed. failed: the network
 * failed for a reason that is not CORS. ended-by-page: the page cancelled it (AbortController,
 * a timeout, EventSource.close(), a cancelled body reader), not a failure. pending: still in flight. */
export type Outcome = 'allowed' | 'blocked' | 'failed' | 'ended-by-page' | 'pending';

export interface CorsErrorStatus {
  readonly code: CorsError;
  /** What CDP puts in `corsErrorStatus.failedParameter` ('' when Chromium sends none). */
  readonly failedParameter: string;
}

/** What the checker knows about the request's credentials mode. webRequest never reports it. */
export type CredentialsKnowledge =
  | 'include' // proven by a Cookie/Authorization header, or the only mode consistent with the outcome
  | 'not-include' // the only mode consistent with the outcome
  | 'unknown';

export const WARNING_CODES = [
  'OriginReflectedWithCredentials',
  'NullOriginAllowed',
  'MissingVaryOrigin',
  'AuthorizationCoveredByWildcard',
  'PreflightNotCached',
  'MaxAgeAboveCap',
  'HeadersNotExposed',
  'OpaqueNoCorsResponse',
] as const;

export type WarningCode = (typeof WARNING_CODES)[number];

export interface CorsWarning {
  readonly code: WarningCode;
  readonly message: string;
}

/** The header at fault: which response (or request) carried it and what it said. */
export interface FaultyHeader {
  readonly where: 'preflight-response' | 'response' | 'redirect-response' | 'request';
  readonly name: string;
  /** null when the header was absent. */
  readonly value: string | null;
}

export interface Verdict {
  readonly outcome: Outcome;
  readonly corsError: CorsErrorStatus | null;
  /** Every value Chromium may have put in `failedParameter`, when the wire cannot tell which one
   * it picked (several headers missing from Access-Control-Allow-Headers: Chromium names the first
   * in its own internal header order). `corsError.failedParameter` is then one of them, a guess.
   * null when `failedParameter` is certain (or there is no corsError). */
  readonly failedParameterCandidates: readonly string[] | null;
  /** `net::ERR_…` for outcome 'failed' (and the raw error for 'blocked'). */
  readonly networkError: string | null;
  /** Which step failed: the preflight, the actual response, or a redirect. */
  readonly phase: 'preflight' | 'actual' | 'redirect' | null;
  /** Index into ObservedCall.hops of the hop where the failure happened. */
  readonly hopIndex: number | null;
  readonly header: FaultyHeader | null;
  /** One plain sentence naming the header and value at fault and what was needed. */
  readonly explanation: string;
  /** The server-side change that fixes it ('' when allowed with nothing to fix). */
  readonly fix: string;
  readonly warnings: readonly CorsWarning[];
  readonly credentials: CredentialsKnowledge;
  /** Statements the verdict depends on that the wire did not prove. */
  readonly assumptions: readonly string[];
  /** Whether the call needed a preflight, and whether it was seen or served from cache. */
  readonly preflight: { readonly required: boolean; readonly status: number | null; readonly fromCache: boolean } | null;
}
