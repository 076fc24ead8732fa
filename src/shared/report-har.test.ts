import { describe, expect, test } from 'vitest';
import { checkCall } from './cors/checker';
import { harToCalls } from './har-to-calls';
import { reportHar } from './report-har';
import { ALLOWED_GET, NETWORK_FAILED, NO_ACAO, PREFLIGHT_HEADER, REALISTIC_CALLS, REDIRECTED } from './report-test-calls';

const creator = { name: 'CORS Lens', version: '0.1.0' };

describe('reportHar', () => {
  test('is a HAR 1.2 log with the required fields typed right', () => {
    const har = reportHar(REALISTIC_CALLS, creator);
    expect(har.log.version).toBe('1.2');
    expect(har.log.creator).toEqual(creator);
    expect(har.log.pages).toEqual([]);
    for (const e of har.log.entries) {
      expect(Number.isNaN(Date.parse(e.startedDateTime))).toBe(false);
      expect(e.time).toBeGreaterThanOrEqual(0);
      expect(e.request).toMatchObject({ cookies: [], headersSize: -1, bodySize: -1 });
      expect(typeof e.request.httpVersion).toBe('string');
      expect(Array.isArray(e.request.queryString)).toBe(true);
      expect(e.response).toMatchObject({ cookies: [], headersSize: -1, bodySize: -1, content: { size: 0 } });
      expect(typeof e.response.content.mimeType).toBe('string');
      expect(typeof e.response.redirectURL).toBe('string');
      expect(e.cache).toEqual({});
      expect(e.timings.wait).toBe(e.time);
    }
  });

  test('a call blocked after its answer arrived reads back as blocked (cors-lens explain on our HAR)', () => {
    const verdict = (c: typeof ALLOWED_GET) => [checkCall(c).outcome, checkCall(c).corsError?.code ?? null];
    const calls = [NO_ACAO, ALLOWED_GET];
    const har = JSON.parse(JSON.stringify(reportHar(calls, creator))) as unknown;
    expect(verdict(NO_ACAO)).toEqual(['blocked', 'MissingAllowOriginHeader']);
    expect(harToCalls(har).map(verdict)).toEqual(calls.map(verdict));
  });

  test('one entry per preflight and per hop, with roles', () => {
    const roles = (c: typeof ALLOWED_GET) => reportHar([c], creator).log.entries.map((e) => e._corsLens.role);
    expect(roles(ALLOWED_GET)).toEqual(['actual']);
    expect(roles(PREFLIGHT_HEADER)).toEqual(['preflight', 'actual']);
    expect(roles(REDIRECTED)).toEqual(['actual', 'redirect']);
    const [first] = reportHar([REDIRECTED], creator).log.entries;
    expect(first?.response).toMatchObject({ status: 302, statusText: 'Found', redirectURL: 'https://api.example/v1/items' });
  });

  test('a request that never reached the network has status 0 and _error', () => {
    const [pf, actual] = reportHar([PREFLIGHT_HEADER], creator).log.entries;
    expect(pf?.request.method).toBe('OPTIONS');
    expect(pf?.response.status).toBe(204);
    expect(actual?.response).toMatchObject({ status: 0, _error: 'net::ERR_FAILED' });
    const [failed] = reportHar([NETWORK_FAILED], creator).log.entries;
    expect(failed?.response).toMatchObject({ status: 0, _error: 'net::ERR_CONNECTION_REFUSED' });
  });

  test('tags entries with the verdict and parses the query string', () => {
    const [entry] = reportHar([NO_ACAO], creator).log.entries;
    expect(entry?._corsLens).toMatchObject({ callId: 'req-no-acao', outcome: 'blocked', corsError: { code: 'MissingAllowOriginHeader' } });
    expect(entry?.request.queryString).toEqual([
      { name: 'page', value: '2' },
      { name: 'q', value: 'a b' },
    ]);
    expect(entry?.response.content.mimeType).toBe('application/json');
  });

  test('survives JSON', () => {
    const har = reportHar(REALISTIC_CALLS, creator);
    expect(JSON.parse(JSON.stringify(har))).toEqual(har);
  });
});
