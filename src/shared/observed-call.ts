// What CORS Lens saw on the wire for one cross-origin call, as plain data.
// The background builds it from chrome.webRequest events; the checker, the panel and the
// reports read it. It must survive JSON (it lives in chrome.storage.session).
import { isSameOrigin, parseUrl, type ParsedUrl } from './cors/url';
import type { WorkerCaller } from './caller';
import type { TrialMark } from './trial/trial-mark';

/** One header line as sent or received. Repeated lines stay separate, in wire order. */
export interface HeaderLine {
  readonly name: string;
  readonly value: string;
}

export interface ObservedResponse {
  readonly status: number;
  readonly headers: readonly HeaderLine[];
  /** Served from the HTTP cache (webRequest `fromCache`). */
  readonly fromCache: boolean;
  /** Server IP address when webRequest reported it. */
  readonly ip: string | null;
}

/** The OPTIONS request Chromium sent ahead of one hop of the actual request. */
export interface ObservedPreflight {
  readonly requestId: string;
  readonly url: string;
  readonly requestHeaders: readonly HeaderLine[];
  /** Null when no response headers arrived (network failure). */
  readonly response: ObservedResponse | null;
  /** `net::ERR_…` when the preflight itself failed at the network level. */
  readonly error: string | null;
  readonly startedAt: number;
  readonly endedAt: number | null;
}

/** One leg of the actual request: the request to one URL and what came back. */
export interface ObservedHop {
  readonly url: string;
  /** The preflight that preceded this hop, when one was seen on the wire. */
  readonly preflight: ObservedPreflight | null;
  /** Headers as sent; null when the hop never reached the network (e.g. a failed preflight). */
  readonly requestHeaders: readonly HeaderLine[] | null;
  /** Null when no response headers arrived. */
  readonly response: ObservedResponse | null;
  /** Where the response redirected to, when the redirect was followed. */
  readonly redirectUrl: string | null;
  readonly startedAt: number;
  readonly endedAt: number | null;
  /** When Chromium handed this hop's response to the page (webRequest onResponseStarted). It does
   * so only after the response passed the CORS check, so an error after it is not a CORS block.
   * Absent when not seen (records from before CORS Lens listened for it, HAR imports). */
  readonly responseStartedAt?: number;
}

export type CallState = 'in-flight' | 'completed' | 'errored';

export interface ObservedCall {
  /** webRequest requestId of the actual request (unique per browser session). */
  readonly id: string;
  readonly tabId: number;
  readonly frameId: number;
  /** webRequest resource type: `xmlhttprequest` for fetch and XHR, `font`, `script`, … */
  readonly type: string;
  readonly method: string;
  /** Serialized origin of the page that made the call; `null` for opaque origins. */
  readonly initiator: string;
  /** hops[0] is the initial URL; each redirect adds one hop. Never empty. */
  readonly hops: readonly ObservedHop[];
  readonly state: CallState;
  /** `net::ERR_…` from onErrorOccurred. Chromium reports every CORS block as `net::ERR_FAILED`. */
  readonly error: string | null;
  readonly startedAt: number;
  readonly endedAt: number | null;
  /** Set when the call was first seen mid-way: the service worker was stopped while it was in
   * flight and some of its events were never recorded. */
  readonly incomplete?: true;
  /** Set when a CORS Lens trial rule changed this call's response headers (Try this fix): the
   * outcome is then not the server's real behaviour. */
  readonly trial?: TrialMark;
  /** Set when a worker of the page's origin made the call, not the page (see caller.ts). */
  readonly caller?: WorkerCaller;
}

/** A record is complete when its start was seen and no hop that got an answer lacks the headers
 * it was sent with: a stopped worker loses a suffix of its events, which leaves exactly that gap.
 * Capture keeps no request headers for a hop to the page's own origin (a same-origin request
 * that redirects cross-origin starts with one), so such a hop lacking them is no gap. */
export function isComplete(call: ObservedCall): boolean {
  if (call.incomplete === true) return false;
  let initiator: ParsedUrl | null | undefined;
  return call.hops.every((hop) => {
    if (hop.response === null || hop.requestHeaders !== null) return true;
    // Parsed only when needed: nearly every record has all its headers, and this runs per verdict.
    if (initiator === undefined) initiator = parseUrl(call.initiator);
    return isSameOrigin(initiator, parseUrl(hop.url));
  });
}
