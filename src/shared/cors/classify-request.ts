// Does a request need a CORS preflight, and which of its headers are CORS-unsafe? Follows
// Chromium (services/network/public/cpp/cors/cors.cc IsCorsSafelistedHeader and
// services/network/cors/cors_util.cc CorsUnsafeNotForbiddenRequestHeaderNames), which safelists
// more than the Fetch standard (client hints, Intervention) and skips headers the browser adds.
import type { HeaderLine } from '../observed-call';
import { lowerAscii, splitList, trimOws, utf8Length } from './headers';

export interface RequestClass {
  /** The method is not GET, HEAD or POST (compared ignoring case, as Chromium does). */
  readonly unsafeMethod: boolean;
  /** CORS-unsafe header names, lower-cased, sorted: what Access-Control-Request-Headers carries. */
  readonly unsafeHeaders: readonly string[];
  /** The same names in the order Chromium checks them against Access-Control-Allow-Headers. */
  readonly unsafeHeadersInOrder: readonly string[];
  readonly preflightRequired: boolean;
}

export function isCorsSafelistedMethod(method: string): boolean {
  if (method === 'GET' || method === 'HEAD' || method === 'POST') return true;
  // ASCII-only, like base::ToUpperASCII: String#toUpperCase would turn `poſt` into `POST`.
  return equalsUpperAscii(method, 'GET') || equalsUpperAscii(method, 'HEAD') || equalsUpperAscii(method, 'POST');
}

/** `s` upper-cased in ASCII only equals `upper`; no allocation (this runs for every hop). */
function equalsUpperAscii(s: string, upper: string): boolean {
  if (s.length !== upper.length) return false;
  for (let i = 0; i < s.length; i++) {
    let c = s.charCodeAt(i);
    if (c >= 0x61 && c <= 0x7a) c -= 0x20;
    if (c !== upper.charCodeAt(i)) return false;
  }
  return true;
}

// net::HttpUtil::IsSafeHeader: names only the browser may set. webRequest shows them (with
// extraHeaders), but script cannot have set them, so Chromium leaves them out of the decision.
const FORBIDDEN_NAMES = new Set([
  'accept-charset',
  'accept-encoding',
  'access-control-request-headers',
  'access-control-request-method',
  'connection',
  'content-length',
  'cookie',
  'cookie2',
  'date',
  'dnt',
  'expect',
  'host',
  'keep-alive',
  'origin',
  'referer',
  'set-cookie',
  'te',
  'trailer',
  'transfer-encoding',
  'upgrade',
  'user-agent', // no longer forbidden by Fetch, still skipped by Chromium (crbug.com/571722)
  'via',
]);
const METHOD_OVERRIDE_NAMES = new Set(['x-http-method', 'x-http-method-override', 'x-method-override']);
const FORBIDDEN_METHODS = new Set(['connect', 'trace', 'track']);
// The names isCorsSafelistedRequestHeader knows (its switch below).
const SAFELISTED_NAMES = [
  'accept',
  'accept-language',
  'content-language',
  'content-type',
  'range',
  'intervention',
  'device-memory',
  'dpr',
  'downlink',
  'width',
  'viewport-width',
  'rtt',
  'ect',
  'save-data',
];

function isForbiddenName(lowerName: string): boolean {
  return lowerName.startsWith('proxy-') || lowerName.startsWith('sec-') || FORBIDDEN_NAMES.has(lowerName);
}

/** `lowerName` must already be lower-case. */
export function isForbiddenRequestHeader(lowerName: string, value: string): boolean {
  return isForbiddenName(lowerName) || overridesToForbiddenMethod(lowerName, value);
}

/** X-HTTP-Method and its kin naming CONNECT, TRACE or TRACK make a header forbidden. */
function overridesToForbiddenMethod(lowerName: string, value: string): boolean {
  if (!METHOD_OVERRIDE_NAMES.has(lowerName)) return false;
  for (const method of splitList(value)) if (FORBIDDEN_METHODS.has(lowerAscii(method))) return true;
  return false;
}

