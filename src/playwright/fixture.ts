// `import { test, expect } from 'cors-lens/playwright'`: @playwright/test with a Chromium that
// has CORS Lens loaded (`context`, `page`) and the page's CORS calls (`corsLens`).
import {
  test as base,
  type PlaywrightTestArgs,
  type PlaywrightTestOptions,
  type PlaywrightWorkerArgs,
  type PlaywrightWorkerOptions,
  type TestType,
} from '@playwright/test';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { launchWithCorsLens } from './launch';
import { corsLensFor, type CorsLens } from './lens';
import { readCorsReport } from './read-report';
import { printableJson } from '../shared/printable';

export interface CorsLensTestOptions {
  /** The unpacked extension to load; defaults to the `dist/` shipped in this package. */
  readonly corsLensExtensionPath: string | undefined;
  /** Keep cookie, token and URL-secret values in `corsLens` reports and the report attached to a
   * failed test; they are masked by default, as in every CORS Lens export. */
  readonly corsLensKeepSecrets: boolean;
  /** More header or URL parameter names whose values to mask. */
  readonly corsLensRedactNames: readonly string[];
}

export interface CorsLensTestFixtures {
  readonly corsLens: CorsLens;
}

/** The extension build shipped next to the kit (`dist-kit/playwright.js` → `dist/`). */
export function bundledExtensionPath(): string {
  const path = fileURLToPath(new URL('../dist', import.meta.url));
  if (!existsSync(join(path, 'manifest.json'))) {
    throw new Error(`CORS Lens: no extension build at ${path}; build it or set the corsLensExtensionPath option`);
  }
  return path;
}

// Typed by hand so the published declarations name @playwright/test, not its inner packages.
export const test: TestType<
  PlaywrightTestArgs & PlaywrightTestOptions & CorsLensTestOptions & CorsLensTestFixtures,
  PlaywrightWorkerArgs & PlaywrightWorkerOptions
> = base.extend<CorsLensTestOptions & CorsLensTestFixtures>({
  corsLensExtensionPath: [undefined, { option: true }],
  corsLensKeepSecrets: [false, { option: true }],
  corsLensRedactNames: [[], { option: true }],

  // A fresh profile per test: extensions need a persistent context, and a shared one would carry
  // cookies, cache and preflight cache from test to test.
  context: async ({ corsLensExtensionPath, corsLensKeepSecrets, corsLensRedactNames, headless }, use, testInfo) => {
    const launched = await launchWithCorsLens({
      extensionPath: corsLensExtensionPath ?? bundledExtensionPath(),
      headless,
    });
    try {
      await use(launched.context);
      if (testInfo.status !== testInfo.expectedStatus) {
        // Best effort: a crashed browser must not hide the test's own error.
        const redact = { keepSecrets: corsLensKeepSecrets, extraNames: corsLensRedactNames };
        const report = await readCorsReport(launched.context, redact).catch(() => null);
        if (report) {
          await testInfo.attach('cors-lens-report', {
            body: printableJson(report, 2),
            contentType: 'application/json',
          });
        }
      }
    } finally {
      await launched.close();
    }
  },

  page: async ({ context }, use) => {
    await use(context.pages()[0] ?? (await context.newPage()));
  },

  corsLens: async ({ context, page, corsLensKeepSecrets, corsLensRedactNames }, use) => {
    await use(corsLensFor(context, page, { keepSecrets: corsLensKeepSecrets, extraNames: corsLensRedactNames }));
  },
});
