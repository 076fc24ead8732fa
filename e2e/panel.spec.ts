// The panel, opened as a tab on the playground's tab: rows for every cross-origin call, the
// timeline and the why-blocked explanation, live updates, clearing on navigation.
import type { Page } from '@playwright/test';
import type { LaunchedBrowser } from '../src/playwright/launch';
import { expect, test } from './support/fixtures';
import { PanelPage } from './pages/panel-page';

type RunCase = { runCase(id: string): Promise<string> };

/** Fetches `${prefix}${n}` from the page for n = from … from + count - 1, one after another. */
function fetchInTurn(app: Page, prefix: string, from: number, count: number): Promise<void> {
  return app.evaluate(
    async ({ prefix, from, count }) => {
      for (let n = from; n < from + count; n++) await fetch(`${prefix}${n}`);
    },
    { prefix, from, count },
  );
}

/** The playground app in a new tab, and the panel inspecting that tab. */
async function openAppWithPanel(lens: LaunchedBrowser, appOrigin: string): Promise<{ app: Page; panel: PanelPage }> {
  const app = await lens.context.newPage();
  await app.goto(`${appOrigin}/`);
  return { app, panel: await PanelPage.open(lens.context, lens.extensionId, app) };
}

test('lists calls made before the panel opened and explains a blocked one', async ({ lens, playground }) => {
  const app = await lens.context.newPage();
  await app.goto(`${playground.appOrigin}/`);
  for (const id of ['simple-allowed', 'no-allow-headers']) {
    await app.evaluate((caseId) => (window as unknown as RunCase).runCase(caseId), id);
  }
  const panel = await PanelPage.open(lens.context, lens.extensionId, app);

  await expect(panel.rows()).toHaveCount(2);
  await expect(panel.rowFor('case=simple-allowed')).toHaveAttribute('data-outcome', 'allowed');
  const blocked = panel.rowFor('case=no-allow-headers');
  await expect(blocked).toHaveAttribute('data-outcome', 'blocked');
  await expect(blocked).toHaveAttribute('data-code', 'HeaderDisallowedByPreflightResponse');

  await blocked.click();
  await expect(panel.whyBlocked()).toHaveAttribute('data-code', 'HeaderDisallowedByPreflightResponse');
  await expect(panel.whyBlocked()).toContainText('content-type');
  await expect(panel.whyBlocked()).toContainText('Access-Control-Allow-Headers');
  // Preflight, then the actual request that never left the browser.
  await expect(panel.timelineSteps().first()).toHaveAttribute('data-kind', 'preflight');
  await expect(panel.timelineSteps().nth(1)).toHaveAttribute('data-kind', 'actual');
  await panel.page.screenshot({ path: test.info().outputPath('panel-blocked.png') });
  await panel.close();
  await app.close();
});

test('shows new calls live, marks a cached preflight, and clears on navigation', async ({ lens, playground }) => {
  const { app, panel } = await openAppWithPanel(lens, playground.appOrigin);
  await expect(panel.rows()).toHaveCount(0);

  await app.click('[data-case="max-age"]');
  await expect(panel.rows()).toHaveCount(1);
  await app.click('[data-case="max-age"]');
  await expect(panel.rows()).toHaveCount(2);
  await panel.rows().nth(1).click();
  await expect(panel.preflightCached()).toBeVisible();

  await app.reload();
  await expect(panel.rows()).toHaveCount(0);
  await panel.close();
  await app.close();
});

test('keeps calls across navigation when Preserve log is on', async ({ lens, playground }) => {
  const { app, panel } = await openAppWithPanel(lens, playground.appOrigin);
  await panel.page.getByTestId('preserve-log').check();
  await app.evaluate(() => (window as unknown as RunCase).runCase('no-acao'));
  await expect(panel.rows()).toHaveCount(1);
  await app.reload();
  await app.evaluate(() => (window as unknown as RunCase).runCase('wrong-origin'));
  await expect(panel.rows()).toHaveCount(2);
  await panel.page.getByTestId('clear').click();
  await expect(panel.rows()).toHaveCount(0);
  await panel.close();
  await app.close();
});

