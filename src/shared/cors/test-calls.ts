// Test-only: compact builders for ObservedCall fixtures shaped like what the worker records with
// `extraHeaders` (browser-added headers included). Imported by *.test.ts files only.
import type {
  HeaderLine,
  ObservedCall,
  ObservedHop,
  ObservedPreflight,
  ObservedResponse,
} from '../observed-call';

export const PAGE = 'https://app.example';
export const API = 'https://api.example/v1/items';

/** Headers as `[name, value]` pairs (repeats allowed) or a record (one line per name). */
export type HeaderSpec = readonly (readonly [string, string])[] | Readonly<Record<string, string>>;

export function lines(spec: HeaderSpec): HeaderLine[] {
  const pairs: readonly (readonly [string, string])[] = Array.isArray(spec)
    ? (spec as readonly (readonly [string, string])[])
    : Object.entries(spec);
  return pairs.map(([name, value]) => ({ name, value }));
}

/** What Chromium itself adds to a cross-origin fetch; none of it may count as author headers. */
export function browserHeaders(origin: string = PAGE, mode = 'cors'): HeaderLine[] {
  return lines([
    ['Host', 'api.example'],
    ['Connection', 'keep-alive'],
    ['sec-ch-ua', '"Chromium";v="156", "Not.A/Brand";v="99"'],
    ['sec-ch-ua-mobile', '?0'],
    ['User-Agent', 'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/156.0.0.0'],
    ['Accept', '*/*'],
    ['Origin', origin],
    ['Sec-Fetch-Site', 'cross-site'],
    ['Sec-Fetch-Mode', mode],
    ['Sec-Fetch-Dest', 'empty'],
    ['Referer', `${PAGE}/`],
    ['Accept-Encoding', 'gzip, deflate, br, zstd'],
    ['Accept-Language', 'en-US,en;q=0.9'],
  ]);
}

export function response(status: number, headers: HeaderSpec = {}): ObservedResponse {
  return { status, headers: lines(headers), fromCache: false, ip: '203.0.113.7' };
}

/** A response that passes CheckAccess for `origin` without credentials. */
export function okResponse(extra: HeaderSpec = {}, origin: string = PAGE): ObservedResponse {
  return response(200, [['Access-Control-Allow-Origin', origin], ...lines(extra).map((l) => [l.name, l.value] as const)]);
}

export interface PreflightSpec {
  readonly url?: string;
  readonly method?: string;
  /** Access-Control-Request-Headers; omitted when undefined. */
  readonly requestHeaders?: string;
  readonly origin?: string;
  readonly response?: ObservedResponse | null;
  readonly error?: string | null;
}

export function preflight(spec: PreflightSpec = {}): ObservedPreflight {
  const requestHeaders = lines([
    ['Accept', '*/*'],
    ['Access-Control-Request-Method', spec.method ?? 'PUT'],
    ...(spec.requestHeaders === undefined ? [] : [['Access-Control-Request-Headers', spec.requestHeaders] as const]),
    ['Origin', spec.origin ?? PAGE],
    ['Sec-Fetch-Mode', 'cors'],
    ['User-Agent', 'Mozilla/5.0'],
  ]);
  return {
    requestId: 'pf-1',
    url: spec.url ?? API,
    requestHeaders,
    response: spec.response === undefined ? preflightOk() : spec.response,
    error: spec.error ?? null,
    startedAt: 1,
    endedAt: 2,
  };
}

/** A preflight response allowing PUT/PATCH/DELETE and the usual headers for `origin`. */
export function preflightOk(extra: HeaderSpec = {}, origin: string = PAGE): ObservedResponse {
  return response(204, [
    ['Access-Control-Allow-Origin', origin],
    ['Access-Control-Allow-Methods', 'GET, POST, PUT, PATCH, DELETE'],
    ['Access-Control-Allow-Headers', 'Content-Type, Authorization, X-Token'],
    ['Access-Control-Max-Age', '600'],
    ...lines(extra).map((l) => [l.name, l.value] as const),
  ]);
}

export interface HopSpec {
  readonly url?: string;
  readonly preflight?: ObservedPreflight | null;
  /** Author headers added to browserHeaders(); null = the hop never reached the network. */
  readonly request?: HeaderSpec | null;
  /** Replace the browser headers entirely. */
  readonly rawRequest?: readonly HeaderLine[];
  readonly origin?: string;
  readonly mode?: string;
  readonly response?: ObservedResponse | null;
  readonly redirectUrl?: string | null;
}

export function hop(spec: HopSpec = {}): ObservedHop {
  const requestHeaders =
    spec.rawRequest ??
    (spec.request === null ? null : [...browserHeaders(spec.origin, spec.mode), ...lines(spec.request ?? {})]);
  return {
    url: spec.url ?? API,
    preflight: spec.preflight ?? null,
    requestHeaders,
    response: spec.response === undefined ? (requestHeaders === null ? null : okResponse()) : spec.response,
    redirectUrl: spec.redirectUrl ?? null,
    startedAt: 2,
    endedAt: 3,
  };
}

export interface CallSpec {
  readonly method?: string;
  readonly initiator?: string;
  readonly type?: string;
  readonly hops?: readonly ObservedHop[];
  readonly state?: ObservedCall['state'];
  readonly error?: string | null;
}

/** A completed call by default; `blocked()` for the ERR_FAILED shape of a CORS block. */
export function observedCall(spec: CallSpec = {}): ObservedCall {
  const state = spec.state ?? 'completed';
  return {
    id: 'req-1',
    tabId: 7,
    frameId: 0,
    type: spec.type ?? 'xmlhttprequest',
    method: spec.method ?? 'GET',
    initiator: spec.initiator ?? PAGE,
    hops: spec.hops ?? [hop()],
    state,
    error: spec.error === undefined ? (state === 'errored' ? 'net::ERR_FAILED' : null) : spec.error,
    startedAt: 1,
    endedAt: state === 'in-flight' ? null : 4,
  };
}

export function blocked(spec: Omit<CallSpec, 'state' | 'error'> = {}): ObservedCall {
  return observedCall({ ...spec, state: 'errored', error: 'net::ERR_FAILED' });
}

/** A redirect hop: `status` + Location, followed to `to`. */
export function redirectHop(from: string, to: string, status = 302, extra: HeaderSpec = {}, followed = true): ObservedHop {
  return hop({
    url: from,
    response: response(status, [['Location', to], ...lines(extra).map((l) => [l.name, l.value] as const)]),
    redirectUrl: followed ? to : null,
  });
}
