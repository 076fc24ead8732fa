// What a panel's copy buttons hand the clipboard, read without the system clipboard (headless
// Chromium has none to read back): writeText is replaced by a recorder in the page.
import type { Page } from '@playwright/test';

export async function recordClipboard(page: Page): Promise<void> {
  await page.evaluate(() => {
    const copied: string[] = [];
    (window as unknown as { copied: string[] }).copied = copied;
    navigator.clipboard.writeText = (text: string) => {
      copied.push(text);
      return Promise.resolve();
    };
  });
}

/** Every text copied since `recordClipboard`, oldest first. */
export function copiedTexts(page: Page): Promise<string[]> {
  return page.evaluate(() => [...(window as unknown as { copied: string[] }).copied]);
}