// https://fetch.spec.whatwg.org/#cors-unsafe-request-header-byte
function hasUnsafeByte(value: string): boolean {
  for (let i = 0; i < value.length; i++) {
    const c = value.charCodeAt(i);
    if ((c < 0x20 && c !== 0x09) || c === 0x7f) return true;
    switch (c) {
      case 0x22: // "
      case 0x28: // (
      case 0x29: // )
      case 0x3a: // :
      case 0x3c: // <
      case 0x3e: // >
      case 0x3f: // ?
      case 0x40: // @
      case 0x5b: // [
      case 0x5c: // \
      case 0x5d: // ]
      case 0x7b: // {
      case 0x7d: // }
        return true;
    }
  }
  return false;
}

const LANGUAGE_VALUE = /^[0-9A-Za-z *,\-.;=]*$/;
const SAFELISTED_MIME = new Set(['application/x-www-form-urlencoded', 'multipart/form-data', 'text/plain']);

// Chromium lower-cases, rejects unsafe bytes (so `charset="utf-8"` fails on the quote), then
// parses type/subtype before the first ';'. A comma (two combined values) cannot parse.
function isSafelistedContentType(value: string): boolean {
  const lower = lowerAscii(value);
  if (hasUnsafeByte(lower)) return false;
  const semicolon = lower.indexOf(';');
  const essence = semicolon < 0 ? lower : lower.slice(0, semicolon);
  // Chromium also requires exactly one '/' with a token on each side, once whitespace before the
  // type and after the subtype is gone; the three safelisted types all pass that, so looking the
  // trimmed essence up decides alone, without splitting it or testing the tokens.
  return SAFELISTED_MIME.has(trimMimeWhitespace(essence));
}

function isMimeWhitespace(c: number): boolean {
  return c === 0x20 || (c >= 0x09 && c <= 0x0d); // space, \t \n \v \f \r
}

function trimMimeWhitespace(s: string): string {
  let start = 0;
  let end = s.length;
  while (start < end && isMimeWhitespace(s.charCodeAt(start))) start++;
  while (end > start && isMimeWhitespace(s.charCodeAt(end - 1))) end--;
  return start === 0 && end === s.length ? s : s.slice(start, end);
}

const INT64_MAX = '9223372036854775807';

function fitsInt64(digits: string): boolean {
  const d = digits.replace(/^0+(?=\d)/, '');
  return d.length < INT64_MAX.length || (d.length === INT64_MAX.length && d <= INT64_MAX);
}

function compareDigits(a: string, b: string): number {
  const x = a.replace(/^0+(?=\d)/, '');
  const y = b.replace(/^0+(?=\d)/, '');
  if (x.length !== y.length) return x.length - y.length;
  return x < y ? -1 : x > y ? 1 : 0;
}

// https://fetch.spec.whatwg.org/#simple-range-header-value: `bytes=N-` or `bytes=N-M`, one range,
// no whitespace, no suffix range, N <= M.
function isSimpleRange(value: string): boolean {
  const m = /^bytes=(\d+)-(\d*)$/.exec(lowerAscii(value));
  if (m === null) return false;
  const first = m[1] ?? '';
  const last = m[2] ?? '';
  if (!fitsInt64(first)) return false;
  if (last === '') return true;
  return fitsInt64(last) && compareDigits(first, last) <= 0;
}

const MAX_SAFELISTED_BYTES = 128;
const MAX_SAFELISTED_TOTAL_BYTES = 1024;

const DECIMAL = /^\d+(\.\d+)?$/;
const DIGITS = /^\d+$/;
// network::kWebEffectiveConnectionTypeMapping; matched case-sensitively.
const ECT_VALUES = new Set(['slow-2g', '2g', '3g', '4g']);

/** Chromium's IsCorsSafelistedHeader. `lowerName` must already be lower-case. */
export function isCorsSafelistedRequestHeader(lowerName: string, value: string): boolean {
  // A UTF-16 unit is at most 3 UTF-8 bytes, so short values need no byte count.
  if (value.length > MAX_SAFELISTED_BYTES / 3 && utf8Length(value) > MAX_SAFELISTED_BYTES) return false;
  switch (lowerName) {
    case 'accept':
      return !hasUnsafeByte(value);
    case 'accept-language':
    case 'content-language':
      return LANGUAGE_VALUE.test(value);
    case 'content-type':
      return isSafelistedContentType(value);
    case 'range':
      return isSimpleRange(value);
    case 'intervention':
      return true;
    case 'device-memory':
    case 'dpr':
    case 'downlink':
      return DECIMAL.test(value);
    case 'width':
    case 'viewport-width':
    case 'rtt':
      return DIGITS.test(value);
    case 'ect':
      return ECT_VALUES.has(value);
    case 'save-data':
      return lowerAscii(value) === 'on';
    default:
      // Chromium also lists sec-ch-* hints here, but those are forbidden names and never reach this.
      return false;
  }
}

