// Folds webRequest events into the tab log: one ObservedCall per cross-origin request, its
// redirects as hops, and each preflight attached to the hop it preceded.
import type { HeaderLine, ObservedCall, ObservedHop, ObservedPreflight } from '../shared/observed-call';
import { ERR_BLOCKED_BY_LOCAL_NETWORK } from '../shared/cors/local-network';
import { parseUrl } from '../shared/cors/url';
import { findActualForPreflight, repairPreflight } from './pairing';
import { addCall, adoptOrphanPreflight, clearLog, discardCall, isUnsent, putCall, track, type TabLog } from './tab-log';
import { capEventText, type WireEvent } from './wire-event';

const ERR_CACHE_MISS = 'net::ERR_CACHE_MISS';

export type CaptureEffect = 'none' | 'changed' | 'cleared';

// Navigations and sockets are never CORS-checked; everything else may be.
const IGNORED_TYPES: ReadonlySet<string> = new Set(['main_frame', 'sub_frame', 'websocket', 'csp_report']);

function isSameOrigin(url: string, origin: string): boolean {
  return origin !== 'null' && parseUrl(url)?.origin === origin;
}

/** The page origin an event belongs to, or null for events that are not a page's own calls. */
export function pageOrigin(event: WireEvent): string | null {
  const { initiator } = event;
  if (event.tabId < 0 || initiator === undefined) return null;
  // Requests made by DevTools or by extensions are not the page's.
  if (initiator !== 'null' && !/^https?:/.test(initiator) && !initiator.startsWith('file:')) return null;
  return initiator;
}

export function applyEvent(log: TabLog, wireEvent: WireEvent): CaptureEffect {
  // Capped before anything is kept, in the in-flight maps as in storage.
  const event = capEventText(wireEvent);
  if (event.type === 'main_frame' && event.kind === 'before-request' && event.tabId >= 0) {
    if (log.meta.preserveLog) return 'none';
    clearLog(log);
    return 'cleared';
  }
  const origin = pageOrigin(event);
  if (origin !== null && event.type === 'sub_frame' && isLocalNetworkBlock(event)) return listLocalNetworkBlock(log, event, origin);
  if (IGNORED_TYPES.has(event.type)) return 'none';
  if (origin === null) return 'none';
  if (log.meta.ignored.has(event.requestId)) {
    if (event.kind === 'completed' || event.kind === 'error') log.meta.ignored.delete(event.requestId);
    return isLocalNetworkBlock(event) ? listLocalNetworkBlock(log, event, origin) : 'none';
  }

  const preflightSeq = log.meta.preflights[event.requestId];
  if (preflightSeq !== undefined) return updatePreflight(log, preflightSeq, event);
  // A listed request no longer in flight has ended: an event for it now is late or handed over
  // again (a stopped worker's last event can reach its next life too), and must not list it twice.
  if (log.seqById.has(event.requestId) && !(event.requestId in log.meta.inflight)) return 'none';
  if (event.method === 'OPTIONS' && !(event.requestId in log.meta.inflight)) {
    const effect = classifyOptions(log, event, origin);
    if (effect !== null) return effect;
  }
  const seq = log.meta.inflight[event.requestId];
  if (seq !== undefined) return updateActual(log, seq, event);
  return trackNewRequest(log, event, origin);
}

/** An OPTIONS request is a preflight when it carries Access-Control-Request-Method, which page
 * script cannot set. Returns null when it turned out to be the page's own OPTIONS call. */
