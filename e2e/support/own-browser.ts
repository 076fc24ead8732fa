// A test with a browser and playground of its own, for specs that change a setting of the
// extension (pause, capture scope) that must not leak into the other specs' shared browser.
import { test as base } from '@playwright/test';
import { startPlayground, type Playground } from '../../playground/servers';
import { launchWithCorsLens, type LaunchedBrowser } from '../../src/playwright/launch';
import { EXTENSION_PATH, TEST_HOSTS } from './fixtures';

/** `extensionPath`: the shipped build unless the spec drives a seam (SEAMS_EXTENSION_PATH). */
export function testWithOwnBrowser(args: readonly string[] = [], extensionPath = EXTENSION_PATH) {
  return base.extend<{ lens: LaunchedBrowser; playground: Playground }>({
    // eslint-disable-next-line no-empty-pattern -- Playwright requires the destructuring form
    lens: async ({}, use) => {
      const browser = await launchWithCorsLens({ extensionPath, hostResolverRules: TEST_HOSTS, args });
      await use(browser);
      await browser.close();
    },
    // eslint-disable-next-line no-empty-pattern -- Playwright requires the destructuring form
    playground: async ({}, use) => {
      const playground = await startPlayground();
      await use(playground);
      await playground.close();
    },
  });
}
