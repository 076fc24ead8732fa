import { describe, expect, test } from 'vitest';
import { harToCalls, HarFormatError } from './har-to-calls';
import { buildReport } from './report';

const APP = 'http://app.test';
const API = 'http://api.test';

type Headers = Record<string, string>;

interface EntrySpec {
  readonly method?: string;
  readonly url: string;
  readonly req?: Headers;
  readonly status?: number;
  readonly res?: Headers;
  readonly redirectURL?: string;
  readonly error?: string;
  readonly failureText?: string;
  readonly resourceType?: string;
}

const lines = (h: Headers = {}) => Object.entries(h).map(([name, value]) => ({ name, value }));

function entry(spec: EntrySpec, i: number): unknown {
  return {
    pageref: 'page_1',
    startedDateTime: new Date(Date.UTC(2026, 0, 1, 0, 0, i)).toISOString(),
    time: 10,
    request: { method: spec.method ?? 'GET', url: spec.url, headers: lines(spec.req) },
    response: {
      status: spec.status ?? 200,
      headers: lines(spec.res),
      redirectURL: spec.redirectURL ?? '',
      ...(spec.failureText ? { _failureText: spec.failureText } : {}),
    },
    ...(spec.error ? { _error: spec.error } : {}),
    ...(spec.resourceType ? { _resourceType: spec.resourceType } : {}),
  };
}

function har(...specs: EntrySpec[]): unknown {
  return { log: { version: '1.2', pages: [{ id: 'page_1', title: `${APP}/` }], entries: specs.map(entry) } };
}

const ORIGIN = { Origin: APP };
const ALLOW = { 'Access-Control-Allow-Origin': APP };

interface Case {
  readonly name: string;
  readonly har: unknown;
  /** outcome and code of each call, in order. */
  readonly want: readonly string[];
}

const cases: readonly Case[] = [
  {
    name: 'allowed simple GET',
    har: har({ url: `${API}/a`, req: ORIGIN, res: ALLOW, resourceType: 'fetch' }),
    want: ['allowed'],
  },
  {
    name: 'Chrome: blocked GET without Access-Control-Allow-Origin',
    har: har({ url: `${API}/a`, req: ORIGIN, res: {}, error: 'net::ERR_FAILED' }),
    want: ['blocked MissingAllowOriginHeader'],
  },
  {
    name: 'Chrome: preflight with a 500 and no actual request',
    har: har({ method: 'OPTIONS', url: `${API}/a`, req: { ...ORIGIN, 'Access-Control-Request-Method': 'PUT' }, status: 500, res: ALLOW }),
    want: ['blocked PreflightInvalidStatus'],
  },
  {
    name: 'preflight paired with the following PUT',
    har: har(
      { method: 'OPTIONS', url: `${API}/a`, req: { ...ORIGIN, 'Access-Control-Request-Method': 'PUT' }, status: 204, res: { ...ALLOW, 'Access-Control-Allow-Methods': 'PUT' } },
      { method: 'PUT', url: `${API}/a`, req: ORIGIN, res: ALLOW },
    ),
    want: ['allowed'],
  },
  {
    name: 'preflight that does not allow the method',
    har: har(
      { method: 'OPTIONS', url: `${API}/a`, req: { ...ORIGIN, 'Access-Control-Request-Method': 'PUT' }, status: 204, res: ALLOW },
    ),
    want: ['blocked MethodDisallowedByPreflightResponse'],
  },
  {
    name: 'same-origin requests and the document are left out',
    har: har({ url: `${APP}/`, resourceType: 'document' }, { url: `${APP}/app.js`, resourceType: 'script' }),
    want: [],
  },
  {
    name: 'Playwright: failed entry with provisional headers is blocked without a code',
    har: har({ url: `${API}/a`, req: { Referer: `${APP}/` }, status: -1, failureText: 'net::ERR_FAILED' }),
    want: ['blocked'],
  },
];

