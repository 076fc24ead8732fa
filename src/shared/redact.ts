// Exports leave the browser (bug tickets, HAR files, pasted commands), so every one of them passes
// through `redactCalls` or `redactHop`: secret header values and secrets in URLs are masked unless
// the user asks to keep them. Masking keeps the shape the checker reads (a header is still present,
// a URL still has its userinfo), so a redacted call gets the same verdict as the original.
import { lowerAscii } from './cors/headers';
import type { HeaderLine, ObservedCall, ObservedHop, ObservedResponse } from './observed-call';

export const REDACTED = '<redacted>';
/** What stands for a secret inside a URL: plain letters, so the URL stays a URL. */
export const URL_REDACTED = 'redacted';

/** Whole header and URL parameter names whose values are credentials. `code` is an OAuth code
 * only as a whole name: `error_code` or `X-Status-Code` are not secrets. */
const SECRET_NAMES: ReadonlySet<string> = new Set(['cookie', 'cookie2', 'set-cookie', 'set-cookie2', 'code', 'sig']);

/** A name whose last word is one of these holds a secret: X-Api-Key, accessToken, X-Session,
 * X-Auth, DPoP, connect.sid, token[]. A word, not a substring: `monkey` and `Keyboard` stay. */
const SECRET_WORDS: ReadonlySet<string> = new Set([
  'token',
  'secret',
  'key',
  'apikey',
  'signature',
  'password',
  'passwd',
  'pwd',
  'session',
  'sessionid',
  'sessid',
  'jsessionid',
  'phpsessid',
  'sid',
  'jwt',
  'auth',
  'authentication',
  'authorization',
  'dpop',
]);

/** Words written glued to these still name a secret: csrftoken, accesstoken, clientsecret. No
 * everyday word ends so (unlike `key`: monkey, hockey). */
const GLUED_SECRET = /(token|secret|password)$/;

/** Headers whose value is a URL, or holds URLs, that may carry a token of their own. */
const URL_VALUE_HEADERS: ReadonlyMap<string, (value: string, extraNames: readonly string[]) => string> = new Map([
  ['location', redactReference],
  ['content-location', redactReference],
  ['referer', redactReference],
  ['link', redactLinkValue],
  ['refresh', redactRefreshValue],
]);

export interface RedactOptions {
  /** The user's one opt-in: keep every value as captured. */
  readonly keepSecrets?: boolean;
  /** More names to mask (headers and URL parameters), as the user typed them; any case. */
  readonly extraNames?: readonly string[];
}

/** Whether a list of lower-case words, read from the end, names a secret. */
function endsInSecret(words: readonly string[]): boolean {
  const last = words.at(-1);
  if (last === undefined) return false;
  return SECRET_WORDS.has(last) || GLUED_SECRET.test(last) || (last === 'id' && words.at(-2) === 'session');
}

const isUpper = (c: number): boolean => c >= 0x41 && c <= 0x5a;
const isLower = (c: number): boolean => c >= 0x61 && c <= 0x7a;
const isDigit = (c: number): boolean => c >= 0x30 && c <= 0x39;

/** `CSRFToken` → CSRF, Token; `sessionId` → session, Id. A loop, not regexes: a header name can
 * be a megabyte of capitals, and backtracking over it would take minutes. */
function humps(part: string): string[] {
  const words: string[] = [];
  let start = 0;
  for (let i = 1; i < part.length; i++) {
    const prev = part.charCodeAt(i - 1);
    const cur = part.charCodeAt(i);
    const hump = isUpper(cur) && (isLower(prev) || isDigit(prev) || (isUpper(prev) && isLower(part.charCodeAt(i + 1))));
    if (hump) {
      words.push(part.slice(start, i));
      start = i;
    }
  }
  words.push(part.slice(start));
  return words;
}

/** Whether a header or URL parameter of this name holds a secret: a known whole name, a name
 * ending in a secret word (split at `-`, `_`, `.`, `[]` and camelCase humps: X-CSRFToken,
 * refreshToken, X-Session-Id, user[password]) or one of the names the user added. */
export function isSecretName(name: string, extraNames: readonly string[] = []): boolean {
  const lower = lowerAscii(name.trim());
  if (SECRET_NAMES.has(lower) || extraNames.some((n) => lowerAscii(n.trim()) === lower)) return true;
  // Only the last two words decide.
  const parts = name.split(/[^A-Za-z0-9]+/).filter((p) => p !== '').slice(-2);
  // Both readings: as written between separators (DPoP, csrftoken) and split at camelCase humps.
  return endsInSecret(parts.map(lowerAscii)) || endsInSecret(parts.flatMap(humps).map(lowerAscii));
}

/** `--redact x-tenant, X-Session` or the panel's text field: names split on commas and spaces. */
export function parseNameList(text: string): string[] {
  return text.split(/[\s,]+/).filter((n) => n !== '');
}

function decodedName(raw: string): string {
  try {
    return decodeURIComponent(raw.replace(/\+/g, ' '));
  } catch {
    return raw;
  }
}

/** `token=x` with its value masked when the name is a secret; anything else as it is. */
function redactParam(part: string, extraNames: readonly string[]): string {
  const eq = part.indexOf('=');
  if (eq < 0 || !isSecretName(decodedName(part.slice(0, eq)), extraNames)) return part;
  return `${part.slice(0, eq + 1)}${URL_REDACTED}`;
}

/** `a=1&token=x` with each secret parameter's value masked; order and the rest untouched. */
function redactParams(params: string, extraNames: readonly string[]): string {
  return params
    .split('&')
    .map((part) => redactParam(part, extraNames))
    .join('&');
}

