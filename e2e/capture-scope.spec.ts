// Capture scope: "all tabs" or "tabs with DevTools open". In the second, the worker's listeners
// are filtered to the inspected tabs (one set per tab) and removed when none is inspected, and no
// call is lost when the scope changes or a panel opens or closes while calls are in flight: a call
// seen starting is followed to its end, and while one listener set replaces another both are kept
// for a moment without recording anything twice.
import type { BrowserContext, Page, Worker } from '@playwright/test';
import { expect } from '@playwright/test';
import type { Playground } from '../playground/servers';
import { extensionWorker, type LaunchedBrowser } from '../src/playwright/launch';
import { findTabId, readCorsReport, readObservedCalls } from '../src/playwright/read-report';
import type { SeamsBuildGlobal } from '../src/background/seams-build-seam';
import type { ListenerSetKey } from '../src/background/scoped-listeners';
import { CAPTURE_SCOPE_KEY, type CaptureScope } from '../src/shared/capture-scope';
import { burst, kindOf } from './support/call-kinds';
import { SEAMS_EXTENSION_PATH } from './support/fixtures';
import { testWithOwnBrowser } from './support/own-browser';
import { stopExtensionWorker } from './support/stop-worker';
import { takenIn } from './support/taken-in';

// Its own browser: a narrowed scope must not leak into the other specs' shared one. The seams
// build, for its view of the registered listener sets.
const test = testWithOwnBrowser([], SEAMS_EXTENSION_PATH);

/** The listener sets the worker has registered (tab ids first), and whether Chromium has any
 * onBeforeRequest listener of ours. */
async function listeners(worker: Worker): Promise<{ sets: ListenerSetKey[]; onBeforeRequest: boolean }> {
  const state = await worker.evaluate(() => ({
    sets: (globalThis as unknown as SeamsBuildGlobal).corsLens.listenerSets(),
    onBeforeRequest: chrome.webRequest.onBeforeRequest.hasListeners(),
  }));
  return { ...state, sets: state.sets.sort((a, b) => String(a).localeCompare(String(b))) };
}

async function openPanel(lens: LaunchedBrowser, tabId: number): Promise<Page> {
  const panel = await lens.context.newPage();
  await panel.goto(`chrome-extension://${lens.extensionId}/src/panel/panel.html?tabId=${tabId}`);
  await panel.locator('[role="grid"], [data-testid="empty-state"]').first().waitFor();
  return panel;
}

function setScope(worker: Worker, scope: CaptureScope): Promise<void> {
  return worker.evaluate(([key, value]) => chrome.storage.local.set({ [key]: value }), [CAPTURE_SCOPE_KEY, scope] as const);
}

/** Two pages on the playground: the one to inspect (and its tab id), and another. */
async function twoPages(lens: LaunchedBrowser, playground: Playground) {
  const inspected = await lens.context.newPage();
  const other = await lens.context.newPage();
  await inspected.goto(`${playground.appOrigin}/blank`);
  await other.goto(`${playground.appOrigin}/blank`);
  return { inspected, other, tabId: await findTabId(lens.context, inspected) };
}

async function callsOf(context: BrowserContext, page: Page, label: string) {
  const calls = await readObservedCalls(context, { page, settleTimeout: 0 });
  return calls.filter((c) => c.hops[0]?.url.includes(`burst=${label}-`));
}

/** Released from Node, over loopback, so the release is no call of the pages'. */
async function release(playground: Playground, label: string): Promise<void> {
  await fetch(`http://127.0.0.1:${new URL(playground.apiOrigin).port}/release?hold=${label}`, { method: 'POST' });
}

/** Every call labelled `label` is listed once, complete, with the verdict its kind must get. */
async function expectWhole(context: BrowserContext, page: Page, label: string, count: number): Promise<void> {
  const report = await readCorsReport(context, { page, settleTimeout: 5_000 });
  const calls = report.calls.filter((c) => c.url.includes(`burst=${label}-`));
  const indexOf = (url: string) => Number(/burst=\w+-(\d+)/.exec(url)?.[1]);
  expect(calls.map((c) => indexOf(c.url)).sort((a, b) => a - b)).toEqual(Array.from({ length: count }, (_, i) => i));
  for (const call of calls) {
    const kind = kindOf(indexOf(call.url));
    expect({ url: call.url, outcome: call.outcome, code: call.corsError?.code ?? null, preflight: call.preflight?.status ?? null, complete: call.complete }).toEqual({
      url: call.url,
      outcome: kind.outcome,
      code: kind.code,
      preflight: kind.preflight,
      complete: true,
    });
  }
}

