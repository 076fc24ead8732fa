// The CORS check on one response (Fetch #concept-cors-check), in the order and with the
// failedParameter of Chromium's network::cors::CheckAccess (services/network/public/cpp/cors/cors.cc).
// Chromium runs it on preflight responses, redirect responses and final responses alike.
import type { CodesWhere } from './codes';
import { isValidUrl } from './url';

/** The origin family's codes as the actual response gets them; a preflight gets their twins. */
export type AccessErrorCode = CodesWhere<{ readonly family: 'origin'; readonly phase: 'actual' }>;

export interface AccessFailure {
  readonly code: AccessErrorCode;
  /** What CDP reports: the ACAO value, the ACAC value (or ''), or ''. */
  readonly failedParameter: string;
  readonly headerName: 'Access-Control-Allow-Origin' | 'Access-Control-Allow-Credentials';
  /** The header's combined value; null when absent. */
  readonly headerValue: string | null;
}

export interface AccessInput {
  /** Access-Control-Allow-Origin, all lines joined with ", "; null when absent. */
  readonly allowOrigin: string | null;
  /** Access-Control-Allow-Credentials, combined the same way; null when absent. */
  readonly allowCredentials: string | null;
  readonly credentialsInclude: boolean;
  /** The serialized request origin, or 'null' once a redirect tainted it. */
  readonly origin: string;
  /** Chromium skips the wildcard-with-credentials error for non-HTTP(S) response URLs. */
  readonly responseIsHttp: boolean;
}

const ACAO = 'Access-Control-Allow-Origin';

export function checkAccess(input: AccessInput): AccessFailure | null {
  const { allowOrigin, allowCredentials, credentialsInclude, origin } = input;
  if (allowOrigin === '*') {
    if (!credentialsInclude) return null;
    if (input.responseIsHttp) {
      return { code: 'WildcardOriginNotAllowed', failedParameter: '', headerName: ACAO, headerValue: '*' };
    }
    // Non-HTTP(S) wildcard with credentials falls through to the credentials check, as in Chromium.
  } else if (allowOrigin === null) {
    return { code: 'MissingAllowOriginHeader', failedParameter: '', headerName: ACAO, headerValue: null };
  } else if (allowOrigin !== origin) {
    // Byte comparison: case, a trailing slash or an explicit default port all mismatch.
    const code: AccessErrorCode = /[ ,]/.test(allowOrigin)
      ? 'MultipleAllowOriginValues'
      : allowOrigin === 'null'
        ? 'AllowOriginMismatch'
        : isValidUrl(allowOrigin)
          ? 'AllowOriginMismatch'
          : 'InvalidAllowOriginValue';
    return { code, failedParameter: allowOrigin, headerName: ACAO, headerValue: allowOrigin };
  }
  // Case-sensitive: `True` does not count.
  if (credentialsInclude && allowCredentials !== 'true') {
    return {
      code: 'InvalidAllowCredentials',
      failedParameter: allowCredentials ?? '',
      headerName: 'Access-Control-Allow-Credentials',
      headerValue: allowCredentials,
    };
  }
  return null;
}
