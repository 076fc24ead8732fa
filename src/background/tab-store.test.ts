// The store against a storage.session stand-in that records the order of writes and removals, can
// stop answering mid-way, as a stopped worker does, and can refuse writes past a quota. What real
// Chromium does on a restart is covered end to end in e2e/worker-restart.spec.ts, at the real
// quota in e2e/reliability/storage-full.spec.ts and inflight-flood.spec.ts.
import { afterEach, beforeEach, describe, expect, test, vi } from 'vitest';
import type { ObservedCall } from '../shared/observed-call';
import { testWireEvent } from './test-wire-event';

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
 * worker is stopped while its write is on the way. A set() that would take more than `quotaBytes`
 * (each item counted as its key and JSON length, close to what Chromium counts) fails as
 * Chromium's does, storing nothing. */
class FakeSession {
  readonly items = new Map<string, unknown>();
  readonly steps: string[] = [];
  stopped = false;
  quotaBytes = Infinity;
  /** What get() handed out: how often the whole store was asked for, and the bytes returned. */
  wholeStoreReads = 0;
  bytesRead = 0;

  bytesInUse(keys: Iterable<string> = this.items.keys()): number {
    let bytes = 0;
    for (const key of keys) if (this.items.has(key)) bytes += key.length + JSON.stringify(this.items.get(key)).length;
    return bytes;
  }

  getKeys = () => Promise.resolve([...this.items.keys()]);

  get = (keys: string | string[] | null) => {
    if (keys === null) this.wholeStoreReads++;
    const wanted = keys === null ? [...this.items.keys()] : Array.isArray(keys) ? keys : [keys];
    this.bytesRead += this.bytesInUse(wanted);
    return Promise.resolve(Object.fromEntries(wanted.filter((k) => this.items.has(k)).map((k) => [k, this.items.get(k)])));
  };

  set = (items: Record<string, unknown>) => {
    this.steps.push(`set ${Object.keys(items).sort().join(' ')}`);
    if (this.stopped) return new Promise<void>(() => undefined);
    const replaced = this.bytesInUse(Object.keys(items));
    const added = Object.entries(items).reduce((sum, [key, value]) => sum + key.length + JSON.stringify(value).length, 0);
    if (this.bytesInUse() - replaced + added > this.quotaBytes) {
      return Promise.reject(new Error('Session storage quota bytes exceeded. Values were not stored.'));
    }
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
  session.items.set(
    `tab:${TAB}`,
    JSON.stringify({ droppedCount: 0, sameOriginCount: 0, preserveLog: false, storageFull: false, pendingOptions: {}, sameOriginInflight: {}, ignored: [] }),
  );
  session.items.set(OLD_KEY, JSON.stringify(call));
  vi.stubGlobal('chrome', { storage: { session } });
});

