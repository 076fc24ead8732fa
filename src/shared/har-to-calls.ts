// Turns a HAR document (Chrome DevTools "Save all as HAR" or Playwright's `recordHar`) into the
// ObservedCalls the checker reads, so a recorded session can be explained offline. Pure: the CLI
// reads the file, the panel could import one.
// HAR lists one entry per request: a redirect chain is several entries linked by `redirectURL`,
// and a preflight is an OPTIONS entry ahead of its actual request.
import { lowerAscii } from './cors/headers';
import { isSameOrigin, parseUrl } from './cors/url';
import type { HeaderLine, ObservedCall, ObservedHop, ObservedPreflight, ObservedResponse } from './observed-call';

/** A HAR that does not have the shape we read; `field` is a path such as `log.entries[3].request.url`. */
export class HarFormatError extends Error {
  constructor(
    readonly field: string,
    problem: string,
  ) {
    super(`${field}: ${problem}`);
    this.name = 'HarFormatError';
  }
}

interface HarEntry {
  readonly index: number;
  readonly method: string;
  readonly url: string;
  readonly requestHeaders: readonly HeaderLine[];
  readonly status: number;
  readonly responseHeaders: readonly HeaderLine[];
  readonly redirectUrl: string | null;
  readonly error: string | null;
  readonly resourceType: string | null;
  readonly fromCache: boolean;
  readonly ip: string | null;
  readonly startedAt: number;
  readonly endedAt: number | null;
  readonly pageUrl: string | null;
}

type Json = Record<string, unknown>;

function isObject(x: unknown): x is Json {
  return typeof x === 'object' && x !== null && !Array.isArray(x);
}

function objectAt(x: unknown, field: string): Json {
  if (!isObject(x)) throw new HarFormatError(field, 'expected an object');
  return x;
}

function arrayAt(x: unknown, field: string): readonly unknown[] {
  if (!Array.isArray(x)) throw new HarFormatError(field, 'expected an array');
  return x;
}

function stringAt(x: unknown, field: string): string {
  if (typeof x !== 'string') throw new HarFormatError(field, 'expected a string');
  return x;
}

function optionalString(x: unknown): string | null {
  return typeof x === 'string' && x !== '' ? x : null;
}

function headersAt(x: unknown, field: string): HeaderLine[] {
  if (x === undefined) return [];
  return arrayAt(x, field).flatMap((h, i) => {
    const header = objectAt(h, `${field}[${i}]`);
    const name = stringAt(header['name'], `${field}[${i}].name`);
    // HTTP/2 pseudo-headers (`:status`, `:authority`) are not header lines webRequest reports.
    if (name.startsWith(':')) return [];
    const value = header['value'];
    return [{ name, value: typeof value === 'string' || typeof value === 'number' ? String(value) : '' }];
  });
}

function timeOf(x: unknown): number {
  const t = typeof x === 'string' ? Date.parse(x) : NaN;
  return Number.isFinite(t) ? t : 0;
}

