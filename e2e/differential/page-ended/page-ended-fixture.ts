// One page-ended bench (Chromium with the extension, the express server, one page) per
// Playwright worker, shared by the page-ended specs.
import { test as base } from '@playwright/test';
import { resolve } from 'node:path';
import { TEST_HOSTS } from '../../support/fixtures';
import { openPageEndedBench, type PageEndedBench } from './run-page-ended-case';

const EXTENSION_PATH = resolve(import.meta.dirname, '../../../dist');

export const test = base.extend<object, { bench: PageEndedBench }>({
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

export { expect } from '@playwright/test';