function classifyOptions(log: TabLog, event: WireEvent, origin: string): CaptureEffect | null {
  const { pendingOptions } = log.meta;
  if (event.kind === 'before-request') {
    track(pendingOptions, event.requestId, { url: event.url, startedAt: event.timeStamp });
    return 'none';
  }
  if (event.kind !== 'send-headers') {
    if (!pendingOptions.has(event.requestId)) return adoptUnannouncedPreflight(log, event, origin);
    // Ended before sending anything: nothing to list, and nothing to keep.
    if (event.kind === 'completed' || event.kind === 'error') pendingOptions.delete(event.requestId);
    return 'none';
  }
  const startedAt = pendingOptions.get(event.requestId)?.startedAt ?? event.timeStamp;
  pendingOptions.delete(event.requestId);
  const requestedMethod = headerValue(event.requestHeaders, 'access-control-request-method');
  if (requestedMethod === null) return startPageOptions(log, event, origin, startedAt);
  if (requestedMethod === 'OPTIONS') {
    // The page's own OPTIONS call is preflighted too: list it before pairing its preflight.
    for (const [id, pending] of pendingOptions) {
      if (pending.url !== event.url) continue;
      pendingOptions.delete(id);
      trackNewRequest(log, { ...event, requestId: id, kind: 'before-request', timeStamp: pending.startedAt }, origin);
    }
  }
  const preflight: ObservedPreflight = {
    requestId: event.requestId,
    url: event.url,
    requestHeaders: event.requestHeaders,
    response: null,
    error: null,
    startedAt,
    endedAt: null,
  };
  const key = { requestId: event.requestId, url: event.url, frameId: event.frameId, initiator: origin, requestedMethod };
  const owner = findActualForPreflight(log, key);
  if (owner === null) {
    // No waiting request fits (e.g. its start was dropped by the bound): keep the preflight visible
    // as a call of its own rather than lose it.
    log.meta.preflights[event.requestId] = addCall(log, {
      ...callFields(event, origin),
      method: requestedMethod,
      hops: [{ ...newHop(event.url, startedAt), preflight }],
    });
    return 'changed';
  }
  log.meta.preflights[event.requestId] = owner;
  updateLastHop(log, owner, (hop) => ({ ...hop, preflight }));
  return 'changed';
}

/** An OPTIONS request first seen after its headers were sent: its earlier events went to a worker
 * that was stopped before storing them. If a request to the same URL is waiting to be sent, this
 * is almost certainly its preflight; otherwise it is dropped rather than shown as a page call. */
function adoptUnannouncedPreflight(log: TabLog, event: WireEvent, origin: string): CaptureEffect {
  const key = { requestId: event.requestId, url: event.url, frameId: event.frameId, initiator: origin, requestedMethod: null };
  const owner = findActualForPreflight(log, key);
  if (owner === null) return 'none';
  const preflight: ObservedPreflight = {
    requestId: event.requestId,
    url: event.url,
    requestHeaders: [],
    response: null,
    error: null,
    startedAt: event.timeStamp,
    endedAt: null,
  };
  log.meta.preflights[event.requestId] = owner;
  updateLastHop(log, owner, (hop) => ({ ...hop, preflight }));
  return updatePreflight(log, owner, event);
}

function isLocalNetworkBlock(event: WireEvent): event is WireEvent & { readonly kind: 'error' } {
  return event.kind === 'error' && event.error === ERR_BLOCKED_BY_LOCAL_NETWORK;
}

/** A request Local Network Access blocked that the log does not hold: a frame document (frames
 * are navigations, never CORS-checked) or a no-cors image or script (dropped when its headers
 * showed no-cors, before Chromium connected and checked the address). The block is listed as a
 * call of its own: its error is all there is to show. */
function listLocalNetworkBlock(log: TabLog, event: WireEvent & { readonly kind: 'error' }, origin: string): CaptureEffect {
  addCall(log, {
    ...callFields(event, origin),
    state: 'errored',
    error: event.error,
    hops: [{ ...newHop(event.url, event.timeStamp), endedAt: event.timeStamp }],
    endedAt: event.timeStamp,
  });
  return 'changed';
}

function startPageOptions(log: TabLog, event: WireEvent, origin: string, startedAt: number): CaptureEffect {
  if (!(event.requestId in log.meta.inflight)) {
    trackNewRequest(log, { ...event, kind: 'before-request', timeStamp: startedAt }, origin);
  }
  const seq = log.meta.inflight[event.requestId];
  return seq === undefined ? 'none' : updateActual(log, seq, event);
}

