// chrome.webRequest events reduced to plain data, so the capture logic can be unit-tested on
// recorded sequences without a browser.
import { capErrorText, capHeaderList, capUrl, MAX_ERROR_LENGTH, MAX_URL_LENGTH } from '../shared/header-cap';
import type { WorkerCaller } from '../shared/caller';
import type { HeaderLine } from '../shared/observed-call';
import { recordsCredentialValues } from './credential-recording';

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
  // onResponseStarted: Chromium handed the response to the page, which it does only once the
  // response passed the CORS check (a blocked one goes from headers-received straight to error).
  | (EventBase & { readonly kind: 'response-started' })
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

/** Header lines as plain data, capped as header-cap.ts says (a cut says so, and lines the checker
 * reads are kept whatever their position, so verdicts hold), with credential values kept only
 * when the user chose to record them. */
export function toHeaderLines(
  headers: readonly { name: string; value?: string; binaryValue?: ArrayBuffer | number[] }[] | undefined,
  keepCredentials = recordsCredentialValues(),
): HeaderLine[] {
  if (!headers) return [];
  return capHeaderList(
    headers.map(({ name, value, binaryValue }) => ({ name, value: value ?? decodeBinary(binaryValue) })),
    keepCredentials,
  );
}

/** The event with its URLs and error text capped, before capture holds any of it: a page can ask
 * for a 2 MB URL. The same event when nothing needed cutting, which is nearly always. */
export function capEventText(event: WireEvent): WireEvent {
  const long = (text: string, max: number) => text.length > max;
  const redirect = 'redirectUrl' in event && long(event.redirectUrl, MAX_URL_LENGTH);
  const error = event.kind === 'error' && long(event.error, MAX_ERROR_LENGTH);
  if (!long(event.url, MAX_URL_LENGTH) && !redirect && !error) return event;
  const capped = { ...event, url: capUrl(event.url) };
  if (capped.kind === 'error') return { ...capped, error: capErrorText(capped.error) };
  if ('redirectUrl' in capped) return { ...capped, redirectUrl: capUrl(capped.redirectUrl) };
  return capped;
}

// webRequest gives non-UTF-8 header values as bytes; keep them readable as Latin-1, as HTTP does.
function decodeBinary(bytes: ArrayBuffer | number[] | undefined): string {
  if (!bytes) return '';
  const array = bytes instanceof ArrayBuffer ? new Uint8Array(bytes) : bytes;
  let text = '';
  for (const byte of array) text += String.fromCharCode(byte);
  return text;
}
