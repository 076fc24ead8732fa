// One Chromium with the built extension per Playwright worker, one fresh page per test, and the
// playground servers on loopback.
import { test as base, expect } from '@playwright/test';
import { resolve } from 'node:path';
import { startPlayground, type Playground } from '../../playground/servers';
import { launchWithCorsLens, type LaunchedBrowser } from '../../src/playwright/launch';

export const EXTENSION_PATH = resolve(import.meta.dirname, '../../dist');

/** Test hosts resolve to loopback and every other name to nothing, so no test session sends a
 * lookup or a request off this machine (Chromium's own background calls included). */
export const TEST_HOSTS = 'MAP *.test 127.0.0.1, MAP * ~NOTFOUND';

interface WorkerFixtures {
  readonly lens: LaunchedBrowser;
  readonly playground: Playground;
}

export const test = base.extend<object, WorkerFixtures>({
  lens: [
    // eslint-disable-next-line no-empty-pattern -- Playwright requires the destructuring form
    async ({}, use) => {
      const browser = await launchWithCorsLens({ extensionPath: EXTENSION_PATH, hostResolverRules: TEST_HOSTS });
      await use(browser);
      await browser.close();
    },
    { scope: 'worker' },
  ],
  playground: [
    // eslint-disable-next-line no-empty-pattern -- Playwright requires the destructuring form
    async ({}, use) => {
      const playground = await startPlayground();
      await use(playground);
      await playground.close();
    },
    { scope: 'worker' },
  ],
});

export { expect };
