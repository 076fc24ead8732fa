// Just enough URL parsing for CORS: scheme, host, port, userinfo, origin. The URLs webRequest
// reports are already canonical (Chromium's GURL), so this does not re-implement a full URL
// parser; it must never throw, and returns null where Chromium would see an invalid URL.
// The global `URL` is not used: src/shared loads no DOM or Node types, and this runs in a hot path.
import { lowerAscii } from './headers';

export interface ParsedUrl {
  /** Lower-case scheme without the colon. */
  readonly scheme: string;
  /** Lower-case host ('' for non-special schemes, whose rest Chromium treats as an opaque path). */
  readonly host: string;
  /** '' when absent or the scheme's default. */
  readonly port: string;
  /** `user:pass@` (or just `user@`) present. */
  readonly hasCredentials: boolean;
  /** Serialized origin, or 'null' for opaque origins (non-special schemes, file:). */
  readonly origin: string;
}

const DEFAULT_PORTS: Readonly<Record<string, string>> = {
  http: '80',
  https: '443',
  ws: '80',
  wss: '443',
  ftp: '21',
  file: '',
};

function isAlpha(c: number): boolean {
  return (c >= 0x41 && c <= 0x5a) || (c >= 0x61 && c <= 0x7a);
}

function isDigit(c: number): boolean {
  return c >= 0x30 && c <= 0x39;
}

/** Index of the scheme's colon, or -1 when the string does not start with `scheme:`. */
function schemeEnd(s: string): number {
  if (s.length === 0 || !isAlpha(s.charCodeAt(0))) return -1;
  for (let i = 1; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c === 0x3a) return i;
    if (!(isAlpha(c) || isDigit(c) || c === 0x2b || c === 0x2d || c === 0x2e)) return -1;
  }
  return -1;
}

// Like GURL: tabs and newlines anywhere are dropped, C0 controls and spaces at the ends trimmed.
function cleanUrlString(input: string): string {
  const s = URL_WHITESPACE.test(input) ? input.replace(URL_WHITESPACE_ALL, '') : input;
  let start = 0;
  let end = s.length;
  while (start < end && s.charCodeAt(start) <= 0x20) start++;
  while (end > start && s.charCodeAt(end - 1) <= 0x20) end--;
  return start === 0 && end === s.length ? s : s.slice(start, end);
}

// Native scans: a character loop in script costs several times more over a whole URL.
const URL_WHITESPACE = /[\t\n\r]/;
const URL_WHITESPACE_ALL = /[\t\n\r]/g;

/** The lower-cased scheme ending at `colon`. http and https come back as constant strings, so the
 * DEFAULT_PORTS lookup does not have to look a freshly sliced string up by its characters. */
function schemeOf(s: string, colon: number): string {
  if (colon === 4 && startsWithLowerAscii(s, 'http')) return 'http';
  if (colon === 5 && startsWithLowerAscii(s, 'https')) return 'https';
  return lowerAscii(s.slice(0, colon));
}

function startsWithLowerAscii(s: string, lowerPrefix: string): boolean {
  for (let i = 0; i < lowerPrefix.length; i++) {
    let c = s.charCodeAt(i);
    if (c >= 0x41 && c <= 0x5a) c += 0x20;
    if (c !== lowerPrefix.charCodeAt(i)) return false;
  }
  return true;
}

// WHATWG forbidden host code points (plus '%', which Chromium rejects when it is not an escape).
function isForbiddenHostChar(c: number): boolean {
  if (c <= 0x20 || c === 0x7f) return true;
  switch (c) {
    case 0x23: // #
    case 0x25: // %
    case 0x2f: // /
    case 0x3a: // :
    case 0x3c: // <
    case 0x3e: // >
    case 0x3f: // ?
    case 0x40: // @
    case 0x5b: // [
    case 0x5c: // \
    case 0x5d: // ]
    case 0x5e: // ^
    case 0x7c: // |
      return true;
    default:
      return false;
  }
}

function validHost(host: string): boolean {
  if (host.startsWith('[')) return /^\[[0-9a-fA-F:.]+\]$/.test(host);
  for (let i = 0; i < host.length; i++) if (isForbiddenHostChar(host.charCodeAt(i))) return false;
  return true;
}

function normalizePort(port: string, scheme: string): string | null {
  if (port === '') return '';
  let start = 0;
  while (start < port.length - 1 && port.charCodeAt(start) === 0x30) start++;
  for (let i = start; i < port.length; i++) if (!isDigit(port.charCodeAt(i))) return null;
  const digits = start === 0 ? port : port.slice(start);
  if (digits.length > 5 || Number(digits) > 65535) return null;
  return digits === DEFAULT_PORTS[scheme] ? '' : digits;
}

function isAuthorityEnd(c: number): boolean {
  return c === 0x2f || c === 0x5c || c === 0x3f || c === 0x23; // / \ ? #
}

