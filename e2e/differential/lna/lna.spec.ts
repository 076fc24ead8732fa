// Local Network Access, differential: a page counted as public (Chromium's testing switch
// --ip-address-space-overrides on the page's port) calls an API on loopback, from http, from https
// without the permission (headless Chromium denies it without a prompt), and from https with
// loopbackNetwork granted over CDP, where the ordinary CORS checks follow. CORS Lens must agree
// with Chromium on verdict, code and failedParameter for each; rows go to the agreement table.
import { TABLE_FILE, writeAgreement } from '../agreement-report';
import { expectOneRequestAgrees } from '../one-request-agreement';
import { LNA_CASES } from './lna-cases';
import { test } from './lna-fixture';
import { runLnaCase } from './run-lna-case';
import { TABLE_ENTRIES } from '../table-entries';

for (const c of LNA_CASES) {
  test(`${c.group} › ${c.id}`, async ({ bench }) => {
    expectOneRequestAgrees(await runLnaCase(bench, c), c.designedFor);
  });
}

test.afterAll(async ({ bench }) => {
  const version = await bench.lens.serviceWorker.evaluate(() => /Chrome\/[\d.]+/.exec(navigator.userAgent)?.[0] ?? navigator.userAgent);
  console.log(`${writeAgreement(TABLE_ENTRIES, version)} (${TABLE_FILE})`);
});
