// What a redirect does to a CORS request, after the redirect response itself passed CheckAccess:
// Chromium's CheckRedirectLocation (userinfo), the CORS-enabled-scheme check on the new URL, origin
// tainting (CorsURLLoader::CheckTainted) and the method rewrite (net::RedirectInfo).
import type { ObservedHop } from '../observed-call';
import { isRedirectStatus } from './check-preflight';
import { headerValue } from './headers';
import { isHttpScheme, isSameOrigin, parseUrl, resolveLocation, type ParsedUrl } from './url';

export interface RedirectTarget {
  /** The URL redirected to, as reported by onBeforeRedirect or resolved from Location. */
  readonly url: string;
  readonly parsed: ParsedUrl | null;
  /** Whether Chromium followed it (onBeforeRedirect fired). */
  readonly followed: boolean;
}

/** The redirect this hop's response asked for, or null when it is not a redirect. webRequest
 * reports redirectUrl only for followed redirects; one blocked by CORS shows up as a 3xx with a
 * Location header and no redirectUrl. */
export function redirectTarget(hop: ObservedHop): RedirectTarget | null {
  if (hop.redirectUrl !== null) {
    return { url: hop.redirectUrl, parsed: parseUrl(hop.redirectUrl), followed: true };
  }
  const response = hop.response;
  if (response === null || !isRedirectStatus(response.status)) return null;
  const location = headerValue(response.headers, 'location');
  if (location === null) return null;
  const url = resolveLocation(location, hop.url);
  return { url, parsed: parseUrl(url), followed: false };
}

/** 301/302 turn POST into GET; 303 turns anything but GET/HEAD into GET (net::RedirectInfo). */
export function methodAfterRedirect(method: string, status: number): string {
  if ((status === 301 || status === 302) && method === 'POST') return 'GET';
  if (status === 303 && method !== 'GET' && method !== 'HEAD') return 'GET';
  return method;
}

/** Fetch: a redirect from `from` to `to` taints the request origin when it changes origin and
 * `from` is not the request's own origin. From then on Origin is serialized as `null`. */
export function taintsOrigin(initiator: ParsedUrl | null, from: ParsedUrl | null, to: ParsedUrl | null): boolean {
  return !isSameOrigin(from, to) && !isSameOrigin(initiator, from);
}

export type RedirectErrorCode = 'RedirectContainsCredentials' | 'CorsDisabledScheme';

export interface RedirectCheckInput {
  readonly target: ParsedUrl | null;
  readonly initiator: ParsedUrl | null;
  /** The CORS flag: some URL so far was cross-origin to the page. */
  readonly corsFlag: boolean;
  /** Tainted before this redirect. */
  readonly tainted: boolean;
}

export function checkRedirectLocation(input: RedirectCheckInput): RedirectErrorCode | null {
  const { target } = input;
  // An unparsable Location is a plain network error (net::ERR_INVALID_REDIRECT), not CORS.
  if (target === null) return null;
  if (target.hasCredentials && (input.corsFlag || input.tainted || !isSameOrigin(input.initiator, target))) {
    return 'RedirectContainsCredentials';
  }
  // Observed in Chromium 156: data: fails with net::ERR_UNSAFE_REDIRECT instead (no CORS error).
  if (!isHttpScheme(target) && target.scheme !== 'data') return 'CorsDisabledScheme';
  return null;
}