// Header names repeat from one request to the next, so each spelling's lower-case form is kept.
// Names this module knows map to its own constant strings, which the Sets and the switch above
// then compare by reference rather than character by character. Bounded: emptied when full.
const KNOWN_NAMES = new Map<string, string>(
  [...FORBIDDEN_NAMES, ...METHOD_OVERRIDE_NAMES, ...SAFELISTED_NAMES].map((name) => [name, name]),
);
const lowerNames = new Map<string, string>();
const MAX_LOWER_NAMES = 1024;

function lowerName(name: string): string {
  let lower = lowerNames.get(name);
  if (lower === undefined) {
    const fresh = lowerAscii(name);
    lower = KNOWN_NAMES.get(fresh) ?? fresh;
    if (lowerNames.size >= MAX_LOWER_NAMES) lowerNames.clear();
    lowerNames.set(name, lower);
  }
  return lower;
}

/** Chromium's CorsUnsafeNotForbiddenRequestHeaderNames, in its order: unsafe headers in request
 * order, then, if the safelisted values add up to more than 1024 bytes, the safelisted ones too. */
export function corsUnsafeRequestHeaderNames(lines: readonly HeaderLine[]): string[] {
  // Combine repeated lines as Chromium's header map holds them, skipping the many browser-added
  // names first: what is left is a handful of entries, so a linear search beats a Map here.
  const names: string[] = [];
  const values: string[] = [];
  for (const line of lines) {
    const name = lowerName(line.name);
    if (isForbiddenName(name)) continue;
    const value = trimOws(line.value);
    const at = names.indexOf(name);
    if (at < 0) {
      names.push(name);
      values.push(value);
    } else {
      values[at] = `${values[at] ?? ''}, ${value}`;
    }
  }
  const unsafe: string[] = [];
  const safelisted: string[] = [];
  const safelistedValues: string[] = [];
  for (let i = 0; i < names.length; i++) {
    const name = names[i] ?? '';
    const value = values[i] ?? '';
    // Forbidden names were skipped above.
    if (overridesToForbiddenMethod(name, value)) continue;
    if (isCorsSafelistedRequestHeader(name, value)) {
      safelisted.push(name);
      safelistedValues.push(value);
    } else {
      unsafe.push(name);
    }
  }
  return exceedsSafelistedTotal(safelistedValues) ? unsafe.concat(safelisted) : unsafe;
}

function exceedsSafelistedTotal(values: readonly string[]): boolean {
  // Each safelisted value is at most 128 bytes, so fewer than nine cannot exceed 1024.
  if (values.length * MAX_SAFELISTED_BYTES <= MAX_SAFELISTED_TOTAL_BYTES) return false;
  let bytes = 0;
  for (const value of values) bytes += utf8Length(value);
  return bytes > MAX_SAFELISTED_TOTAL_BYTES;
}

function classify(method: string, inOrder: readonly string[]): RequestClass {
  const unsafeMethod = !isCorsSafelistedMethod(method);
  const sorted = [...inOrder].sort();
  return {
    unsafeMethod,
    unsafeHeaders: sorted,
    unsafeHeadersInOrder: inOrder,
    preflightRequired: unsafeMethod || sorted.length > 0,
  };
}

/** Classifies a request from the method and the headers seen on the wire. */
export function classifyRequest(method: string, lines: readonly HeaderLine[]): RequestClass {
  return classify(method, corsUnsafeRequestHeaderNames(lines));
}

/** Classifies from a preflight's Access-Control-Request-Method/-Headers, which Chromium computed
 * itself and are therefore authoritative (absent Access-Control-Request-Headers = none). */
export function classifyFromPreflight(requestMethod: string, requestHeaders: string | null): RequestClass {
  const names = requestHeaders === null ? [] : splitList(requestHeaders).map(lowerAscii);
  return classify(requestMethod, [...new Set(names)]);
}
