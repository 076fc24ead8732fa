// Differential suite, worker table: for calls made by service workers and shared workers, CORS
// Lens's verdict (in the tab of the worker's origin) must equal the one Chromium reported on the
// worker's own CDP target. One Chromium, one HTTPS server (throw-away certificate) for the file.
import { test as base, expect } from '@playwright/test';
import { resolve } from 'node:path';
import { disagreementDetails, saveRow, scenarioDiffs, TABLE_FILE, writeAgreement } from '../agreement-report';
import { openWorkerBench, runWorkerScenario, type WorkerBench } from './run-worker-scenario';
import { WORKER_SCENARIOS } from './worker-scenarios';
import { TABLE_ENTRIES } from '../table-entries';

const EXTENSION_PATH = resolve(import.meta.dirname, '../../../dist');

const test = base.extend<object, { bench: WorkerBench; browserVersion: string }>({
  bench: [
    // eslint-disable-next-line no-empty-pattern -- Playwright requires the destructuring form
    async ({}, use) => {
      const bench = await openWorkerBench(EXTENSION_PATH, WORKER_SCENARIOS);
      await use(bench);
      await bench.close();
    },
    { scope: 'worker' },
  ],
  browserVersion: [
    async ({ bench }, use) => {
      await use(await bench.app.evaluate(() => navigator.userAgent.match(/Chrome\/[\d.]+/)?.[0] ?? navigator.userAgent));
    },
    { scope: 'worker' },
  ],
});

for (const scenario of WORKER_SCENARIOS) {
  test(`${scenario.group} › ${scenario.id}`, async ({ bench }) => {
    const row = await runWorkerScenario(bench, scenario);
    saveRow(row);
    if (!row.asDesigned) {
      test.info().annotations.push({ type: 'scenario drift', description: `written for ${scenario.designedFor}` });
    }
    const details = disagreementDetails(row).join('\n');
    expect(row.requests[0]?.cdp, `Chromium reported no request on the worker's target:\n${details}`).not.toBeNull();
    expect(scenarioDiffs(row), `CORS Lens differs from Chromium:\n${details}`).toEqual([]);
    expect(row.requests[0]?.diffs, `CORS Lens differs from Chromium:\n${details}`).toEqual([]);
  });
}

test.afterAll(({ browserVersion }) => {
  console.log(`${writeAgreement(TABLE_ENTRIES, browserVersion)} (${TABLE_FILE})`);
});