function updatePreflight(log: TabLog, seq: number, event: WireEvent): CaptureEffect {
  const change = (fn: (preflight: ObservedPreflight) => ObservedPreflight): CaptureEffect => {
    updateLastHop(log, seq, (hop) => (hop.preflight ? { ...hop, preflight: fn(hop.preflight) } : hop));
    return 'changed';
  };
  switch (event.kind) {
    case 'before-request':
    case 'send-headers':
      return 'none';
    case 'headers-received':
      return change((p) => ({ ...p, response: response(event.statusCode, event.responseHeaders, false, null) }));
    case 'response-started':
      return 'none';
    case 'before-redirect':
    case 'completed': {
      // Preflights never follow redirects; a 3xx here ends the preflight.
      delete log.meta.preflights[event.requestId];
      const { statusCode, responseHeaders, fromCache, ip } = event;
      return change((p) => ({
        ...p,
        response: response(statusCode, responseHeaders, fromCache, ip),
        endedAt: event.timeStamp,
      }));
    }
    case 'error':
      delete log.meta.preflights[event.requestId];
      return change((p) => ({ ...p, error: event.error, endedAt: event.timeStamp }));
  }
}

function updateActual(log: TabLog, seq: number, event: WireEvent): CaptureEffect {
  switch (event.kind) {
    case 'before-request':
      return 'none'; // a redirect's follow-up; before-redirect already opened the new hop
    case 'send-headers':
      if (!isCorsCandidate(event.type, event.requestHeaders)) {
        discardCall(log, seq);
        return 'changed';
      }
      updateLastHop(log, seq, (hop) => ({ ...hop, requestHeaders: event.requestHeaders }));
      repairPreflight(log, seq, event.requestHeaders);
      return 'changed';
    case 'headers-received':
      updateLastHop(log, seq, (hop) => ({
        ...hop,
        response: response(event.statusCode, event.responseHeaders, false, hop.response?.ip ?? null),
      }));
      return 'changed';
    case 'response-started':
      updateLastHop(log, seq, (hop) => ({ ...hop, responseStartedAt: event.timeStamp }));
      return 'changed';
    case 'before-redirect':
      updateCall(log, seq, (call) => {
        const hops = call.hops.slice(0, -1);
        const last = call.hops[call.hops.length - 1];
        if (last) {
          hops.push({
            ...last,
            response: response(event.statusCode, event.responseHeaders, event.fromCache, event.ip),
            redirectUrl: event.redirectUrl,
            endedAt: event.timeStamp,
          });
        }
        hops.push(newHop(event.redirectUrl, event.timeStamp));
        return { ...call, hops };
      });
      endIfUnwatchedScheme(log, seq, event);
      return 'changed';
    case 'completed':
      finish(log, seq, event.requestId, (call) => ({
        ...call,
        state: 'completed',
        hops: withLastHop(call.hops, (hop) => ({
          ...hop,
          response: response(event.statusCode, event.responseHeaders, event.fromCache, event.ip),
          endedAt: event.timeStamp,
        })),
        endedAt: event.timeStamp,
      }));
      return 'changed';
    case 'error':
      if (event.error === ERR_CACHE_MISS) {
        // Chromium's own restart of the load (seen for cross-origin fonts: one request ends with
        // this, an identical one follows); the page never sees it fail.
        discardCall(log, seq);
        return 'changed';
      }
      finish(log, seq, event.requestId, (call) => ({
        ...call,
        state: 'errored',
        error: event.error,
        hops: withLastHop(withoutUnsentRedirect(call.hops, event.url), (hop) => ({ ...hop, endedAt: event.timeStamp })),
        endedAt: event.timeStamp,
      }));
      return 'changed';
  }
}

/** A request we have not seen before: list it if it leaves the page's origin, else just count it
 * unless a redirect takes it cross-origin later. */
function trackNewRequest(log: TabLog, event: WireEvent, origin: string): CaptureEffect {
  if (isSameOrigin(event.url, origin)) return trackSameOrigin(log, event, origin);
  const partial = event.kind !== 'before-request';
  const hops = [newHop(event.url, event.timeStamp)];
  const seq = addCall(log, { ...callFields(event, origin), hops, ...(partial ? { incomplete: true as const } : {}) });
  if (!partial) return 'changed';
  // A request first seen mid-way: a stopped worker lost its earlier events. Rebuild what the
  // later events still tell, including a preflight that was kept as a call of its own.
  adoptOrphanPreflight(log, seq);
  return updateActual(log, seq, event);
}

/** A same-origin request is counted when it ends. Only its start time is kept meanwhile: every
 * event carries its URL, and it is listed only if a redirect takes it cross-origin. */