/** `/v1/me;jsessionid=x/items`: path parameters after `;` in any segment, masked like query ones. */
function redactPath(path: string, extraNames: readonly string[]): string {
  if (!path.includes(';')) return path;
  return path
    .split('/')
    .map((segment) => {
      const [head = '', ...params] = segment.split(';');
      return [head, ...params.map((p) => redactParam(p, extraNames))].join(';');
    })
    .join('/');
}

/** scheme://authority, path, query, fragment; a relative reference may lack the first two (`//host/x`, `/x?q`). */
const ABSOLUTE_URL = /^([a-z][a-z0-9+.-]*:\/\/)([^/?#]*)([^?#]*)(\?[^#]*)?(#.*)?$/is;
const RELATIVE_REFERENCE = /^(?:(\/\/)([^/?#]*))?([^?#]*)(\?[^#]*)?(#.*)?$/s;
const HAS_SCHEME = /^[a-z][a-z0-9+.-]*:/i;

/** Masks userinfo, secret path parameters and secret query and fragment parameters (OAuth puts
 * tokens in the fragment). The masked URL has the same origin, path and parameter names, so it
 * parses and compares as the original did. */
function redactParts(parts: RegExpExecArray, extraNames: readonly string[]): string {
  const [, scheme = '', authority = '', path = '', query = '', fragment = ''] = parts;
  const at = authority.lastIndexOf('@');
  const host = at < 0 ? authority : `${URL_REDACTED}@${authority.slice(at + 1)}`;
  const q = query === '' ? '' : `?${redactParams(query.slice(1), extraNames)}`;
  const f = fragment === '' ? '' : `#${redactParams(fragment.slice(1), extraNames)}`;
  return `${scheme}${host}${redactPath(path, extraNames)}${q}${f}`;
}

/** An absolute URL with its secrets masked; anything else (`data:`, not a URL) as it is.
 * Parsed by hand: src/shared loads no DOM or Node types, so the URL class is not available. */
export function redactUrl(url: string, extraNames: readonly string[] = []): string {
  const parts = ABSOLUTE_URL.exec(url);
  return parts === null ? url : redactParts(parts, extraNames);
}

/** A header's URL, which may also be relative (`Location: /next?access_token=x`). */
function redactReference(ref: string, extraNames: readonly string[]): string {
  const absolute = ABSOLUTE_URL.exec(ref);
  if (absolute !== null) return redactParts(absolute, extraNames);
  if (HAS_SCHEME.test(ref)) return ref;
  const relative = RELATIVE_REFERENCE.exec(ref);
  return relative === null ? ref : redactParts(relative, extraNames);
}

/** `Link: <https://api.example/p2?access_token=x>; rel="next", </p3>; rel="last"`. A target
 * holds no `<`, and excluding it keeps the scan linear on a value of a million `<`. */
function redactLinkValue(value: string, extraNames: readonly string[]): string {
  return value.replace(/<([^<>]*)>/g, (_, ref: string) => `<${redactReference(ref, extraNames)}>`);
}

/** `Refresh: 5; url=/login?token=x`, or `0;URL='…'`, or a bare delay (HTML's shared declarative
 * refresh). The URL runs to the end of the value, so only its opening quote needs finding. */
function redactRefreshValue(value: string, extraNames: readonly string[]): string {
  const before = /^\s*[\d.]*\s*[;,]?\s*(?:url\s*=\s*)?['"]?/i.exec(value)?.[0] ?? '';
  const quote = before.endsWith("'") || before.endsWith('"') ? before.slice(-1) : '';
  const rest = value.slice(before.length);
  const after = quote !== '' && rest.endsWith(quote) ? quote : '';
  return `${before}${redactReference(rest.slice(0, rest.length - after.length), extraNames)}${after}`;
}

function redactLines(lines: readonly HeaderLine[], extraNames: readonly string[]): HeaderLine[] {
  return lines.map((h) => {
    if (isSecretName(h.name, extraNames)) return { name: h.name, value: REDACTED };
    const redactValue = URL_VALUE_HEADERS.get(lowerAscii(h.name));
    return redactValue === undefined ? h : { name: h.name, value: redactValue(h.value, extraNames) };
  });
}

function redactResponse(res: ObservedResponse | null, extraNames: readonly string[]): ObservedResponse | null {
  return res === null ? null : { ...res, headers: redactLines(res.headers, extraNames) };
}

/** One hop with its secrets masked (what Copy as curl builds from). */
export function redactHop(hop: ObservedHop, options: RedactOptions = {}): ObservedHop {
  if (options.keepSecrets === true) return hop;
  const extra = options.extraNames ?? [];
  const pf = hop.preflight;
  return {
    ...hop,
    url: redactUrl(hop.url, extra),
    redirectUrl: hop.redirectUrl === null ? null : redactUrl(hop.redirectUrl, extra),
    requestHeaders: hop.requestHeaders === null ? null : redactLines(hop.requestHeaders, extra),
    response: redactResponse(hop.response, extra),
    preflight:
      pf === null
        ? null
        : {
            ...pf,
            url: redactUrl(pf.url, extra),
            requestHeaders: redactLines(pf.requestHeaders, extra),
            response: redactResponse(pf.response, extra),
          },
  };
}

/** The calls as they may leave the browser or the CLI: secrets masked unless `keepSecrets`. */
export function redactCalls(calls: readonly ObservedCall[], options: RedactOptions = {}): ObservedCall[] {
  if (options.keepSecrets === true) return [...calls];
  return calls.map((call) => ({ ...call, hops: call.hops.map((hop) => redactHop(hop, options)) }));
}
