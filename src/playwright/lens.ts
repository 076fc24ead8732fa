// `corsLens`: the calls CORS Lens saw in one page's tab, for a context the fixture launched or one
// the user launched with `launchWithCorsLens`.
import type { BrowserContext, Page } from '@playwright/test';
import type { RedactOptions } from '../shared/redact';
import type { CorsReport, ReportCall } from '../shared/report';
import { clearCorsLog, findTabId, readCorsReport } from './read-report';

/** Secret values are masked in `calls()` and `report()` unless `keepSecrets`. */
export interface CorsLensOptions extends RedactOptions {
  /** How long `calls()`/`report()` wait for calls still in flight (ms). */
  readonly settleTimeout?: number;
}

export interface CorsLens {
  readonly page: Page;
  /** The Chrome tab id behind the page. */
  tabId(): Promise<number>;
  /** The tab's calls since its last navigation (or `clear()`), oldest first. */
  calls(): Promise<readonly ReportCall[]>;
  /** The same calls as a `cors-lens/report` document, as the panel exports it. */
  report(): Promise<CorsReport>;
  /** Empties the tab's log, as the panel's Clear button does. */
  clear(): Promise<void>;
}

// A page keeps its tab for life; looking the tab up is a few worker round trips, so remember it.
const tabIds = new WeakMap<Page, number>();

export async function tabIdOfPage(context: BrowserContext, page: Page): Promise<number> {
  const known = tabIds.get(page);
  if (known !== undefined) return known;
  const tabId = await findTabId(context, page);
  tabIds.set(page, tabId);
  return tabId;
}

export function corsLensFor(context: BrowserContext, page: Page, options: CorsLensOptions = {}): CorsLens {
  const tabId = () => tabIdOfPage(context, page);
  const report = async () => readCorsReport(context, { ...options, tabId: await tabId() });
  return {
    page,
    tabId,
    report,
    calls: async () => (await report()).calls,
    clear: async () => clearCorsLog(context, await tabId()),
  };
}
