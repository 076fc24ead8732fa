// A page that holds many same-origin requests open, each with a long URL, lists nothing, yet every
// one of them is bookkeeping the worker keeps for the tab. That bookkeeping must stay small in
// storage.session: it once filled the 10 MB quota, the write then took every call of another tab,
// and the flooding tab's panel never got its snapshot. Real Chromium, real quota, in a browser of
// its own so the quota starts empty.
import { createServer, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Page } from '@playwright/test';
import { findTabId, readObservedCalls } from '../../src/playwright/read-report';
import { launchWithCorsLens, type LaunchedBrowser } from '../../src/playwright/launch';
import { PanelPage } from '../pages/panel-page';
import { EXTENSION_PATH, expect, TEST_HOSTS, test } from '../support/fixtures';

const QUIET_CALLS = 700;
const HELD_REQUESTS = 1300;
/** Under the capture's 8,192-character cap on URLs, so each URL is kept whole. */
const URL_PADDING = 'x'.repeat(8000);
/** Generous for what a restarted worker needs of 1,300 requests in flight (ids and times), far
 * below what their URLs would take (over 10 MB). */
const MAX_META_BYTES = 64 * 1024;

let server: Server;
const held = new Set<ServerResponse>();
let origins: { app: string; api: string };
let lens: LaunchedBrowser;

test.beforeAll(async () => {
  server = createServer((req, res) => {
    if (req.url?.startsWith('/hold') === true) {
      // Never answered: the request stays in flight until the test ends.
      held.add(res);
      return;
    }
    if (req.headers.host?.startsWith('app.test')) {
      res.writeHead(200, { 'Content-Type': 'text/html' }).end('<!doctype html><title>in-flight flood</title>');
      return;
    }
    res.writeHead(200, { 'Access-Control-Allow-Origin': '*' }).end('ok');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  origins = { app: `http://app.test:${port}`, api: `http://api.test:${port}` };
  lens = await launchWithCorsLens({ extensionPath: EXTENSION_PATH, hostResolverRules: TEST_HOSTS });
});

test.afterAll(async () => {
  await lens.close();
  for (const res of held) res.destroy();
  server.closeAllConnections();
  await new Promise<void>((resolve) => server.close(() => resolve()));
});

/** Counts, in the worker, the requests to `/hold` that webRequest announced. */
async function countHeldRequests(): Promise<void> {
  await lens.serviceWorker.evaluate(() => {
    const seen = globalThis as unknown as { heldSeen: number };
    seen.heldSeen = 0;
    chrome.webRequest.onBeforeRequest.addListener(
      (details) => {
        if (new URL(details.url).pathname === '/hold') seen.heldSeen++;
        return undefined;
      },
      { urls: ['http://*/*'] },
    );
  });
}

async function heldSeen(): Promise<number> {
  return lens.serviceWorker.evaluate(() => (globalThis as unknown as { heldSeen: number }).heldSeen);
}

async function callMany(page: Page, count: number): Promise<void> {
  await page.evaluate(
    async ({ url, n }) => {
      for (let i = 0; i < n; i += 10) {
        await Promise.all(Array.from({ length: Math.min(10, n - i) }, (_, k) => fetch(`${url}?i=${i + k}`).then((r) => r.text())));
      }
    },
    { url: `${origins.api}/small`, n: count },
  );
}

test('a tab holding 1,300 same-origin requests with 8 KB URLs open keeps its bookkeeping small, its panel shows its state, and another tab keeps all of its calls', async () => {
  await countHeldRequests();
  const quiet = await lens.context.newPage();
  await quiet.goto(`${origins.app}/quiet`);
  await callMany(quiet, QUIET_CALLS);
  await expect.poll(async () => (await readObservedCalls(lens.context, { page: quiet })).length).toBe(QUIET_CALLS);

  const flood = await lens.context.newPage();
  await flood.goto(`${origins.app}/flood`);
  await flood.evaluate(
    ({ n, padding }) => {
      for (let i = 0; i < n; i++) void fetch(`/hold?i=${i}&pad=${padding}`).catch(() => undefined);
    },
    { n: HELD_REQUESTS, padding: URL_PADDING },
  );
  await expect.poll(heldSeen, { timeout: 30_000 }).toBe(HELD_REQUESTS);

  // The panel's hello makes the worker write what it holds for the tab before it answers.
  const floodPanel = await PanelPage.open(lens.context, lens.extensionId, flood);
  await expect.soft(floodPanel.page.getByTestId('empty-state')).toHaveAttribute('data-reason', 'no-calls');
  await expect.soft(floodPanel.page.getByTestId('connecting')).toHaveCount(0);
  await floodPanel.page.screenshot({ path: test.info().outputPath('flood-panel.png') });

  const quietPanel = await PanelPage.open(lens.context, lens.extensionId, quiet);
  const quietCounters = quietPanel.page.getByTestId('counters');
  await expect(quietCounters).toHaveAttribute('data-calls', String(QUIET_CALLS));
  await expect(quietCounters).toHaveAttribute('data-dropped', '0');
  await expect(quietCounters).toHaveAttribute('data-storage-full', 'false');

  const floodTab = await findTabId(lens.context, flood);
  const [metaBytes, inUse] = await lens.serviceWorker.evaluate(
    async (tabId) => [await chrome.storage.session.getBytesInUse(`tab:${tabId}`), await chrome.storage.session.getBytesInUse(null)],
    floodTab,
  );
  test.info().annotations.push({
    type: 'storage',
    description: `flood tab meta ${metaBytes} bytes; ${inUse} bytes in use; the other tab kept ${QUIET_CALLS}`,
  });
  expect(metaBytes).toBeGreaterThan(0);
  expect(metaBytes).toBeLessThan(MAX_META_BYTES);
  await Promise.all([floodPanel.close(), quietPanel.close(), flood.close(), quiet.close()]);
});
