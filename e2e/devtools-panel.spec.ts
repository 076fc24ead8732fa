// Smoke test of the real thing: the CORS tab inside a real DevTools window, inspecting a real
// page, lists that page's calls (so the panel found its tab through chrome.devtools).
import { test as base, expect } from '@playwright/test';
import { startPlayground } from '../playground/servers';
import { launchWithCorsLens } from '../src/playwright/launch';
import { DevToolsWindow } from './support/devtools-window';
import { EXTENSION_PATH, TEST_HOSTS } from './support/fixtures';

base('the CORS tab in real DevTools lists the inspected page’s blocked call', async () => {
  const playground = await startPlayground();
  const lens = await launchWithCorsLens({ extensionPath: EXTENSION_PATH, hostResolverRules: TEST_HOSTS, args: ['--auto-open-devtools-for-tabs'] });
  try {
    const page = await lens.context.newPage();
    // Every tab has its own DevTools window; keep only the one inspecting our page.
    for (const other of lens.context.pages()) if (other !== page) await other.close();
    await page.goto(`${playground.appOrigin}/`);
    await page.evaluate(() => (window as unknown as { runCase(id: string): Promise<string> }).runCase('no-acao'));

    const devtools = await DevToolsWindow.attach(page, lens.extensionId);
    const panel = await devtools.openCorsPanel();
    const readRows = () =>
      panel.evaluate(
        `[...document.querySelectorAll('[data-testid="cors-call"]')].map((r) => r.dataset.url + ' ' + r.dataset.code)`,
      );
    await expect.poll(readRows, { timeout: 10_000 }).toEqual([
      expect.stringMatching(/case=no-acao&run=\w+ MissingAllowOriginHeader$/),
    ]);
  } finally {
    await lens.close();
    await playground.close();
  }
});
