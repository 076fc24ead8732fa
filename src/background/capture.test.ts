import { describe, expect, test } from 'vitest';
import type { HeaderLine } from '../shared/observed-call';
import { checkCall } from '../shared/cors/checker';
import { checkedLinesCut, checkedLinesCutInCall, MAX_CHECKED_LINES, MAX_ERROR_LENGTH, MAX_HEADER_LINES, MAX_URL_LENGTH, parseCutValue } from '../shared/header-cap';
import { applyEvent } from './capture';
import { emptyMeta, MAX_TRACKED_REQUESTS, newTabLog, orderedCalls, type TabLog } from './tab-log';
import { testWireEvent } from './test-wire-event';
import { toHeaderLines, type WireEvent } from './wire-event';

// Event sequences in the order Chromium 156 delivers them: the actual request's before-request,
// then its whole preflight, then the rest of the actual request.
const PAGE = 'http://app.test:8000';
const API = 'http://api.test:9000';

type Kind = WireEvent['kind'];
let clock = 1000;

function event(kind: Kind, id: string, url: string, method: string, extra: Partial<Record<string, unknown>> = {}): WireEvent {
  return testWireEvent(kind, { requestId: id, url, method, initiator: PAGE, timeStamp: clock++, ...extra });
}

const h = (name: string, value: string): HeaderLine => ({ name, value });
const acrm = (method: string, headers = '') => [
  h('Origin', PAGE),
  h('Access-Control-Request-Method', method),
  ...(headers ? [h('Access-Control-Request-Headers', headers)] : []),
];

/** A preflighted request whose preflight passes, with ids `id` (actual) and `id+1` (preflight). */
function preflighted(id: number, url: string, method = 'PUT'): WireEvent[] {
  const a = String(id);
  const p = String(id + 1);
  return [
    event('before-request', a, url, method),
    event('before-request', p, url, 'OPTIONS'),
    event('send-headers', p, url, 'OPTIONS', { requestHeaders: acrm(method) }),
    event('headers-received', p, url, 'OPTIONS', { statusCode: 204 }),
    event('completed', p, url, 'OPTIONS', { statusCode: 204 }),
    event('send-headers', a, url, method, { requestHeaders: [h('Origin', PAGE)] }),
    event('headers-received', a, url, method),
    event('completed', a, url, method),
  ];
}

function run(events: readonly WireEvent[], log: TabLog = newTabLog(emptyMeta(7))): TabLog {
  for (const e of events) applyEvent(log, e);
  return log;
}

