// Every user-facing sentence the checker produces, as data (each CORS error code's own texts are in
// its row of codes.ts). Placeholders such as {origin} are filled by formatMessage, the one
// formatter, so the panel and the Markdown report agree.
// Values the checker passes in are already quoted with displayValue (`x`, or "empty").
import type { WarningCode } from './types';
import { printable } from '../printable';

export interface Explanation {
  /** One sentence: the header at fault, its value, and what was needed. */
  readonly why: string;
  /** Used instead of `why` when the header at fault was absent. */
  readonly whyAbsent?: string;
  /** The server-side change. */
  readonly fix: string;
  /** Used instead of `why`/`whyAbsent`/`fix` when several names are at fault but Chromium reports
   * only one of them ({headers} lists them all, {reported} says which one Chromium names). */
  readonly whySeveral?: string;
  readonly whySeveralAbsent?: string;
  readonly fixSeveral?: string;
}

/** Messages for calls that work but are fragile or risky. */
export const WARNING_TEXTS = {
  OriginReflectedWithCredentials:
    'The response allows `{origin}` together with `Access-Control-Allow-Credentials: true`; make sure the server takes allowed origins from an allow-list rather than echoing any Origin, or any website can read your users\' data.',
  NullOriginAllowed:
    'The response allows the origin `null`, which sandboxed iframes, file: pages and redirected requests all send and any site can produce; do not allow it.',
  MissingVaryOrigin:
    'Access-Control-Allow-Origin names one origin ({value}) but Vary does not include Origin, so a shared or browser cache can serve this answer to another origin; add `Vary: Origin`.',
  AuthorizationCoveredByWildcard:
    'The Authorization header passed only because Access-Control-Allow-Headers is `*`; the Fetch standard does not let `*` cover Authorization and Chromium plans to enforce that, so list `Authorization` explicitly.',
  PreflightNotCached:
    "The preflight response's Access-Control-Max-Age is {value}, so Chromium does not cache it and sends a preflight before every such call; use a positive value such as 600.",
  MaxAgeAboveCap:
    "The preflight response's Access-Control-Max-Age is {value}, but Chromium keeps a preflight for at most 7200 s (2 hours); a longer value gains nothing here and only delays CORS changes in browsers that honour it (Firefox keeps up to 24 hours).",
  HeadersNotExposed:
    'The response carries {headers}, but Access-Control-Expose-Headers does not list them, so script reading them gets null; list the ones the page needs in Access-Control-Expose-Headers.',
  OpaqueNoCorsResponse:
    'This was a no-cors request, so the response is opaque: script cannot read it (status 0, no headers, no body).',
} as const satisfies Record<WarningCode, string>;

/** Verdict texts that are not tied to a CorsError. */
export const STATUS_TEXTS = {
  pending: 'The request is still in flight.',
  noHops: 'No request data was recorded for this call.',
  allowedCors:
    "Chromium's CORS checks passed: the response's Access-Control-Allow-Origin is {value}, which allows `{origin}`.",
  allowedDespiteChecks:
    "Chromium let the page read this response, although CORS Lens's checks say it should have been blocked.",
  allowedSameOrigin: 'The request stayed on the page\'s own origin, so CORS did not apply.',
  allowedOtherMode: 'This was a `{mode}` request, which Chromium does not CORS-check.',
  blockedUnexplained:
    'Chromium blocked this request (net::ERR_FAILED), but the headers seen do not show why; the cause may be a check made in the renderer or a permission decision, which leaves no trace in the headers.',
  blockedOtherMode:
    'Chromium failed this `{mode}` request (net::ERR_FAILED); such requests are not CORS-checked, so the cause is something else, such as Opaque Response Blocking or a check made in the renderer.',
  unexplainedFix:
    "Open DevTools' Console or Issues panel for Chromium's own reason, and check the request's mode, credentials and redirect options.",
  endedAfterResponse:
    'The page ended this call itself after Chromium had handed it the response ({error} after the response started), for example with AbortController, a library timeout, EventSource.close() or by cancelling the body reader; the response had passed the CORS checks, so this is not a CORS block.',
  endedBeforeResponse:
    'The page ended this call itself ({error}: cancelled) before the response reached it, for example with AbortController, a library timeout, EventSource.close() or by leaving the page; no CORS verdict was reached.',
  endedFix: 'Nothing to fix on the server. If the page did not mean to end the call, look at its abort signals and timeouts.',
  networkFailed:
    'The request to {host} failed at the network level ({error}: {errorText}), before any cross-origin check could run.',
  preflightNetworkFailed:
    'The preflight OPTIONS request to {host} failed at the network level ({error}: {errorText}), so the actual request was never sent; DevTools may also list an InvalidResponse issue for it.',
  preflightNetworkFix:
    'Make the server answer OPTIONS {url} with a 2xx status and the CORS headers; servers and proxies that drop, reset or crash on OPTIONS requests cause this.',
  taintedFix:
    'The redirect through another origin made Chromium send `Origin: null`; have the page call the final URL directly (or keep redirects on one origin) rather than allowing `null`, which any sandboxed page can send.',
} as const;

