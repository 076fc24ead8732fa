// Wires chrome events to the capture. Every listener is registered synchronously at the top
// level, so the event that wakes a stopped worker finds its listener.
import { applyEvent, pageOrigin } from './capture';
import './bench-seam';
import { acceptPanelPort } from './panel-ports';
import { clearLog } from './tab-log';
import { forgetTab, notifyCleared, readCalls, storedTabIds, withTab } from './tab-store';
import { markCalls, registerTrialListeners, trialSeam, trialsReady } from './trials';
import { toHeaderLines, type WireEvent } from './wire-event';

const filter: chrome.webRequest.RequestFilter = { urls: ['http://*/*', 'https://*/*'] };


function record(event: WireEvent): void {
  // Cheap filter first: browser-internal and DevTools requests never touch storage.
  if (event.type !== 'main_frame' && pageOrigin(event) === null) return;
  if (event.type === 'main_frame' && event.tabId < 0) return;
  void withTab(event.tabId, (log) => {
    if (applyEvent(log, event) === 'cleared') notifyCleared(log);
  });
}

type CommonDetails = Pick<
  chrome.webRequest.WebRequestDetails,
  'requestId' | 'url' | 'method' | 'type' | 'tabId' | 'frameId' | 'initiator' | 'timeStamp'
>;

function base(details: CommonDetails) {
  const { requestId, url, method, type, tabId, frameId, initiator, timeStamp } = details;
  return { requestId, url, method, type: String(type), tabId, frameId, initiator, timeStamp };
}

chrome.webRequest.onBeforeRequest.addListener((d) => {
  record({ ...base(d), kind: 'before-request' });
  return undefined;
}, filter);

chrome.webRequest.onSendHeaders.addListener(
  (d) => record({ ...base(d), kind: 'send-headers', requestHeaders: toHeaderLines(d.requestHeaders) }),
  filter,
  // 'extraHeaders' is what makes Chromium show preflights and the Origin/Cookie headers at all.
  ['requestHeaders', 'extraHeaders'],
);

chrome.webRequest.onHeadersReceived.addListener(
  (d) => {
    record({
      ...base(d),
      kind: 'headers-received',
      statusCode: d.statusCode,
      responseHeaders: toHeaderLines(d.responseHeaders),
    });
    return undefined;
  },
  filter,
  ['responseHeaders', 'extraHeaders'],
);

type FinalResponseDetails = CommonDetails & Pick<chrome.webRequest.OnCompletedDetails, 'statusCode' | 'responseHeaders' | 'fromCache' | 'ip'>;

/** What onBeforeRedirect and onCompleted both say about the response that ended a hop. */
function finalResponse(d: FinalResponseDetails) {
  const { statusCode, fromCache } = d;
  return { ...base(d), statusCode, fromCache, responseHeaders: toHeaderLines(d.responseHeaders), ip: d.ip ?? null };
}

chrome.webRequest.onBeforeRedirect.addListener(
  (d) => record({ ...finalResponse(d), kind: 'before-redirect', redirectUrl: d.redirectUrl }),
  filter,
  ['responseHeaders', 'extraHeaders'],
);

chrome.webRequest.onCompleted.addListener(
  (d) => record({ ...finalResponse(d), kind: 'completed' }),
  filter,
  ['responseHeaders', 'extraHeaders'],
);

chrome.webRequest.onErrorOccurred.addListener(
  (d) => record({ ...base(d), kind: 'error', error: d.error, ip: d.ip ?? null }),
  filter,
  ['extraHeaders'],
);

chrome.tabs.onRemoved.addListener((tabId) => void forgetTab(tabId));

chrome.runtime.onConnect.addListener(acceptPanelPort);

registerTrialListeners();

// The seam the Playwright kit reads through `serviceWorker.evaluate`: raw calls per tab, after
// every event already delivered has been applied. Not reachable from web pages.
Object.assign(globalThis, {
  corsLens: {
    trials: trialSeam,
    async calls(tabId?: number) {
      const tabIds = tabId === undefined ? await storedTabIds() : [tabId];
      const results = await Promise.all(tabIds.map((id) => readCalls(id)));
      await trialsReady();
      return markCalls(results.flatMap((r) => r.calls));
    },
    // The same clear as the panel's button, so an open panel empties too.
    async clear(tabId?: number) {
      const tabIds = tabId === undefined ? await storedTabIds() : [tabId];
      await Promise.all(
        tabIds.map((id) =>
          withTab(id, (log) => {
            clearLog(log);
            notifyCleared(log);
          }),
        ),
      );
    },
  },
});
