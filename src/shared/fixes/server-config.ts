// The smallest server CORS configuration that makes one observed call pass: its page origin, its
// method and headers, its credentials mode. Stack-neutral data; snippets.ts turns it into code.
import type { ObservedCall, ObservedHop } from '../observed-call';
import { headerValue } from '../cors/headers';
import { classifyFromPreflight, classifyRequest, type RequestClass } from '../cors/classify-request';
import { CORS_CODES } from '../cors/codes';
import { assertNever, type CorsError, type Verdict } from '../cors/types';

export interface ServerCorsConfig {
  /** The exact page origin to allow; 'null' only when the page's origin really is opaque. */
  readonly origin: string;
  /** Non-safelisted methods the call used, exact case (methods are case-sensitive in CORS). */
  readonly methods: readonly string[];
  /** CORS-unsafe request headers, lower-cased, as Chromium lists them in the preflight. */
  readonly allowHeaders: readonly string[];
  readonly credentials: boolean;
  /** Seconds to cache the preflight; null leaves the browser default. */
  readonly maxAge: number | null;
  /** The allowed origin depends on the request, so shared caches must key on it. */
  readonly varyOrigin: true;
  /** The server must answer OPTIONS (before auth: preflights carry no credentials). */
  readonly handlePreflight: boolean;
  /** The URL whose server needs the change (the hop that failed). */
  readonly url: string;
}

/** Long enough to stop a preflight per call, short enough that a policy change lands quickly. */
export const SUGGESTED_MAX_AGE = 600;

/** Whether response headers on the server can fix this code (its row in codes.ts says). */
export function isFixableByServerHeaders(code: CorsError): boolean {
  return CORS_CODES[code].serverFixable;
}

export function serverFixFor(call: ObservedCall, verdict: Verdict): ServerCorsConfig | null {
  switch (verdict.outcome) {
    case 'failed':
    case 'pending':
      return null;
    case 'allowed':
    case 'ended-by-page': // its response passed CORS, as an allowed one did
      if (verdict.warnings.length === 0) return null;
      break;
    case 'blocked':
      if (verdict.corsError !== null && !isFixableByServerHeaders(verdict.corsError.code)) return null;
      break;
    default:
      return assertNever(verdict.outcome);
  }

  const hop = call.hops[verdict.hopIndex ?? call.hops.length - 1] ?? call.hops[0];
  if (hop === undefined) return null;
  const origin = requestOrigin(call, hop);
  // A cross-origin redirect taints the Origin to 'null'; allowing 'null' would let any sandboxed
  // page in, so the fix is removing the redirect, not a header.
  if (origin === 'null' && call.initiator !== 'null') return null;

  const preflightHeaders = hop.preflight?.requestHeaders ?? null;
  const requestMethod = headerValue(preflightHeaders, 'access-control-request-method');
  const method = requestMethod ?? call.method;
  const cls: RequestClass =
    requestMethod !== null
      ? classifyFromPreflight(requestMethod, headerValue(preflightHeaders, 'access-control-request-headers'))
      : classifyRequest(method, hop.requestHeaders ?? call.hops[0]?.requestHeaders ?? []);
  const handlePreflight = verdict.preflight?.required ?? cls.preflightRequired;

  return {
    origin,
    methods: cls.unsafeMethod ? [method] : [],
    allowHeaders: [...cls.unsafeHeaders],
    credentials: verdict.credentials === 'include',
    maxAge: handlePreflight && verdict.warnings.some((w) => w.code === 'PreflightNotCached') ? SUGGESTED_MAX_AGE : null,
    varyOrigin: true,
    handlePreflight,
    url: hop.url,
  };
}

/** The Origin the failing request carried, falling back to the page's origin. */
function requestOrigin(call: ObservedCall, hop: ObservedHop): string {
  return (
    headerValue(hop.preflight?.requestHeaders ?? null, 'origin') ?? headerValue(hop.requestHeaders, 'origin') ?? call.initiator
  );
}
