// "Copy as curl": one step of a call as a shell command a backend engineer can run to see what the
// server answers. Pure; the panel copies the string. Every value is single-quoted for POSIX shells.
import type { HeaderLine, ObservedHop } from './observed-call';
import { headerValue, lowerAscii } from './cors/headers';

export type CurlKind = 'preflight' | 'actual';

export interface CurlOptions {
  /** Keep Cookie and Authorization values instead of `<redacted>`. */
  readonly includeCredentials?: boolean;
}

export const REDACTED = '<redacted>';

/** Headers the HTTP stack or the browser manages; curl sets its own or they would mislead. */
const SKIPPED = new Set([
  'host',
  'connection',
  'content-length',
  'accept-encoding',
  'keep-alive',
  'transfer-encoding',
  'upgrade',
  'te',
  'trailer',
  'proxy-connection',
  'expect',
]);

const SECRET = new Set(['cookie', 'authorization', 'proxy-authorization']);

const PREFLIGHT_HEADERS = ['origin', 'access-control-request-method', 'access-control-request-headers'];

/** POSIX single-quoting: the only character that needs care inside '…' is ' itself. Newlines and
 * other control characters are kept literally inside the quotes, where the shell does not act on them. */
export function shellQuote(value: string): string {
  return `'${value.replaceAll("'", `'\\''`)}'`;
}

function headerArgs(lines: readonly HeaderLine[], options: CurlOptions): string[] {
  const out: string[] = [];
  for (const h of lines) {
    const lower = lowerAscii(h.name);
    if (SKIPPED.has(lower) || lower.startsWith(':')) continue;
    const value = SECRET.has(lower) && options.includeCredentials !== true ? REDACTED : h.value;
    // A header line cannot hold CR or LF; curl would split it into two headers.
    out.push(`-H ${shellQuote(`${h.name}: ${value.replace(/[\r\n]+/g, ' ')}`)}`);
  }
  return out;
}

function preflightLines(hop: ObservedHop, method: string): HeaderLine[] {
  const sent = hop.preflight?.requestHeaders ?? [];
  const lines: HeaderLine[] = [];
  for (const name of PREFLIGHT_HEADERS) {
    const value = headerValue(sent, name);
    if (value !== null) lines.push({ name: sent.find((h) => lowerAscii(h.name) === name)?.name ?? name, value });
  }
  // A cached or unseen preflight: rebuild the essentials from the actual request.
  if (headerValue(lines, 'origin') === null) {
    const origin = headerValue(hop.requestHeaders, 'origin');
    if (origin !== null) lines.unshift({ name: 'Origin', value: origin });
  }
  if (headerValue(lines, 'access-control-request-method') === null) {
    lines.push({ name: 'Access-Control-Request-Method', value: method });
  }
  return lines;
}

/** A curl command for the preflight or the actual request of one hop. */
export function curlFor(hop: ObservedHop, method: string, kind: CurlKind, options: CurlOptions = {}): string {
  const url = kind === 'preflight' ? (hop.preflight?.url ?? hop.url) : hop.url;
  const lines = kind === 'preflight' ? preflightLines(hop, method) : (hop.requestHeaders ?? []);
  const verb = kind === 'preflight' ? 'OPTIONS' : method;
  const parts = ['curl', '-i', '-X', shellQuote(verb), ...headerArgs(lines, options), shellQuote(url)];
  return parts.join(' \\\n  ');
}
