// Responses a hostile or broken server sends: the worker takes them in without an error, and the
// panel shows every value as inert text, says what the capture cut, and lets the user see the rest.
import type { Locator, Page } from '@playwright/test';
import { readObservedCalls } from '../../src/playwright/read-report';
import { MAX_URL_LENGTH, parseCutValue } from '../../src/shared/header-cap';
import { PanelPage } from '../pages/panel-page';
import { expect, test } from '../support/fixtures';
import { HOSTILE_CASES, HUGE_HEADER_LENGTH, MANY_HEADERS, markupPayload, startHostileServer, type HostileServer } from '../support/hostile-server';
import { attachToExtensionWorker, type WorkerCdp } from '../support/worker-cdp';

const LONG_URL_LENGTH = 100 * 1024;

let hostile: HostileServer;
let workerCdp: WorkerCdp;
let app: Page;
let panel: PanelPage;

test.beforeAll(async ({ lens, playground }) => {
  hostile = await startHostileServer();
  await lens.serviceWorker.evaluate(() => true);
  workerCdp = await attachToExtensionWorker(lens.context);
  // Only what this spec causes counts: Runtime.enable replays the worker's earlier console.
  workerCdp.errors.length = 0;
  app = await lens.context.newPage();
  await app.goto(`${playground.appOrigin}/blank`);
  const urls = HOSTILE_CASES.map((c) => {
    const base = `${hostile.origin}/${c}?case=${c}`;
    if (c === 'long-url') return `${base}&q=${'x'.repeat(LONG_URL_LENGTH)}`;
    // Markup in the URL as well; the URL parser percent-encodes <, > and ", the rest stays.
    if (c === 'markup') return `${base}&m=${encodeURIComponent("'onmouseover='alert(1)'")}${markupPayload(hostile.origin, 'url')}`;
    return base;
  });
  await app.evaluate((list) => Promise.allSettled(list.map((u) => fetch(u).then((r) => r.text()))), urls);
  panel = await PanelPage.open(lens.context, lens.extensionId, app);
});

test.afterAll(async () => {
  await panel.close();
  await app.close();
  await workerCdp.detach();
  await hostile.close();
});

test('the worker takes in every hostile response without an error', async ({ lens }) => {
  const calls = await readObservedCalls(lens.context, { page: app, settleTimeout: 5_000 });
  const cases = calls.map((c) => new URL(c.hops[0]?.url ?? 'x:').searchParams.get('case'));
  expect(cases.sort()).toEqual([...HOSTILE_CASES].sort());
  // Only the markup case is blocked (no Access-Control-Allow-Origin), which ends it in an error.
  const states = Object.fromEntries(calls.map((c) => [new URL(c.hops[0]?.url ?? 'x:').searchParams.get('case') ?? '', c.state] as const));
  expect(states).toEqual({ ...Object.fromEntries(HOSTILE_CASES.map((c) => [c, 'completed'] as const)), markup: 'errored' });
  expect(workerCdp.errors).toEqual([]);
  // Control: an error thrown in the worker does reach the same list.
  await lens.serviceWorker.evaluate(() => {
    setTimeout(() => {
      throw new Error('hostile-input control');
    }, 0);
  });
  await expect.poll(() => workerCdp.errors.join('\n')).toContain('hostile-input control');
});

test('a header value or URL carrying markup renders as text and never runs', async () => {
  const row = panel.rowFor('case=markup');
  await expect(row).toHaveAttribute('data-outcome', 'blocked');
  await row.click();
  await expect(panel.whyBlocked()).toBeVisible();
  const value = responseHeader(panel, 'x-markup').locator('.value');
  await expect(value).toHaveText(markupPayload(new URL(hostile.origin).origin, 'header'));
  // No element came out of any value: the panel's own markup has no img, script or handler.
  expect(await panel.page.locator('img, script:not([src]), [onerror], [onmouseover]').count()).toBe(0);

  // Controls: the same detector sees the markup once it is parsed as HTML in the panel, and the
  // same markup does call the beacon when a web page parses it.
  const parsedInPanel = await value.evaluate((el) => {
    const probe = document.createElement('div');
    probe.innerHTML = el.textContent ?? '';
    el.append(probe);
    return document.querySelectorAll('img, script:not([src]), [onerror]').length;
  });
  expect(parsedInPanel).toBeGreaterThan(0);
  await app.evaluate((html) => {
    document.body.insertAdjacentHTML('beforeend', html);
  }, markupPayload(hostile.origin, 'control'));
  await expect.poll(() => hostile.beaconHits).toContain('?from=control');
  // Only the control ever reached the beacon.
  expect(hostile.beaconHits).toEqual(['?from=control']);
});

test('a 64 KB header value says it was cut at capture, and what was kept can be seen whole', async () => {
  await panel.rowFor('case=huge-header').click();
  const header = responseHeader(panel, 'x-huge');
  await expect(header.getByTestId('cut-at-capture')).toHaveText(
    `(cut at capture: first 8,192 of ${HUGE_HEADER_LENGTH.toLocaleString('en-US')} characters kept)`,
  );
  await header.getByTestId('expand-value').click();
  await expect(header.locator('.value')).toHaveText(new RegExp(`^a{8192} show less$`));
});

test('500 header lines: the first ones are listed, the rest counted, and the CORS ones kept', async () => {
  const row = panel.rowFor('case=many-headers');
  // Access-Control-Allow-Origin comes after all 500 lines; the verdict still sees it.
  await expect(row).toHaveAttribute('data-outcome', 'allowed');
  await row.click();
  const response = panel.page.locator('[data-testid="headers"][data-side="response"]').last();
  await expect(response.getByTestId('header-lines-cut')).toHaveText(/Cut at capture: \d+ more header lines not kept/);
  const listed = await response.getByTestId('header').count();
  const cut = Number(/(\d+) more/.exec((await response.getByTestId('header-lines-cut').textContent()) ?? '')?.[1]);
  // Every line is either listed or counted (two lines beyond the 500: Content-Type, Content-Length…).
  expect(listed + cut).toBeGreaterThanOrEqual(MANY_HEADERS);
  await expect(response.locator('[data-name="access-control-allow-origin"]')).toHaveCount(1);
});

test('control characters show as visible symbols, non-UTF-8 bytes as text', async () => {
  await panel.rowFor('case=control-chars').click();
  await expect(responseHeader(panel, 'x-control').locator('.value')).toHaveText('a\tb␁c␇d␛e[31mred␡f');
  await panel.rowFor('case=non-utf8').click();
  // Bytes that are not UTF-8 read as Latin-1, one character per byte, as HTTP defines them.
  await expect(responseHeader(panel, 'x-bytes').locator('.value')).toHaveText('caf\u00e9 \u00ff\u00fe\u0080\u00c3');
});

test('a 100 KB URL is listed, cut at capture with its full length said, and its detail shows it', async () => {
  const row = panel.rowFor('case=long-url');
  await expect(row).toHaveAttribute('data-outcome', 'allowed');
  const cut = parseCutValue((await row.getAttribute('data-url')) ?? '');
  expect(cut?.kept).toHaveLength(MAX_URL_LENGTH);
  expect(cut?.originalLength).toBeGreaterThan(LONG_URL_LENGTH);
  await row.click();
  await expect(panel.page.getByTestId('call-detail')).toBeVisible();
});

function responseHeader(panel: PanelPage, name: string): Locator {
  return panel.page.locator(`[data-testid="headers"][data-side="response"] [data-testid="header"][data-name="${name}"]`).last();
}
