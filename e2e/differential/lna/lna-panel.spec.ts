// Local Network Access in the panel: a public http page calls a loopback API with fetch, an
// <img> and an <iframe>; the panel lists all three with Chromium's code, explains the address
// spaces rather than headers, and Try this fix refuses with that reason.
import { resolve } from 'node:path';
import { PanelPage } from '../../pages/panel-page';
import { makeLnaCall } from './lna-call';
import { expect, test } from './lna-fixture';

/** Where the lead collects screenshots; the test's own output folder gets a copy too. */
const SCREENSHOT = process.env.CORS_LENS_SCREENS ? resolve(process.env.CORS_LENS_SCREENS, 'lna-call.png') : null;

test('lists LNA-blocked fetch, image and frame calls and explains them as address-space blocks', async ({ bench }) => {
  const { page } = await bench.target('http');
  const api = bench.servers.apiOrigin(false);
  for (const [kind, path] of [['fetch', '/api'], ['img', '/img'], ['iframe', '/frame']] as const) {
    await page.evaluate(makeLnaCall, { kind, url: `${api}${path}?s=panel-${kind}&acao=1` });
  }
  const panel = await PanelPage.open(bench.lens.context, bench.lens.extensionId, page);
  for (const kind of ['fetch', 'img', 'iframe']) {
    const row = panel.rowFor(`s=panel-${kind}`);
    await expect(row).toHaveAttribute('data-outcome', 'blocked');
    await expect(row).toHaveAttribute('data-code', 'InsecureLocalNetwork');
  }
  await panel.rowFor('s=panel-fetch').click();
  const why = panel.whyBlocked();
  await expect(why).toHaveAttribute('data-code', 'InsecureLocalNetwork');
  await expect(why).toContainText('not a secure context');
  await expect(why).toContainText('not a CORS header problem');
  await expect(why).toContainText('Serve the page over HTTPS');
  const refused = panel.page.getByTestId('trial-refused');
  await expect(refused).toHaveAttribute('data-code', 'not-fixable-by-headers');
  await expect(refused).toContainText('InsecureLocalNetwork is not fixed by response headers');
  await panel.page.screenshot({ path: test.info().outputPath('lna-call.png'), fullPage: true });
  if (SCREENSHOT !== null) await panel.page.screenshot({ path: SCREENSHOT, fullPage: true });
  await panel.close();
});
