import { describe, expect, test } from 'vitest';
import { scopeAdmission } from './scope-admission';
import type { WireEvent } from './wire-event';

const INSPECTED = 7;
const OTHER = 8;

function event(kind: 'before-request' | 'send-headers' | 'completed' | 'error', requestId: string, tabId: number, timeStamp: number): WireEvent {
  const base = { requestId, url: `http://api.test/${requestId}`, method: 'GET', type: 'xmlhttprequest', tabId, frameId: 0, initiator: 'http://app.test', timeStamp };
  switch (kind) {
    case 'before-request':
      return { ...base, kind };
    case 'send-headers':
      return { ...base, kind, requestHeaders: [] };
    case 'completed':
      return { ...base, kind, statusCode: 200, responseHeaders: [], fromCache: false, ip: null };
    case 'error':
      return { ...base, kind, error: 'net::ERR_FAILED', ip: null };
  }
}

describe('scope admission', () => {
  test('takes the covered tab and refuses the others', () => {
    const admission = scopeAdmission((tabId) => tabId === INSPECTED);
    expect(admission.admit(event('before-request', 'a', INSPECTED, 1))).toBe(true);
    expect(admission.admit(event('before-request', 'b', OTHER, 2))).toBe(false);
    expect(admission.admit(event('completed', 'b', OTHER, 3))).toBe(false);
  });

  test('follows a request admitted at its start to its end after the scope stops covering its tab', () => {
    let covered = true;
    const admission = scopeAdmission(() => covered);
    expect(admission.admit(event('before-request', 'a', OTHER, 1))).toBe(true);
    covered = false;
    expect(admission.admit(event('send-headers', 'a', OTHER, 2))).toBe(true);
    expect(admission.tabsInFlight()).toEqual(new Set([OTHER]));
    expect(admission.admit(event('completed', 'a', OTHER, 3))).toBe(true);
    expect(admission.tabsInFlight()).toEqual(new Set());
    // Ended: a late copy or a new request of the tab is not taken.
    expect(admission.admit(event('before-request', 'c', OTHER, 4))).toBe(false);
  });

  test('records once an event two overlapping listener sets both delivered', () => {
    const admission = scopeAdmission(() => true);
    const start = event('before-request', 'a', INSPECTED, 1);
    expect(admission.admit(start)).toBe(true);
    expect(admission.admit({ ...start })).toBe(false);
    const end = event('error', 'a', INSPECTED, 2);
    expect(admission.admit(end)).toBe(true);
    expect(admission.admit({ ...end })).toBe(false);
  });

  test('outside an overlap no event is remembered, since no second copy can come', () => {
    let overlapping = false;
    const admission = scopeAdmission(() => true, () => overlapping);
    const start = event('before-request', 'a', INSPECTED, 1);
    expect(admission.admit(start)).toBe(true);
    overlapping = true;
    // Not remembered before the overlap began, so taken; remembered from now on.
    expect(admission.admit({ ...start })).toBe(true);
    expect(admission.admit({ ...start })).toBe(false);
  });

  test('a redirect hop (same request, same kind, later time) is not taken for a copy', () => {
    const admission = scopeAdmission(() => true);
    expect(admission.admit(event('before-request', 'a', INSPECTED, 1))).toBe(true);
    expect(admission.admit(event('before-request', 'a', INSPECTED, 1.5))).toBe(true);
  });

  test('forgets requests in flight whose tab no set hears any more', () => {
    const admission = scopeAdmission(() => true);
    admission.admit(event('before-request', 'a', INSPECTED, 1));
    admission.admit(event('before-request', 'b', OTHER, 2));
    admission.forgetInFlight((tabId) => tabId === INSPECTED);
    expect(admission.tabsInFlight()).toEqual(new Set([INSPECTED]));
  });
});
