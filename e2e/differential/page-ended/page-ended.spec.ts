// Calls the page ended itself, made with real client libraries (issue 19 item 12): CORS Lens must
// say "ended by the page" where Chromium cancelled the load with no CORS error, and keep naming the
// CORS error where Chromium blocked the same library's credentialed call. Rows go to the
// agreement table.
import { disagreementDetails, saveRow, TABLE_FILE, writeAgreement } from '../agreement-report';
import { TABLE_ENTRIES } from '../table-entries';
import { PAGE_ENDED_CASES } from './page-ended-cases';
import { expect, test } from './page-ended-fixture';
import { runPageEndedCase } from './run-page-ended-case';

for (const c of PAGE_ENDED_CASES) {
  test(`${c.group} › ${c.id}`, async ({ bench }) => {
    const row = await runPageEndedCase(bench, c);
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
