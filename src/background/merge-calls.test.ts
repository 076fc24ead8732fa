import { expect, test } from 'vitest';
import type { ObservedCall, ObservedHop } from '../shared/observed-call';
import { mergeCalls } from './merge-calls';

const hop = (url: string, extra: Partial<ObservedHop> = {}): ObservedHop => ({
  url,
  preflight: null,
  requestHeaders: null,
  response: null,
  redirectUrl: null,
  startedAt: 10,
  endedAt: null,
  ...extra,
});

const call = (extra: Partial<ObservedCall>): ObservedCall => ({
  id: '1',
  tabId: 1,
  frameId: 0,
  type: 'xmlhttprequest',
  method: 'PUT',
  initiator: 'http://app.test',
  hops: [hop('http://api.test/a')],
  state: 'in-flight',
  error: null,
  startedAt: 10,
  endedAt: null,
  ...extra,
});

const preflight = {
  requestId: '2',
  url: 'http://api.test/a',
  requestHeaders: [{ name: 'Access-Control-Request-Method', value: 'PUT' }],
  response: { status: 204, headers: [], fromCache: false, ip: null },
  error: null,
  startedAt: 11,
  endedAt: 12,
};

test('keeps the preflight one life saw and the ending the other saw', () => {
  const early = call({ hops: [hop('http://api.test/a', { preflight })] });
  const late = call({
    hops: [hop('http://api.test/a', { endedAt: 20 })],
    state: 'errored',
    error: 'net::ERR_FAILED',
    startedAt: 15,
    endedAt: 20,
  });
  for (const merged of [mergeCalls(early, late), mergeCalls(late, early)]) {
    expect(merged.hops[0]?.preflight).toEqual(preflight);
    expect(merged.state).toBe('errored');
    expect(merged.error).toBe('net::ERR_FAILED');
    expect(merged.startedAt).toBe(10);
    expect(merged.endedAt).toBe(20);
  }
});

test('keeps every hop of a redirect seen by either life', () => {
  const before = call({ hops: [hop('http://api.test/a', { redirectUrl: 'http://other.test/b' }), hop('http://other.test/b')] });
  const after = call({ hops: [hop('http://api.test/a')], state: 'completed', endedAt: 30 });
  const merged = mergeCalls(after, before);
  expect(merged.hops.map((h) => [h.url, h.redirectUrl])).toEqual([
    ['http://api.test/a', 'http://other.test/b'],
    ['http://other.test/b', null],
  ]);
  expect(merged.state).toBe('completed');
});
