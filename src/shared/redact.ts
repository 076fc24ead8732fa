// Exports leave the browser (bug tickets, HAR files), so secrets in headers are masked unless the
// user asks to keep them.
import { lowerAscii } from './cors/headers';
import type { HeaderLine, ObservedCall, ObservedHop, ObservedResponse } from './observed-call';

export const REDACTED = '<redacted>';
const SECRET_HEADERS: ReadonlySet<string> = new Set(['cookie', 'set-cookie', 'authorization', 'proxy-authorization']);

export interface RedactOptions {
  readonly keepCredentials: boolean;
}

function redactLines(lines: readonly HeaderLine[]): HeaderLine[] {
  return lines.map((h) => (SECRET_HEADERS.has(lowerAscii(h.name)) ? { name: h.name, value: REDACTED } : h));
}

function redactResponse(res: ObservedResponse | null): ObservedResponse | null {
  return res === null ? null : { ...res, headers: redactLines(res.headers) };
}

function redactHop(hop: ObservedHop): ObservedHop {
  return {
    ...hop,
    requestHeaders: hop.requestHeaders === null ? null : redactLines(hop.requestHeaders),
    response: redactResponse(hop.response),
    preflight:
      hop.preflight === null
        ? null
        : { ...hop.preflight, requestHeaders: redactLines(hop.preflight.requestHeaders), response: redactResponse(hop.preflight.response) },
  };
}

/** Masks Cookie, Set-Cookie, Authorization and Proxy-Authorization values everywhere in the calls. */
export function redactCalls(
  calls: readonly ObservedCall[],
  options: RedactOptions = { keepCredentials: false },
): ObservedCall[] {
  if (options.keepCredentials) return [...calls];
  return calls.map((call) => ({ ...call, hops: call.hops.map(redactHop) }));
}