describe('pairing preflights with their requests', () => {
  test('attaches the preflight to the hop it preceded', () => {
    const [call] = orderedCalls(run(preflighted(10, `${API}/items`)));
    expect(call?.id).toBe('10');
    expect(call?.hops[0]?.preflight?.requestId).toBe('11');
    expect(call?.hops[0]?.preflight?.response?.status).toBe(204);
    expect(call?.state).toBe('completed');
  });

  test('two identical requests in flight at once each get their own preflight', () => {
    const url = `${API}/same`;
    const first = preflighted(20, url);
    const second = preflighted(30, url);
    // Both requests start before either preflight; then the preflights interleave.
    const events = [first[0], second[0], second[1], second[2], first[1], first[2], ...first.slice(3), ...second.slice(3)];
    const calls = orderedCalls(run(events.filter((e): e is WireEvent => e !== undefined)));
    expect(calls.map((c) => [c.id, c.hops[0]?.preflight?.requestId])).toEqual([
      ['20', '21'],
      ['30', '31'],
    ]);
  });

  test('identical requests that differ in headers end up with the preflight that asked for them', () => {
    const url = `${API}/twins`;
    const log = run([
      event('before-request', '200', url, 'PUT'),
      event('before-request', '202', url, 'PUT'),
      // The second request's preflight happens to come first and is taken by the oldest request.
      event('send-headers', 'pb', url, 'OPTIONS', { requestHeaders: acrm('PUT', 'x-b') }),
      event('send-headers', 'pa', url, 'OPTIONS', { requestHeaders: acrm('PUT', 'x-a') }),
      event('send-headers', '200', url, 'PUT', { requestHeaders: [h('Origin', PAGE), h('X-A', '1')] }),
    ]);
    expect(orderedCalls(log).map((c) => [c.id, c.hops[0]?.preflight?.requestId])).toEqual([
      ['200', 'pa'],
      ['202', 'pb'],
    ]);
  });

  test('the re-pairing also reaches a twin whose failed preflight already ended it', () => {
    const url = `${API}/twins-ended`;
    const log = run([
      event('before-request', '230', url, 'PUT'),
      event('before-request', '232', url, 'PUT'),
      event('send-headers', 'pb', url, 'OPTIONS', { requestHeaders: acrm('PUT', 'x-b') }),
      event('send-headers', 'pa', url, 'OPTIONS', { requestHeaders: acrm('PUT', 'x-a') }),
      event('completed', 'pb', url, 'OPTIONS', { statusCode: 204 }),
      event('completed', 'pa', url, 'OPTIONS', { statusCode: 204 }),
      event('error', '232', url, 'PUT', { error: 'net::ERR_FAILED' }),
      event('send-headers', '230', url, 'PUT', { requestHeaders: [h('Origin', PAGE), h('X-A', '1')] }),
    ]);
    expect(orderedCalls(log).map((c) => [c.id, c.hops[0]?.preflight?.requestId])).toEqual([
      ['230', 'pa'],
      ['232', 'pb'],
    ]);
  });

  test('without adjacent ids, the oldest waiting request takes the preflight', () => {
    const url = `${API}/x`;
    const log = run([
      event('before-request', 'a', url, 'PUT'),
      event('before-request', 'b', url, 'PUT'),
      event('send-headers', 'p', url, 'OPTIONS', { requestHeaders: acrm('PUT') }),
    ]);
    expect(orderedCalls(log).map((c) => c.hops[0]?.preflight?.requestId ?? null)).toEqual(['p', null]);
  });

  test("a redirected request takes the preflight for its new URL; one still bound for the old URL does not", () => {
    const old = `${API}/old`;
    const moved = `${API}/new`;
    const log = run([
      event('before-request', '60', old, 'PUT'),
      event('send-headers', '60', old, 'PUT', { requestHeaders: [h('Origin', PAGE)] }),
      event('before-redirect', '60', old, 'PUT', { statusCode: 307, redirectUrl: moved }),
      event('before-request', '70', old, 'PUT'),
      event('send-headers', '75', moved, 'OPTIONS', { requestHeaders: acrm('PUT') }),
    ]);
    expect(orderedCalls(log).map((c) => [c.id, c.hops.map((hop) => hop.preflight?.requestId ?? null)])).toEqual([
      ['60', [null, '75']],
      ['70', [null]],
    ]);
  });

  test('the index of requests waiting to be sent empties as they are sent, end or are cleared', () => {
    const url = `${API}/index`;
    const log = run([...preflighted(80, url), event('before-request', '90', `${API}/simple`, 'GET')]);
    expect([...log.waitingByUrl.keys()]).toEqual([`${API}/simple`]);
    run([event('error', '90', `${API}/simple`, 'GET', { error: 'net::ERR_FAILED' })], log);
    expect([...log.waitingByUrl.keys()]).toEqual([]);
    run([event('before-request', '95', url, 'PUT'), event('before-request', '99', 'http://app.test:8000/', 'GET', { type: 'main_frame' })], log);
    expect(log.waitingByUrl.size).toBe(0);
  });

  test('matches on the requested method: a DELETE preflight never pairs with a PUT', () => {
    const url = `${API}/m`;
    const log = run([
      event('before-request', '40', url, 'PUT'),
      event('before-request', '42', url, 'DELETE'),
      event('send-headers', '43', url, 'OPTIONS', { requestHeaders: acrm('DELETE') }),
    ]);
    expect(orderedCalls(log).map((c) => [c.method, c.hops[0]?.preflight?.requestId ?? null])).toEqual([
      ['PUT', null],
      ['DELETE', '43'],
    ]);
  });

  test('a failed preflight leaves the actual request unsent and errored', () => {
    const url = `${API}/blocked`;
    const [call] = orderedCalls(
      run([
        event('before-request', '50', url, 'POST'),
        event('send-headers', '51', url, 'OPTIONS', { requestHeaders: acrm('POST', 'content-type') }),
        event('headers-received', '51', url, 'OPTIONS', { statusCode: 401 }),
        event('completed', '51', url, 'OPTIONS', { statusCode: 401 }),
        event('error', '50', url, 'POST', { error: 'net::ERR_FAILED' }),
      ]),
    );
    expect(call?.hops[0]?.requestHeaders).toBeNull();
    expect(call?.hops[0]?.preflight?.response?.status).toBe(401);
    expect(call?.state).toBe('errored');
    expect(call?.error).toBe('net::ERR_FAILED');
  });

  test("the page's own OPTIONS call is a call, and its preflight pairs with it", () => {
    const url = `${API}/options`;
    const [call, ...rest] = orderedCalls(
      run([
        event('before-request', '60', url, 'OPTIONS'),
        event('before-request', '61', url, 'OPTIONS'),
        event('send-headers', '61', url, 'OPTIONS', { requestHeaders: acrm('OPTIONS') }),
        event('completed', '61', url, 'OPTIONS', { statusCode: 204 }),
        event('send-headers', '60', url, 'OPTIONS', { requestHeaders: [h('Origin', PAGE)] }),
        event('completed', '60', url, 'OPTIONS'),
      ]),
    );
    expect(rest).toEqual([]);
    expect(call?.id).toBe('60');
    expect(call?.hops[0]?.preflight?.requestId).toBe('61');
    expect(call?.state).toBe('completed');
  });
});

