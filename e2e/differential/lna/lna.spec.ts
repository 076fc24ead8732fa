// Local Network Access, differential: a page counted as public (Chromium's testing switch
// --ip-address-space-overrides on the page's port) calls an API on loopback, from http, from https
// without the permission (headless Chromium denies it without a prompt), and from https with
// loopbackNetwork granted over CDP, where the ordinary CORS checks follow. CORS Lens must agree
// with Chromium on verdict, code and failedParameter for each; rows go to the agreement table.
import { test as base, expect } from '@playwright/test';
import { resolve } from 'node:path';
import { TEST_HOSTS } from '../../support/fixtures';
import { disagreementDetails, saveRow, TABLE_FILE, writeAgreement } from '../agreement-report';
import { SCENARIOS } from '../scenarios';
import { LNA_CASES } from './lna-cases';
import { openLnaBench, runLnaCase, type LnaBench } from './run-lna-case';

const EXTENSION_PATH = resolve(import.meta.dirname, '../../../dist');

const test = base.extend<object, { bench: LnaBench }>({
  bench: [
    // eslint-disable-next-line no-empty-pattern -- Playwright requires the destructuring form
    async ({}, use) => {
      const bench = await openLnaBench(EXTENSION_PATH, TEST_HOSTS);
      await use(bench);
      await bench.close();
    },
    { scope: 'worker' },
  ],
});

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
  console.log(`${writeAgreement([...SCENARIOS, ...LNA_CASES], version)} (${TABLE_FILE})`);
});
