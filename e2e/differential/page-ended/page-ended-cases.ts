// Streams and cancels made with real client libraries (native EventSource, axios,
// @microsoft/fetch-event-source, fetch) against the express `cors()` middleware. Chromium allows
// the ones the page ends itself, or fails them with no CORS error; the controls are the same
// libraries with credentials, which Chromium does block. No case states Chromium's verdict.
import type { PageEndedKind } from './page-ended-calls';

export interface PageEndedCase {
  readonly id: string;
  readonly group: 'page-ended';
  readonly kind: PageEndedKind;
  /** Path on the API: `cors()` defaults, or `/api/credentialed/…` (origin echoed, credentials). */
  readonly path: string;
  readonly note: string;
  /** Sanity check only: 'ended-by-page', or the CorsError the control was written to provoke. */
  readonly designedFor: string;
}

const ENDED = 'ended-by-page';

function pageEnded(id: string, kind: PageEndedKind, path: string, note: string, designedFor = ENDED): PageEndedCase {
  return { id, group: 'page-ended', kind, path, note, designedFor };
}

export const PAGE_ENDED_CASES: readonly PageEndedCase[] = [
  pageEnded('eventsource-closed', 'eventsource-close', '/api/events', 'EventSource closed after its first message; cors() default (ACAO *), no credentials'),
  pageEnded('fetch-event-source-aborted', 'fetch-event-source-abort', '/api/events', 'fetch-event-source with Authorization (preflighted), aborted after its first message; cors() default'),
  pageEnded('axios-cancel-mid-response', 'axios-cancel', '/api/stream', 'axios GET cancelled with AbortController at its first download progress; cors() default'),
  pageEnded('axios-cancel-reflected-origin', 'axios-cancel', '/api/reflected/stream', 'axios GET cancelled at its first download progress; cors({ origin: true }): origin echoed, no ACAC'),
  pageEnded('fetch-event-source-aborted-reflected', 'fetch-event-source-abort', '/api/reflected/events', 'fetch-event-source with Authorization aborted after its first message; cors({ origin: true }) on the preflight too'),
  pageEnded('axios-timeout-mid-response', 'axios-timeout', '/api/stream', 'axios GET with timeout 500 ms, the body still streaming; cors() default'),
  pageEnded('axios-timeout-before-headers', 'axios-timeout-before-headers', '/api/late', 'axios GET with timeout 300 ms, the server answers after 2 s; cors() default'),
  pageEnded('fetch-aborted-mid-body', 'fetch-abort', '/api/stream', 'fetch read one chunk, then AbortController.abort(); cors() default'),
  pageEnded('reader-cancelled', 'reader-cancel', '/api/stream', 'fetch read one chunk, then reader.cancel(); cors() default'),
  pageEnded('credentialed-reader-cancelled', 'fetch-include', '/api/credentialed/stream', "fetch credentials: 'include', one chunk read, then reader.cancel(); cors({ origin: true, credentials: true })"),
  pageEnded('eventsource-credentials-star', 'eventsource-credentials', '/api/events', 'control: EventSource withCredentials against cors() default (ACAO *)', 'WildcardOriginNotAllowed'),
  pageEnded('axios-credentials-star', 'axios-credentials', '/api/stream', 'control: axios withCredentials against cors() default', 'WildcardOriginNotAllowed'),
  pageEnded('fetch-event-source-include-star', 'fetch-event-source-include', '/api/events', "control: fetch-event-source credentials: 'include' with Authorization, cors() default preflight", 'PreflightWildcardOriginNotAllowed'),
  pageEnded('fetch-include-star', 'fetch-include', '/api/stream', "control: fetch credentials: 'include' against cors() default", 'WildcardOriginNotAllowed'),
];
