import { describe, expect, test } from 'vitest';
import { buildTimeline } from './timeline';
import { call, hop, preflight, verdict } from './test-calls';

describe('buildTimeline', () => {
  test('simple request: one actual step with its duration and offset', () => {
    const steps = buildTimeline(
      call('a', { startedAt: 1000, hops: [hop('https://api.test/a', { startedAt: 1002, endedAt: 1032 })] }),
      verdict(),
    );
    expect(steps).toHaveLength(1);
    expect(steps[0]).toMatchObject({ kind: 'actual', method: 'GET', status: 200, offsetMs: 2, durationMs: 30 });
  });

  test('preflight comes before its request, redirects after', () => {
    const c = call('a', {
      method: 'PUT',
      hops: [
        hop('https://a.test/1', { preflight: preflight('https://a.test/1'), redirectUrl: 'https://b.test/2' }),
        hop('https://b.test/2', { preflight: preflight('https://b.test/2') }),
      ],
    });
    expect(buildTimeline(c, verdict()).map((s) => `${s.kind} ${s.method} ${s.url}`)).toEqual([
      'preflight OPTIONS https://a.test/1',
      'actual PUT https://a.test/1',
      'preflight OPTIONS https://b.test/2',
      'redirect PUT https://b.test/2',
    ]);
  });

  test('an unfinished step has no duration', () => {
    const c = call('a', { state: 'in-flight', hops: [hop('https://a.test/', { endedAt: null, response: null })] });
    expect(buildTimeline(c, verdict({ outcome: 'pending' }))[0]).toMatchObject({ durationMs: null, status: null });
  });

  test('a failed preflight carries the error and is the step at fault', () => {
    const c = call('a', {
      state: 'errored',
      error: 'net::ERR_FAILED',
      hops: [
        hop('https://a.test/', {
          preflight: preflight('https://a.test/', { response: { status: 403, headers: [], fromCache: false, ip: null } }),
          requestHeaders: null,
          response: null,
        }),
      ],
    });
    const v = verdict({
      outcome: 'blocked',
      corsError: { code: 'PreflightInvalidStatus', failedParameter: '' },
      phase: 'preflight',
      hopIndex: 0,
      header: { where: 'preflight-response', name: 'Access-Control-Allow-Origin', value: null },
    });
    const [pf, actual] = buildTimeline(c, v);
    expect(pf).toMatchObject({
      kind: 'preflight',
      status: 403,
      atFault: true,
      faultHeader: { side: 'response', name: 'access-control-allow-origin', absent: true },
    });
    expect(actual).toMatchObject({ kind: 'actual', atFault: false, requestHeaders: null, error: 'net::ERR_FAILED' });
  });

  test('a preflight network error stays on the preflight, not on the request', () => {
    const c = call('a', {
      state: 'errored',
      error: 'net::ERR_CONNECTION_REFUSED',
      hops: [hop('https://a.test/', { preflight: preflight('https://a.test/', { error: 'net::ERR_CONNECTION_REFUSED', response: null }), requestHeaders: null, response: null })],
    });
    const [pf, actual] = buildTimeline(c, verdict({ outcome: 'failed' }));
    expect(pf?.error).toBe('net::ERR_CONNECTION_REFUSED');
    expect(actual?.error).toBeNull();
  });

  test('the verdict hop picks the redirect step at fault', () => {
    const c = call('a', {
      state: 'errored',
      error: 'net::ERR_FAILED',
      hops: [hop('https://a.test/1', { redirectUrl: 'https://b.test/2', response: { status: 302, headers: [], fromCache: false, ip: null } }), hop('https://b.test/2')],
    });
    const v = verdict({
      outcome: 'blocked',
      phase: 'redirect',
      hopIndex: 0,
      header: { where: 'redirect-response', name: 'Access-Control-Allow-Origin', value: null },
    });
    expect(buildTimeline(c, v).map((s) => [s.kind, s.atFault, s.error])).toEqual([
      ['actual', true, null],
      ['redirect', false, 'net::ERR_FAILED'],
    ]);
  });

  test('without a hop index the last hop is at fault', () => {
    const c = call('a', { hops: [hop('https://a.test/1', { redirectUrl: 'https://b.test/2' }), hop('https://b.test/2')] });
    const steps = buildTimeline(c, verdict({ outcome: 'blocked', phase: 'actual', hopIndex: null }));
    expect(steps.map((s) => s.atFault)).toEqual([false, true]);
  });

  test('allowed calls have no step at fault', () => {
    const steps = buildTimeline(call('a'), verdict({ outcome: 'allowed', phase: 'actual', hopIndex: 0 }));
    expect(steps.some((s) => s.atFault)).toBe(false);
  });
});