function trackSameOrigin(log: TabLog, event: WireEvent, origin: string): CaptureEffect {
  const { sameOriginInflight } = log.meta;
  const startedAt = sameOriginInflight.get(event.requestId);
  if (event.kind === 'completed' || event.kind === 'error') {
    sameOriginInflight.delete(event.requestId);
    log.meta.sameOriginCount++;
    return 'none';
  }
  if (event.kind === 'before-redirect' && !isSameOrigin(event.redirectUrl, origin)) {
    sameOriginInflight.delete(event.requestId);
    const start = startedAt ?? event.timeStamp;
    const firstHop: ObservedHop = {
      ...newHop(event.url, start),
      response: response(event.statusCode, event.responseHeaders, event.fromCache, event.ip),
      redirectUrl: event.redirectUrl,
      endedAt: event.timeStamp,
    };
    const seq = addCall(log, { ...callFields(event, origin), startedAt: start, hops: [firstHop, newHop(event.redirectUrl, event.timeStamp)] });
    endIfUnwatchedScheme(log, seq, event);
    return 'changed';
  }
  if (startedAt === undefined) track(sameOriginInflight, event.requestId, event.timeStamp);
  return 'none';
}


/** fetch() and XHR calls are always listed, even in no-cors mode, because that mode is a common
 * wrong "fix". Images, scripts, fonts… are listed only when the browser ran them in cors mode. */
function isCorsCandidate(type: string, requestHeaders: readonly HeaderLine[]): boolean {
  if (type === 'xmlhttprequest') return true;
  const mode = headerValue(requestHeaders, 'sec-fetch-mode');
  return mode === null || mode === 'cors';
}

function callFields(event: WireEvent, origin: string): Omit<ObservedCall, 'hops'> {
  return {
    id: event.requestId,
    tabId: event.tabId,
    frameId: event.frameId,
    type: event.type,
    method: event.method,
    initiator: origin,
    state: 'in-flight',
    error: null,
    startedAt: event.timeStamp,
    endedAt: null,
    ...(event.caller === undefined ? {} : { caller: event.caller }),
  };
}

function newHop(url: string, startedAt: number): ObservedHop {
  return { url, preflight: null, requestHeaders: null, response: null, redirectUrl: null, startedAt, endedAt: null };
}

function response(status: number, headers: readonly HeaderLine[], fromCache: boolean, ip: string | null) {
  return { status, headers, fromCache, ip };
}

function finish(log: TabLog, seq: number, requestId: string, fn: (call: ObservedCall) => ObservedCall): void {
  delete log.meta.inflight[requestId];
  updateCall(log, seq, fn);
}

function updateCall(log: TabLog, seq: number, fn: (call: ObservedCall) => ObservedCall): void {
  const call = log.calls.get(seq);
  if (call) putCall(log, seq, fn(call));
}

function updateLastHop(log: TabLog, seq: number, fn: (hop: ObservedHop) => ObservedHop): void {
  updateCall(log, seq, (call) => ({ ...call, hops: withLastHop(call.hops, fn) }));
}

/** Chromium refuses to follow a redirect to a scheme it cannot fetch (for a CORS request,
 * CorsDisabledScheme), and webRequest reports nothing more for it: the call ends here. */
function endIfUnwatchedScheme(log: TabLog, seq: number, event: WireEvent & { readonly redirectUrl: string }): void {
  if (/^(https?|data):/i.test(event.redirectUrl)) return;
  finish(log, seq, event.requestId, (call) => ({ ...call, state: 'errored', error: 'net::ERR_FAILED', endedAt: event.timeStamp }));
}

/** A redirect that was not followed (fetch's `redirect: 'error'` or `'manual'`) ends with an error
 * reported for the redirecting URL: the hop opened for its target was never requested. */
function withoutUnsentRedirect(hops: readonly ObservedHop[], errorUrl: string): readonly ObservedHop[] {
  const last = hops[hops.length - 1];
  return hops.length > 1 && last !== undefined && isUnsent(last) && last.url !== errorUrl ? hops.slice(0, -1) : hops;
}

function withLastHop(hops: readonly ObservedHop[], fn: (hop: ObservedHop) => ObservedHop): ObservedHop[] {
  const last = hops[hops.length - 1];
  return last ? [...hops.slice(0, -1), fn(last)] : [...hops];
}

function headerValue(headers: readonly HeaderLine[], lowerName: string): string | null {
  return headers.find((h) => h.name.toLowerCase() === lowerName)?.value ?? null;
}
