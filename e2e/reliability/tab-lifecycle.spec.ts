// What CORS Lens keeps lives exactly as long as its tab and its browser session: a tab closed in
// the middle of a stream of calls is freed for good, and a restarted browser starts empty.
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Locator, Page, Worker } from '@playwright/test';
import { findTabId, readObservedCalls } from '../../src/playwright/read-report';
import { launchWithCorsLens, type LaunchedBrowser } from '../../src/playwright/launch';
import { PanelPage } from '../pages/panel-page';
import { EXTENSION_PATH, expect, TEST_HOSTS, test } from '../support/fixtures';

/** Storage keys the worker holds for one tab (its meta and one per call). */
function storedKeysOf(worker: Worker, tabId: number): Promise<string[]> {
  return worker.evaluate(async (id) => {
    const all = await chrome.storage.session.get(null);
    return Object.keys(all).filter((key) => key === `tab:${id}` || key.startsWith(`call:${id}:`));
  }, tabId);
}

test('a tab closed in the middle of a stream of calls leaves nothing behind', async ({ lens, playground }) => {
  const page = await lens.context.newPage();
  await page.goto(`${playground.appOrigin}/blank`);
  const tabId = await findTabId(lens.context, page);
  // Six calls held by the server fill Chromium's six connections to api.test, so the rest of the
  // stream queues behind them: when the tab closes, dozens of calls are in flight and Chromium
  // cancels them all, delivering their errors around the tab's onRemoved.
  await page.evaluate(
    ({ api, other }) => {
      for (let i = 0; i < 6; i++) void fetch(`${api}/simple/allowed?hold=closing&i=${i}`).catch(() => undefined);
      for (let i = 0; i < 60; i++) void fetch(`${api}/simple/allowed?queued=${i}`).catch(() => undefined);
      setInterval(() => void fetch(`${other}/simple/allowed?stream=${Date.now()}`).catch(() => undefined), 5);
    },
    { api: playground.apiOrigin, other: playground.otherOrigin },
  );
  await expect.poll(async () => (await readObservedCalls(lens.context, { tabId, settleTimeout: 0 })).length).toBeGreaterThan(66);
  const worker = lens.serviceWorker;
  expect((await storedKeysOf(worker, tabId)).length).toBeGreaterThan(0);

  await page.close();
  await fetch(`http://127.0.0.1:${new URL(playground.apiOrigin).port}/release?hold=closing`, { method: 'POST' });
  // The cancelled calls' last events arrive after onRemoved; give them time to be (not) stored.
  await expect.poll(() => storedKeysOf(worker, tabId)).toEqual([]);
  await new Promise((resolve) => setTimeout(resolve, 1_500));
  expect(await storedKeysOf(worker, tabId)).toEqual([]);
  expect(await readObservedCalls(lens.context, { tabId, settleTimeout: 0 })).toEqual([]);
});

test('a restarted browser shows nothing from the last session, and nothing of it was on disk', async ({ playground }) => {
  const userDataDir = await mkdtemp(join(tmpdir(), 'cors-lens-restart-'));
  const token = `restart-${Date.now()}`;
  try {
    const first = await launchWithCorsLens({ extensionPath: EXTENSION_PATH, hostResolverRules: TEST_HOSTS, userDataDir });
    const page = await first.context.newPage();
    await page.goto(`${playground.appOrigin}/blank`);
    const tabId = await findTabId(first.context, page);
    await page.evaluate((url) => fetch(url).catch(() => undefined), `${playground.apiOrigin}/simple/no-acao?token=${token}`);
    // Control for the disk scan below: what a page persists is found by it.
    await page.evaluate((value) => localStorage.setItem('control', value), `persisted-${token}`);
    await expect.poll(async () => (await readObservedCalls(first.context, { page })).length).toBe(1);
    await first.close();

    // storage.session lives in memory only: outside the HTTP cache (Chromium's own, keyed by
    // URL), the profile on disk holds the token only where the page itself stored it.
    const found = await filesContaining(userDataDir, token);
    expect(found.length).toBeGreaterThan(0);
    for (const path of found) expect(await readFile(path, 'latin1')).not.toMatch(new RegExp(`(?<!persisted-)${token}`));

    const second = await launchWithCorsLens({ extensionPath: EXTENSION_PATH, hostResolverRules: TEST_HOSTS, userDataDir });
    try {
      expect(await second.serviceWorker.evaluate(() => chrome.storage.session.get(null))).toEqual({});
      expect(await readObservedCalls(second.context)).toEqual([]);
      const again = await second.context.newPage();
      await again.goto(`${playground.appOrigin}/blank`);
      // The panel asked for the old tab's id and for the new tab's: connected, and empty.
      for (const panel of [await openPanel(second, tabId), await PanelPage.open(second.context, second.extensionId, again)]) {
        await expect(panel.page.getByTestId('empty-state')).toBeVisible();
        await expect(panel.rows()).toHaveCount(0);
        await panel.page.close();
      }
    } finally {
      await second.close();
    }
  } finally {
    await rm(userDataDir, { recursive: true, force: true });
  }
});

async function openPanel(browser: LaunchedBrowser, tabId: number): Promise<{ page: Page; rows(): Locator }> {
  const page = await browser.context.newPage();
  await page.goto(`chrome-extension://${browser.extensionId}/src/panel/panel.html?tabId=${tabId}`);
  return { page, rows: () => page.getByTestId('cors-call') };
}

const HTTP_CACHE_DIRS = new Set(['Cache', 'Code Cache', 'GPUCache', 'DawnGraphiteCache', 'DawnWebGPUCache', 'GrShaderCache', 'ShaderCache']);

/** Files under `dir` (outside HTTP and shader caches) whose bytes contain `needle`. */
async function filesContaining(dir: string, needle: string): Promise<string[]> {
  const found: string[] = [];
  for (const entry of await readdir(dir, { withFileTypes: true, recursive: true })) {
    if (!entry.isFile()) continue;
    const path = join(entry.parentPath, entry.name);
    if (path.slice(dir.length).split('/').some((part) => HTTP_CACHE_DIRS.has(part))) continue;
    if ((await readFile(path)).includes(needle)) found.push(path);
  }
  return found;
}
