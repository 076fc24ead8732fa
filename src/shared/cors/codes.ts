// Every fact about each CORS error code, in one table keyed by the code. The codes are Chromium's
// `Network.CorsError` names, spelled exactly as CDP spells them, so users can match them with
// Chrome's console and Issues panel. Adding a code is one row here plus its detector; the lists
// the checks, fixes and trials use are derived from the rows.
import type { Explanation } from './explanations';

/** Which kind of check reports the code. origin: the ACAO/ACAC check (Fetch's CORS check), on
 * any response. preflight: the checks only a preflight response gets. request: the request's own
 * mode, URL or redirect shape. local-network: Local Network Access. legacy: no longer produced by
 * Chromium, kept for old DevTools data. */
export type CodeFamily = 'origin' | 'preflight' | 'request' | 'local-network' | 'legacy';

/** What CDP's `corsErrorStatus.failedParameter` holds for the code. */
export type FailedParameterMeaning =
  | 'none' // always ''
  | 'allow-origin-value' // the Access-Control-Allow-Origin value
  | 'allow-credentials-value' // the Access-Control-Allow-Credentials value, '' when absent
  | 'request-method' // the method the preflight response does not allow
  | 'request-header'; // the request header the preflight response does not allow

/** The Issues-panel group DevTools files the code under (`IssueCode` in devtools-frontend's
 * front_end/models/issues_manager/CorsIssue.ts, whose getIssueCode groups the CDP names). */
export type IssuesPanelGroup =
  | 'InvalidHeaderValues'
  | 'WildcardOriginNotAllowed'
  | 'PreflightResponseInvalid'
  | 'OriginMismatch'
  | 'AllowCredentialsRequired'
  | 'MethodDisallowedByPreflightResponse'
  | 'HeaderDisallowedByPreflightResponse'
  | 'RedirectContainsCredentials'
  | 'DisallowedByMode'
  | 'CorsDisabledScheme'
  | 'PreflightMissingAllowExternal'
  | 'PreflightInvalidAllowExternal'
  | 'InvalidResponse'
  | 'NoCorsRedirectModeNotFollow';

/** Firefox's console reason for the same failure, as MDN's CORS error pages name it. */
export type FirefoxReason =
  | 'CORSMissingAllowOrigin'
  | 'CORSAllowOriginNotMatchingOrigin'
  | 'CORSNotSupportingCredentials'
  | 'CORSMissingAllowCredentials'
  | 'CORSMethodNotFound'
  | 'CORSMissingAllowHeaderFromPreflight'
  | 'CORSInvalidAllowMethod'
  | 'CORSInvalidAllowHeader'
  | 'CORSMultipleAllowOriginNotAllowed'
  | 'CORSPreflightDidNotSucceed'
  | 'CORSDidNotSucceed'
  | 'CORSExternalRedirectNotAllowed'
  | 'CORSRequestNotHttp'
  | 'CORSOriginHeaderNotAdded'
  | 'CORSDisabled';

/** A preflight header a trial removes when the call needs nothing listed in it: what the server
 * sent does not parse, so dropping it is the fix. */
export type TrialRemovableHeader = 'access-control-allow-methods' | 'access-control-allow-headers';

export interface CodeRow {
  readonly family: CodeFamily;
  /** Which request's check reports it; 'either' when the same block can stop the preflight or
   * the request itself. A redirect response counts as 'actual'. */
  readonly phase: 'preflight' | 'actual' | 'either';
  /** For an origin code on the actual response: the code the same failure gets on a preflight. */
  readonly preflightTwin: string | null;
  readonly failedParameter: FailedParameterMeaning;
  /** Whether response headers on the server can fix it; false when the cause is the page, the
   * URL or the browser (mode, scheme, redirect shape, local-network permission). */
  readonly serverFixable: boolean;
  readonly trialRemoves: TrialRemovableHeader | null;
  /** null: the CorsIssue.ts read has no group for it. */
  readonly issuesPanelGroup: IssuesPanelGroup | null;
  /** null where no Firefox reason is surely the same failure. Not shown anywhere yet. */
  readonly firefox: FirefoxReason | null;
  /** What the verdict says (see explanations.ts for the placeholders). */
  readonly text: Explanation;
}