describe('harToCalls', () => {
  test.each(cases)('$name', ({ har: doc, want }) => {
    const report = buildReport(harToCalls(doc));
    expect(report.calls.map((c) => [c.outcome, c.corsError?.code].filter(Boolean).join(' '))).toEqual(want);
  });

  test('a redirect chain becomes one call with one hop per URL', () => {
    const calls = harToCalls(
      har(
        { url: `${API}/old`, req: ORIGIN, status: 302, res: ALLOW, redirectURL: '/new' },
        { url: `${APP}/other`, req: {} },
        { url: `${API}/new`, req: ORIGIN, res: ALLOW },
      ),
    );
    expect(calls).toHaveLength(1);
    expect(calls[0]?.hops.map((h) => [h.url, h.redirectUrl])).toEqual([
      [`${API}/old`, `${API}/new`],
      [`${API}/new`, null],
    ]);
    expect(calls[0]?.state).toBe('completed');
  });

  test('the preflight is attached to the actual request and its method', () => {
    const call = harToCalls(
      har(
        { method: 'OPTIONS', url: `${API}/a`, req: { ...ORIGIN, 'Access-Control-Request-Method': 'DELETE' }, status: 204, res: ALLOW },
        { method: 'GET', url: `${API}/a`, req: ORIGIN, res: ALLOW },
        { method: 'DELETE', url: `${API}/a`, req: ORIGIN, res: ALLOW },
      ),
    ).find((c) => c.method === 'DELETE');
    expect(call?.hops).toHaveLength(1);
    expect(call?.hops[0]?.preflight?.response?.status).toBe(204);
  });

  test('interleaved preflights each pair with the next actual request of their URL and method', () => {
    const pf = (path: string, method: string): EntrySpec => ({
      method: 'OPTIONS',
      url: `${API}${path}`,
      req: { ...ORIGIN, 'Access-Control-Request-Method': method },
      status: 204,
      res: { ...ALLOW, 'Access-Control-Allow-Methods': method },
    });
    const actual = (path: string, method: string, status: number): EntrySpec => ({ method, url: `${API}${path}`, req: ORIGIN, status, res: ALLOW });
    const calls = harToCalls(
      har(
        pf('/a', 'PUT'),
        pf('/b', 'PUT'),
        pf('/a', 'DELETE'),
        actual('/b', 'PUT', 201),
        pf('/a', 'PUT'),
        actual('/a', 'PUT', 202),
        actual('/a', 'DELETE', 203),
        actual('/a', 'PUT', 204),
        pf('/lone', 'PATCH'),
      ),
    );
    expect(calls.map((c) => `${c.method} ${c.hops[0]?.url.slice(API.length)} ${c.hops[0]?.response?.status ?? c.error}`)).toEqual([
      'PUT /a 202',
      'PUT /b 201',
      'DELETE /a 203',
      'PUT /a 204',
      'PATCH /lone net::ERR_FAILED',
    ]);
  });

  test('a failed entry is errored with its net error and no response', () => {
    const [call] = harToCalls(har({ url: `${API}/a`, req: ORIGIN, status: 0, error: 'net::ERR_CONNECTION_REFUSED' }));
    expect(call?.state).toBe('errored');
    expect(call?.error).toBe('net::ERR_CONNECTION_REFUSED');
    expect(call?.hops[0]?.response).toBeNull();
  });

  test('without an Origin header the page URL gives the initiator', () => {
    const [call] = harToCalls(har({ url: `${API}/img.png`, resourceType: 'image' }));
    expect(call?.initiator).toBe(APP);
    expect(call?.type).toBe('image');
  });

  const malformed: readonly { name: string; doc: unknown; field: string }[] = [
    { name: 'not an object', doc: [], field: '(root)' },
    { name: 'no log', doc: {}, field: 'log' },
    { name: 'no entries', doc: { log: {} }, field: 'log.entries' },
    { name: 'entry without request', doc: { log: { entries: [{ response: { status: 200 } }] } }, field: 'log.entries[0].request' },
    {
      name: 'status not a number',
      doc: { log: { entries: [{ request: { method: 'GET', url: 'x' }, response: { status: '200' } }] } },
      field: 'log.entries[0].response.status',
    },
    {
      name: 'header without name',
      doc: { log: { entries: [{ request: { method: 'GET', url: 'x', headers: [{ value: 'v' }] }, response: { status: 200 } }] } },
      field: 'log.entries[0].request.headers[0].name',
    },
  ];
  test.each(malformed)('malformed HAR: $name names $field', ({ doc, field }) => {
    let thrown: unknown;
    try {
      harToCalls(doc);
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(HarFormatError);
    expect((thrown as HarFormatError).field).toBe(field);
  });
});

describe('pairing many identical calls', () => {
  // A page that starts N identical preflighted calls at once: N preflights to one URL, then the N
  // actual requests they announced. Its cost (once quadratic: 40k pairs took 10.7 s) is measured
  // in bench/har-pairing.ts.
  function pairs(n: number): unknown {
    const url = `${API}/items`;
    const preflight = (): EntrySpec => ({
      method: 'OPTIONS',
      url,
      req: { ...ORIGIN, 'Access-Control-Request-Method': 'PUT' },
      status: 204,
      res: { ...ALLOW, 'Access-Control-Allow-Methods': 'PUT' },
    });
    const actual = (): EntrySpec => ({ method: 'PUT', url, req: ORIGIN, res: ALLOW });
    return har(...Array.from({ length: n }, preflight), ...Array.from({ length: n }, actual));
  }

  test('each preflight pairs with the first actual request not yet taken', () => {
    const n = 50;
    const calls = harToCalls(pairs(n));
    expect(calls.map((c) => [c.hops[0]?.preflight?.requestId, c.hops[0]?.startedAt])).toEqual(
      Array.from({ length: n }, (_, i) => [`har-${i}`, Date.UTC(2026, 0, 1, 0, 0, n + i)]),
    );
  });
});