/** Pieces spliced into the codes' texts (codes.ts) through placeholders. */
export const FRAGMENTS = {
  originNoteTainted: ' (Chromium sends `null` after a redirect through another origin)',
  credentialsHint: ' and `Access-Control-Allow-Credentials: true`',
  wildcardWithCredentials: '; `*` is only a wildcard for requests without credentials',
  responseActual: 'response',
  responseRedirect: 'redirect response',
  responsePreflight: 'preflight response',
  valueEmpty: 'empty',
  valueMissing: 'missing',
  reportedFirst: '`{header}`, the first one it checks',
  reportedOneOf:
    'one of them, the first in its own internal header order (neither the order the page set them in nor alphabetical), so DevTools may name any of them',
  listAnd: ' and ',
  listComma: ', ',
} as const;

/** `a`, `b` and `c`: names as prose lists them. */
export function nameList(names: readonly string[]): string {
  const quoted = names.map((name) => `\`${name}\``);
  const last = quoted.pop();
  if (last === undefined) return '';
  return quoted.length === 0 ? last : `${quoted.join(FRAGMENTS.listComma)}${FRAGMENTS.listAnd}${last}`;
}

/** Statements a verdict rests on that the wire did not prove. */
export const ASSUMPTION_TEXTS = {
  incompleteRecord:
    "CORS Lens's service worker was stopped while this call was in flight, so some of its events were not recorded; the verdict uses what was.",
  credentialsIncludeOnly:
    "Credentials mode is not reported by the browser; the block is only explained if the request was sent with credentials: 'include' (or XHR withCredentials).",
  credentialsOmitCompleted:
    "Credentials mode is not reported by the browser; Chromium handed the response to the page, so it was not sent with credentials: 'include' (these headers would have blocked a credentialed request with {otherCode}).",
  credentialsOmitBlocked:
    "Credentials mode is not reported by the browser; with credentials: 'include' Chromium would have failed an earlier check ({otherCode}) than the one the recorded request reached, so it was sent without credentials.",
  credentialsAssumedOmit:
    "Credentials mode is not reported by the browser; this assumes the request was sent without credentials. Sent with credentials: 'include', Chromium would report {otherCode} instead.",
  noCorsInferred:
    'The request mode is not reported; no Origin header went to a cross-origin URL, so this is treated as a no-cors request.',
  noCorsFromOutcome:
    'The request mode is not reported and no Sec-Fetch-Mode header was sent (Chromium sends it only to https and other potentially trustworthy URLs); Chromium completed the call although a CORS request would have failed with {otherCode}, so the mode is inferred from that outcome: a no-cors request, whose response the page cannot read.',
  preflightFromCache:
    'A preflight was required but none was seen for {url}, so Chromium must have reused a cached preflight result.',
  headersFromPreflight:
    "The actual request was never sent, so its method and headers are taken from the preflight's Access-Control-Request-Method and Access-Control-Request-Headers.",
  headerOrderUnknown:
    "Chromium reports only one of the request headers missing from Access-Control-Allow-Headers ({headers}): the first in its own internal header order, which is neither the order the page set them in nor alphabetical; the preflight does not show it (Access-Control-Request-Headers lists the names sorted) and webRequest cannot for a request that was never sent, so CORS Lens's `{header}` is a guess and DevTools may name another one.",
  failureInconsistent:
    'The recorded request got further than this failure allows (for example the actual request was sent although its preflight fails these checks); some data may be missing, so treat this reason with care.',
  checkerDisagrees:
    'Chromium let this call through, but CORS Lens\'s checks say {otherCode} should have blocked it; this points to a bug in CORS Lens or to incomplete data.',
} as const;