const ACAO_FIX_PREFLIGHT =
  'Make the OPTIONS handler for {url} answer with `Access-Control-Allow-Origin: {origin}`{credentialsHint} and `Vary: Origin`; it often runs in a different layer (proxy, auth middleware, framework default) than the handler for the actual request.';

// The Local Network texts: these calls never reached the server, so they steer away from headers.
const NOT_HEADERS =
  'This is Local Network Access, not a CORS header problem: the request never reached the server, so no response header can change the outcome.';

export const CORS_CODES = {
  DisallowedByMode: {
    family: 'request',
    phase: 'actual',
    preflightTwin: null,
    failedParameter: 'none',
    serverFixable: false, // the page asked for same-origin mode
    trialRemoves: null,
    issuesPanelGroup: 'DisallowedByMode',
    firefox: null,
    text: {
      why: "The request was made with mode: 'same-origin' but went to another origin.",
      fix: "Client-side: use mode: 'cors' (the fetch default) and enable CORS on the server, or call the API through a same-origin proxy.",
    },
  },
  InvalidResponse: {
    family: 'preflight',
    phase: 'preflight',
    preflightTwin: null,
    failedParameter: 'none',
    serverFixable: true,
    trialRemoves: null,
    issuesPanelGroup: 'InvalidResponse',
    firefox: null,
    text: {
      why: 'The preflight OPTIONS request to {url} did not produce a usable HTTP response.',
      fix: 'Make the server answer OPTIONS {url} with a 2xx status and the CORS headers; servers and proxies that drop, reset or crash on OPTIONS cause this.',
    },
  },
  WildcardOriginNotAllowed: {
    family: 'origin',
    phase: 'actual',
    preflightTwin: 'PreflightWildcardOriginNotAllowed',
    failedParameter: 'none',
    serverFixable: true,
    trialRemoves: null,
    issuesPanelGroup: 'WildcardOriginNotAllowed',
    firefox: 'CORSNotSupportingCredentials',
    text: {
      why: 'The {response} has `Access-Control-Allow-Origin: *`, but the request carries credentials, which needs the exact origin `{origin}`{originNote}.',
      fix: 'Answer with `Access-Control-Allow-Origin: {origin}` (picked from an allow-list), `Access-Control-Allow-Credentials: true` and `Vary: Origin` instead of `*`, or send the request without credentials.',
    },
  },
  MissingAllowOriginHeader: {
    family: 'origin',
    phase: 'actual',
    preflightTwin: 'PreflightMissingAllowOriginHeader',
    failedParameter: 'none',
    serverFixable: true,
    trialRemoves: null,
    issuesPanelGroup: 'InvalidHeaderValues',
    firefox: 'CORSMissingAllowOrigin',
    text: {
      why: 'The {response} (status {status}) has no Access-Control-Allow-Origin header; it needs `Access-Control-Allow-Origin: {origin}`{originNote}.',
      fix: 'Send `Access-Control-Allow-Origin: {origin}`{credentialsHint} and `Vary: Origin` on every response from {url}, including error and redirect responses, which frameworks and proxies often leave without CORS headers.',
    },
  },
  MultipleAllowOriginValues: {
    family: 'origin',
    phase: 'actual',
    preflightTwin: 'PreflightMultipleAllowOriginValues',
    failedParameter: 'allow-origin-value',
    serverFixable: true,
    trialRemoves: null,
    issuesPanelGroup: 'InvalidHeaderValues',
    firefox: 'CORSMultipleAllowOriginNotAllowed',
    text: {
      why: "The {response}'s Access-Control-Allow-Origin is {value}, which holds more than one value; it must be exactly `{origin}`{originNote}.",
      fix: 'Emit a single Access-Control-Allow-Origin header with the one value `{origin}`; usually two layers (app and proxy or CDN) both add it, or a config lists several origins literally.',
    },
  },
  InvalidAllowOriginValue: {
    family: 'origin',
    phase: 'actual',
    preflightTwin: 'PreflightInvalidAllowOriginValue',
    failedParameter: 'allow-origin-value',
    serverFixable: true,
    trialRemoves: null,
    issuesPanelGroup: 'InvalidHeaderValues',
    firefox: null,
    text: {
      why: "The {response}'s Access-Control-Allow-Origin is {value}, which is not a valid origin; it must be exactly `{origin}`{originNote}.",
      fix: 'Send a full origin, scheme and host (and port if not the default): `Access-Control-Allow-Origin: {origin}`.',
    },
  },
  AllowOriginMismatch: {
    family: 'origin',
    phase: 'actual',
    preflightTwin: 'PreflightAllowOriginMismatch',
    failedParameter: 'allow-origin-value',
    serverFixable: true,
    trialRemoves: null,
    issuesPanelGroup: 'OriginMismatch',
    firefox: 'CORSAllowOriginNotMatchingOrigin',
    text: {
      why: "The {response}'s Access-Control-Allow-Origin is {value}, but the request's origin is `{origin}`{originNote}; they must match exactly.",
      fix: 'Echo the allowed Origin exactly, with no path, trailing slash or default port: `Access-Control-Allow-Origin: {origin}`, and add `Vary: Origin` so caches keep answers for different origins apart.',
    },
  },
  InvalidAllowCredentials: {
    family: 'origin',
    phase: 'actual',
    preflightTwin: 'PreflightInvalidAllowCredentials',
    failedParameter: 'allow-credentials-value',
    serverFixable: true,
    trialRemoves: null,
    issuesPanelGroup: 'AllowCredentialsRequired',
    firefox: 'CORSMissingAllowCredentials',
    text: {
      why: "The request carries credentials and the {response}'s Access-Control-Allow-Credentials is {value}, but it must be exactly `true`.",
      whyAbsent:
        'The request carries credentials, but the {response} has no Access-Control-Allow-Credentials header; it needs `Access-Control-Allow-Credentials: true`.',
      fix: 'Add `Access-Control-Allow-Credentials: true` (lower-case) to every response from {url}, the OPTIONS response included, or send the request without credentials.',
    },
  },
  CorsDisabledScheme: {
    family: 'request',
    phase: 'actual',
    preflightTwin: null,
    failedParameter: 'none',
    serverFixable: false, // file:, data:, … cannot do CORS at all
    trialRemoves: null,
    issuesPanelGroup: 'CorsDisabledScheme',
    firefox: 'CORSRequestNotHttp',
    text: {
      why: 'The request went to {location}, whose scheme `{scheme}:` does not support CORS (only http and https do).',
      fix: 'Serve the resource over https, and do not redirect API calls to `{scheme}:` URLs.',
    },
  },
  PreflightInvalidStatus: {
    family: 'preflight',
    phase: 'preflight',
    preflightTwin: null,
    failedParameter: 'none',
    serverFixable: true,
    trialRemoves: null,
    issuesPanelGroup: 'PreflightResponseInvalid',
    firefox: 'CORSPreflightDidNotSucceed',
    text: {
      why: 'The preflight response has status {status}, but it must be in the 200–299 range.',
      fix: 'Answer OPTIONS {url} with 204 (or 200) before authentication, routing or CSRF checks run.',
    },
  },
  PreflightDisallowedRedirect: {
    family: 'preflight',
    phase: 'preflight',
    preflightTwin: null,
    failedParameter: 'none',
    serverFixable: false, // call the canonical URL instead
    trialRemoves: null,
    issuesPanelGroup: 'PreflightResponseInvalid',
    firefox: null,
    text: {
      why: 'The preflight response is a {status} redirect to {location}, and Chromium never follows redirects for a preflight.',
      fix: 'Call the final URL from the page directly (usually the https, www or trailing-slash form of {url}), and exempt OPTIONS from redirect rules.',
    },
  },
  PreflightWildcardOriginNotAllowed: {
    family: 'origin',
    phase: 'preflight',
    preflightTwin: null,
    failedParameter: 'none',
    serverFixable: true,
    trialRemoves: null,
    issuesPanelGroup: 'WildcardOriginNotAllowed',
    firefox: 'CORSNotSupportingCredentials',
    text: {
      why: 'The preflight response has `Access-Control-Allow-Origin: *`, but the request carries credentials, which needs the exact origin `{origin}`{originNote}.',
      fix: 'Make the OPTIONS handler for {url} answer with `Access-Control-Allow-Origin: {origin}` and `Access-Control-Allow-Credentials: true` instead of `*`, or send the request without credentials.',
    },
  },
  PreflightMissingAllowOriginHeader: {
    family: 'origin',
    phase: 'preflight',
    preflightTwin: null,
    failedParameter: 'none',
    serverFixable: true,
    trialRemoves: null,
    issuesPanelGroup: 'InvalidHeaderValues',
    firefox: 'CORSMissingAllowOrigin',
    text: {
      why: 'The preflight response (status {status}) has no Access-Control-Allow-Origin header; it needs `Access-Control-Allow-Origin: {origin}`{originNote}.',
      fix: ACAO_FIX_PREFLIGHT,
    },
  },
  PreflightMultipleAllowOriginValues: {
    family: 'origin',
    phase: 'preflight',
    preflightTwin: null,
    failedParameter: 'allow-origin-value',
    serverFixable: true,
    trialRemoves: null,
    issuesPanelGroup: 'InvalidHeaderValues',
    firefox: 'CORSMultipleAllowOriginNotAllowed',
    text: {
      why: "The preflight response's Access-Control-Allow-Origin is {value}, which holds more than one value; it must be exactly `{origin}`{originNote}.",
      fix: 'Make the OPTIONS response for {url} carry one Access-Control-Allow-Origin header with the value `{origin}`; usually two layers both add it.',
    },
  },
  PreflightInvalidAllowOriginValue: {
    family: 'origin',
    phase: 'preflight',
    preflightTwin: null,
    failedParameter: 'allow-origin-value',
    serverFixable: true,
    trialRemoves: null,
    issuesPanelGroup: 'InvalidHeaderValues',
    firefox: null,
    text: {
      why: "The preflight response's Access-Control-Allow-Origin is {value}, which is not a valid origin; it must be exactly `{origin}`{originNote}.",
      fix: ACAO_FIX_PREFLIGHT,
    },
  },
  PreflightAllowOriginMismatch: {
    family: 'origin',
    phase: 'preflight',
    preflightTwin: null,
    failedParameter: 'allow-origin-value',
    serverFixable: true,
    trialRemoves: null,
    issuesPanelGroup: 'OriginMismatch',
    firefox: 'CORSAllowOriginNotMatchingOrigin',
    text: {
      why: "The preflight response's Access-Control-Allow-Origin is {value}, but the request's origin is `{origin}`{originNote}; they must match exactly.",
      fix: ACAO_FIX_PREFLIGHT,
    },
  },
  PreflightInvalidAllowCredentials: {
    family: 'origin',
    phase: 'preflight',
    preflightTwin: null,
    failedParameter: 'allow-credentials-value',
    serverFixable: true,
    trialRemoves: null,
    issuesPanelGroup: 'AllowCredentialsRequired',
    firefox: 'CORSMissingAllowCredentials',
    text: {
      why: "The request carries credentials and the preflight response's Access-Control-Allow-Credentials is {value}, but it must be exactly `true`.",
      whyAbsent:
        'The request carries credentials, but the preflight response has no Access-Control-Allow-Credentials header; it needs `Access-Control-Allow-Credentials: true` too, even though the preflight itself is sent without credentials.',
      fix: 'Add `Access-Control-Allow-Credentials: true` to the OPTIONS response for {url}, not only to the actual response.',
    },
  },
  PreflightMissingAllowExternal: {
    family: 'legacy',
    phase: 'preflight',
    preflightTwin: null,
    failedParameter: 'none',
    serverFixable: false, // private-network headers, not part of this config
    trialRemoves: null,
    issuesPanelGroup: 'PreflightMissingAllowExternal',
    firefox: null,
    text: {
      why: 'The preflight response lacked Access-Control-Allow-External, a check current Chromium no longer makes.',
      fix: 'Nothing to change for current Chromium; this legacy code is kept only for old DevTools data.',
    },
  },
  PreflightInvalidAllowExternal: {
    family: 'legacy',
    phase: 'preflight',
    preflightTwin: null,
    failedParameter: 'none',
    serverFixable: false,
    trialRemoves: null,
    issuesPanelGroup: 'PreflightInvalidAllowExternal',
    firefox: null,
    text: {
      why: 'The preflight response had an invalid Access-Control-Allow-External, a check current Chromium no longer makes.',
      fix: 'Nothing to change for current Chromium; this legacy code is kept only for old DevTools data.',
    },
  },
  InvalidAllowMethodsPreflightResponse: {
    family: 'preflight',
    phase: 'preflight',
    preflightTwin: null,
    failedParameter: 'none',
    serverFixable: true,
    trialRemoves: 'access-control-allow-methods',
    issuesPanelGroup: 'InvalidHeaderValues',
    firefox: 'CORSInvalidAllowMethod',
    text: {
      why: "The preflight response's Access-Control-Allow-Methods is {value}, which is not a comma-separated list of method names.",
      fix: 'Separate methods with commas: `Access-Control-Allow-Methods: {allowMethods}`.',
    },
  },
  InvalidAllowHeadersPreflightResponse: {
    family: 'preflight',
    phase: 'preflight',
    preflightTwin: null,
    failedParameter: 'none',
    serverFixable: true,
    trialRemoves: 'access-control-allow-headers',
    issuesPanelGroup: 'InvalidHeaderValues',
    firefox: 'CORSInvalidAllowHeader',
    text: {
      why: "The preflight response's Access-Control-Allow-Headers is {value}, which is not a comma-separated list of header names.",
      fix: 'Separate header names with commas: `Access-Control-Allow-Headers: {allowHeaders}`.',
    },
  },
  MethodDisallowedByPreflightResponse: {
    family: 'preflight',
    phase: 'preflight',
    preflightTwin: null,
    failedParameter: 'request-method',
    serverFixable: true,
    trialRemoves: null,
    issuesPanelGroup: 'MethodDisallowedByPreflightResponse',
    firefox: 'CORSMethodNotFound',
    text: {
      why: "The preflight response's Access-Control-Allow-Methods is {value}, but the request uses `{method}`{wildcardNote}.",
      whyAbsent:
        'The preflight response has no Access-Control-Allow-Methods header, but the request uses `{method}`, which must be listed.',
      fix: 'List the method exactly as sent (the match is case-sensitive) in the OPTIONS response for {url}: `Access-Control-Allow-Methods: {allowMethods}`.',
    },
  },
  HeaderDisallowedByPreflightResponse: {
    family: 'preflight',
    phase: 'preflight',
    preflightTwin: null,
    failedParameter: 'request-header',
    serverFixable: true,
    trialRemoves: null,
    issuesPanelGroup: 'HeaderDisallowedByPreflightResponse',
    firefox: 'CORSMissingAllowHeaderFromPreflight',
    text: {
      why: "The preflight response's Access-Control-Allow-Headers is {value}, but the request sends `{header}`{wildcardNote}.",
      whyAbsent:
        'The preflight response has no Access-Control-Allow-Headers header, but the request sends `{header}`, which must be listed.',
      fix: 'Add `{header}` to the OPTIONS response for {url}: `Access-Control-Allow-Headers: {allowHeaders}`.',
      whySeveral:
        "The preflight response's Access-Control-Allow-Headers is {value}, but the request sends {headers}, none of which it lists{wildcardNote}; Chromium reports only {reported}.",
      whySeveralAbsent:
        'The preflight response has no Access-Control-Allow-Headers header, but the request sends {headers}, which must all be listed; Chromium reports only {reported}.',
      fixSeveral:
        'Add all of {headers} to the OPTIONS response for {url}, not only the one Chromium names (fixing just that one makes it report the next): `Access-Control-Allow-Headers: {allowHeaders}`.',
    },
  },
  RedirectContainsCredentials: {
    family: 'request',
    phase: 'actual',
    preflightTwin: null,
    failedParameter: 'none',
    serverFixable: false, // user:pass@ in the redirect URL
    trialRemoves: null,
    issuesPanelGroup: 'RedirectContainsCredentials',
    firefox: null,
    text: {
      why: 'The {status} response redirected to {location}, which contains a user name or password; Chromium does not follow such redirects for cross-origin requests.',
      fix: 'Remove the `user:password@` part from the Location header at {url}; authenticate with a header or token instead.',
    },
  },
  InsecureLocalNetwork: {
    family: 'local-network',
    phase: 'either',
    preflightTwin: null,
    failedParameter: 'none',
    serverFixable: false,
    trialRemoves: null,
    issuesPanelGroup: null,
    firefox: null,
    text: {
      why: `Chromium stopped the request to {url} before sending it: the page {origin} is not a secure context (plain http), and {host} is {targetSpace}, more private than the page's own address space (a public page calling a local or loopback address). ${NOT_HEADERS}`,
      fix: 'Serve the page over HTTPS: Chromium then asks the user for the "local network access" permission and sends the request once it is granted. Or move the API to a public address. While developing, open the page from http://localhost (a secure context on loopback itself), or serve it over HTTPS and allow "Local network access" in the site settings; managed browsers can list the page in the LocalNetworkAccessAllowedForUrls policy.',
    },
  },
  InvalidLocalNetworkAccess: {
    family: 'local-network',
    phase: 'either',
    preflightTwin: null,
    failedParameter: 'none',
    serverFixable: false,
    trialRemoves: null,
    issuesPanelGroup: null,
    firefox: null,
    text: {
      why: 'The request declared a target address space that does not match the one the connection actually reached.',
      fix: 'Client-side: set targetAddressSpace to the address space the host really is in, or drop the option.',
    },
  },
  NoCorsRedirectModeNotFollow: {
    family: 'request',
    phase: 'actual',
    preflightTwin: null,
    failedParameter: 'none',
    serverFixable: false,
    trialRemoves: null,
    issuesPanelGroup: 'NoCorsRedirectModeNotFollow',
    firefox: null,
    text: {
      why: "The request used mode: 'no-cors' together with redirect: 'error' or 'manual', which is not allowed.",
      fix: "Client-side: use redirect: 'follow' with no-cors, or use mode: 'cors'.",
    },
  },
  LocalNetworkAccessPermissionDenied: {
    family: 'local-network',
    phase: 'either',
    preflightTwin: null,
    failedParameter: 'none',
    serverFixable: false,
    trialRemoves: null,
    issuesPanelGroup: null,
    firefox: null,
    text: {
      why: `Chromium refused the request to {url} before sending it: {host} is {targetSpace}, more private than the address space of the page {origin}, and {origin} has not been granted the "local network access" permission (denied, dismissed, or refused without a prompt as in headless Chromium). ${NOT_HEADERS}`,
      fix: 'Let the user grant "local network access" to {origin} (the prompt, or the site settings), or move the API to a public address. While developing, allow the permission in the site settings (in automated tests: CDP Browser.grantPermissions with loopbackNetwork); managed browsers can list the page in the LocalNetworkAccessAllowedForUrls policy.',
    },
  },
} as const satisfies Record<string, CodeRow>;

export type CorsError = keyof typeof CORS_CODES;

/** Every code, in the table's order. */
export const CORS_ERRORS = Object.keys(CORS_CODES) as readonly CorsError[];

export function isCorsError(value: unknown): value is CorsError {
  return typeof value === 'string' && (CORS_ERRORS as readonly string[]).includes(value);
}

/** The codes whose row matches `row`, as a type: `CodesWhere<{ family: 'origin' }>`. */
export type CodesWhere<Row> = { [K in CorsError]: (typeof CORS_CODES)[K] extends Row ? K : never }[CorsError];

/** The codes whose row passes `test`, in the table's order. */
export function codesWhere(test: (row: CodeRow) => boolean): readonly CorsError[] {
  return CORS_ERRORS.filter((code) => test(CORS_CODES[code]));
}
