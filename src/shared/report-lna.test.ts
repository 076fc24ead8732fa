// A Local Network Access block in every export: the JSON report, the Markdown report and the HAR
// that the CLI reads back, which must name the same code.
import { describe, expect, test } from 'vitest';
import { ERR_BLOCKED_BY_LOCAL_NETWORK } from './cors/local-network';
import { hop, observedCall, preflight } from './cors/test-calls';
import { harToCalls } from './har-to-calls';
import { buildReport } from './report';
import { reportHar } from './report-har';
import { reportMarkdown } from './report-markdown';

const URL = 'http://api.test:9000/items';
const FETCH = observedCall({
  initiator: 'https://app.test',
  state: 'errored',
  error: ERR_BLOCKED_BY_LOCAL_NETWORK,
  hops: [hop({ url: URL, response: null })],
});
const PUT = observedCall({
  method: 'PUT',
  initiator: 'http://app.test',
  state: 'errored',
  error: 'net::ERR_FAILED',
  hops: [hop({ url: URL, request: null, response: null, preflight: preflight({ url: URL, response: null, error: 'net::ERR_FAILED' }) })],
});

describe('Local Network Access in the exports', () => {
  test('the JSON report names the code and the address-space reason', () => {
    const [call] = buildReport([FETCH]).calls;
    expect(call?.outcome).toBe('blocked');
    expect(call?.corsError?.code).toBe('LocalNetworkAccessPermissionDenied');
    expect(call?.explanation).toContain('not a CORS header problem');
  });

  test('the Markdown report names the code', () => {
    const md = reportMarkdown([FETCH], { browser: 'Chrome 156', pageOrigin: 'https://app.test', generatedAt: new Date(0) });
    expect(md).toContain('`LocalNetworkAccessPermissionDenied`');
  });

  test('the preflighted call is named from its stopped preflight', () => {
    expect(buildReport([PUT]).calls[0]?.corsError?.code).toBe('InsecureLocalNetwork');
  });

  test('a HAR written by CORS Lens reads back to the same code (what the CLI checks)', () => {
    // CORS Lens's HAR carries the error as response._error, which the reader used to skip.
    const har = reportHar([FETCH], { name: 'CORS Lens', version: '0' });
    const codes = buildReport(harToCalls(har)).calls.map((c) => c.corsError?.code);
    expect(codes).toEqual(['LocalNetworkAccessPermissionDenied']);
  });
});
