// chrome.webRequest events reduced to plain data, so the capture logic can be unit-tested on
// recorded sequences without a browser.
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

// Header values are capped so one hostile response cannot exhaust storage.session's quota.
export const MAX_HEADER_VALUE_LENGTH = 8192;
export const MAX_HEADER_LINES = 256;

export function toHeaderLines(
  headers: readonly { name: string; value?: string; binaryValue?: ArrayBuffer | number[] }[] | undefined,
): HeaderLine[] {
  if (!headers) return [];
  return headers.slice(0, MAX_HEADER_LINES).map(({ name, value, binaryValue }) => ({
    name,
    value: capValue(value ?? decodeBinary(binaryValue)),
  }));
}

function capValue(value: string): string {
  if (value.length <= MAX_HEADER_VALUE_LENGTH) return value;
  const cut = value.length - MAX_HEADER_VALUE_LENGTH;
  return `${value.slice(0, MAX_HEADER_VALUE_LENGTH)}… [${cut} more characters not kept]`;
}

// webRequest gives non-UTF-8 header values as bytes; keep them readable as Latin-1, as HTTP does.
function decodeBinary(bytes: ArrayBuffer | number[] | undefined): string {
  if (!bytes) return '';
  const array = bytes instanceof ArrayBuffer ? new Uint8Array(bytes) : bytes;
  let text = '';
  for (const byte of array) text += String.fromCharCode(byte);
  return text;
}