afterEach(async () => {
  // Batches a test left scheduled are written before its storage goes, never into the next test's.
  await new Promise((resolve) => setTimeout(resolve, 100));
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

/** The tab's stored meta, read whichever way it is stored (JSON text or an object). */
function storedMeta(tabId: number): Record<string, unknown> | undefined {
  const stored = session.items.get(`tab:${tabId}`);
  return (typeof stored === 'string' ? JSON.parse(stored) : stored) as Record<string, unknown> | undefined;
}

describe('storage.session full', () => {
  const OTHER = 8;
  const FLOOD = 9;
  const PAGE = 'http://app.test';
  const MB = 2 ** 20;

  /** `count` copies of the fixture call in `tabId`, written. */
  async function fill(tabId: number, count: number): Promise<void> {
    const { withTab, readCalls } = await import('./tab-store');
    const { addCall } = await import('./tab-log');
    await withTab(tabId, (log) => {
      for (let i = 0; i < count; i++) addCall(log, { ...call, id: `c${i}`, tabId });
    });
    await readCalls(tabId);
  }

  /** The page in `tabId` starts `count` same-origin requests and holds them open. */
  async function holdSameOrigin(tabId: number, count: number, padding: string): Promise<void> {
    const { withTab } = await import('./tab-store');
    const { applyEvent } = await import('./capture');
    await withTab(tabId, (log) => {
      for (let i = 0; i < count; i++) {
        const url = `${PAGE}/hold?i=${i}&pad=${padding}`;
        applyEvent(log, testWireEvent('before-request', { requestId: String(1000 + i), url, tabId, initiator: PAGE, timeStamp: i }));
      }
    });
  }

  test("1,300 same-origin requests with 8 KB URLs held open: the tab's meta stays small, and another tab keeps all of its calls", async () => {
    session.quotaBytes = 10 * MB;
    const { readCalls } = await import('./tab-store');
    await fill(OTHER, 700);
    await holdSameOrigin(FLOOD, 1300, 'x'.repeat(8000));
    const flood = await readCalls(FLOOD);
    expect(flood.calls).toEqual([]);
    const metaBytes = session.bytesInUse([`tab:${FLOOD}`]);
    console.info(`flood tab meta: ${metaBytes} bytes`);
    expect(metaBytes).toBeLessThan(64 * 1024);
    const other = await readCalls(OTHER);
    expect(other.calls).toHaveLength(700);
    expect(other.counters).toEqual({ droppedCount: 0, sameOriginCount: 0, preserveLog: false });
  });

  test('a tab with no calls whose meta does not fit takes no room from another tab; its panel is told the store is full', async () => {
    const { readCalls, onTabChange } = await import('./tab-store');
    await fill(OTHER, 700);
    session.quotaBytes = session.bytesInUse() + 100;
    const told: unknown[] = [];
    onTabChange((tabId, change) => {
      if (tabId === FLOOD) told.push(change.counters);
    });
    await holdSameOrigin(FLOOD, 50, '');
    const flood = await readCalls(FLOOD);
    expect(flood.counters.storageFull).toBe(true);
    expect(told).toContainEqual(expect.objectContaining({ storageFull: true }));
    const other = await readCalls(OTHER);
    expect(other.calls).toHaveLength(700);
    expect(other.counters.storageFull).toBeUndefined();
  });

  test('calls of a tab that hold nothing yet still get room from the tab holding the most', async () => {
    const { readCalls } = await import('./tab-store');
    await fill(OTHER, 700);
    session.quotaBytes = session.bytesInUse() + 100;
    await fill(FLOOD, 1);
    const other = await readCalls(OTHER);
    expect(other.calls).toHaveLength(630);
    expect(other.counters).toMatchObject({ droppedCount: 70, storageFull: true });
  });

  test('an OPTIONS request that ends before sending its headers leaves nothing pending in the stored meta', async () => {
    const { withTab, readCalls } = await import('./tab-store');
    const { applyEvent } = await import('./capture');
    const fields = { requestId: '500', url: 'http://api.test/x', method: 'OPTIONS', tabId: OTHER, initiator: PAGE };
    await withTab(OTHER, (log) => {
      applyEvent(log, testWireEvent('before-request', fields));
      applyEvent(log, testWireEvent('error', { ...fields, error: 'net::ERR_ABORTED' }));
    });
    await readCalls(OTHER);
    expect(storedMeta(OTHER)).toMatchObject({ droppedCount: 0, pendingOptions: {} });
    expect(storedMeta(OTHER)?.pendingOptions).toEqual({});
  });

  test('a restarted worker still knows when a same-origin request in flight started', async () => {
    const first = await import('./tab-store');
    const { applyEvent } = await import('./capture');
    const fields = { requestId: '600', url: `${PAGE}/go`, tabId: OTHER, initiator: PAGE };
    await first.withTab(OTHER, (log) => applyEvent(log, testWireEvent('before-request', { ...fields, timeStamp: 5 })));
    await first.readCalls(OTHER);
    vi.resetModules();
    const next = await import('./tab-store');
    const capture = await import('./capture');
    const redirect = testWireEvent('before-redirect', { ...fields, timeStamp: 9, statusCode: 302, redirectUrl: 'http://api.test/landing' });
    await next.withTab(OTHER, (log) => capture.applyEvent(log, redirect));
    const { calls } = await next.readCalls(OTHER);
    expect(calls.map((c) => [c.id, c.startedAt, c.hops[0]?.url])).toEqual([['600', 5, `${PAGE}/go`]]);
  });
});

describe('closing a tab', () => {
  test("reads only the tab's own keys and the closed-tab list, never the whole store", async () => {
    const { addCall } = await import('./tab-log');
    const { forgetTab, readCalls, withTab } = await import('./tab-store');
    for (const tabId of [1, 2]) {
      await withTab(tabId, (log) => {
        for (let i = 0; i < 700; i++) addCall(log, { ...call, id: `c${i}`, tabId });
      });
      await readCalls(tabId);
    }
    const storeBytes = session.bytesInUse();
    session.bytesRead = 0;
    await forgetTab(1);
    console.info(`bytes read closing a tab: ${session.bytesRead} of ${storeBytes} in the store`);
    expect(session.wholeStoreReads).toBe(0);
    expect(session.bytesRead).toBeLessThan(100);
    expect([...session.items.keys()].filter((key) => key === 'tab:1' || key.startsWith('call:1:'))).toEqual([]);
    expect([...session.items.keys()].filter((key) => key.startsWith('call:2:'))).toHaveLength(700);

    // The closed tab stays closed for the next life of the worker, with tabs closed before it.
    await forgetTab(2);
    vi.resetModules();
    const next = await import('./tab-store');
    await next.forgetTab(3);
    expect(new Set(session.items.get('closed-tabs') as number[])).toEqual(new Set([1, 2, 3]));
    expect(await next.withTab(1, () => 'ran')).toBeUndefined();
  });
});
