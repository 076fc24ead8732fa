// "Pause capture": the toolbar button removes every webRequest listener, so the page's calls are
// neither seen nor paid for; the choice survives a stopped worker; the panel says so and resumes.
// The button is pressed the way a person's click arrives: CDP's Extensions.triggerAction on the
// tab, which dispatches chrome.action.onClicked.
import type { BrowserContext, Page, Worker } from '@playwright/test';
import { extensionWorker } from '../src/playwright/launch';
import { findTabId, readCorsReport } from '../src/playwright/read-report';
import { expect } from '@playwright/test';
import { testWithOwnBrowser } from './support/own-browser';
import { stopExtensionWorker } from './support/stop-worker';

// Its own browser: a paused CORS Lens must not leak into the other specs' shared one.
// --enable-unsafe-extension-debugging lets CDP press the extension's toolbar button.
const test = testWithOwnBrowser(['--enable-unsafe-extension-debugging']);

/** Presses CORS Lens's toolbar button with `page`'s tab active. */
async function clickToolbarButton(context: BrowserContext, extensionId: string, page: Page): Promise<void> {
  const browser = context.browser();
  if (!browser) throw new Error('no browser to open a CDP session on');
  const cdp = await browser.newBrowserCDPSession();
  const { targetInfos } = (await cdp.send('Target.getTargets', { filter: [{ type: 'tab' }] })) as {
    targetInfos: { targetId: string; url: string }[];
  };
  const tab = targetInfos.find((t) => t.url === page.url());
  if (!tab) throw new Error(`no tab target shows ${page.url()}`);
  // Playwright's protocol types do not list the Extensions domain yet.
  const untyped = cdp as unknown as { send(method: string, params: object): Promise<unknown> };
  await untyped.send('Extensions.triggerAction', { id: extensionId, targetId: tab.targetId });
  await cdp.detach();
}

/** What the worker itself says about its listeners, badge and title. */
function captureState(worker: Worker) {
  return worker.evaluate(async () => {
    const { webRequest } = chrome;
    const events = [
      webRequest.onBeforeRequest,
      webRequest.onBeforeSendHeaders,
      webRequest.onSendHeaders,
      webRequest.onHeadersReceived,
      webRequest.onAuthRequired,
      webRequest.onResponseStarted,
      webRequest.onBeforeRedirect,
      webRequest.onCompleted,
      webRequest.onErrorOccurred,
    ];
    return {
      listenedEvents: events.filter((event) => event.hasListeners()).length,
      badge: await chrome.action.getBadgeText({}),
      title: await chrome.action.getTitle({}),
    };
  });
}

const PAUSED = { listenedEvents: 0, badge: 'off', title: 'CORS Lens: capture paused (click to resume)' };

async function callApi(page: Page, apiOrigin: string, label: string): Promise<void> {
  await page.evaluate(
    (url) => Promise.all([fetch(url), fetch(url.replace('/simple/allowed', '/json/ok'), { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: '{}' })]),
    `${apiOrigin}/simple/allowed?label=${label}`,
  );
}

async function listedUrls(context: BrowserContext, page: Page, label: string): Promise<string[]> {
  const report = await readCorsReport(context, { page, settleTimeout: 5_000 });
  return report.calls.map((c) => c.url).filter((url) => url.includes(`label=${label}`));
}

test('paused capture removes every listener, records nothing, survives a worker restart, and resumes from the panel', async ({
  lens,
  playground,
}) => {
  const { context, extensionId } = lens;
  const page = await context.newPage();
  await page.goto(`${playground.appOrigin}/blank`);

  await callApi(page, playground.apiOrigin, 'before');
  await expect.poll(() => listedUrls(context, page, 'before')).toHaveLength(2);
  expect((await captureState(lens.serviceWorker)).listenedEvents).toBeGreaterThan(0);

  await clickToolbarButton(context, extensionId, page);
  await expect.poll(() => captureState(lens.serviceWorker)).toEqual(PAUSED);
  await callApi(page, playground.apiOrigin, 'paused');
  expect(await listedUrls(context, page, 'paused')).toEqual([]);

  await stopExtensionWorker(page);
  // Calls while the worker is stopped and paused, then the panel wakes it (its port connects).
  await callApi(page, playground.apiOrigin, 'stopped');
  const tabId = await findTabId(context, page);
  const panel = await context.newPage();
  await panel.goto(`chrome-extension://${extensionId}/src/panel/panel.html?tabId=${tabId}`);
  const worker = await extensionWorker(context);
  await expect.poll(() => captureState(worker)).toEqual(PAUSED);
  await expect(panel.getByTestId('capture-paused')).toContainText('Capture paused');
  await callApi(page, playground.apiOrigin, 'woken');
  expect(await listedUrls(context, page, 'stopped')).toEqual([]);
  expect(await listedUrls(context, page, 'woken')).toEqual([]);

  await panel.getByTestId('capture-paused').getByRole('button', { name: 'Resume' }).click();
  await expect(panel.getByTestId('capture-paused')).toHaveCount(0);
  await expect
    .poll(() => captureState(worker))
    .toEqual({ listenedEvents: 7, badge: '', title: 'CORS Lens: capturing (click to pause)' });
  await callApi(page, playground.apiOrigin, 'resumed');
  await expect.poll(() => listedUrls(context, page, 'resumed')).toHaveLength(2);

  // The button toggles: a second press pauses again, and the panel shows it at once.
  await clickToolbarButton(context, extensionId, page);
  await expect.poll(() => captureState(worker)).toEqual(PAUSED);
  await expect(panel.getByTestId('capture-paused')).toBeVisible();
});
