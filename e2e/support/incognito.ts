// Lets the loaded extension run in incognito, as a user does with "Allow in Incognito" on
// chrome://extensions, and opens an incognito window. Playwright's persistent context does not
// list incognito pages, so a test drives such a page only through what it loads.
import type { BrowserContext } from '@playwright/test';
import { extensionWorker } from '../../src/playwright/launch';

/** Turns on incognito access through the page's own API (developerPrivate). Chromium reloads the
 * extension for it, and leaves an unpacked extension loaded by command line disabled
 * (unsupportedDeveloperExtension) until it is enabled again; resolves once its worker runs. */
export async function allowInIncognito(context: BrowserContext, extensionId: string): Promise<void> {
  const page = await context.newPage();
  try {
    await page.goto(`chrome://extensions/?id=${extensionId}`);
    await page.evaluate(async (id) => {
      const api = (chrome as unknown as { developerPrivate: { updateExtensionConfiguration(u: object): Promise<void> } }).developerPrivate;
      await api.updateExtensionConfiguration({ extensionId: id, incognitoAccess: true });
      // The reload is not over when the call resolves: wait until the extension shows disabled.
      for (let i = 0; i < 100 && (await chrome.management.get(id)).enabled; i++) await new Promise((r) => setTimeout(r, 50));
      await chrome.management.setEnabled(id, true);
    }, extensionId);
  } finally {
    await page.close();
  }
  const worker = await extensionWorker(context);
  if (!(await worker.evaluate(() => chrome.extension.isAllowedIncognitoAccess()))) throw new Error('incognito access did not stick');
}

/** Opens `url` in a new incognito window (through the extension, which may now do so). */
export async function openIncognito(context: BrowserContext, url: string): Promise<void> {
  const worker = await extensionWorker(context);
  await worker.evaluate(async (u) => {
    await chrome.windows.create({ incognito: true, url: u });
  }, url);
}
