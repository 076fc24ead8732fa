// Calls the page ended itself, made with real client libraries (issue 19 item 12): CORS Lens must
// say "ended by the page" where Chromium cancelled the load with no CORS error, and keep naming the
// CORS error where Chromium blocked the same library's credentialed call. Rows go to the
// agreement table.
import { test as base, expect } from '@playwright/test';
import { resolve } from 'node:path';
import { TEST_HOSTS } from '../../support/fixtures';
import { disagreementDetails, saveRow, TABLE_FILE, writeAgreement } from '../agreement-report';
import { TABLE_ENTRIES } from '../table-entries';
import { PAGE_ENDED_CASES } from './page-ended-cases';
import { openPageEndedBench, runPageEndedCase, type PageEndedBench } from './run-page-ended-case';

const EXTENSION_PATH = resolve(import.meta.dirname, '../../../dist');

const test = base.extend<object, { bench: PageEndedBench }>({
  bench: [
    // eslint-disable-next-line no-empty-pattern -- Playwright requires the destructuring form
    async ({}, use) => {
      const bench = await openPageEndedBench(EXTENSION_PATH, TEST_HOSTS);
      await use(bench);
      await bench.close();
    },
    { scope: 'worker' },
  ],
});

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
