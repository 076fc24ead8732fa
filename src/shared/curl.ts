// "Copy as curl": one step of a call as a shell command a backend engineer can run to see what the
// server answers. Pure; the panel copies the string. Values are single-quoted, or $'…'-quoted with
// escapes when they hold control characters, so a pasted command carries no terminal escapes.
import type { HeaderLine, ObservedHop } from './observed-call';
import { headerValue, lowerAscii } from './cors/headers';
import { hasUnprintable, printableWith } from './printable';
import { redactHop, type RedactOptions } from './redact';

export { REDACTED } from './redact';

export type CurlKind = 'preflight' | 'actual';

/** Secrets are masked by the same step as every export; `keepSecrets` keeps them. */
export type CurlOptions = RedactOptions;

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

const PREFLIGHT_HEADERS = ['origin', 'access-control-request-method', 'access-control-request-headers'];

/** Single-quoting, where the only character that needs care is ' itself; a value with control,
 * bidi or invisible characters is written $'…' (bash, zsh, ksh) with each of them as \xHH bytes,
 * so none is on the page. A C1 character becomes its one byte, as it was on the wire (header
 * values are Latin-1); one above U+00FF its UTF-8 bytes, which bash writes in any locale (its
 * \uHHHH needs a UTF-8 one). */
export function shellQuote(value: string): string {
  if (!hasUnprintable(value)) return `'${value.replaceAll("'", `'\\''`)}'`;
  return `$'${printableWith(value.replace(/[\\']/g, '\\$&'), (c) => (c > '\u00ff' ? utf8Escapes(c) : null))}'`;
}

/** `c`'s UTF-8 bytes as \xhh; a lone surrogate half has none, so it is written as U+FFFD, as
 * every UTF-8 encoder writes it. */
function utf8Escapes(c: string): string {
  let percent: string;
  try {
    percent = encodeURIComponent(c);
  } catch {
    percent = encodeURIComponent('\ufffd');
  }
  return percent.toLowerCase().replaceAll('%', '\\x');
}

function headerArgs(lines: readonly HeaderLine[]): string[] {
  const out: string[] = [];
  for (const h of lines) {
    const lower = lowerAscii(h.name);
    if (SKIPPED.has(lower) || lower.startsWith(':')) continue;
    // A header line cannot hold CR or LF; curl would split it into two headers.
    out.push(`-H ${shellQuote(`${h.name}: ${h.value.replace(/[\r\n]+/g, ' ')}`)}`);
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

/** A curl command for the preflight or the actual request of one hop. `-g` turns curl's URL
 * globbing off: `?filter[name]=x` is sent as it is, and `[1-100000]` is not 100,000 requests. */
export function curlFor(captured: ObservedHop, method: string, kind: CurlKind, options: CurlOptions = {}): string {
  const hop = redactHop(captured, options);
  const url = kind === 'preflight' ? (hop.preflight?.url ?? hop.url) : hop.url;
  const lines = kind === 'preflight' ? preflightLines(hop, method) : (hop.requestHeaders ?? []);
  const verb = kind === 'preflight' ? 'OPTIONS' : method;
  const parts = ['curl', '-g', '-i', '-X', shellQuote(verb), ...headerArgs(lines), shellQuote(url)];
  return parts.join(' \\\n  ');
}
