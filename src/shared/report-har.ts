// The calls as a HAR 1.2 log, loadable by Chrome DevTools' Network > Import HAR. Each preflight and
// each hop of the actual request is its own entry (as Chromium lists them), tagged with `_corsLens`.
import type { Caller } from './caller';
import { checkCall } from './cors/checker';
import { headerValue } from './cors/headers';
import type { CorsErrorStatus, Outcome } from './cors/types';
import type { HeaderLine, ObservedCall, ObservedResponse } from './observed-call';
import { trialNote } from './report';

export interface HarCreator {
  readonly name: string;
  readonly version: string;
}

export interface HarNameValue {
  readonly name: string;
  readonly value: string;
}

export interface HarRequest {
  readonly method: string;
  readonly url: string;
  readonly httpVersion: string;
  readonly headers: readonly HarNameValue[];
  readonly queryString: readonly HarNameValue[];
  readonly cookies: readonly HarNameValue[];
  readonly headersSize: -1;
  readonly bodySize: -1;
}

export interface HarResponse {
  readonly status: number;
  readonly statusText: string;
  readonly httpVersion: string;
  readonly headers: readonly HarNameValue[];
  readonly cookies: readonly HarNameValue[];
  readonly content: { readonly size: 0; readonly mimeType: string };
  readonly redirectURL: string;
  readonly headersSize: -1;
  readonly bodySize: -1;
  /** Chromium's own extension field for a request that failed without an HTTP answer. */
  readonly _error?: string;
}

export type HarRole = 'preflight' | 'actual' | 'redirect';

export interface HarEntry {
  readonly startedDateTime: string;
  readonly time: number;
  readonly request: HarRequest;
  readonly response: HarResponse;
  readonly cache: Record<string, never>;
  readonly timings: { readonly send: number; readonly wait: number; readonly receive: number };
  /** Where Chrome's own HAR export puts a request's net error (net::ERR_FAILED for a CORS block),
   * so `cors-lens explain` and other readers see the call failed even though it had an answer. */
  readonly _error?: string;
  readonly _corsLens: {
    readonly callId: string;
    readonly role: HarRole;
    readonly outcome: Outcome;
    readonly corsError: CorsErrorStatus | null;
    readonly explanation: string;
    /** Set when a CORS Lens trial rule changed this call's response headers (Try this fix). */
    readonly trial: string | null;
    /** Who made the call (report.ts ReportCall.caller). */
    readonly caller: Caller;
  };
}

export interface Har {
  readonly log: {
    readonly version: '1.2';
    readonly creator: HarCreator;
    /** Optional in HAR 1.2, but older DevTools importers iterate it unguarded. */
    readonly pages: readonly never[];
    readonly entries: readonly HarEntry[];
  };
}

// webRequest does not report the protocol; DevTools' importer accepts any string here.
const HTTP_VERSION = 'HTTP/1.1';
const NOT_SENT = 'net::ERR_FAILED';

const STATUS_TEXT: Readonly<Record<number, string>> = {
  200: 'OK',
  201: 'Created',
  204: 'No Content',
  301: 'Moved Permanently',
  302: 'Found',
  303: 'See Other',
  307: 'Temporary Redirect',
  308: 'Permanent Redirect',
  400: 'Bad Request',
  401: 'Unauthorized',
  403: 'Forbidden',
  404: 'Not Found',
  405: 'Method Not Allowed',
  500: 'Internal Server Error',
  502: 'Bad Gateway',
  503: 'Service Unavailable',
};

function nameValues(lines: readonly HeaderLine[] | null | undefined): HarNameValue[] {
  return (lines ?? []).map((h) => ({ name: h.name, value: h.value }));
}

function decode(s: string): string {
  try {
    return decodeURIComponent(s.replace(/\+/g, ' '));
  } catch {
    return s;
  }
}

// Parsed by hand: src/shared loads no DOM or Node types, so the URL class is not available.
function queryString(url: string): HarNameValue[] {
  const query = /\?([^#]*)/.exec(url)?.[1] ?? '';
  return query
    .split('&')
    .filter((part) => part !== '')
    .map((part) => {
      const eq = part.indexOf('=');
      return eq < 0 ? { name: decode(part), value: '' } : { name: decode(part.slice(0, eq)), value: decode(part.slice(eq + 1)) };
    });
}

function harRequest(method: string, url: string, headers: readonly HeaderLine[] | null): HarRequest {
  return {
    method,
    url,
    httpVersion: HTTP_VERSION,
    headers: nameValues(headers),
    queryString: queryString(url),
    cookies: [],
    headersSize: -1,
    bodySize: -1,
  };
}

function harResponse(res: ObservedResponse | null, redirectURL: string, error: string | null): HarResponse {
  const base = {
    statusText: res === null ? '' : (STATUS_TEXT[res.status] ?? ''),
    httpVersion: res === null ? '' : HTTP_VERSION,
    headers: nameValues(res?.headers),
    cookies: [],
    content: { size: 0, mimeType: headerValue(res?.headers ?? null, 'content-type') ?? 'x-unknown' },
    redirectURL,
    headersSize: -1,
    bodySize: -1,
  } as const;
  if (res === null) return { ...base, status: 0, _error: error ?? NOT_SENT };
  return { ...base, status: res.status };
}

function timing(startedAt: number, endedAt: number | null): Pick<HarEntry, 'startedDateTime' | 'time' | 'timings'> {
  const time = endedAt === null ? 0 : Math.max(0, endedAt - startedAt);
  return { startedDateTime: new Date(startedAt).toISOString(), time, timings: { send: 0, wait: time, receive: 0 } };
}

function entriesFor(call: ObservedCall): HarEntry[] {
  const verdict = checkCall(call);
  const tag = (role: HarRole): HarEntry['_corsLens'] => ({
    callId: call.id,
    role,
    outcome: verdict.outcome,
    corsError: verdict.corsError,
    explanation: verdict.explanation,
    trial: call.trial === undefined ? null : trialNote(verdict.outcome),
    caller: call.caller ?? 'page',
  });
  const out: HarEntry[] = [];
  call.hops.forEach((hop, i) => {
    const pf = hop.preflight;
    if (pf !== null) {
      out.push({
        ...timing(pf.startedAt, pf.endedAt),
        request: harRequest('OPTIONS', pf.url, pf.requestHeaders),
        response: harResponse(pf.response, '', pf.error),
        cache: {},
        _corsLens: tag('preflight'),
      });
    }
    const error = hop.response === null && call.state !== 'in-flight' ? (call.error ?? NOT_SENT) : null;
    const failedAfterAnswer = call.state === 'errored' && hop.response !== null && i === call.hops.length - 1;
    out.push({
      ...timing(hop.startedAt, hop.endedAt),
      request: harRequest(call.method, hop.url, hop.requestHeaders),
      response: harResponse(hop.response, hop.redirectUrl ?? '', error ?? 'pending'),
      cache: {},
      ...(failedAfterAnswer ? { _error: call.error ?? NOT_SENT } : {}),
      _corsLens: tag(i === 0 ? 'actual' : 'redirect'),
    });
  });
  return out;
}

/** One entry per preflight and per hop; the first hop is 'actual', each followed redirect 'redirect'. */
export function reportHar(calls: readonly ObservedCall[], creator: HarCreator): Har {
  return { log: { version: '1.2', creator: { name: creator.name, version: creator.version }, pages: [], entries: calls.flatMap(entriesFor) } };
}
