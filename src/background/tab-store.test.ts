// The hand-over between lives of the worker, against a storage.session stand-in that records the
// order of writes and removals and can stop answering mid-way, as a stopped worker does. What real
// Chromium does on a restart is covered end to end in e2e/worker-restart.spec.ts.
import { afterEach, beforeEach, expect, test, vi } from 'vitest';
import type { ObservedCall } from '../shared/observed-call';

const TAB = 7;
const OLD_KEY = `call:${TAB}:r1@oldlife`;

const call: ObservedCall = {
  id: 'r1',
  tabId: TAB,
  frameId: 0,
  type: 'xmlhttprequest',
  method: 'GET',
  initiator: 'http://app.test',
  hops: [
    {
      url: 'http://api.test/a',
      preflight: null,
      requestHeaders: [{ name: 'Origin', value: 'http://app.test' }],
      response: { status: 200, headers: [], fromCache: false, ip: null },
      redirectUrl: null,
      startedAt: 1,
      endedAt: 2,
    },
  ],
  state: 'completed',
  error: null,
  startedAt: 1,
  endedAt: 2,
};

/** Holds items like storage.session; `stopped` makes every later set() never settle, as when the
 * worker is stopped while its write is on the way. */
class FakeSession {
  readonly items = new Map<string, unknown>();
  readonly steps: string[] = [];
  stopped = false;

  getKeys = () => Promise.resolve([...this.items.keys()]);

  get = (keys: string | string[] | null) => {
    const wanted = keys === null ? [...this.items.keys()] : Array.isArray(keys) ? keys : [keys];
    return Promise.resolve(Object.fromEntries(wanted.filter((k) => this.items.has(k)).map((k) => [k, this.items.get(k)])));
  };

  set = (items: Record<string, unknown>) => {
    this.steps.push(`set ${Object.keys(items).sort().join(' ')}`);
    if (this.stopped) return new Promise<void>(() => undefined);
    for (const [key, value] of Object.entries(items)) this.items.set(key, value);
    return Promise.resolve();
  };

  remove = (keys: string | string[]) => {
    const list = Array.isArray(keys) ? keys : [keys];
    this.steps.push(`remove ${list.join(' ')}`);
    for (const key of list) this.items.delete(key);
    return Promise.resolve();
  };
}

let session: FakeSession;

beforeEach(() => {
  vi.resetModules();
  session = new FakeSession();
  session.items.set(`tab:${TAB}`, { droppedCount: 0, sameOriginCount: 0, preserveLog: false, pendingOptions: {}, sameOriginInflight: {}, ignored: {} });
  session.items.set(OLD_KEY, JSON.stringify(call));
  vi.stubGlobal('chrome', { storage: { session } });
});

afterEach(() => {
  vi.unstubAllGlobals();
});

test('the merged copy is written before the old life’s record is removed', async () => {
  const { readCalls } = await import('./tab-store');
  const { calls } = await readCalls(TAB);
  expect(calls.map((c) => c.id)).toEqual(['r1']);
  const written = session.steps.findIndex((s) => s.startsWith('set') && /call:7:r1@(?!oldlife)/.test(s));
  const removed = session.steps.indexOf(`remove ${OLD_KEY}`);
  expect(written).toBeGreaterThanOrEqual(0);
  expect(removed).toBeGreaterThan(written);
  expect(session.items.has(OLD_KEY)).toBe(false);
});

test('a worker stopped while writing the merged copy leaves the old record in place', async () => {
  session.stopped = true;
  const { readCalls } = await import('./tab-store');
  void readCalls(TAB);
  await vi.waitFor(() => expect(session.steps.some((s) => s.startsWith('set'))).toBe(true));
  // Give a removal queued behind the write every chance to run.
  await new Promise((resolve) => setTimeout(resolve, 100));
  expect(session.items.get(OLD_KEY)).toBe(JSON.stringify(call));
});
