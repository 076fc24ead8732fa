// One Chromium with the built extension per Playwright worker, one fresh page per test, and the
// playground servers on loopback.
import { test as base, expect } from '@playwright/test';
import { resolve } from 'node:path';
import { startPlayground, type Playground } from '../../playground/servers';
import { launchWithCorsLens, type LaunchedBrowser } from '../../src/playwright/launch';

export const EXTENSION_PATH = resolve(import.meta.dirname, '../../dist');
/** The same extension with the benchmark and test seams (`vite build --mode seams`), for specs
 * that drive one: `test.use({ extensionPath: SEAMS_EXTENSION_PATH })`. */
export const SEAMS_EXTENSION_PATH = resolve(import.meta.dirname, '../../dist-seams');

/** Test hosts resolve to loopback and every other name to nothing, so no test session sends a
 * lookup or a request off this machine (Chromium's own background calls included). */
export const TEST_HOSTS = 'MAP *.test 127.0.0.1, MAP * ~NOTFOUND';

interface WorkerFixtures {
  /** The unpacked extension `lens` loads: the shipped build unless a spec needs a seam. */
  readonly extensionPath: string;
  readonly lens: LaunchedBrowser;
  readonly playground: Playground;
}

export const test = base.extend<object, WorkerFixtures>({
  extensionPath: [EXTENSION_PATH, { scope: 'worker', option: true }],
  lens: [
    async ({ extensionPath }, use) => {
      const browser = await launchWithCorsLens({ extensionPath, hostResolverRules: TEST_HOSTS });
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