function pageUrls(log: Json): Map<string, string> {
  const pages = new Map<string, string>();
  if (log['pages'] === undefined) return pages;
  arrayAt(log['pages'], 'log.pages').forEach((p, i) => {
    const page = objectAt(p, `log.pages[${i}]`);
    const id = optionalString(page['id']);
    // Chrome puts the page URL in `title`; Playwright puts the document title there, so only a
    // value that parses as an http(s) URL counts.
    const url = optionalString(page['title']);
    if (id !== null && url !== null && /^https?:\/\//i.test(url)) pages.set(id, url);
  });
  return pages;
}

function readEntry(x: unknown, index: number, pages: ReadonlyMap<string, string>): HarEntry {
  const field = `log.entries[${index}]`;
  const entry = objectAt(x, field);
  const request = objectAt(entry['request'], `${field}.request`);
  const response = objectAt(entry['response'], `${field}.response`);
  const status = response['status'];
  if (typeof status !== 'number') throw new HarFormatError(`${field}.response.status`, 'expected a number');
  const startedAt = timeOf(entry['startedDateTime']);
  const time = entry['time'];
  const pageref = optionalString(entry['pageref']);
  const cache = optionalString(entry['_fromCache']);
  return {
    index,
    method: stringAt(request['method'], `${field}.request.method`).toUpperCase(),
    url: stringAt(request['url'], `${field}.request.url`),
    requestHeaders: headersAt(request['headers'], `${field}.request.headers`),
    status,
    responseHeaders: headersAt(response['headers'], `${field}.response.headers`),
    redirectUrl: optionalString(response['redirectURL']),
    // Chrome writes `_error`; CORS Lens's own export `response._error`; Playwright `response._failureText`.
    error: optionalString(entry['_error']) ?? optionalString(response['_error']) ?? optionalString(response['_failureText']),
    resourceType: optionalString(entry['_resourceType']),
    fromCache: cache !== null,
    ip: optionalString(entry['serverIPAddress']),
    startedAt,
    endedAt: typeof time === 'number' && time >= 0 ? startedAt + time : null,
    pageUrl: pageref === null ? null : (pages.get(pageref) ?? null),
  };
}

function header(lines: readonly HeaderLine[], name: string): string | null {
  const wanted = lowerAscii(name);
  return lines.find((h) => lowerAscii(h.name) === wanted)?.value ?? null;
}

function isPreflight(entry: HarEntry): boolean {
  return entry.method === 'OPTIONS' && header(entry.requestHeaders, 'Access-Control-Request-Method') !== null;
}

/** A failed entry has status 0 (Chrome) or -1 (Playwright): no response headers arrived. */
function responseOf(entry: HarEntry): ObservedResponse | null {
  if (entry.status <= 0) return null;
  return { status: entry.status, headers: entry.responseHeaders, fromCache: entry.fromCache, ip: entry.ip };
}

function errorOf(entry: HarEntry): string | null {
  return entry.error ?? (entry.status <= 0 ? 'net::ERR_FAILED' : null);
}

/** Location values may be relative; resolve the common forms against the request URL. */
function resolveRedirect(from: string, location: string): string {
  if (/^[a-z][a-z0-9+.-]*:/i.test(location)) return location;
  const origin = parseUrl(from)?.origin ?? '';
  if (location.startsWith('//')) return `${from.slice(0, from.indexOf(':') + 1)}${location}`;
  if (location.startsWith('/')) return `${origin}${location}`;
  return `${from.slice(0, from.lastIndexOf('/') + 1)}${location}`;
}

/** The page's origin: the Origin header of any request in the chain, else the page URL, else the
 * Referer. Browsers send Origin on every CORS request, so it is nearly always there. */
function initiatorOf(chain: readonly HarEntry[]): string | null {
  for (const entry of chain) {
    const origin = header(entry.requestHeaders, 'Origin');
    if (origin !== null) return origin;
  }
  const first = chain[0];
  if (first === undefined) return null;
  const fallback = first.pageUrl ?? header(first.requestHeaders, 'Referer');
  return fallback === null ? null : (parseUrl(fallback)?.origin ?? null);
}

/** Chrome's `_resourceType` names (`fetch`, `xhr`) mapped to webRequest's resource types. */
function webRequestType(resourceType: string | null): string {
  switch (resourceType) {
    case null:
    case 'fetch':
    case 'xhr':
      return 'xmlhttprequest';
    case 'document':
      return 'main_frame';
    case 'stylesheet':
      return 'stylesheet';
    default:
      return resourceType;
  }
}

/** Playwright records only the provisional headers of a request that got no response (no Origin,
 * no Accept), so they say nothing about what went on the wire: such a hop's headers are unknown. */
function sentHeaders(entry: HarEntry): readonly HeaderLine[] | null {
  const provisional = entry.status <= 0 && header(entry.requestHeaders, 'Origin') === null;
  return provisional ? null : entry.requestHeaders;
}

function toPreflight(entry: HarEntry): ObservedPreflight {
  return {
    requestId: `har-${entry.index}`,
    url: entry.url,
    requestHeaders: entry.requestHeaders,
    response: responseOf(entry),
    error: errorOf(entry),
    startedAt: entry.startedAt,
    endedAt: entry.endedAt,
  };
}

/** Entry indexes (ascending) under one key, and for each position a pointer toward the next one
 * that may still be unused. */
interface EntryList {
  readonly at: number[];
  readonly skip: number[];
}

/** The entries under each key. */
function indexBy(entries: readonly HarEntry[], key: (e: HarEntry) => string): Map<string, EntryList> {
  const index = new Map<string, EntryList>();
  for (const e of entries) {
    const k = key(e);
    const list = index.get(k);
    if (list === undefined) index.set(k, { at: [e.index], skip: [0] });
    else {
      list.skip.push(list.at.length);
      list.at.push(e.index);
    }
  }
  return index;
}

/** Position of the first number above `after` in an ascending list (binary search). */
function firstAbove(list: readonly number[], after: number): number {
  let lo = 0;
  let hi = list.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if ((list[mid] ?? Infinity) <= after) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** The first position from `from` whose entry is not in `used` (the list's length when none).
 * Entries only ever become used, so a used position is stepped over once and the path to the
 * answer is then shortened to one step (as union-find does): N preflights to one URL followed by
 * their N actual requests took quadratic time when each lookup walked past every pair before it. */
function firstUnused(list: EntryList, from: number, used: ReadonlySet<number>): number {
  const { at, skip } = list;
  let k = from;
  while (k < at.length) {
    if (skip[k] === k) {
      if (!used.has(at[k] ?? -1)) break;
      skip[k] = k + 1;
    }
    k = skip[k] ?? at.length;
  }
  for (let j = from; j < k; ) {
    const step = skip[j] ?? k;
    skip[j] = k;
    j = step;
  }
  return k;
}

/** Every cross-origin call in the HAR, in the order its first request started. `har` is the parsed
 * JSON document; throws HarFormatError naming the first field that has the wrong shape. */
export function harToCalls(har: unknown): ObservedCall[] {
  const log = objectAt(objectAt(har, '(root)')['log'], 'log');
  const pages = pageUrls(log);
  const entries = arrayAt(log['entries'], 'log.entries').map((e, i) => readEntry(e, i, pages));
  const used = new Set<number>();
  // Looked up by URL (and method), never by scanning: a HAR of 30,000 lone preflights took 17 s
  // when each one searched the whole list for its actual request.
  const byUrl = indexBy(entries, (e) => e.url);
  const byMethodUrl = indexBy(entries, (e) => `${e.method} ${e.url}`);

  /** The first unused entry after `after` among those listed under `key`. */
  const next = (index: ReadonlyMap<string, EntryList>, key: string, after: number): HarEntry | undefined => {
    const list = index.get(key);
    if (list === undefined) return undefined;
    const at = list.at[firstUnused(list, firstAbove(list.at, after), used)];
    return at === undefined ? undefined : entries[at];
  };

  const calls: ObservedCall[] = [];
  for (const first of entries) {
    if (used.has(first.index)) continue;
    used.add(first.index);
    const chain: HarEntry[] = [];
    const hops: ObservedHop[] = [];
    let preflight: HarEntry | null = null;
    let current: HarEntry | undefined = first;
    let method = first.method;
    // A leading preflight pairs with the next request to its URL using the method it announced;
    // when none follows, the preflight failed and the actual request never went out.
    if (isPreflight(first)) {
      preflight = first;
      const announced = (header(first.requestHeaders, 'Access-Control-Request-Method') ?? '').toUpperCase();
      method = announced;
      current = next(byMethodUrl, `${announced} ${first.url}`, first.index);
      if (current !== undefined) used.add(current.index);
    }
    let error: string | null = preflight === null ? null : errorOf(preflight);
    let ended = preflight?.endedAt ?? null;
    if (current === undefined && preflight !== null) {
      chain.push(preflight);
      hops.push({
        url: preflight.url,
        preflight: toPreflight(preflight),
        requestHeaders: null,
        response: null,
        redirectUrl: null,
        startedAt: preflight.startedAt,
        endedAt: preflight.endedAt,
      });
      error ??= 'net::ERR_FAILED';
    }
    while (current !== undefined) {
      const entry: HarEntry = current;
      chain.push(entry);
      const redirectUrl = entry.redirectUrl === null ? null : resolveRedirect(entry.url, entry.redirectUrl);
      hops.push({
        url: entry.url,
        preflight: preflight === null ? null : toPreflight(preflight),
        requestHeaders: sentHeaders(entry),
        response: responseOf(entry),
        redirectUrl,
        startedAt: entry.startedAt,
        endedAt: entry.endedAt,
      });
      error = errorOf(entry);
      ended = entry.endedAt;
      preflight = null;
      if (redirectUrl === null || entry.status <= 0) break;
      // The redirected request may be preflighted again (a cross-origin hop with unsafe headers).
      const followed = next(byUrl, redirectUrl, entry.index);
      if (followed === undefined) break;
      used.add(followed.index);
      if (isPreflight(followed)) {
        const announced = (header(followed.requestHeaders, 'Access-Control-Request-Method') ?? '').toUpperCase();
        preflight = followed;
        current = next(byMethodUrl, `${announced} ${redirectUrl}`, followed.index);
        if (current === undefined) {
          chain.push(followed);
          hops.push({
            url: followed.url,
            preflight: toPreflight(followed),
            requestHeaders: null,
            response: null,
            redirectUrl: null,
            startedAt: followed.startedAt,
            endedAt: followed.endedAt,
          });
          error = errorOf(followed) ?? 'net::ERR_FAILED';
          ended = followed.endedAt;
        } else {
          used.add(current.index);
        }
      } else {
        current = followed;
      }
    }
    const initiator = initiatorOf(chain);
    if (initiator === null || first.resourceType === 'document') continue;
    // Only cross-origin calls are CORS's business, as in the extension.
    const origin = parseUrl(initiator);
    if (hops.every((hop) => isSameOrigin(origin, parseUrl(hop.url)))) continue;
    calls.push({
      id: `har-${first.index}`,
      tabId: -1,
      frameId: 0,
      type: webRequestType(first.resourceType),
      method,
      initiator,
      hops,
      state: error === null ? 'completed' : 'errored',
      error,
      startedAt: first.startedAt,
      endedAt: ended,
    });
  }
  return calls;
}
