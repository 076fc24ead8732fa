// chrome.webRequest events reduced to plain data, so the capture logic can be unit-tested on
// recorded sequences without a browser.
import { isCorsHeaderName } from '../shared/cors/headers';
import { capHeaderValue, cutLinesNote, MAX_HEADER_LINES, MAX_HEADER_LIST_CHARS } from '../shared/header-cap';
import type { WorkerCaller } from '../shared/caller';
import type { HeaderLine } from '../shared/observed-call';

interface EventBase {
  readonly requestId: string;
  readonly url: string;
  readonly method: string;
  readonly type: string;
  readonly tabId: number;
  readonly frameId: number;
  readonly initiator: string | undefined;
  readonly timeStamp: number;
  /** Set on a worker's event once it is routed to a tab (worker-routing.ts). */
  readonly caller?: WorkerCaller;
}

export type WireEvent =
  | (EventBase & { readonly kind: 'before-request' })
  | (EventBase & { readonly kind: 'send-headers'; readonly requestHeaders: readonly HeaderLine[] })
  | (EventBase & {
      readonly kind: 'headers-received';
      readonly statusCode: number;
      readonly responseHeaders: readonly HeaderLine[];
    })
  | (EventBase & {
      readonly kind: 'before-redirect';
      readonly redirectUrl: string;
      readonly statusCode: number;
      readonly responseHeaders: readonly HeaderLine[];
      readonly fromCache: boolean;
      readonly ip: string | null;
    })
  | (EventBase & {
      readonly kind: 'completed';
      readonly statusCode: number;
      readonly responseHeaders: readonly HeaderLine[];
      readonly fromCache: boolean;
      readonly ip: string | null;
    })
  | (EventBase & { readonly kind: 'error'; readonly error: string; readonly ip: string | null });

/** Header lines as plain data. Values and lines beyond the caps are cut, and a cut says so
 * (see header-cap.ts); CORS header lines are kept whatever their position, so verdicts hold. */
export function toHeaderLines(
  headers: readonly { name: string; value?: string; binaryValue?: ArrayBuffer | number[] }[] | undefined,
): HeaderLine[] {
  if (!headers) return [];
  const lines: HeaderLine[] = [];
  let notKept = 0;
  let chars = 0;
  for (const { name, value, binaryValue } of headers) {
    const full = lines.length >= MAX_HEADER_LINES || chars >= MAX_HEADER_LIST_CHARS;
    if (full && !isCorsHeaderName(name)) {
      notKept++;
      continue;
    }
    const line = { name, value: capHeaderValue(value ?? decodeBinary(binaryValue)) };
    chars += line.name.length + line.value.length;
    lines.push(line);
  }
  if (notKept > 0) lines.push(cutLinesNote(notKept));
  return lines;
}

// webRequest gives non-UTF-8 header values as bytes; keep them readable as Latin-1, as HTTP does.
function decodeBinary(bytes: ArrayBuffer | number[] | undefined): string {
  if (!bytes) return '';
  const array = bytes instanceof ArrayBuffer ? new Uint8Array(bytes) : bytes;
  let text = '';
  for (const byte of array) text += String.fromCharCode(byte);
  return text;
}
