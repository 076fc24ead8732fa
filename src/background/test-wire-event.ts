// Builds WireEvents for unit tests: every field any kind of event has, with harmless defaults,
// then the test's own. (Test support only; nothing in the extension imports it.)
import type { WireEvent } from './wire-event';

export function testWireEvent(kind: WireEvent['kind'], fields: Partial<Record<string, unknown>>): WireEvent {
  return {
    kind,
    requestId: '1',
    url: '',
    method: 'GET',
    type: 'xmlhttprequest',
    tabId: 7,
    frameId: 0,
    initiator: undefined,
    timeStamp: 0,
    requestHeaders: [],
    responseHeaders: [],
    statusCode: 200,
    fromCache: false,
    ip: '127.0.0.1',
    redirectUrl: '',
    error: '',
    ...fields,
  };
}
