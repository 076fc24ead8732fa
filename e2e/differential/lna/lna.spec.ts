// Local Network Access, differential: a page counted as public (Chromium's testing switch
// --ip-address-space-overrides on the page's port) calls an API on loopback, from http, from https
// without the permission (headless Chromium denies it without a prompt), and from https with
// loopbackNetwork granted over CDP, where the ordinary CORS checks follow. CORS Lens must agree
// with Chromium on verdict, code and failedParameter for each; rows go to the agreement table.
import { disagreementDetails, saveRow, TABLE_FILE, writeAgreement } from '../agreement-report';
import { LNA_CASES } from './lna-cases';
import { expect, test } from './lna-fixture';
import { runLnaCase } from './run-lna-case';
import { TABLE_ENTRIES } from '../table-entries';

for (const c of LNA_CASES) {
  test(`${c.group} › ${c.id}`, async ({ bench }) => {
    const row = await runLnaCase(bench, c);
    saveRow(row);
    const details = disagreementDetails(row).join('\n');
    expect(row.asDesigned, `the case did not provoke ${c.designedFor}:\n${details}`).toBe(true);
    const [r] = row.requests;
    expect(r?.cdp, `Chromium reported no request:\n${details}`).not.toBeNull();
    expect(r?.diffs, `CORS Lens differs from Chromium:\n${details}`).toEqual([]);
  });
}

test.afterAll(async ({ bench }) => {
  const version = await bench.lens.serviceWorker.evaluate(() => /Chrome\/[\d.]+/.exec(navigator.userAgent)?.[0] ?? navigator.userAgent);
  console.log(`${writeAgreement(TABLE_ENTRIES, version)} (${TABLE_FILE})`);
});