test('tabs with DevTools open: listeners only for inspected tabs, none without a panel, kept across a worker restart', async ({ lens, playground }) => {
  const { context } = lens;
  const { inspected, other, tabId } = await twoPages(lens, playground);
  expect(await listeners(lens.serviceWorker)).toEqual({ sets: ['every-tab'], onBeforeRequest: true });
  // The toolbar button's right-click menu offers both scopes (updating an item fails if it is missing).
  const menuItems = await lens.serviceWorker.evaluate(() =>
    Promise.all(['all-tabs', 'inspected-tabs'].map((s) => chrome.contextMenus.update(`capture-scope:${s}`, {}).then(() => s, () => null))),
  );
  expect(menuItems).toEqual(['all-tabs', 'inspected-tabs']);

  // Chosen in the panel's toolbar.
  const panel = await openPanel(lens, tabId);
  await panel.getByTestId('capture-scope').selectOption('inspected-tabs');
  await expect.poll(() => listeners(lens.serviceWorker)).toEqual({ sets: [tabId], onBeforeRequest: true });

  await burst(inspected, playground.apiOrigin, 'seen', 4);
  await burst(other, playground.apiOrigin, 'unseen', 4);
  await expectWhole(context, inspected, 'seen', 4);
  expect(await callsOf(context, other, 'unseen')).toEqual([]);

  // The panel closes: no listener at all, so Chromium routes no request through CORS Lens.
  await panel.close();
  await expect.poll(() => listeners(lens.serviceWorker)).toEqual({ sets: [], onBeforeRequest: false });
  await burst(inspected, playground.apiOrigin, 'closed', 4);
  expect(await callsOf(context, inspected, 'closed')).toEqual([]);

  // The choice and the inspected tabs outlive the worker: a restarted worker listens to the
  // inspected tab alone, before and after its panel's port comes back.
  const again = await openPanel(lens, tabId);
  await expect.poll(() => listeners(lens.serviceWorker)).toEqual({ sets: [tabId], onBeforeRequest: true });
  await stopExtensionWorker(inspected);
  const worker = await extensionWorker(context);
  await expect(again.getByTestId('capture-scope')).toHaveValue('inspected-tabs');
  await expect.poll(() => listeners(worker)).toEqual({ sets: [tabId], onBeforeRequest: true });
  await burst(inspected, playground.apiOrigin, 'restarted', 4);
  await burst(other, playground.apiOrigin, 'restarted-other', 4);
  await expectWhole(context, inspected, 'restarted', 4);
  expect(await callsOf(context, other, 'restarted-other')).toEqual([]);

  // Back to all tabs from the panel: one unfiltered set.
  await again.getByTestId('capture-scope').selectOption('all-tabs');
  await expect.poll(() => listeners(worker)).toEqual({ sets: ['every-tab'], onBeforeRequest: true });
});

// Chromium runs six connections per host; two pages hold three calls each (the first three kinds,
// none of which ends at its preflight).
const HELD = 3;

