// Calls the page ended itself, made with real client libraries (issue 19 item 12): CORS Lens must
// say "ended by the page" where Chromium cancelled the load with no CORS error, and keep naming the
// CORS error where Chromium blocked the same library's credentialed call. Rows go to the
// agreement table.
import { TABLE_FILE, writeAgreement } from '../agreement-report';
import { expectOneRequestAgrees } from '../one-request-agreement';
import { TABLE_ENTRIES } from '../table-entries';
import { PAGE_ENDED_CASES } from './page-ended-cases';
import { test } from './page-ended-fixture';
import { runPageEndedCase } from './run-page-ended-case';

for (const c of PAGE_ENDED_CASES) {
  test(`${c.group} › ${c.id}`, async ({ bench }) => {
    expectOneRequestAgrees(await runPageEndedCase(bench, c), c.designedFor);
  });
}

test.afterAll(async ({ bench }) => {
  const version = await bench.lens.serviceWorker.evaluate(() => /Chrome\/[\d.]+/.exec(navigator.userAgent)?.[0] ?? navigator.userAgent);
  console.log(`${writeAgreement(TABLE_ENTRIES, version)} (${TABLE_FILE})`);
});