test('follows new calls while scrolled to the end, and stays put once scrolled up', async ({ lens, playground }) => {
  const { app, panel } = await openAppWithPanel(lens, playground.appOrigin);
  const fetchMany = (from: number, count: number) => fetchInTurn(app, `${playground.apiOrigin}/simple/allowed?follow=`, from, count);
  const list = panel.page.getByRole('grid');
  const inView = (n: number) => expect(panel.rowFor(`follow=${n}`)).toBeInViewport();

  // Far more rows than the panel shows: the newest stays in view as each arrives.
  await fetchMany(0, 80);
  await expect(panel.rows()).toHaveCount(80);
  await inView(79);
  await expect(panel.rowFor('follow=0')).not.toBeInViewport();

  // Scrolled up to read older calls, new ones do not move the view.
  await list.evaluate((el) => (el.scrollTop = 0));
  await fetchMany(80, 5);
  await expect(panel.rows()).toHaveCount(85);
  await inView(0);
  await expect(panel.rowFor('follow=84')).not.toBeInViewport();

  // Back at the end, following resumes.
  await list.evaluate((el) => (el.scrollTop = el.scrollHeight));
  await inView(84);
  await fetchMany(85, 5);
  await inView(89);
  await panel.close();
  await app.close();
});

test('scrolling up while calls stream in stops following at once', async ({ lens, playground }) => {
  const { app, panel } = await openAppWithPanel(lens, playground.appOrigin);
  await fetchInTurn(app, `${playground.apiOrigin}/simple/allowed?early=`, 0, 60);
  await expect(panel.rows()).toHaveCount(60);
  await expect(panel.rowFor('early=59')).toBeInViewport();

  // Calls keep arriving (a frame's worth of deltas at a time) while the wheel scrolls up.
  const streaming = app.evaluate(async (api) => {
    const until = Date.now() + 3000;
    for (let n = 0; Date.now() < until; n++) await Promise.all([0, 1, 2].map((k) => fetch(`${api}/simple/allowed?late=${n}-${k}`)));
  }, playground.apiOrigin);
  const list = panel.page.getByRole('grid');
  await list.hover();
  for (let i = 0; i < 5; i++) {
    await panel.page.mouse.wheel(0, -200);
    await panel.page.waitForTimeout(50);
  }
  await streaming;
  const bottomGap = await list.evaluate((el) => el.scrollHeight - el.scrollTop - el.clientHeight);
  // Still where the wheel left it, well above the end, however many calls came in meanwhile.
  expect(bottomGap).toBeGreaterThan(21 * 10);
  await panel.close();
  await app.close();
});

test('a snapshot the worker cannot read is shown as an error, not an endless "Connecting"', async ({ lens, playground }) => {
  const app = await lens.context.newPage();
  await app.goto(`${playground.appOrigin}/`);
  // The worker's storage.session refuses to list its keys, as it does when it fails.
  const refuseReads = (refuse: boolean) =>
    lens.serviceWorker.evaluate((on) => {
      const area = chrome.storage.session as unknown as { getKeys: () => Promise<string[]>; realGetKeys?: () => Promise<string[]> };
      area.realGetKeys ??= area.getKeys.bind(area);
      area.getKeys = on ? () => Promise.reject(new Error('storage.session refused')) : area.realGetKeys;
    }, refuse);
  await refuseReads(true);
  try {
    const panel = await PanelPage.open(lens.context, lens.extensionId, app);
    const failure = panel.page.getByTestId('request-failed');
    await expect(failure).toHaveAttribute('data-request', 'hello');
    await expect(failure).toContainText('storage.session refused');
    await expect(panel.page.getByTestId('connecting')).toHaveCount(0);
    await panel.page.screenshot({ path: test.info().outputPath('request-failed.png') });
    await panel.close();
  } finally {
    await refuseReads(false);
  }
  await app.close();
});
