// Reads CORS Lens's report out of a Playwright BrowserContext that has the extension loaded.
import type { BrowserContext, Page, Worker } from '@playwright/test';
import { kitSeamProblem, type KitSeamGlobal } from '../shared/kit-seam';
import type { ObservedCall } from '../shared/observed-call';
import { redactCalls, type RedactOptions } from '../shared/redact';
import { buildReport, type CorsReport } from '../shared/report';
import { extensionWorker, listedExtensionWorker } from './launch';
import { scriptHasRun } from './script-has-run';
import { tabIdByTarget } from './tab-finder';

/** `keepSecrets` keeps cookie, token and URL-secret values in the report (masked by default, as in
 * every CORS Lens export); `extraNames` masks more header or URL parameter names. */
export interface ReadReportOptions extends RedactOptions {
  /** Only this page's tab; every tab when omitted. */
  readonly page?: Page;
  /** Only this tab (as found by `findTabId`); wins over `page`. */
  readonly tabId?: number;
  /** How long to wait for calls still in flight to finish (ms). */
  readonly settleTimeout?: number;
}

export async function readCorsReport(context: BrowserContext, options: ReadReportOptions = {}): Promise<CorsReport> {
  return buildReport(redactCalls(await readObservedCalls(context, options), options));
}

/** The raw records the report is built from (with every header, unredacted: callers that print
 * them redact first), once in-flight calls settle. */
export async function readObservedCalls(context: BrowserContext, options: ReadReportOptions = {}): Promise<ObservedCall[]> {
  const worker = await wakeWorker(context);
  const tabId = options.tabId ?? (options.page ? await tabIdOf(context, worker, options.page) : undefined);
  const deadline = Date.now() + (options.settleTimeout ?? 2_000);
  let calls = await readCalls(worker, tabId);
  while (calls.some((call) => call.state === 'in-flight') && Date.now() < deadline) {
    await new Promise((resolve) => setTimeout(resolve, 50));
    calls = await readCalls(worker, tabId);
  }
  return calls;
}

// Runs in the worker, after wakeWorker has checked the seam's version.
function readCalls(worker: Worker, tabId: number | undefined): Promise<ObservedCall[]> {
  return worker.evaluate(async (id) => [...((await (globalThis as KitSeamGlobal).corsLens?.calls?.(id)) ?? [])], tabId);
}

/** Empties CORS Lens's log for one tab (every tab when `tabId` is omitted), as the panel's Clear does. */
export async function clearCorsLog(context: BrowserContext, tabId?: number): Promise<void> {
  const worker = await wakeWorker(context);
  await worker.evaluate(async (id) => {
    await (globalThis as KitSeamGlobal).corsLens?.clear?.(id);
  }, tabId);
}

// Workers whose seam version has been checked; a Worker object outlives the worker's restarts.
const checkedWorkers = new WeakSet<Worker>();

/** The extension's running worker, once its seam is known to be one this kit reads. */
async function wakeWorker(context: BrowserContext): Promise<Worker> {
  const worker = await runningWorker(context);
  if (checkedWorkers.has(worker)) return worker;
  const found = await worker.evaluate(() => {
    const version = (globalThis as KitSeamGlobal).corsLens?.version;
    return typeof version === 'number' ? version : null;
  });
  const problem = kitSeamProblem(found);
  if (problem !== null) throw new Error(problem);
  checkedWorkers.add(worker);
  return worker;
}

async function runningWorker(context: BrowserContext): Promise<Worker> {
  const listed = listedExtensionWorker(context);
  if (!listed) return extensionWorker(context);
  // A worker Chrome has stopped stays listed, and its evaluate waits until it runs again.
  if (await scriptHasRun(listed, 1_000)) return listed;
  // Any connection from an extension page starts it.
  const page = await context.newPage();
  try {
    await page.goto(`chrome-extension://${new URL(listed.url()).host}/src/panel/panel.html?tabId=-1`);
    if (await scriptHasRun(listed, 10_000)) return listed;
  } finally {
    await page.close();
  }
  throw new Error('CORS Lens: the extension service worker did not start');
}

/** The Chrome tab id behind a Playwright page (what the panel's `?tabId=` takes). */
export async function findTabId(context: BrowserContext, page: Page): Promise<number> {
  return tabIdOf(context, await wakeWorker(context), page);
}

async function tabIdOf(context: BrowserContext, worker: Worker, page: Page): Promise<number> {
  const byTarget = await tabIdByTarget(context, page);
  if (byTarget !== null) return byTarget;
  // A context launched without the tab finder: only a URL that one tab shows, and that the
  // extension may read (http and https), tells the tab.
  const url = page.url();
  const byUrl = await worker.evaluate(
    async (u) => (await chrome.tabs.query({})).filter((t) => t.url === u).map((t) => t.id ?? -1),
    url,
  );
  if (byUrl.length === 1 && byUrl[0] !== undefined) return byUrl[0];
  throw new Error(
    `CORS Lens: cannot find the browser tab of ${url}: ${byUrl.length === 0 ? 'no tab' : `${byUrl.length} tabs`} with that URL; launch the browser with launchWithCorsLens (or the kit's test fixture), which finds any page's tab`,
  );
}
