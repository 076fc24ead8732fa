// Test-only: hostile values for every output a person reads (issue 19), a call that carries them,
// and the check that none of their characters reached an output raw.
import { API, blocked, hop, response } from './cors/test-calls';
import type { ObservedCall } from './observed-call';

/** From the issue: sets the terminal's title (OSC 0 … BEL), then clears the screen (CSI 2J). */
export const TERMINAL_ESCAPES = 'https://x.example\u001b]0;OWNED\u0007\u001b[2J';
/** A right-to-left override: the rest of the line displays backwards. */
export const BIDI_OVERRIDE = 'https://x.example\u202e/moc.elgoog';
/** CSI as its one C1 character, which some terminals act on like ESC [. */
export const C1_CSI = 'https://x.example\u009b2J';

export const HOSTILE_VALUES = [TERMINAL_ESCAPES, BIDI_OVERRIDE, C1_CSI] as const;

/** Any character that must not reach an output raw; tab and LF are layout there, not content.
 * Written out here rather than taken from printable.ts, so a gap there fails the tests. */
// eslint-disable-next-line no-control-regex -- matching control characters is the point
export const RAW_UNPRINTABLE = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u00ad\u061c\u200b-\u200f\u2028-\u202e\u2060-\u2064\u2066-\u2069\ufeff]/;

/** Blocked with AllowOriginMismatch: `value` is its Access-Control-Allow-Origin (so the failed
 * parameter, the explanation and the header tables quote it) and a query parameter of its URL. */
export function blockedByAllowOrigin(value: string): ObservedCall {
  return blocked({
    hops: [hop({ url: `${API}?next=${value}`, response: response(200, { 'Access-Control-Allow-Origin': value }) })],
  });
}
