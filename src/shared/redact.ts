// Exports leave the browser (bug tickets, HAR files, pasted commands), so every one of them passes
// through `redactCalls` or `redactHop`: secret header values and secrets in URLs are masked unless
// the user asks to keep them. Masking keeps the shape the checker reads (a header is still present,
// a URL still has its userinfo), so a redacted call gets the same verdict as the original.
import { lowerAscii } from './cors/headers';
import type { HeaderLine, ObservedCall, ObservedHop, ObservedResponse } from './observed-call';

export const REDACTED = '<redacted>';
/** What stands for a secret inside a URL: plain letters, so the URL stays a URL. */
export const URL_REDACTED = 'redacted';

/** Header names and URL parameter names whose values are credentials. */
const SECRET_NAMES: ReadonlySet<string> = new Set([
  'cookie',
  'cookie2',
  'set-cookie',
  'set-cookie2',
  'authorization',
  'proxy-authorization',
  'access_token',
  'refresh_token',
  'id_token',
  'token',
  'code',
  'key',
  'apikey',
  'api_key',
  'signature',
  'sig',
  'password',
  'secret',
  'client_secret',
]);

/** X-Api-Key, X-Auth-Token, X-CSRF-Token, X-Amz-Security-Token, client_secret and their kin. */
const SECRET_SUFFIX = /[-_](token|secret|key|signature|password)$/;

/** Headers whose value is a URL that may carry a token of its own. */
const URL_HEADERS: ReadonlySet<string> = new Set(['location', 'content-location', 'referer']);

export interface RedactOptions {
  /** The user's one opt-in: keep every value as captured. */
  readonly keepSecrets?: boolean;
  /** More names to mask (headers and URL parameters), as the user typed them; any case. */
  readonly extraNames?: readonly string[];
}

/** Whether a header or URL parameter of this name holds a secret. */
export function isSecretName(name: string, extraNames: readonly string[] = []): boolean {
  const lower = lowerAscii(name.trim());
  return SECRET_NAMES.has(lower) || SECRET_SUFFIX.test(lower) || extraNames.some((n) => lowerAscii(n.trim()) === lower);
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

/** `a=1&token=x` with each secret parameter's value masked; order and the rest untouched. */
function redactParams(params: string, extraNames: readonly string[]): string {
  return params
    .split('&')
    .map((part) => {
      const eq = part.indexOf('=');
      if (eq < 0 || !isSecretName(decodedName(part.slice(0, eq)), extraNames)) return part;
      return `${part.slice(0, eq + 1)}${URL_REDACTED}`;
    })
    .join('&');
}

/** Masks userinfo and secret query and fragment parameters (OAuth puts tokens in the fragment).
 * Parsed by hand: src/shared loads no DOM or Node types, so the URL class is not available. */
export function redactUrl(url: string, extraNames: readonly string[] = []): string {
  const parts = /^([a-z][a-z0-9+.-]*:\/\/)([^/?#]*)([^?#]*)(\?[^#]*)?(#.*)?$/is.exec(url);
  if (parts === null) return url;
  const [, scheme = '', authority = '', path = '', query = '', fragment = ''] = parts;
  const at = authority.lastIndexOf('@');
  const host = at < 0 ? authority : `${URL_REDACTED}@${authority.slice(at + 1)}`;
  const q = query === '' ? '' : `?${redactParams(query.slice(1), extraNames)}`;
  const f = fragment === '' ? '' : `#${redactParams(fragment.slice(1), extraNames)}`;
  return `${scheme}${host}${path}${q}${f}`;
}

function redactLines(lines: readonly HeaderLine[], extraNames: readonly string[]): HeaderLine[] {
  return lines.map((h) => {
    if (isSecretName(h.name, extraNames)) return { name: h.name, value: REDACTED };
    if (URL_HEADERS.has(lowerAscii(h.name))) return { name: h.name, value: redactUrl(h.value, extraNames) };
    return h;
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