describe('the response reaching the page', () => {
  // Chromium fires onResponseStarted only for a response that passed the CORS check, so the
  // checker can tell a call the page ended from a CORS block that ends with the same error.
  test('marks the hop whose response Chromium handed to the page, and not its preflight', () => {
    const url = `${API}/stream`;
    const [put, get] = orderedCalls(
      run([
        ...preflighted(200, url).slice(0, 4),
        event('response-started', '201', url, 'OPTIONS'),
        ...preflighted(200, url).slice(4, 7),
        event('response-started', '200', url, 'PUT', { timeStamp: 5000 }),
        event('error', '200', url, 'PUT', { error: 'net::ERR_FAILED' }),
        event('before-request', '210', url, 'GET'),
        event('send-headers', '210', url, 'GET', { requestHeaders: [h('Origin', PAGE)] }),
        event('headers-received', '210', url, 'GET', { responseHeaders: [h('Access-Control-Allow-Origin', '*')] }),
        event('error', '210', url, 'GET', { error: 'net::ERR_FAILED' }),
      ]),
    );
    expect(put?.hops[0]?.responseStartedAt).toBe(5000);
    expect(put?.hops[0]?.preflight?.response?.status).toBe(204);
    expect(put !== undefined && checkCall(put).outcome).toBe('ended-by-page');
    expect(get?.hops[0]?.responseStartedAt).toBeUndefined();
    expect(get !== undefined && checkCall(get).corsError?.code).toBe('WildcardOriginNotAllowed');
  });
});

describe('redirects', () => {
  test("a redirect the page did not follow leaves no hop for its target", () => {
    const url = `${API}/moved`;
    const [call] = orderedCalls(
      run([
        event('before-request', '210', url, 'GET'),
        event('send-headers', '210', url, 'GET', { requestHeaders: [h('Origin', PAGE)] }),
        event('before-redirect', '210', url, 'GET', { statusCode: 302, redirectUrl: `${API}/elsewhere` }),
        event('error', '210', url, 'GET', { error: 'net::ERR_ABORTED' }),
      ]),
    );
    expect(call?.hops.map((hop) => hop.url)).toEqual([url]);
    expect(call?.error).toBe('net::ERR_ABORTED');
  });
});

describe('redirects to schemes webRequest does not watch', () => {
  test('end the call, since no later event will', () => {
    const url = `${API}/custom`;
    const [call] = orderedCalls(
      run([
        event('before-request', '220', url, 'GET'),
        event('before-redirect', '220', url, 'GET', { statusCode: 302, redirectUrl: 'foo://bar/baz' }),
      ]),
    );
    expect(call?.state).toBe('errored');
    expect(call?.hops.map((hop) => hop.url)).toEqual([url, 'foo://bar/baz']);
  });
});