interface NetErrorText {
  readonly text: string;
  readonly fix: string;
}

const CHECK_SERVER = 'Check that the server for {host} is running and reachable from this browser.';

/** Plain words for common `net::ERR_…` codes (net/base/net_error_list.h). */
export const NET_ERRORS: Readonly<Record<string, NetErrorText>> = {
  'net::ERR_CONNECTION_REFUSED': {
    text: 'the server refused the connection; nothing is listening on that host and port',
    fix: CHECK_SERVER,
  },
  'net::ERR_NAME_NOT_RESOLVED': {
    text: 'the host name could not be resolved (the DNS lookup failed)',
    fix: 'Check the host name in the URL and its DNS records.',
  },
  'net::ERR_CONNECTION_RESET': {
    text: 'the connection was reset by the server or something in between',
    fix: 'Check the server and any proxy or firewall in front of it for crashes or dropped connections.',
  },
  'net::ERR_CONNECTION_CLOSED': {
    text: 'the server closed the connection without answering',
    fix: 'Check the server logs for a crash or a rejected request.',
  },
  'net::ERR_EMPTY_RESPONSE': {
    text: 'the server closed the connection without sending any data',
    fix: 'Check the server logs for a crash or a rejected request.',
  },
  'net::ERR_CONNECTION_TIMED_OUT': { text: 'the connection attempt timed out', fix: CHECK_SERVER },
  'net::ERR_TIMED_OUT': { text: 'the request timed out', fix: CHECK_SERVER },
  'net::ERR_ADDRESS_UNREACHABLE': { text: 'the server address is unreachable', fix: CHECK_SERVER },
  'net::ERR_INTERNET_DISCONNECTED': {
    text: 'the device is offline',
    fix: 'Reconnect to the network and retry.',
  },
  'net::ERR_NETWORK_CHANGED': {
    text: 'the network changed while the request was running',
    fix: 'Retry the request.',
  },
  'net::ERR_UNSAFE_REDIRECT': {
    text: 'the server redirected to a URL Chromium refuses to follow, such as a data: URL',
    fix: 'Redirect to an http(s) URL, or return the content directly.',
  },
  'net::ERR_TOO_MANY_REDIRECTS': {
    text: 'the request was redirected more than 20 times',
    fix: 'Fix the redirect loop on the server.',
  },
  'net::ERR_INVALID_REDIRECT': {
    text: 'the redirect Location is not a valid URL',
    fix: 'Send a valid absolute or relative URL in the Location header.',
  },
  'net::ERR_ABORTED': {
    text: 'the request was cancelled, by the page (for example AbortController or a navigation) or by the browser',
    fix: 'Nothing to fix on the server; check why the page cancelled the request.',
  },
  'net::ERR_BLOCKED_BY_CLIENT': {
    text: 'an extension or browser policy blocked the request',
    fix: 'Check content blockers and enterprise policies in this browser.',
  },
  'net::ERR_BLOCKED_BY_RESPONSE': {
    text: 'a response policy such as Cross-Origin-Resource-Policy or Cross-Origin-Embedder-Policy blocked it, not CORS',
    fix: 'Check the Cross-Origin-Resource-Policy header of the response and the page\'s Cross-Origin-Embedder-Policy.',
  },
  'net::ERR_BLOCKED_BY_ORB': {
    text: 'Opaque Response Blocking withheld a no-cors response that looked like data',
    fix: "Fetch the resource with mode: 'cors' and CORS headers, or serve it with the right Content-Type.",
  },
  'net::ERR_ALPN_NEGOTIATION_FAILED': {
    text: 'protocol negotiation failed; a streaming request body needs HTTP/2 or HTTP/3',
    fix: 'Serve the endpoint over HTTP/2 or HTTP/3, or send the body as a whole instead of a stream.',
  },
  'net::ERR_SSL_PROTOCOL_ERROR': {
    text: 'the TLS handshake failed',
    fix: "Check the server's TLS configuration.",
  },
  'net::ERR_INVALID_RESPONSE': {
    text: 'the response could not be parsed as HTTP',
    fix: 'Check that the server speaks HTTP on that port and sends well-formed responses.',
  },
  'net::ERR_INSUFFICIENT_RESOURCES': {
    text: 'the browser ran out of resources for the request',
    fix: 'Retry; reduce the number of parallel requests.',
  },
};

