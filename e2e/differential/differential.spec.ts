// Differential suite: for every scenario of the table, CORS Lens's verdict must equal the one
// Chromium itself reported over CDP in the same run. One Chromium (with the built extension) and
// one loopback server for the whole file; one page per page kind, never navigated again, so the
// extension's per-tab log keeps every call.
import { test as base, expect } from '@playwright/test';
import { resolve } from 'node:path';
import { disagreementDetails, saveRow, scenarioDiffs, TABLE_FILE, writeAgreement } from './agreement-report';
import { openBench, runScenario, type Bench } from './run-scenario';
import { SCENARIOS } from './scenarios';
import { TABLE_ENTRIES } from './table-entries';

const EXTENSION_PATH = resolve(import.meta.dirname, '../../dist');

const test = base.extend<object, { bench: Bench; browserVersion: string }>({
  bench: [
    // eslint-disable-next-line no-empty-pattern -- Playwright requires the destructuring form
    async ({}, use) => {
      const bench = await openBench(EXTENSION_PATH, SCENARIOS);
      await use(bench);
      await bench.close();
    },
    { scope: 'worker' },
  ],
  browserVersion: [
    async ({ bench }, use) => {
      const { runner } = await bench.target('app');
      await use(await runner.evaluate(() => navigator.userAgent.match(/Chrome\/[\d.]+/)?.[0] ?? navigator.userAgent));
    },
    { scope: 'worker' },
  ],
});

for (const scenario of SCENARIOS) {
  const label = scenario.expect === 'not-observable' ? ' (not observable)' : '';
  test(`${scenario.group} › ${scenario.id}${label}`, async ({ bench }) => {
    const row = await runScenario(bench, scenario);
    saveRow(row);
    if (!row.asDesigned) {
      test.info().annotations.push({ type: 'scenario drift', description: `written for ${scenario.designedFor}` });
    }
    const details = disagreementDetails(row).join('\n');
    if (scenario.expect === 'not-observable') {
      expect(row.agree, `CORS Lens shows a wrong verdict for a request it cannot observe:\n${details}`).toBe(true);
      return;
    }
    expect(scenarioDiffs(row), `CORS Lens differs from Chromium:\n${details}`).toEqual([]);
    for (const r of row.requests) {
      expect(r.diffs, `request #${r.index + 1}: CORS Lens differs from Chromium in ${r.diffs.join(', ')}\n${details}`).toEqual([]);
    }
  });
}

test.afterAll(({ browserVersion }) => {
  console.log(`${writeAgreement(TABLE_ENTRIES, browserVersion)} (${TABLE_FILE})`);
});
