// Header-list helpers with Chromium's semantics: names compare ASCII-case-insensitively, repeated
// lines combine with ", " (HttpResponseHeaders::GetNormalizedHeader), values lose surrounding
// spaces and tabs, list items must be RFC 9110 tokens (net::HttpUtil::IsToken).
import type { HeaderLine } from '../observed-call';

/** ASCII-only lower-casing, as Chromium's base::ToLowerASCII (String#toLowerCase also folds
 * non-ASCII letters, which would make `Ä` match `ä` where Chromium does not). */
export function lowerAscii(s: string): string {
  let upper = false;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c >= 0x80) return s.replace(/[A-Z]+/g, (m) => m.toLowerCase());
    if (c >= 0x41 && c <= 0x5a) upper = true;
  }
  // Pure ASCII: the native lower-casing is the same and much faster.
  return upper ? s.toLowerCase() : s;
}

/** `name` equals `lowerName` ignoring ASCII case; `lowerName` must be lower-case. No allocation:
 * this runs for every header line on every lookup. */
export function equalsLowerAscii(name: string, lowerName: string): boolean {
  if (name.length !== lowerName.length) return false;
  for (let i = 0; i < name.length; i++) {
    let c = name.charCodeAt(i);
    if (c >= 0x41 && c <= 0x5a) c += 0x20;
    if (c !== lowerName.charCodeAt(i)) return false;
  }
  return true;
}

function isOws(c: number): boolean {
  return c === 0x20 || c === 0x09;
}

/** Strips leading and trailing spaces and tabs (HTTP's optional whitespace). */
export function trimOws(s: string): string {
  let start = 0;
  let end = s.length;
  while (start < end && isOws(s.charCodeAt(start))) start++;
  while (end > start && isOws(s.charCodeAt(end - 1))) end--;
  return start === 0 && end === s.length ? s : s.slice(start, end);
}

/** Byte length in UTF-8: Chromium's 128- and 1024-byte limits count bytes, not UTF-16 units. */
export function utf8Length(s: string): number {
  let n = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 0x80) n += 1;
    else if (c < 0x800) n += 2;
    else if (c >= 0xd800 && c <= 0xdbff && i + 1 < s.length) {
      const next = s.charCodeAt(i + 1);
      if (next >= 0xdc00 && next <= 0xdfff) {
        n += 4;
        i++;
      } else n += 3;
    } else n += 3;
  }
  return n;
}

/** All lines named `lowerName`, trimmed and joined with ", "; null when there is none. */
export function headerValue(lines: readonly HeaderLine[] | null, lowerName: string): string | null {
  if (lines === null) return null;
  let value: string | null = null;
  for (const line of lines) {
    if (!equalsLowerAscii(line.name, lowerName)) continue;
    const v = trimOws(line.value);
    value = value === null ? v : `${value}, ${v}`;
  }
  return value;
}

export function hasHeader(lines: readonly HeaderLine[] | null, lowerName: string): boolean {
  return headerValue(lines, lowerName) !== null;
}

/** One entry per lower-cased name, in first-seen order, repeated values joined with ", " (the
 * shape of Chromium's HttpRequestHeaders, which holds each name once). */
export function combineHeaders(lines: readonly HeaderLine[]): HeaderLine[] {
  const out: HeaderLine[] = [];
  const index = new Map<string, number>();
  for (const line of lines) {
    const name = lowerAscii(line.name);
    const value = trimOws(line.value);
    const at = index.get(name);
    const existing = at === undefined ? undefined : out[at];
    if (at === undefined || existing === undefined) {
      index.set(name, out.length);
      out.push({ name, value });
    } else {
      out[at] = { name, value: `${existing.value}, ${value}` };
    }
  }
  return out;
}

// tchar = "!" / "#" / "$" / "%" / "&" / "'" / "*" / "+" / "-" / "." / "^" / "_" / "`" / "|" / "~"
//       / DIGIT / ALPHA
const TOKEN = /^[!#$%&'*+\-.^_`|~0-9A-Za-z]+$/;

export function isToken(s: string): boolean {
  return TOKEN.test(s);
}

/** Visits the bounds of each comma-separated item, trimmed, empty ones skipped
 * (net::HttpUtil::ValuesIterator), until `visit` returns true; returns whether one did. Works in
 * place: splitting first would allocate every untrimmed piece, and this runs several times per verdict. */
function someListItem(value: string, visit: (start: number, end: number) => boolean): boolean {
  let from = 0;
  while (from <= value.length) {
    const comma = value.indexOf(',', from);
    const to = comma < 0 ? value.length : comma;
    let start = from;
    let end = to;
    while (start < end && isOws(value.charCodeAt(start))) start++;
    while (end > start && isOws(value.charCodeAt(end - 1))) end--;
    if (end > start && visit(start, end)) return true;
    from = to + 1;
  }
  return false;
}

/** Comma-separated items, trimmed, empty ones skipped. */
export function splitList(value: string): string[] {
  const items: string[] = [];
  someListItem(value, (start, end) => {
    items.push(end - start === value.length ? value : value.slice(start, end));
    return false;
  });
  return items;
}

/** Items of an Access-Control-Allow-Methods/-Headers value; null when one is not a token,
 * which is how Chromium decides Invalid{AllowMethods,AllowHeaders}PreflightResponse.
 * An absent header is an empty list. */
export function parseTokenList(value: string | null): string[] | null {
  if (value === null) return [];
  const items = splitList(value);
  for (const item of items) if (!isToken(item)) return null;
  return items;
}

/** Whether a comma-separated header value (e.g. Vary) lists `lowerToken`, ignoring case. */
export function listHasToken(value: string | null, lowerToken: string): boolean {
  if (value === null) return false;
  return someListItem(value, (start, end) => end - start === lowerToken.length && rangeEqualsLowerAscii(value, start, lowerToken));
}

/** `value` from `start` equals `lowerName` ignoring ASCII case, over lowerName's length. */
function rangeEqualsLowerAscii(value: string, start: number, lowerName: string): boolean {
  for (let i = 0; i < lowerName.length; i++) {
    let c = value.charCodeAt(start + i);
    if (c >= 0x41 && c <= 0x5a) c += 0x20;
    if (c !== lowerName.charCodeAt(i)) return false;
  }
  return true;
}

// Request and response headers that decide a CORS verdict, besides the Access-Control-* family.
const CORS_RELATED = new Set(['origin', 'vary', 'cookie', 'authorization', 'location', 'sec-fetch-mode']);

/** Whether the UI should highlight this header as part of the CORS exchange. */
export function isCorsHeaderName(name: string): boolean {
  const lower = lowerAscii(trimOws(name));
  return lower.startsWith('access-control-') || CORS_RELATED.has(lower);
}
