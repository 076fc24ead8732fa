// The CORS panel opened as an ordinary tab (`panel.html?tabId=N`), the route every panel test
// takes; selectors live here so specs read as behaviour.
import type { BrowserContext, Locator, Page } from '@playwright/test';
import { findTabId } from '../../src/playwright/read-report';

export class PanelPage {
  private constructor(readonly page: Page) {}

  static async open(context: BrowserContext, extensionId: string, inspected: Page): Promise<PanelPage> {
    const tabId = await findTabId(context, inspected);
    const page = await context.newPage();
    await page.goto(`chrome-extension://${extensionId}/src/panel/panel.html?tabId=${tabId}`);
    return new PanelPage(page);
  }

  rows(): Locator {
    return this.page.getByTestId('cors-call');
  }

  /** The row of the call whose initial URL contains `urlPart`. */
  rowFor(urlPart: string): Locator {
    return this.rows().filter({ has: this.page.locator(`xpath=self::*[contains(@data-url, "${urlPart}")]`) });
  }

  whyBlocked(): Locator {
    return this.page.getByTestId('why-blocked');
  }

  timelineSteps(): Locator {
    return this.page.getByTestId('timeline-step');
  }

  preflightCached(): Locator {
    return this.page.getByTestId('preflight-cached');
  }

  async close(): Promise<void> {
    await this.page.close();
  }
}
