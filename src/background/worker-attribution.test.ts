import { describe, expect, test } from 'vitest';
import type { HeaderLine } from '../shared/observed-call';
import { checkCall } from '../shared/cors/checker';
import { applyEvent } from './capture';
import { emptyMeta, newTabLog, orderedCalls, type TabLog } from './tab-log';
import { testWireEvent } from './test-wire-event';
import type { WireEvent } from './wire-event';
import {
  callerFor,
  isWorkerEvent,
  noteWorkerKind,
  routeWorkerEvent,
  tabsOfOrigin,
  workerScript,
  type OpenTab,
  type WorkerKinds,
  type WorkerRoutes,
} from './worker-attribution';

// Events as Chromium 156 reports a service worker's fetch: tabId -1, frameId -1, the worker's
// origin as initiator, type xmlhttprequest.
const APP = 'https://app.test:8443';
const API = 'https://api.test:8443/x';
let clock = 1000;

function workerEvent(kind: WireEvent['kind'], id: string, method = 'GET', extra: Partial<Record<string, unknown>> = {}): WireEvent {
  return testWireEvent(kind, { requestId: id, url: API, method, tabId: -1, frameId: -1, initiator: APP, timeStamp: clock++, ...extra });
}

const h = (name: string, value: string): HeaderLine => ({ name, value });
const TABS: OpenTab[] = [
  { id: 1, url: `${APP}/inbox` },
  { id: 2, url: 'https://other.test/' },
  { id: 3, url: `${APP}/settings` },
  { id: 4 }, // a tab whose URL the extension may not read
];

describe('which events are a worker\'s', () => {
  test('a web origin\'s request with no tab is; a page\'s, the browser\'s or an extension\'s is not', () => {
    expect(isWorkerEvent(workerEvent('before-request', '1'))).toBe(true);
    expect(isWorkerEvent({ ...workerEvent('before-request', '1'), tabId: 5 })).toBe(false);
    expect(isWorkerEvent({ ...workerEvent('before-request', '1'), initiator: undefined })).toBe(false);
    expect(isWorkerEvent({ ...workerEvent('before-request', '1'), initiator: 'chrome-extension://abc' })).toBe(false);
    expect(isWorkerEvent({ ...workerEvent('before-request', '1'), initiator: 'null' })).toBe(false);
  });
});

describe('the kind of worker', () => {
  const script = (dest: string): WireEvent =>
    workerEvent('send-headers', '9', 'GET', { type: 'script', url: `${APP}/sw.js`, requestHeaders: [h('Sec-Fetch-Dest', dest)] });

  test('is read from the worker script\'s Sec-Fetch-Dest', () => {
    expect(workerScript(script('serviceworker'))).toEqual({ origin: APP, kind: 'service-worker' });
    expect(workerScript(script('sharedworker'))).toEqual({ origin: APP, kind: 'shared-worker' });
    expect(workerScript(script('script'))).toBeNull();
    expect(workerScript(workerEvent('before-request', '9', 'GET', { type: 'script', url: `${APP}/sw.js` }))).toBeNull();
  });

  test('is the one kind the origin runs, or "worker" when none or both were seen', () => {
    const kinds: WorkerKinds = {};
    expect(callerFor(APP, kinds)).toBe('worker');
    expect(noteWorkerKind(kinds, APP, 'service-worker')).toBe(true);
    expect(noteWorkerKind(kinds, APP, 'service-worker')).toBe(false);
    expect(callerFor(APP, kinds)).toBe('service-worker');
    noteWorkerKind(kinds, APP, 'shared-worker');
    expect(callerFor(APP, kinds)).toBe('worker');
  });
});

describe('routing a worker\'s events to tabs', () => {
  test('every open tab of the worker\'s origin gets the event, marked with the caller', () => {
    expect(tabsOfOrigin(APP, TABS)).toEqual([1, 3]);
    const routed = routeWorkerEvent(workerEvent('before-request', '10'), TABS, { [APP]: ['shared-worker'] }, new Map());
    expect(routed.map((e) => [e.tabId, e.caller])).toEqual([
      [1, 'shared-worker'],
      [3, 'shared-worker'],
    ]);
  });

  test('with no tab of that origin open, the event goes nowhere', () => {
    expect(routeWorkerEvent(workerEvent('before-request', '11'), [{ id: 2, url: 'https://other.test/' }], {}, new Map())).toEqual([]);
  });

  test('a request keeps the tabs it started in, and is forgotten when it ends', () => {
    const routes: WorkerRoutes = new Map();
    routeWorkerEvent(workerEvent('before-request', '12'), [{ id: 1, url: APP }], {}, routes);
    const later = routeWorkerEvent(workerEvent('send-headers', '12'), TABS, {}, routes);
    expect(later.map((e) => e.tabId)).toEqual([1]);
    const ended = routeWorkerEvent(workerEvent('error', '12', 'GET', { error: 'net::ERR_FAILED' }), TABS, {}, routes);
    expect(ended.map((e) => e.tabId)).toEqual([1]);
    expect(routes.has('12')).toBe(false);
  });
});

describe('a worker\'s calls in a tab log', () => {
  function capture(events: readonly WireEvent[], tabId: number): TabLog {
    const log = newTabLog(emptyMeta(tabId));
    const routes: WorkerRoutes = new Map();
    for (const event of events) {
      for (const routed of routeWorkerEvent(event, TABS, { [APP]: ['service-worker'] }, routes)) {
        if (routed.tabId === tabId) applyEvent(log, routed);
      }
    }
    return log;
  }

  test('a preflight and its request, both without a tab, pair up in each tab of the origin', () => {
    const origin = h('Origin', APP);
    const events = [
      workerEvent('before-request', '20', 'PUT'),
      workerEvent('before-request', '21', 'OPTIONS'),
      workerEvent('send-headers', '21', 'OPTIONS', { requestHeaders: [origin, h('Access-Control-Request-Method', 'PUT')] }),
      workerEvent('headers-received', '21', 'OPTIONS', { statusCode: 204 }),
      workerEvent('completed', '21', 'OPTIONS', { statusCode: 204 }),
      workerEvent('error', '20', 'PUT', { error: 'net::ERR_FAILED' }),
    ];
    for (const tabId of [1, 3]) {
      const calls = orderedCalls(capture(events, tabId));
      expect(calls).toHaveLength(1);
      const [call] = calls;
      expect(call?.caller).toBe('service-worker');
      expect(call?.tabId).toBe(tabId);
      expect(call?.hops[0]?.preflight?.requestId).toBe('21');
      expect(checkCall(call!).corsError?.code).toBe('PreflightMissingAllowOriginHeader');
    }
    expect(orderedCalls(capture(events, 2))).toEqual([]);
  });

  test('a page call carries no caller', () => {
    const log = newTabLog(emptyMeta(1));
    applyEvent(log, { ...workerEvent('before-request', '30'), tabId: 1, frameId: 0 });
    expect(orderedCalls(log)[0]?.caller).toBeUndefined();
  });
});
