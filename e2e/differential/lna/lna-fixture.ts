// One LNA bench (Chromium with the extension, page ports counted as public, the loopback servers)
// per Playwright worker, shared by the LNA specs.
import { test as base } from '@playwright/test';
import { resolve } from 'node:path';
import { TEST_HOSTS } from '../../support/fixtures';
import { openLnaBench, type LnaBench } from './run-lna-case';

const EXTENSION_PATH = resolve(import.meta.dirname, '../../../dist');

export const test = base.extend<object, { bench: LnaBench }>({
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

export { expect } from '@playwright/test';