describe('what is listed', () => {
  test('same-origin calls are counted, not listed', () => {
    const url = `${PAGE}/local`;
    const log = run([event('before-request', '70', url, 'GET'), event('completed', '70', url, 'GET')]);
    expect(orderedCalls(log)).toEqual([]);
    expect(log.meta.sameOriginCount).toBe(1);
  });

  test('a same-origin request redirected cross-origin is listed with both hops', () => {
    const start = `${PAGE}/go`;
    const away = `${API}/landing`;
    const [call] = orderedCalls(
      run([
        event('before-request', '80', start, 'GET'),
        event('before-redirect', '80', start, 'GET', { statusCode: 302, redirectUrl: away }),
        event('before-request', '80', away, 'GET'),
        event('completed', '80', away, 'GET'),
      ]),
    );
    expect(call?.hops.map((hop) => [hop.url, hop.response?.status, hop.redirectUrl])).toEqual([
      [start, 302, away],
      [away, 200, null],
    ]);
  });

  test('a same-origin request first seen at its cross-origin redirect (its start was not kept) is listed', () => {
    const start = `${PAGE}/go`;
    const away = `${API}/landing`;
    const [call] = orderedCalls(
      run([event('before-redirect', '81', start, 'GET', { statusCode: 302, redirectUrl: away }), event('completed', '81', away, 'GET')]),
    );
    expect(call?.hops.map((hop) => [hop.url, hop.response?.status, hop.redirectUrl])).toEqual([
      [start, 302, away],
      [away, 200, null],
    ]);
  });

  test('no-cors images are dropped once their mode is known; fetch calls stay', () => {
    const img = { type: 'image' };
    const log = run([
      event('before-request', '90', `${API}/a.png`, 'GET', img),
      event('send-headers', '90', `${API}/a.png`, 'GET', { ...img, requestHeaders: [h('Sec-Fetch-Mode', 'no-cors')] }),
      event('before-request', '91', `${API}/b`, 'GET'),
      event('send-headers', '91', `${API}/b`, 'GET', { requestHeaders: [h('Sec-Fetch-Mode', 'no-cors')] }),
    ]);
    expect(orderedCalls(log).map((c) => c.id)).toEqual(['91']);
  });

  test('requests from DevTools, extensions and outside tabs are ignored', () => {
    const log = run([
      event('before-request', '100', `${API}/x`, 'GET', { initiator: 'chrome-extension://abc' }),
      event('before-request', '101', `${API}/x`, 'GET', { initiator: undefined }),
    ]);
    expect(orderedCalls(log)).toEqual([]);
  });

  test('a top-level navigation clears the log unless Preserve log is on', () => {
    const nav = event('before-request', '110', `${PAGE}/`, 'GET', { type: 'main_frame' });
    const cleared = run([...preflighted(120, `${API}/a`), nav]);
    expect(orderedCalls(cleared)).toEqual([]);
    const kept = newTabLog(emptyMeta(7, true));
    run([...preflighted(130, `${API}/a`), nav], kept);
    expect(orderedCalls(kept)).toHaveLength(1);
  });
});

// A stopped worker can lose the events it was handed last; the next worker sees a request
// mid-way. What the later events still tell must be rebuilt, never dropped.
describe('requests first seen mid-way', () => {
  test('a request whose first events were lost is listed from its later ones', () => {
    const url = `${API}/late`;
    const [call] = orderedCalls(
      run([event('headers-received', '140', url, 'GET', { responseHeaders: [h('X', '1')] }), event('error', '140', url, 'GET', { error: 'net::ERR_FAILED' })]),
    );
    expect(call?.hops[0]?.response?.headers).toEqual([h('X', '1')]);
    expect(call?.state).toBe('errored');
  });

  test('an event repeated after its request ended never lists the request twice', () => {
    const events = preflighted(60, `${API}/once`);
    const log = run([...events, ...events.slice(-3)]);
    expect(orderedCalls(log).map((c) => [c.id, c.state, c.incomplete])).toEqual([['60', 'completed', undefined]]);
  });

  test('a preflight kept on its own is merged into its request when that turns up', () => {
    const url = `${API}/merge`;
    const log = run([
      event('send-headers', '151', url, 'OPTIONS', { requestHeaders: acrm('PUT') }),
      event('completed', '151', url, 'OPTIONS', { statusCode: 204 }),
      event('error', '150', url, 'PUT', { error: 'net::ERR_FAILED' }),
    ]);
    const calls = orderedCalls(log);
    expect(calls.map((c) => [c.id, c.hops[0]?.preflight?.requestId, c.state])).toEqual([['150', '151', 'errored']]);
  });

  test('a preflight whose headers were lost still pairs by URL', () => {
    const url = `${API}/unannounced`;
    const [call, ...rest] = orderedCalls(
      run([
        event('before-request', '160', url, 'DELETE'),
        event('headers-received', '161', url, 'OPTIONS', { statusCode: 204 }),
        event('completed', '161', url, 'OPTIONS', { statusCode: 204 }),
      ]),
    );
    expect(rest).toEqual([]);
    expect(call?.hops[0]?.preflight?.response?.status).toBe(204);
  });

  test('requests cleared by a navigation stay cleared when their late events arrive', () => {
    const url = `${API}/old-page`;
    const log = run([
      event('before-request', '170', url, 'GET'),
      event('before-request', '171', `${PAGE}/`, 'GET', { type: 'main_frame' }),
      event('error', '170', url, 'GET', { error: 'net::ERR_ABORTED' }),
    ]);
    expect(orderedCalls(log)).toEqual([]);
  });
});

