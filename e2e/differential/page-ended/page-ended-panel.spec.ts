// A call the page ended, in the panel: an EventSource closed after its first message (ACAO *, no
// credentials) is listed as ended by the page, with that explanation and no "why blocked" card,
// and the outcome filter finds it.
import { PanelPage } from '../../pages/panel-page';
import { endCall, type PageEndedCall } from './page-ended-calls';
import { expect, test } from './page-ended-fixture';

test('shows an EventSource the page closed as ended by the page, not as a CORS block', async ({ bench }) => {
  const call: PageEndedCall = { kind: 'eventsource-close', url: `${bench.server.apiOrigin}/api/events?s=panel-eventsource` };
  await bench.page.evaluate(endCall, call);
  const panel = await PanelPage.open(bench.lens.context, bench.lens.extensionId, bench.page);
  const row = panel.rowFor('s=panel-eventsource');
  await expect(row).toHaveAttribute('data-outcome', 'ended-by-page');
  await expect(row).toHaveAttribute('data-code', '');
  await expect(row).toContainText('Ended by page');
  await row.click();
  const summary = panel.page.getByTestId('verdict-summary');
  await expect(summary).toHaveAttribute('data-outcome', 'ended-by-page');
  await expect(summary).toContainText('The page ended this call itself');
  await expect(summary).toContainText('not a CORS block');
  await expect(panel.whyBlocked()).toHaveCount(0);
  await panel.page.getByTestId('outcome-filter').selectOption('ended-by-page');
  await expect(row).toBeVisible();
  await panel.page.getByTestId('outcome-filter').selectOption('blocked');
  await expect(row).toHaveCount(0);
  await panel.page.screenshot({ path: test.info().outputPath('page-ended-call.png'), fullPage: true });
  await panel.close();
});