interface CachedAuthority {
  /** Scheme, colon, slashes and a valid authority, exactly as the URL spelled them. */
  readonly prefix: string;
  readonly parsed: ParsedUrl;
}

// A tab's calls come from a handful of origins, and the result depends only on the scheme and
// authority, so the last few of those prefixes are kept. A URL that starts with one, followed by
// a path, query, fragment or nothing, has that same authority: one native startsWith is far
// cheaper than scanning the authority and hashing it for a map.
const recent: CachedAuthority[] = [];
const RECENT_AUTHORITIES = 16;
let nextSlot = 0;

function recentlyParsed(s: string): ParsedUrl | undefined {
  for (const { prefix, parsed } of recent) {
    const end = prefix.length;
    if ((s.length === end || isAuthorityEnd(s.charCodeAt(end))) && s.startsWith(prefix)) return parsed;
  }
  return undefined;
}

function remember(prefix: string, parsed: ParsedUrl): void {
  recent[nextSlot] = { prefix, parsed };
  nextSlot = (nextSlot + 1) % RECENT_AUTHORITIES;
}

/** Parses an absolute URL; null when Chromium would consider it invalid (or it is relative). */
export function parseUrl(input: string): ParsedUrl | null {
  // Checked before cleaning: a match needs the raw input to start with a clean prefix and go on
  // with an authority end, and what cleaning would change after that leaves the authority alone.
  const known = recentlyParsed(input);
  if (known !== undefined) return known;
  const s = cleanUrlString(input);
  const colon = schemeEnd(s);
  if (colon < 0) return null;
  const scheme = schemeOf(s, colon);
  const defaultPort = DEFAULT_PORTS[scheme];
  if (defaultPort === undefined) {
    // Chromium keeps non-standard schemes as opaque paths: no host, no userinfo, opaque origin.
    return { scheme, host: '', port: '', hasCredentials: false, origin: 'null' };
  }
  let i = colon + 1;
  while (i < s.length && (s.charCodeAt(i) === 0x2f || s.charCodeAt(i) === 0x5c)) i++;
  let end = i;
  while (end < s.length && !isAuthorityEnd(s.charCodeAt(end))) end++;
  const parsed = parseAuthority(scheme, s.slice(i, end));
  // Kept only when valid and not empty: an empty authority's prefix ends in the slashes, which a
  // longer run of slashes would wrongly match, and an invalid one may end in a space that
  // cleaning would trim from another URL.
  if (parsed !== null && end > i) remember(s.slice(0, end), parsed);
  return parsed;
}

function parseAuthority(scheme: string, authority: string): ParsedUrl | null {
  const at = authority.lastIndexOf('@');
  const userinfo = at < 0 ? '' : authority.slice(0, at);
  const hostPort = at < 0 ? authority : authority.slice(at + 1);
  let host = hostPort;
  let port = '';
  const bracket = hostPort.lastIndexOf(']');
  const portColon = hostPort.lastIndexOf(':');
  if (portColon > bracket) {
    host = hostPort.slice(0, portColon);
    port = hostPort.slice(portColon + 1);
  }
  const normalizedPort = normalizePort(port, scheme);
  if (normalizedPort === null) return null;
  if (host === '' ? scheme !== 'file' : !validHost(host)) return null;
  const lowerHost = lowerAscii(host);
  return {
    scheme,
    host: lowerHost,
    port: normalizedPort,
    hasCredentials: userinfo !== '' && userinfo !== ':',
    origin: scheme === 'file' ? 'null' : `${scheme}://${lowerHost}${normalizedPort ? `:${normalizedPort}` : ''}`,
  };
}

/** GURL's notion of "valid", used for the InvalidAllowOriginValue vs AllowOriginMismatch split. */
export function isValidUrl(value: string): boolean {
  return parseUrl(value) !== null;
}

export function isHttpScheme(url: ParsedUrl | null): boolean {
  return url !== null && (url.scheme === 'http' || url.scheme === 'https');
}

/** Same origin in the HTML sense: opaque origins ('null') are never the same as anything. */
export function isSameOrigin(a: ParsedUrl | null, b: ParsedUrl | null): boolean {
  return a !== null && b !== null && a.origin !== 'null' && a.origin === b.origin;
}

/** Resolves a Location header value against the URL it came from (only the origin matters here). */
export function resolveLocation(location: string, base: string): string {
  const s = cleanUrlString(location);
  if (schemeEnd(s) >= 0) return s;
  const baseUrl = cleanUrlString(base);
  const baseColon = schemeEnd(baseUrl);
  if (baseColon < 0) return s;
  if (s.startsWith('//') || s.startsWith('\\\\')) return `${baseUrl.slice(0, baseColon + 1)}${s}`;
  // Path-relative and query-only references keep the base's origin and carry no userinfo.
  const parsed = parseUrl(baseUrl);
  if (parsed === null || parsed.origin === 'null') return baseUrl;
  return `${parsed.origin}${s.startsWith('/') ? '' : '/'}${s}`;
}
