// storage.session gives the whole extension 10 MB. A page that floods it (here: calls whose
// responses carry 56 KB of headers each) must pay for that itself: its tab sheds its own oldest
// calls, counted, and its panel says "storage full"; a quieter tab holding more calls keeps all of
// them. Real Chromium, real quota, in a browser of its own so the quota starts empty.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Page } from '@playwright/test';
import { launchWithCorsLens, type LaunchedBrowser } from '../../src/playwright/launch';
import { readObservedCalls } from '../../src/playwright/read-report';
import { PanelPage } from '../pages/panel-page';
import { EXTENSION_PATH, expect, TEST_HOSTS, test } from '../support/fixtures';

const QUOTA = 10 * 2 ** 20;
const QUIET_CALLS = 300;
const FLOOD_CALLS = 250;
/** Seven response headers of 8,000 characters: under every per-value and per-list cap, so each
 * call is stored whole and ~170 of them fill the quota. */
const FILL_HEADERS = Object.fromEntries(Array.from({ length: 7 }, (_, i) => [`x-fill-${i}`, String(i).repeat(8000)]));

let server: Server;
let origins: { app: string; api: string };
let lens: LaunchedBrowser;

test.beforeAll(async () => {
  server = createServer((req, res) => {
    if (req.headers.host?.startsWith('app.test')) {
      res.writeHead(200, { 'Content-Type': 'text/html' }).end('<!doctype html><title>storage full</title>');
      return;
    }
    const big = req.url?.startsWith('/big') === true;
    res.writeHead(200, { 'Access-Control-Allow-Origin': '*', ...(big ? FILL_HEADERS : {}) }).end('ok');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  origins = { app: `http://app.test:${port}`, api: `http://api.test:${port}` };
  lens = await launchWithCorsLens({ extensionPath: EXTENSION_PATH, hostResolverRules: TEST_HOSTS });
});

test.afterAll(async () => {
  await lens.close();
  server.closeAllConnections();
  await new Promise<void>((resolve) => server.close(() => resolve()));
});

/** `count` calls to `path?i=N` from the page, ten at a time. */
async function callMany(page: Page, path: string, count: number): Promise<void> {
  await page.evaluate(
    async ({ url, n }) => {
      for (let i = 0; i < n; i += 10) {
        await Promise.all(Array.from({ length: Math.min(10, n - i) }, (_, k) => fetch(`${url}?i=${i + k}`).then((r) => r.text())));
      }
    },
    { url: `${origins.api}${path}`, n: count },
  );
}

test('a tab that fills storage.session sheds its own oldest calls and says "storage full"; the other tab keeps all of its calls', async () => {
  const quiet = await lens.context.newPage();
  await quiet.goto(`${origins.app}/`);
  await callMany(quiet, '/small', QUIET_CALLS);
  await expect.poll(async () => (await readObservedCalls(lens.context, { page: quiet })).length).toBe(QUIET_CALLS);

  const flood = await lens.context.newPage();
  await flood.goto(`${origins.app}/`);
  await callMany(flood, '/big', FLOOD_CALLS);

  const floodPanel = await PanelPage.open(lens.context, lens.extensionId, flood);
  const floodCounters = floodPanel.page.getByTestId('counters');
  await expect(floodCounters).toHaveAttribute('data-storage-full', 'true');
  await expect(floodPanel.page.getByTestId('storage-full')).toHaveText('storage full');
  const dropped = Number(await floodCounters.getAttribute('data-dropped'));
  const kept = Number(await floodCounters.getAttribute('data-calls'));
  expect(dropped).toBeGreaterThan(0);
  expect(kept + dropped).toBe(FLOOD_CALLS);
  // The oldest went: the newest call is there, the first is not.
  await expect(floodPanel.rowFor(`/big?i=${FLOOD_CALLS - 1}`)).toHaveCount(1);
  await expect(floodPanel.rowFor('/big?i=0')).toHaveCount(0);
  await floodPanel.page.screenshot({ path: test.info().outputPath('storage-full.png') });

  const quietPanel = await PanelPage.open(lens.context, lens.extensionId, quiet);
  const quietCounters = quietPanel.page.getByTestId('counters');
  await expect(quietCounters).toHaveAttribute('data-calls', String(QUIET_CALLS));
  await expect(quietCounters).toHaveAttribute('data-dropped', '0');
  await expect(quietCounters).toHaveAttribute('data-storage-full', 'false');

  const inUse = await lens.serviceWorker.evaluate(() => chrome.storage.session.getBytesInUse(null));
  test.info().annotations.push({ type: 'storage', description: `${inUse} bytes in use; flood tab kept ${kept}, dropped ${dropped}` });
  expect(inUse).toBeLessThanOrEqual(QUOTA);
  await Promise.all([floodPanel.close(), quietPanel.close(), flood.close(), quiet.close()]);
});
