// The headers Chromium really judged a trialled call on. webRequest's onHeadersReceived reports
// the response as the server sent it, before declarativeNetRequest changes it (observed in
// Chromium 156: a blocked trial call showed the server's own Access-Control-Allow-Origin), while
// onCompleted reports it after. Applying the trial's changes to what was captured gives the same
// headers in both cases, because every change is idempotent on an already-changed response.
import type { HeaderLine, ObservedCall, ObservedHop, ObservedResponse } from '../observed-call';
import { equalsLowerAscii, listHasToken, lowerAscii } from '../cors/headers';
import type { HeaderChange } from './trial-mark';

export function applyHeaderChanges(lines: readonly HeaderLine[], changes: readonly HeaderChange[]): HeaderLine[] {
  let out = [...lines];
  for (const change of changes) {
    const others = out.filter((h) => !equalsLowerAscii(h.name, change.header));
    switch (change.operation) {
      case 'set': {
        // In place of the first line it replaces, so applying it twice changes nothing.
        const at = out.findIndex((h) => equalsLowerAscii(h.name, change.header));
        const line = { name: change.header, value: change.value };
        out = at < 0 ? [...out, line] : [...others.slice(0, at), line, ...others.slice(at)];
        break;
      }
      case 'remove':
        out = others;
        break;
      case 'append': {
        // DNR appends to the existing line; appending a token that is already there changes nothing
        // Chromium reads, and keeps this idempotent on a response onCompleted already showed changed.
        const present = out.some((h) => equalsLowerAscii(h.name, change.header) && listHasToken(h.value, lowerAscii(change.value)));
        if (!present) out = [...out, { name: change.header, value: change.value }];
        break;
      }
    }
  }
  return out;
}

function changed(response: ObservedResponse | null, changes: readonly HeaderChange[]): ObservedResponse | null {
  if (response === null || changes.length === 0) return response;
  return { ...response, headers: applyHeaderChanges(response.headers, changes) };
}

/** The call as Chromium saw it under its trial rule; the call itself when it has none. */
export function withTrialHeaders(call: ObservedCall): ObservedCall {
  const mark = call.trial;
  if (mark === undefined) return call;
  // The rule matched only its own URL: other hops of a redirect chain kept the server's headers.
  const inScope = matcher(mark.urlPattern);
  const hops = call.hops.map((hop): ObservedHop => {
    if (!inScope(hop.url)) return hop;
    const preflight = hop.preflight;
    return {
      ...hop,
      preflight: preflight === null ? null : { ...preflight, response: changed(preflight.response, mark.preflightChanges) },
      response: changed(hop.response, mark.responseChanges),
    };
  });
  return { ...call, hops };
}

/** A pattern that fails to compile matches nothing: the mark then changes no headers. */
function matcher(pattern: string): (url: string) => boolean {
  try {
    const re = new RegExp(pattern);
    return (url) => re.test(url);
  } catch {
    return () => false;
  }
}
