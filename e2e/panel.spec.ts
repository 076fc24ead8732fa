// The panel, opened as a tab on the playground's tab: rows for every cross-origin call, the
// timeline and the why-blocked explanation, live updates, clearing on navigation.
import { expect, test } from './support/fixtures';
import { PanelPage } from './pages/panel-page';

type RunCase = { runCase(id: string): Promise<string> };

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
  const app = await lens.context.newPage();
  await app.goto(`${playground.appOrigin}/`);
  const panel = await PanelPage.open(lens.context, lens.extensionId, app);
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
  const app = await lens.context.newPage();
  await app.goto(`${playground.appOrigin}/`);
  const panel = await PanelPage.open(lens.context, lens.extensionId, app);
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
