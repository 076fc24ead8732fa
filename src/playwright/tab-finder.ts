// The Chrome tab id behind a Playwright page, found by the page's DevTools target id: the page's
// own CDP session names its target (`Target.getTargetInfo`), and `chrome.debugger.getTargets()`
// pairs each target id with its tab id. Neither the page's URL nor its title is read, so a page on
// about:blank, on a URL several tabs share, or retitling itself is found all the same, and nothing
// in the page changes.
//
// `chrome.debugger` needs the "debugger" permission, which CORS Lens does not hold (it would add an
// install-time warning for a test-only need). So the kit loads, next to it, this tiny extension of
// its own, which holds that permission alone: no host access, no listeners but the one that lets
// the kit wake its worker. It only lists targets and never attaches to one, so Chromium shows no
// "started debugging this browser" bar.
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { BrowserContext, Page, Worker } from '@playwright/test';
import { scriptHasRun } from './script-has-run';

const WORKER_SCRIPT = 'cors-lens-tab-finder.js';
const WAKE_PAGE = 'wake.html';

const FILES: Readonly<Record<string, string>> = {
  'manifest.json': JSON.stringify({
    manifest_version: 3,
    name: 'CORS Lens tab finder (Playwright kit)',
    version: '1',
    description: 'Lets the CORS Lens Playwright kit tell which tab a page is in.',
    permissions: ['debugger'],
    background: { service_worker: WORKER_SCRIPT },
  }),
  // A connection from its own page starts a stopped worker (see wakeTabFinder).
  [WORKER_SCRIPT]: 'chrome.runtime.onConnect.addListener((port) => port.disconnect());\n',
  [WAKE_PAGE]: '<!doctype html><script src="wake.js"></script>\n',
  'wake.js': 'chrome.runtime.connect();\n',
};

export interface TabFinderFolder {
  readonly path: string;
  remove(): Promise<void>;
}

/** Writes the tab finder extension into a fresh temporary folder, for `--load-extension`. */
export async function writeTabFinder(): Promise<TabFinderFolder> {
  const path = await mkdtemp(join(tmpdir(), 'cors-lens-tab-finder-'));
  await Promise.all(Object.entries(FILES).map(([name, text]) => writeFile(join(path, name), text)));
  return { path, remove: () => rm(path, { recursive: true, force: true }) };
}

export function isTabFinderWorker(worker: Worker): boolean {
  return worker.url().startsWith('chrome-extension://') && worker.url().endsWith(`/${WORKER_SCRIPT}`);
}

/** The page's DevTools target id, from its own CDP session. */
async function targetIdOf(page: Page): Promise<string> {
  const session = await page.context().newCDPSession(page);
  try {
    const { targetInfo } = (await session.send('Target.getTargetInfo')) as { targetInfo: { targetId: string } };
    return targetInfo.targetId;
  } finally {
    await session.detach().catch(() => undefined);
  }
}

/** The tab finder's worker, started if Chrome had stopped it; null when the context was launched
 * without the tab finder (not by `launchWithCorsLens`). */
async function tabFinderWorker(context: BrowserContext): Promise<Worker | null> {
  const listed = context.serviceWorkers().find(isTabFinderWorker);
  if (listed === undefined) return null;
  if (await scriptHasRun(listed, 1_000)) return listed;
  const page = await context.newPage();
  try {
    await page.goto(`chrome-extension://${new URL(listed.url()).host}/${WAKE_PAGE}`);
    if (await scriptHasRun(listed, 10_000)) return listed;
  } finally {
    await page.close();
  }
  throw new Error('CORS Lens: the tab finder extension did not start');
}

/** The tab id of the page; null when the context has no tab finder. */
export async function tabIdByTarget(context: BrowserContext, page: Page): Promise<number | null> {
  const worker = await tabFinderWorker(context);
  if (worker === null) return null;
  const targetId = await targetIdOf(page);
  const tabId = await worker.evaluate(
    async (id) => (await chrome.debugger.getTargets()).find((target) => target.id === id)?.tabId ?? null,
    targetId,
  );
  if (tabId === null) throw new Error(`CORS Lens: no browser tab holds the page at ${page.url()} (DevTools target ${targetId})`);
  return tabId;
}
