import { describe, expect, test } from 'vitest';
import { checkCall } from './checker';
import { narrate, NARRATIVE_TEXTS, whatTheBrowserDid, type StepKind, type StepStatus } from './narrative';
import { API, blocked, hop, observedCall, okResponse, preflight, preflightOk, redirectHop, response } from './test-calls';
import type { ObservedCall } from '../observed-call';

type Shape = readonly (readonly [StepKind, StepStatus])[];

interface Case {
  readonly name: string;
  readonly call: ObservedCall;
  readonly want: Shape;
}

const cases: readonly Case[] = [
  {
    name: 'simple GET allowed',
    call: observedCall(),
    want: [
      ['page-asks', 'ok'],
      ['request', 'ok'],
      ['response', 'ok'],
      ['response-check', 'ok'],
      ['to-page', 'ok'],
    ],
  },
  {
    name: 'preflight with wrong origin: actual request never sent',
    call: blocked({
      method: 'PUT',
      hops: [
        hop({
          preflight: preflight({ response: preflightOk({}, 'https://other.example') }),
          request: null,
        }),
      ],
    }),
    want: [
      ['page-asks', 'ok'],
      ['preflight-sent', 'ok'],
      ['preflight-answer', 'ok'],
      ['preflight-check', 'fail'],
      ['request', 'skipped'],
      ['to-page', 'fail'],
    ],
  },
  {
    name: 'preflight passes, actual response lacks ACAO',
    call: blocked({ method: 'PUT', hops: [hop({ preflight: preflight(), response: response(200) })] }),
    want: [
      ['page-asks', 'ok'],
      ['preflight-sent', 'ok'],
      ['preflight-answer', 'ok'],
      ['preflight-check', 'ok'],
      ['request', 'ok'],
      ['response', 'ok'],
      ['response-check', 'fail'],
      ['to-page', 'fail'],
    ],
  },
  {
    name: 'preflight network failure',
    call: observedCall({
      method: 'PUT',
      state: 'errored',
      error: 'net::ERR_CONNECTION_REFUSED',
      hops: [hop({ preflight: preflight({ response: null, error: 'net::ERR_CONNECTION_REFUSED' }), request: null })],
    }),
    want: [
      ['page-asks', 'ok'],
      ['preflight-sent', 'ok'],
      ['preflight-answer', 'fail'],
      ['to-page', 'fail'],
    ],
  },
  {
    name: 'redirect followed, then allowed',
    call: observedCall({ hops: [redirectHop(API, `${API}/2`, 302, { 'Access-Control-Allow-Origin': '*' }), hop({ url: `${API}/2`, response: okResponse() })] }),
    want: [
      ['page-asks', 'ok'],
      ['request', 'ok'],
      ['response', 'ok'],
      ['response-check', 'ok'],
      ['request', 'ok'],
      ['response', 'ok'],
      ['response-check', 'ok'],
      ['to-page', 'ok'],
    ],
  },
  {
    name: 'still in flight',
    call: observedCall({ state: 'in-flight', hops: [hop({ response: null })] }),
    want: [
      ['page-asks', 'ok'],
      ['request', 'ok'],
      ['response', 'skipped'],
      ['to-page', 'skipped'],
    ],
  },
];

describe('narrate', () => {
  test.each(cases)('$name', ({ call, want }) => {
    const steps = narrate(call, checkCall(call));
    expect(steps.map((s) => [s.kind, s.status])).toEqual(want);
  });

  test('a preflight names Origin and Access-Control-Request-* and the failing code', () => {
    const call = blocked({
      method: 'PUT',
      hops: [hop({ preflight: preflight({ requestHeaders: 'x-token', response: preflightOk({}, 'https://other.example') }), request: null })],
    });
    const steps = narrate(call, checkCall(call));
    const sent = steps.find((s) => s.kind === 'preflight-sent');
    expect(sent?.from).toBe('browser');
    expect(sent?.to).toBe('server');
    expect(sent?.detail).toBe(
      'Origin: https://app.example; Access-Control-Request-Method: PUT; Access-Control-Request-Headers: x-token',
    );
    expect(steps.find((s) => s.kind === 'preflight-check')?.label).toContain('PreflightAllowOriginMismatch');
    expect(steps.find((s) => s.kind === 'preflight-answer')?.detail).toContain('Access-Control-Allow-Origin: https://other.example');
  });

  test('arrows name the path; the paragraph names the full URL', () => {
    const call = observedCall();
    const steps = narrate(call, checkCall(call));
    expect(steps.find((s) => s.kind === 'request')?.label).toBe('GET /v1/items');
    expect(steps.find((s) => s.kind === 'response')?.detail).toBe('Access-Control-Allow-Origin: https://app.example');
    expect(whatTheBrowserDid(call, checkCall(call))).toContain(`GET ${API}`);
  });

  test('hostile header values cannot break a line', () => {
    const call = blocked({ hops: [hop({ response: response(200, [['Access-Control-Allow-Origin', 'a\r\nb']]) })] });
    for (const s of narrate(call, checkCall(call))) {
      expect(s.label + (s.detail ?? '')).not.toMatch(/[\r\n]/);
    }
  });

  test('leaves no placeholder unfilled', () => {
    for (const c of cases) {
      const v = checkCall(c.call);
      for (const s of narrate(c.call, v)) expect(s.label).not.toMatch(/\{\w+\}/);
      expect(whatTheBrowserDid(c.call, v)).not.toMatch(/\{\w+\}/);
    }
  });
});

describe('whatTheBrowserDid', () => {
  test('tells a blocked preflight as a story ending in a TypeError', () => {
    const call = blocked({
      method: 'PUT',
      hops: [hop({ preflight: preflight({ response: preflightOk({}, 'https://other.example') }), request: null })],
    });
    const text = whatTheBrowserDid(call, checkCall(call));
    expect(text.startsWith(`The page asked the browser for PUT ${API}.`)).toBe(true);
    expect(text).toContain('OPTIONS');
    expect(text).toContain('failed (PreflightAllowOriginMismatch)');
    expect(text).toContain(NARRATIVE_TEXTS.requestNotSent.sentence);
    expect(text.endsWith(NARRATIVE_TEXTS.typeErrorCors.sentence)).toBe(true);
  });
});

describe("a worker's call", () => {
  test('names the worker where a page call names the page; the URL is left alone', () => {
    const pageCall = observedCall({ hops: [hop({ url: `${API}/the-page-list` })] });
    const workerCall: ObservedCall = { ...pageCall, caller: 'service-worker' };
    const text = whatTheBrowserDid(workerCall, checkCall(workerCall));
    expect(text).toMatch(/^The service worker asked the browser for GET /);
    expect(text).toMatch(/handed the response to the service worker\.$/);
    expect(text).not.toMatch(/\b[Tt]he page\b(?!-list)/);
    expect(whatTheBrowserDid(pageCall, checkCall(pageCall))).toMatch(/^The page asked/);
  });
});