const CERT_ERROR: NetErrorText = {
  text: "the server's TLS certificate was rejected",
  fix: "Fix the server's certificate (name, expiry, issuer) or trust the test CA in this browser.",
};
const UNKNOWN_NET_ERROR: NetErrorText = {
  text: 'the network stack reported an error before any response could be checked',
  fix: CHECK_SERVER,
};

export function netErrorText(error: string): NetErrorText {
  return NET_ERRORS[error] ?? (error.startsWith('net::ERR_CERT_') ? CERT_ERROR : UNKNOWN_NET_ERROR);
}

export type MessageParams = Readonly<Record<string, string>>;
/** Gives a placeholder's value on demand: for messages whose values are costly to compute and
 * whose template uses only a few of them. */
export type ParamLookup = (name: string) => string | undefined;

const MAX_PARAM_LENGTH = 300;

// Untrusted values (header values, URLs) must not break a line, hide or reorder text, or swamp
// the panel.
function sanitize(value: string): string {
  const visible = printable(value);
  return visible.length > MAX_PARAM_LENGTH ? `${visible.slice(0, MAX_PARAM_LENGTH)}…` : visible;
}

function isWordChar(c: number): boolean {
  return (c >= 0x30 && c <= 0x39) || (c >= 0x41 && c <= 0x5a) || (c >= 0x61 && c <= 0x7a) || c === 0x5f;
}

/** A template cut at its placeholders: `literals[i]`, then placeholder `names[i]`, and so on;
 * `literals` has one more entry than `names`. */
interface CompiledTemplate {
  readonly literals: readonly string[];
  readonly names: readonly string[];
}

function compile(template: string): CompiledTemplate {
  const literals: string[] = [];
  const names: string[] = [];
  let from = 0;
  for (let open = template.indexOf('{'); open >= 0; open = template.indexOf('{', open + 1)) {
    let close = open + 1;
    while (close < template.length && isWordChar(template.charCodeAt(close))) close++;
    if (close === open + 1 || template.charCodeAt(close) !== 0x7d) continue;
    literals.push(template.slice(from, open));
    names.push(template.slice(open + 1, close));
    from = close + 1;
    open = close;
  }
  literals.push(template.slice(from));
  return { literals, names };
}

// Templates are the constants above (and the narrative's), so a small cache holds them all; each
// is scanned once instead of once per verdict. Bounded in case a caller formats ad-hoc strings.
const compiled = new Map<string, CompiledTemplate>();
const MAX_COMPILED = 512;

function compiledTemplate(template: string): CompiledTemplate {
  let found = compiled.get(template);
  if (found === undefined) {
    if (compiled.size >= MAX_COMPILED) compiled.clear();
    found = compile(template);
    compiled.set(template, found);
  }
  return found;
}

/** Fills {name} placeholders; unknown placeholders are left as they are, so tests can spot them. */
export function formatMessage(template: string, params: MessageParams | ParamLookup): string {
  const { literals, names } = compiledTemplate(template);
  if (names.length === 0) return template;
  let out = literals[0] ?? '';
  for (let i = 0; i < names.length; i++) {
    const name = names[i] ?? '';
    const value = typeof params === 'function' ? params(name) : params[name];
    out += value === undefined ? `{${name}}` : sanitize(value);
    out += literals[i + 1] ?? '';
  }
  return out;
}

const MAX_VALUE_LENGTH = 120;

/** A header value as prose shows it: `value`, "empty" or "missing". */
export function displayValue(value: string | null): string {
  if (value === null) return FRAGMENTS.valueMissing;
  if (value === '') return FRAGMENTS.valueEmpty;
  const short = value.length > MAX_VALUE_LENGTH ? `${value.slice(0, MAX_VALUE_LENGTH)}…` : value;
  return `\`${sanitize(short)}\``;
}