describe('bounding', () => {
  test('keeps the newest calls and counts the dropped ones', () => {
    const log = newTabLog(emptyMeta(7));
    log.maxCalls = 3;
    for (let i = 0; i < 5; i++) applyEvent(log, event('before-request', `r${i}`, `${API}/${i}`, 'GET'));
    expect(orderedCalls(log).map((c) => c.id)).toEqual(['r2', 'r3', 'r4']);
    expect(log.meta.droppedCount).toBe(2);
    // Events for a dropped request are ignored rather than reviving it.
    applyEvent(log, event('completed', 'r0', `${API}/0`, 'GET'));
    expect(orderedCalls(log)).toHaveLength(3);
  });
});

describe('requests tracked but not listed are bounded', () => {
  const held = MAX_TRACKED_REQUESTS + 300;

  test('same-origin requests held open: the oldest start times go, every request is still counted when it ends', () => {
    const url = (i: number) => `${PAGE}/hold?i=${i}`;
    const log = run(Array.from({ length: held }, (_, i) => event('before-request', String(2000 + i), url(i), 'GET')));
    expect(log.meta.sameOriginInflight.size).toBe(MAX_TRACKED_REQUESTS);
    expect(log.meta.sameOriginInflight.has(String(2000 + held - 1))).toBe(true);
    run(Array.from({ length: held }, (_, i) => event('completed', String(2000 + i), url(i), 'GET')), log);
    expect(log.meta.sameOriginInflight.size).toBe(0);
    expect(log.meta.sameOriginCount).toBe(held);
  });

  test('OPTIONS requests not yet sent, and requests cleared while in flight, are bounded too', () => {
    const log = run(Array.from({ length: held }, (_, i) => event('before-request', String(4000 + i), `${API}/o${i}`, 'OPTIONS')));
    expect(log.meta.pendingOptions.size).toBe(MAX_TRACKED_REQUESTS);
    run([event('before-request', '9000', `${PAGE}/`, 'GET', { type: 'main_frame' })], log);
    expect(log.meta.pendingOptions.size).toBe(0);
    expect(log.meta.ignored.size).toBe(MAX_TRACKED_REQUESTS);
  });
});

/** One simple GET whose request and response carry `request` and `response` as sent (through the
 * listeners' header capping); it ends as Chromium ends it, completed, or errored when `blocked`. */
function simpleCall(
  url: string,
  request: readonly HeaderLine[],
  response: readonly HeaderLine[],
  { keepCredentials = false, blocked = false } = {},
) {
  const responseHeaders = toHeaderLines([...response], keepCredentials);
  const ending = blocked
    ? [event('headers-received', '1', url, 'GET', { responseHeaders }), event('error', '1', url, 'GET', { error: 'net::ERR_FAILED' })]
    : [event('completed', '1', url, 'GET', { responseHeaders })];
  const [call] = orderedCalls(
    run([
      event('before-request', '1', url, 'GET'),
      event('send-headers', '1', url, 'GET', { requestHeaders: toHeaderLines([h('Origin', PAGE), ...request], keepCredentials) }),
      ...ending,
    ]),
  );
  if (call === undefined) throw new Error('no call listed');
  return call;
}