test('no call is lost when the scope changes or a panel opens or closes while calls are held by the server', async ({ lens, playground }) => {
  const { context } = lens;
  const { inspected, other, tabId } = await twoPages(lens, playground);
  const panel = await openPanel(lens, tabId);
  const worker = lens.serviceWorker;

  /** Starts held bursts in both pages, waits until the worker has seen those of the pages in
   * scope sent (it must see nothing of the others), runs `change`, then releases them. */
  async function heldAcross(label: string, seen: { inspected: boolean; other: boolean }, change: () => Promise<void>): Promise<void> {
    const pages = [
      { page: inspected, label, seen: seen.inspected },
      { page: other, label: `${label}o`, seen: seen.other },
    ];
    const done = pages.map((p) => burst(p.page, playground.apiOrigin, p.label, HELD, true));
    for (const p of pages) {
      const expected = p.seen ? { seen: HELD, inFlight: HELD, sent: HELD } : { seen: 0, inFlight: 0, sent: 0 };
      await expect.poll(async () => takenIn(await callsOf(context, p.page, p.label))).toEqual(expected);
    }
    await change();
    for (const p of pages) await release(playground, p.label);
    await Promise.all(done);
  }

  // All tabs → inspected tabs: both pages' calls started in scope, so both end whole, though the
  // other page's tab has no listener set any more once they are done.
  await heldAcross('narrow', { inspected: true, other: true }, async () => {
    await setScope(worker, 'inspected-tabs');
    await expect.poll(() => listeners(worker)).toEqual({ sets: [tabId, 'every-tab'], onBeforeRequest: true });
  });
  await expectWhole(context, inspected, 'narrow', HELD);
  await expectWhole(context, other, 'narrowo', HELD);
  await expect.poll(() => listeners(worker)).toEqual({ sets: [tabId], onBeforeRequest: true });

  // Inspected tabs → all tabs: the inspected page's calls move from its own set to the unfiltered one.
  await heldAcross('widen', { inspected: true, other: false }, async () => {
    await setScope(worker, 'all-tabs');
    await expect.poll(() => listeners(worker)).toEqual({ sets: ['every-tab'], onBeforeRequest: true });
  });
  await expectWhole(context, inspected, 'widen', HELD);
  expect(await callsOf(context, other, 'widen')).toEqual([]);

  // The panel closes while its tab's calls are held: they still end whole.
  await setScope(worker, 'inspected-tabs');
  await expect.poll(() => listeners(worker)).toEqual({ sets: [tabId], onBeforeRequest: true });
  await heldAcross('closing', { inspected: true, other: false }, async () => {
    await panel.close();
    // Kept while the held calls are in flight, then removed.
    await new Promise((resolve) => setTimeout(resolve, 1_500));
    expect(await listeners(worker)).toEqual({ sets: [tabId], onBeforeRequest: true });
  });
  await expectWhole(context, inspected, 'closing', HELD);
  await expect.poll(() => listeners(worker)).toEqual({ sets: [], onBeforeRequest: false });

  // A panel opens on the other tab, and the scope widens and narrows again, while calls are held.
  await heldAcross('opening', { inspected: false, other: false }, async () => {
    const otherTabId = await findTabId(context, other);
    await openPanel(lens, otherTabId);
    await setScope(worker, 'all-tabs');
    await setScope(worker, 'inspected-tabs');
    await expect.poll(() => listeners(worker)).toEqual({ sets: [otherTabId, 'every-tab'], onBeforeRequest: true });
  });
  // The inspected page's calls started with no listener for its tab: none is listed, not a part of one.
  expect(await callsOf(context, inspected, 'opening')).toEqual([]);
  // The other page's calls were on the wire before its panel opened: their ends are recorded,
  // marked incomplete (their start and request headers were never seen), as after a worker restart.
  const joinedLate = await callsOf(context, other, 'openingo');
  expect(joinedLate.map((c) => ({ ended: c.state !== 'in-flight', incomplete: c.incomplete }))).toEqual(
    Array.from({ length: HELD }, () => ({ ended: true, incomplete: true })),
  );
});

// Real DevTools, which opens for every tab with this switch: its devtools page tells the worker
// which tab it inspects, before the CORS panel is ever shown, and closing the tab ends it.
const withDevtools = testWithOwnBrowser(['--auto-open-devtools-for-tabs'], SEAMS_EXTENSION_PATH);

withDevtools('a tab with DevTools open is inspected before the CORS panel is shown', async ({ lens, playground }) => {
  const page = await lens.context.newPage();
  await page.goto(`${playground.appOrigin}/blank`);
  const tabId = await findTabId(lens.context, page);
  await setScope(lens.serviceWorker, 'inspected-tabs');
  await expect.poll(async () => (await listeners(lens.serviceWorker)).sets).toContain(tabId);
  await burst(page, playground.apiOrigin, 'devtools', 4);
  await expectWhole(lens.context, page, 'devtools', 4);

  await page.close();
  await expect.poll(async () => (await listeners(lens.serviceWorker)).sets).not.toContain(tabId);
});
