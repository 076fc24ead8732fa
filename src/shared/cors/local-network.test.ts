// Shapes as webRequest showed them in Chromium 156 for a public page calling a loopback API.
import { describe, expect, test } from 'vitest';
import { checkCall } from './checker';
import { ERR_BLOCKED_BY_LOCAL_NETWORK, findLocalNetworkBlock } from './local-network';
import { blocked, hop, observedCall, preflight } from './test-calls';

const LOOPBACK_API = 'http://api.test:9000/items';

/** The request never got past Chromium's check: no headers sent, no response. */
const unsent = (url = LOOPBACK_API, extra: Parameters<typeof hop>[0] = {}) => hop({ url, request: null, response: null, ...extra });

/** A preflighted request: webRequest shows its OPTIONS sent, then ending in net::ERR_FAILED with no
 * response, and the request itself never sent. */
function stoppedPreflightCall(initiator: string) {
  const pf = preflight({ url: LOOPBACK_API, response: null, error: 'net::ERR_FAILED' });
  return blocked({ method: 'PUT', initiator, hops: [unsent(LOOPBACK_API, { preflight: pf })] });
}

describe('Local Network Access blocks', () => {
  test('a plain-http page: InsecureLocalNetwork, blocked, not a network failure', () => {
    const call = observedCall({ initiator: 'http://app.test:8000', state: 'errored', error: ERR_BLOCKED_BY_LOCAL_NETWORK, hops: [unsent()] });
    const verdict = checkCall(call);
    expect(verdict.outcome).toBe('blocked');
    expect(verdict.corsError).toEqual({ code: 'InsecureLocalNetwork', failedParameter: '' });
    expect(verdict.phase).toBe('actual');
    expect(verdict.preflight).toBeNull();
    expect(verdict.explanation).toContain('not a secure context');
    expect(verdict.explanation).toContain('not a CORS header problem');
    expect(verdict.fix).toContain('HTTPS');
  });

  test('an https page: the permission was not granted', () => {
    const call = observedCall({ initiator: 'https://app.test', state: 'errored', error: ERR_BLOCKED_BY_LOCAL_NETWORK, hops: [unsent()] });
    const verdict = checkCall(call);
    expect(verdict.corsError?.code).toBe('LocalNetworkAccessPermissionDenied');
    expect(verdict.explanation).toContain('"local network access" permission');
    expect(verdict.fix).toContain('grant');
  });

  test('no-cors requests (images, scripts) are judged the same way', () => {
    const call = observedCall({ type: 'image', initiator: 'https://app.test', state: 'errored', error: ERR_BLOCKED_BY_LOCAL_NETWORK, hops: [unsent()] });
    expect(checkCall(call).corsError?.code).toBe('LocalNetworkAccessPermissionDenied');
  });

  test('the target space comes from the URL when it is a literal or localhost', () => {
    const literal = observedCall({ initiator: 'https://app.test', state: 'errored', error: ERR_BLOCKED_BY_LOCAL_NETWORK, hops: [unsent('http://192.168.1.5/x')] });
    expect(findLocalNetworkBlock(literal)?.targetSpace).toBe('local');
    expect(checkCall(literal).explanation).toContain('a local-network address');
    const named = observedCall({ initiator: 'https://app.test', state: 'errored', error: ERR_BLOCKED_BY_LOCAL_NETWORK, hops: [unsent()] });
    expect(findLocalNetworkBlock(named)?.targetSpace).toBeNull();
    expect(checkCall(named).explanation).toContain('webRequest does not report the address');
  });

  test('a preflight stopped with no response names the LNA code, as an inference', () => {
    const verdict = checkCall(stoppedPreflightCall('https://app.test'));
    expect(verdict.corsError?.code).toBe('LocalNetworkAccessPermissionDenied');
    expect(verdict.phase).toBe('preflight');
    expect(verdict.preflight).toEqual({ required: true, status: null, fromCache: false });
    expect(verdict.assumptions.some((a) => a.includes('net::ERR_FAILED and no response'))).toBe(true);
    expect(checkCall(stoppedPreflightCall('http://app.test')).corsError?.code).toBe('InsecureLocalNetwork');
  });

  test('a preflight that got an answer, or failed on the network, is not taken for Local Network Access', () => {
    const answered = preflight({ url: LOOPBACK_API, error: null });
    expect(findLocalNetworkBlock(blocked({ method: 'PUT', hops: [unsent(LOOPBACK_API, { preflight: answered })] }))).toBeNull();
    const reset = preflight({ url: LOOPBACK_API, response: null, error: 'net::ERR_CONNECTION_RESET' });
    expect(findLocalNetworkBlock(blocked({ method: 'PUT', hops: [unsent(LOOPBACK_API, { preflight: reset })] }))).toBeNull();
  });

  test('other failures are untouched', () => {
    const refused = observedCall({ state: 'errored', error: 'net::ERR_CONNECTION_REFUSED', hops: [unsent()] });
    expect(findLocalNetworkBlock(refused)).toBeNull();
    expect(checkCall(refused).outcome).toBe('failed');
    expect(findLocalNetworkBlock(blocked())).toBeNull();
  });
});