describe('what a hostile page sends is capped before capture holds it', () => {
  test('a 2 MB URL is cut in the in-flight maps and in the call, and says how long it was', () => {
    const url = `${API}/long?q=${'x'.repeat(2 * 1024 * 1024)}`;
    const log = run([event('before-request', '1', url, 'PUT'), event('before-request', '2', url, 'OPTIONS')]);
    const pending = log.meta.pendingOptions.get('2')?.url ?? '';
    expect(parseCutValue(pending)).toEqual({ kept: url.slice(0, MAX_URL_LENGTH), originalLength: url.length });
    const hopUrl = orderedCalls(log)[0]?.hops[0]?.url ?? '';
    expect(hopUrl).toBe(pending);
    expect(JSON.stringify(log.meta).length + JSON.stringify(orderedCalls(log)).length).toBeLessThan(3 * MAX_URL_LENGTH);
  });

  test('a long redirect target and a long error text are cut too', () => {
    const target = `${API}/to?${'y'.repeat(100_000)}`;
    const [call] = orderedCalls(
      run([
        event('before-request', '1', `${API}/from`, 'GET'),
        event('send-headers', '1', `${API}/from`, 'GET', { requestHeaders: [h('Origin', PAGE)] }),
        event('before-redirect', '1', `${API}/from`, 'GET', { statusCode: 302, redirectUrl: target }),
        event('error', '1', target, 'GET', { error: `net::ERR_${'Z'.repeat(10_000)}` }),
      ]),
    );
    expect(call?.hops.map((hop) => parseCutValue(hop.url)?.originalLength ?? null)).toEqual([null, target.length]);
    expect(call?.hops[0]?.redirectUrl).toBe(call?.hops[1]?.url);
    expect(parseCutValue(call?.error ?? '')?.kept).toHaveLength(MAX_ERROR_LENGTH);
  });

  test('a 1 MB header name is cut, and the cut name is never read as the header it starts with', () => {
    const call = simpleCall(`${API}/name`, [], [h(`Access-Control-Allow-Origin${'n'.repeat(1024 * 1024)}`, PAGE)], { blocked: true });
    const [line] = call.hops[0]?.response?.headers ?? [];
    expect(parseCutValue(line?.name ?? '')?.originalLength).toBe(1024 * 1024 + 27);
    expect(checkCall(call).corsError?.code).toBe('MissingAllowOriginHeader');
  });

  test('5,000 access-control-x-N lines before the real Access-Control-Allow-Origin: it is kept, the rest bounded, the verdict unchanged', () => {
    const junk = Array.from({ length: 5000 }, (_, i) => h(`access-control-x-${i}`, 'v'.repeat(100)));
    const call = simpleCall(`${API}/many`, [], [...junk, h('Access-Control-Allow-Origin', PAGE)]);
    const headers = call.hops[0]?.response?.headers ?? [];
    expect(headers.length).toBeLessThanOrEqual(MAX_HEADER_LINES + 2);
    expect(headers).toContainEqual(h('Access-Control-Allow-Origin', PAGE));
    expect(headers.at(-1)?.value).toMatch(/^\d+ more header lines not kept$/);
    expect(checkedLinesCut(headers)).toBe(0);
    expect(checkCall(call).outcome).toBe('allowed');
  });

  test('thousands of lines the checker reads are bounded on their own, and the call says the verdict may be off', () => {
    const many = Array.from({ length: 5000 }, () => h('Access-Control-Allow-Methods', 'GET'));
    const call = simpleCall(`${API}/checked`, [], [h('Access-Control-Allow-Origin', PAGE), ...many]);
    const headers = call.hops[0]?.response?.headers ?? [];
    expect(headers.filter((line) => line.name === 'Access-Control-Allow-Methods')).toHaveLength(MAX_CHECKED_LINES - 1);
    expect(checkedLinesCut(headers)).toBe(5000 - MAX_CHECKED_LINES + 1);
    expect(checkedLinesCutInCall(call)).toBe(5000 - MAX_CHECKED_LINES + 1);
    expect(headers.at(-1)?.value).toContain("the verdict may differ from Chromium's");
  });
});

