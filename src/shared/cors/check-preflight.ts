// Checks one preflight response the way Chromium does (services/network/cors/preflight_controller.cc
// and preflight_result.cc): redirect, then ACAO/ACAC (renamed to the Preflight* codes), then ok
// status, then parsing ACAM and ACAH, then the method, then the headers. First failure wins.
import type { HeaderLine } from '../observed-call';
import { checkAccess } from './check-access';
import { isCorsSafelistedMethod } from './classify-request';
import { CORS_CODES } from './codes';
import { readCorsResponseHeaders, type CorsResponseHeaders } from './cors-headers';
import { lowerAscii, parseTokenList } from './headers';
import type { CorsError } from './types';

export interface PreflightFailure {
  readonly code: CorsError;
  readonly failedParameter: string;
  /** The response header at fault; null for a bad status. */
  readonly headerName: string | null;
  readonly headerValue: string | null;
  /** For HeaderDisallowedByPreflightResponse: every unsafe name the response does not allow. */
  readonly missingHeaders: readonly string[];
}

export interface PreflightInput {
  readonly status: number;
  readonly headers: readonly HeaderLine[];
  /** The actual request's method as sent (Chromium compares it case-sensitively). */
  readonly method: string;
  /** The actual request's CORS-unsafe header names, in Chromium's check order. */
  readonly unsafeHeaders: readonly string[];
  /** The actual request's credentials mode, which the preflight response is judged against. */
  readonly credentialsInclude: boolean;
  readonly origin: string;
  readonly responseIsHttp: boolean;
}

export interface PreflightResult {
  readonly failure: PreflightFailure | null;
  /** Passed only because `*` in ACAH covered Authorization (Chromium 156 still allows it). */
  readonly authorizationCoveredByWildcard: boolean;
  /** Seconds Chromium caches the result for (0 = not cached). */
  readonly maxAgeSeconds: number;
}

const REDIRECT_STATUSES = new Set([301, 302, 303, 307, 308]);

/** Statuses net/ follows as redirects when a Location is present. */
export function isRedirectStatus(status: number): boolean {
  return REDIRECT_STATUSES.has(status);
}

const DEFAULT_MAX_AGE = 5;
const MAX_MAX_AGE = 7200;

/** Access-Control-Max-Age as Chromium reads it: absent or not an int64 → 5 s, negative → 0,
 * capped at 2 h. Repeated lines combine into an unparsable value and so fall back to 5 s. */
export function parseMaxAge(value: string | null): number {
  if (value === null || !/^[+-]?\d+$/.test(value)) return DEFAULT_MAX_AGE;
  const seconds = Number(value);
  // base::StringToInt64 fails on overflow; the precision lost near 2^63 cannot matter here.
  if (Math.abs(seconds) >= 2 ** 63) return DEFAULT_MAX_AGE;
  return seconds <= 0 ? 0 : Math.min(seconds, MAX_MAX_AGE);
}

function fail(
  code: CorsError,
  headerName: string | null,
  headerValue: string | null,
  failedParameter = '',
  missingHeaders: readonly string[] = [],
): PreflightFailure {
  return { code, failedParameter, headerName, headerValue, missingHeaders };
}

// A plain function rather than a closure over maxAgeSeconds: checkPreflight runs twice per verdict.
function failedPreflight(maxAgeSeconds: number, failure: PreflightFailure): PreflightResult {
  return { failure, authorizationCoveredByWildcard: false, maxAgeSeconds };
}

/** A preflight response's headers, read and parsed once for checks under both credentials modes. */
export interface PreflightHeaders {
  readonly headers: CorsResponseHeaders;
  /** Access-Control-Allow-Methods items; null when one is not a token. */
  readonly methods: readonly string[] | null;
  /** Access-Control-Allow-Headers items, lower-cased; null when one is not a token. */
  readonly allowedNames: ReadonlySet<string> | null;
}

export function readPreflightHeaders(lines: readonly HeaderLine[]): PreflightHeaders {
  const headers = readCorsResponseHeaders(lines);
  const allowed = parseTokenList(headers.allowHeaders);
  return {
    headers,
    methods: parseTokenList(headers.allowMethods),
    allowedNames: allowed === null ? null : new Set(allowed.map(lowerAscii)),
  };
}

export function checkPreflight(input: PreflightInput): PreflightResult {
  return checkPreflightHeaders(input, readPreflightHeaders(input.headers));
}

/** checkPreflight on headers already read from `input.headers`, for a caller that checks the same
 * response more than once (the checker, once per credentials mode). */
export function checkPreflightHeaders(input: PreflightInput, preflight: PreflightHeaders): PreflightResult {
  const { credentialsInclude } = input;
  const { headers, methods, allowedNames } = preflight;
  const maxAgeSeconds = parseMaxAge(headers.maxAge);

  const location = headers.location;
  if (isRedirectStatus(input.status) && location !== null) {
    return failedPreflight(maxAgeSeconds, fail('PreflightDisallowedRedirect', 'Location', location));
  }

  const access = checkAccess({
    allowOrigin: headers.allowOrigin,
    allowCredentials: headers.allowCredentials,
    credentialsInclude,
    origin: input.origin,
    responseIsHttp: input.responseIsHttp,
  });
  if (access !== null) {
    return failedPreflight(
      maxAgeSeconds,
      fail(CORS_CODES[access.code].preflightTwin, access.headerName, access.headerValue, access.failedParameter),
    );
  }
  if (!(input.status >= 200 && input.status <= 299)) return failedPreflight(maxAgeSeconds, fail('PreflightInvalidStatus', null, null));

  const allowMethodsValue = headers.allowMethods;
  if (methods === null) {
    return failedPreflight(maxAgeSeconds, fail('InvalidAllowMethodsPreflightResponse', 'Access-Control-Allow-Methods', allowMethodsValue));
  }
  const allowHeadersValue = headers.allowHeaders;
  if (allowedNames === null) {
    return failedPreflight(maxAgeSeconds, fail('InvalidAllowHeadersPreflightResponse', 'Access-Control-Allow-Headers', allowHeadersValue));
  }

  // `*` is a wildcard only for requests without credentials; otherwise it is a literal name.
  const methodAllowed =
    isCorsSafelistedMethod(input.method) ||
    methods.includes(input.method) ||
    (!credentialsInclude && methods.includes('*'));
  if (!methodAllowed) {
    return failedPreflight(
      maxAgeSeconds,
      fail('MethodDisallowedByPreflightResponse', 'Access-Control-Allow-Methods', allowMethodsValue, input.method),
    );
  }

  if (!credentialsInclude && allowedNames.has('*')) {
    // Chromium 156 runs with NonWildcardRequestHeadersSupport off: `*` covers Authorization too,
    // with a deprecation warning (the spec and the preflight cache lookup do not allow it).
    const coveredAuthorization =
      input.unsafeHeaders.includes('authorization') && !allowedNames.has('authorization');
    return { failure: null, authorizationCoveredByWildcard: coveredAuthorization, maxAgeSeconds };
  }
  const missing = input.unsafeHeaders.filter((name) => !allowedNames.has(name));
  const first = missing[0];
  if (first !== undefined) {
    return failedPreflight(
      maxAgeSeconds,
      fail('HeaderDisallowedByPreflightResponse', 'Access-Control-Allow-Headers', allowHeadersValue, first, missing),
    );
  }
  return { failure: null, authorizationCoveredByWildcard: false, maxAgeSeconds };
}
