// A service worker's own cross-origin fetch reaches webRequest with no tab. CORS Lens lists it in
// the tab of the worker's origin, and the panel, the report and the kit's messages name the
// worker as the caller.
import { mkdirSync } from 'node:fs';
import { expect, test } from '@playwright/test';
import { describeCalls } from '../src/playwright/describe-call';
import { launchWithCorsLens } from '../src/playwright/launch';
import { readCorsReport } from '../src/playwright/read-report';
import { makeWorkerCall } from './differential/workers/run-worker-scenario';
import { WORKER_SCENARIOS } from './differential/workers/worker-scenarios';
import { APP_HOST, API_HOST, SHARED_HOST, startWorkerServer } from './differential/workers/worker-server';
import { PanelPage } from './pages/panel-page';
import { EXTENSION_PATH, TEST_HOSTS } from './support/fixtures';
import { makeThrowawayCertificate, trustSwitch } from './support/https-server';

test('the panel shows a service worker\'s blocked fetch as "from service worker"', async () => {
  const scenario = WORKER_SCENARIOS.find((s) => s.id === 'sw-own-missing-acao');
  if (scenario === undefined) throw new Error('scenario sw-own-missing-acao is gone');
  const certificate = makeThrowawayCertificate([APP_HOST, SHARED_HOST, API_HOST]);
  const server = await startWorkerServer(certificate, [scenario]);
  const lens = await launchWithCorsLens({ extensionPath: EXTENSION_PATH, hostResolverRules: TEST_HOSTS, args: [trustSwitch(certificate)] });
  try {
    const app = await lens.context.newPage();
    await app.goto(`${server.origin(APP_HOST)}/page`);
    await app.evaluate(() => (window as unknown as { workerReady: Promise<void> }).workerReady);
    const result = await app.evaluate(makeWorkerCall, { via: scenario.via, url: server.requestUrl(scenario), init: {} });
    expect(result.kind, 'Chromium blocked the worker\'s fetch').toBe('error');

    const panel = await PanelPage.open(lens.context, lens.extensionId, app);
    const row = panel.rowFor(`s=${scenario.id}`);
    await expect(row).toHaveAttribute('data-caller', 'service-worker');
    await expect(row).toHaveAttribute('data-code', 'MissingAllowOriginHeader');
    await expect(row.getByTestId('call-caller')).toHaveText('from service worker');
    await row.click();
    await expect(panel.whyBlocked()).toHaveAttribute('data-code', 'MissingAllowOriginHeader');
    await expect(panel.page.getByTestId('detail-caller')).toContainText('from service worker');
    const shot = test.info().outputPath('service-worker-call.png');
    await panel.page.screenshot({ path: shot });
    if (process.env['CORS_LENS_SCREENS']) {
      mkdirSync(process.env['CORS_LENS_SCREENS'], { recursive: true });
      await panel.page.screenshot({ path: `${process.env['CORS_LENS_SCREENS']}/service-worker-call.png` });
    }

    const report = await readCorsReport(lens.context, { page: app });
    const calls = report.calls.filter((c) => c.url.includes(`s=${scenario.id}`));
    expect(calls.map((c) => c.caller)).toEqual(['service-worker']);
    expect(describeCalls(calls)).toContain('(from service worker)');
  } finally {
    await lens.close();
    await server.close();
  }
});