describe('credential values', () => {
  const secretRequest = [h('Cookie', 'sid=s3cr3t-session-id'), h('Authorization', 'Bearer abc.def.ghi')];
  const wildcard = [h('Access-Control-Allow-Origin', '*'), h('Set-Cookie', 'sid=next; HttpOnly')];

  test('by default only presence and length are kept', () => {
    const call = simpleCall(`${API}/creds`, secretRequest, wildcard, { blocked: true });
    const sent = call.hops[0]?.requestHeaders ?? [];
    expect(sent).toContainEqual(h('Cookie', '<not recorded: 21 characters>'));
    expect(sent).toContainEqual(h('Authorization', '<not recorded: 18 characters>'));
    expect(call.hops[0]?.response?.headers).toContainEqual(h('Set-Cookie', '<not recorded: 18 characters>'));
    expect(JSON.stringify(call)).not.toMatch(/s3cr3t|abc\.def|sid=next/);
  });

  test('kept in full when the user turned on "Record credential values"', () => {
    const call = simpleCall(`${API}/creds`, secretRequest, wildcard, { keepCredentials: true, blocked: true });
    expect(call.hops[0]?.requestHeaders).toContainEqual(h('Cookie', 'sid=s3cr3t-session-id'));
  });

  test('the verdict is the same either way: presence is what it reads', () => {
    const withValues = checkCall(simpleCall(`${API}/creds`, secretRequest, wildcard, { keepCredentials: true, blocked: true }));
    const withMarkers = checkCall(simpleCall(`${API}/creds`, secretRequest, wildcard, { blocked: true }));
    expect(withMarkers.corsError?.code).toBe('WildcardOriginNotAllowed');
    expect(withMarkers.credentials).toBe('include');
    expect(withMarkers).toEqual(withValues);
  });
});

describe('Local Network Access and internal restarts', () => {
  const LNA = 'net::ERR_BLOCKED_BY_LOCAL_NETWORK_ACCESS_CHECKS';

  test('a blocked frame document is listed as a call of its own', () => {
    const url = `${API}/frame`;
    const calls = orderedCalls(
      run([
        event('before-request', '40', url, 'GET', { type: 'sub_frame' }),
        event('error', '40', url, 'GET', { type: 'sub_frame', error: LNA }),
      ]),
    );
    expect(calls).toHaveLength(1);
    expect(calls[0]).toMatchObject({ type: 'sub_frame', state: 'errored', error: LNA, initiator: PAGE });
    expect(calls[0]?.incomplete).toBeUndefined();
  });

  test('other frame documents stay out of the log', () => {
    const url = `${API}/frame`;
    const log = run([
      event('before-request', '41', url, 'GET', { type: 'sub_frame' }),
      event('error', '41', url, 'GET', { type: 'sub_frame', error: 'net::ERR_CONNECTION_REFUSED' }),
    ]);
    expect(orderedCalls(log)).toHaveLength(0);
  });

  test('a no-cors image that LNA blocks after its headers were sent is listed', () => {
    // Chromium 156 over https: Sec-Fetch-Mode no-cors is sent, then the address check fails.
    const url = `${API}/img`;
    const calls = orderedCalls(
      run([
        event('before-request', '50', url, 'GET', { type: 'image' }),
        event('send-headers', '50', url, 'GET', { type: 'image', requestHeaders: [h('Sec-Fetch-Mode', 'no-cors')] }),
        event('error', '50', url, 'GET', { type: 'image', error: LNA }),
      ]),
    );
    expect(calls.map((c) => [c.id, c.type, c.state, c.error])).toEqual([['50', 'image', 'errored', LNA]]);
  });

  test('a no-cors image that fails otherwise stays out of the log', () => {
    const url = `${API}/img`;
    const log = run([
      event('before-request', '52', url, 'GET', { type: 'image' }),
      event('send-headers', '52', url, 'GET', { type: 'image', requestHeaders: [h('Sec-Fetch-Mode', 'no-cors')] }),
      event('error', '52', url, 'GET', { type: 'image', error: 'net::ERR_CONNECTION_REFUSED' }),
    ]);
    expect(orderedCalls(log)).toHaveLength(0);
  });

  test('a load Chromium restarts itself (net::ERR_CACHE_MISS) is not listed', () => {
    const url = `${API}/font.woff2`;
    const calls = orderedCalls(
      run([
        event('before-request', '60', url, 'GET', { type: 'font' }),
        event('error', '60', url, 'GET', { type: 'font', error: 'net::ERR_CACHE_MISS' }),
        event('before-request', '61', url, 'GET', { type: 'font' }),
        event('send-headers', '61', url, 'GET', { type: 'font', requestHeaders: [h('Origin', PAGE), h('Sec-Fetch-Mode', 'cors')] }),
        event('completed', '61', url, 'GET', { type: 'font' }),
      ]),
    );
    expect(calls.map((c) => [c.id, c.state])).toEqual([['61', 'completed']]);
  });
});
