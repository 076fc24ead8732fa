// The fixture builders must produce calls shaped like the worker's records, or the checker tests
// prove nothing.
import { expect, test } from 'vitest';
import { classifyRequest } from './classify-request';
import { headerValue } from './headers';
import { API, blocked, browserHeaders, hop, lines, observedCall, PAGE, preflight, redirectHop } from './test-calls';

test('default call is a completed simple GET from the page to the API', () => {
  const call = observedCall();
  expect(call).toMatchObject({ method: 'GET', initiator: PAGE, state: 'completed', error: null });
  expect(call.hops).toHaveLength(1);
  expect(call.hops[0]?.url).toBe(API);
  expect(headerValue(call.hops[0]?.response?.headers ?? null, 'access-control-allow-origin')).toBe(PAGE);
});

test('blocked() has the ERR_FAILED shape of a CORS block', () => {
  expect(blocked()).toMatchObject({ state: 'errored', error: 'net::ERR_FAILED' });
});

test('browser headers alone are not CORS-unsafe', () => {
  expect(classifyRequest('GET', browserHeaders()).preflightRequired).toBe(false);
});

test('a hop that never reached the network has no headers and no response', () => {
  expect(hop({ request: null })).toMatchObject({ requestHeaders: null, response: null });
});

test('preflight carries Access-Control-Request-* only when asked', () => {
  const pf = preflight({ method: 'DELETE' });
  expect(headerValue(pf.requestHeaders, 'access-control-request-method')).toBe('DELETE');
  expect(headerValue(pf.requestHeaders, 'access-control-request-headers')).toBeNull();
  expect(headerValue(preflight({ requestHeaders: 'x-token' }).requestHeaders, 'access-control-request-headers')).toBe('x-token');
});

test('redirectHop records Location and, when followed, redirectUrl', () => {
  expect(redirectHop(API, 'https://cdn.example/')).toMatchObject({ redirectUrl: 'https://cdn.example/' });
  expect(redirectHop(API, 'https://cdn.example/', 302, {}, false).redirectUrl).toBeNull();
});

test('lines keeps repeated pairs', () => {
  expect(lines([['A', '1'], ['a', '2']])).toEqual([
    { name: 'A', value: '1' },
    { name: 'a', value: '2' },
  ]);
});
