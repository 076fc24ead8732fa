// Wires chrome events to the capture. Every listener is registered synchronously at the top
// level, so the event that wakes a stopped worker finds its listener.
import { CAPTURE_PAUSED_KEY, isCapturePaused } from '../shared/capture-pause';
import { showCaptureState } from './action-badge';
import { applyEvent, pageOrigin } from './capture';
import { installBenchSeam } from './bench-seam';
import { SEAMS_BUILD } from './build-mode';
import { addEventCost, captureStats, resetCaptureStats } from './capture-stats';
import { startCaptureScope } from './capture-scope';
import { startCaptureSwitch, type Subscription } from './capture-switch';
import { followCredentialSetting } from './credential-recording';
import { followLocalSetting } from './local-setting';
import { acceptPanelPort } from './panel-ports';
import { clearLog } from './tab-log';
import { forgetTab, notifyCleared, readCalls, storedTabIds, withTab } from './tab-store';
import { markCalls, registerTrialListeners, trialSeam, trialsReady } from './trials';
import { toHeaderLines, type WireEvent } from './wire-event';
import { KIT_SEAM_VERSION, type KitSeam } from '../shared/kit-seam';
import type { SeamsBuildMembers } from './seams-build-seam';
import { isWorkerEvent } from './worker-attribution';
import { noteWorkerScript, routeFromWorker } from './worker-routing';

const CAPTURED_URLS = ['http://*/*', 'https://*/*'];

/** `started`: when the worker's work on the event began, if the caller already read the clock
 * (one reading fewer per event: each costs about 0.25 µs in an extension worker). */
function record(event: WireEvent, preparedIn: number, started = performance.now()): void {
  noteWorkerScript(event);
  // A service or shared worker's request has no tab: it is recorded in the tabs of its origin.
  if (isWorkerEvent(event)) {
    routeFromWorker(event, (routed) => record(routed, 0));
    addEventCost(preparedIn + performance.now() - started);
    return;
  }
  // Cheap filter first: browser-internal and DevTools requests never touch storage.
  if ((event.type !== 'main_frame' && pageOrigin(event) === null) || (event.type === 'main_frame' && event.tabId < 0)) {
    addEventCost(preparedIn + performance.now() - started);
    return;
  }
  // The work usually runs at once, inside the listener's time; when it has to wait its turn on
  // the tab's chain, its own time is added when it runs. The batched storage write is not counted.
  let listenerMs: number | null = null;
  let ranAtOnce = false;
  void withTab(event.tabId, (log) => {
    const applying = performance.now();
    if (applyEvent(log, event) === 'cleared') notifyCleared(log);
    if (listenerMs === null) ranAtOnce = true;
    else addEventCost(preparedIn + listenerMs + performance.now() - applying);
  });
  listenerMs = performance.now() - started;
  if (ranAtOnce) addEventCost(preparedIn + listenerMs);
}

type CommonDetails = Pick<
  chrome.webRequest.WebRequestDetails,
  'requestId' | 'url' | 'method' | 'type' | 'tabId' | 'frameId' | 'initiator' | 'timeStamp'
>;

function base(details: CommonDetails) {
  const { requestId, url, method, type, tabId, frameId, initiator, timeStamp } = details;
  return { requestId, url, method, type: String(type), tabId, frameId, initiator, timeStamp };
}

type FinalResponseDetails = CommonDetails & Pick<chrome.webRequest.OnCompletedDetails, 'statusCode' | 'responseHeaders' | 'fromCache' | 'ip'>;

/** What onBeforeRedirect and onCompleted both say about the response that ended a hop. */
function finalResponse(d: FinalResponseDetails) {
  const { statusCode, fromCache } = d;
  return { ...base(d), statusCode, fromCache, responseHeaders: toHeaderLines(d.responseHeaders), ip: d.ip ?? null };
}

/** A listener that turns `details` into a WireEvent, timed, and hands it to the capture switch. */
function listener<D>(toEvent: (details: D) => WireEvent) {
  return (details: D): undefined => {
    const started = performance.now();
    const event = toEvent(details);
    captureSwitch.deliver(event, performance.now() - started);
    return undefined;
  };
}

/** The part of a chrome.webRequest event a Subscription uses. */
interface WebRequestEvent<F, O> {
  addListener(callback: F, filter: chrome.webRequest.RequestFilter, extraInfoSpec?: O): void;
  removeListener(callback: F): void;
  hasListener(callback: F): boolean;
}

function subscription<F, O>(
  event: WebRequestEvent<F, O>,
  filter: chrome.webRequest.RequestFilter,
  callback: F,
  extraInfoSpec?: O,
): Subscription {
  return {
    add: () => {
      if (!event.hasListener(callback)) event.addListener(callback, filter, extraInfoSpec);
    },
    remove: () => event.removeListener(callback),
    isListening: () => event.hasListener(callback),
  };
}

const { webRequest } = chrome;
/** One set of listeners for `filter`, with callbacks of its own: the capture scope registers a
 * set for every tab, or one per inspected tab. */
const listenerSet = (filter: chrome.webRequest.RequestFilter): Subscription[] => [
  subscription(
    webRequest.onBeforeRequest,
    filter,
    listener((d: chrome.webRequest.OnBeforeRequestDetails) => ({ ...base(d), kind: 'before-request' })),
  ),
  subscription(
    webRequest.onSendHeaders,
    filter,
    listener((d: chrome.webRequest.OnSendHeadersDetails) => ({
      ...base(d),
      kind: 'send-headers',
      requestHeaders: toHeaderLines(d.requestHeaders),
    })),
    // 'extraHeaders' is what makes Chromium show preflights and the Origin/Cookie headers at all.
    ['requestHeaders', 'extraHeaders'],
  ),
  subscription(
    webRequest.onHeadersReceived,
    filter,
    listener((d: chrome.webRequest.OnHeadersReceivedDetails) => ({
      ...base(d),
      kind: 'headers-received',
      statusCode: d.statusCode,
      responseHeaders: toHeaderLines(d.responseHeaders),
    })),
    ['responseHeaders', 'extraHeaders'],
  ),
  // No 'extraHeaders' or headers asked for: only the moment matters (see wire-event.ts).
  subscription(
    webRequest.onResponseStarted,
    filter,
    listener((d: chrome.webRequest.OnResponseStartedDetails) => ({ ...base(d), kind: 'response-started' })),
  ),
  subscription(
    webRequest.onBeforeRedirect,
    filter,
    listener((d: chrome.webRequest.OnBeforeRedirectDetails) => ({
      ...finalResponse(d),
      kind: 'before-redirect',
      redirectUrl: d.redirectUrl,
    })),
    ['responseHeaders', 'extraHeaders'],
  ),
  subscription(
    webRequest.onCompleted,
    filter,
    listener((d: chrome.webRequest.OnCompletedDetails) => ({ ...finalResponse(d), kind: 'completed' })),
    ['responseHeaders', 'extraHeaders'],
  ),
  subscription(
    webRequest.onErrorOccurred,
    filter,
    listener((d: chrome.webRequest.OnErrorOccurredDetails) => ({
      ...base(d),
      kind: 'error',
      error: d.error,
      ip: d.ip ?? null,
    })),
    ['extraHeaders'],
  ),
];

// Listeners first, synchronously, then the saved choices (pause, scope) decide which stay.
const captureScope = startCaptureScope(listenerSet, CAPTURED_URLS);
const captureSwitch = startCaptureSwitch([captureScope.subscription], (event, preparedIn) => {
  // The scope's check is part of the worker's cost per event, timed with the rest of its work.
  const started = performance.now();
  if (captureScope.admit(event)) record(event, preparedIn, started);
});

function obeyPauseChoice(paused: boolean): void {
  captureSwitch.apply(paused);
  void showCaptureState(paused);
}

async function setCapturePaused(paused: boolean): Promise<void> {
  await chrome.storage.local.set({ [CAPTURE_PAUSED_KEY]: paused });
  obeyPauseChoice(paused);
}

// The panel's "resume" writes the choice itself; the worker follows whoever made it. The stored
// choice is applied once the scope is, since both decide which listeners stay.
void followLocalSetting(CAPTURE_PAUSED_KEY, isCapturePaused, obeyPauseChoice, captureScope.loaded);

chrome.action.onClicked.addListener(() => void setCapturePaused(captureSwitch.mode() !== 'paused'));

chrome.tabs.onRemoved.addListener((tabId) => void forgetTab(tabId));

chrome.runtime.onConnect.addListener((port) => {
  if (!captureScope.watchPort(port)) acceptPanelPort(port);
});

registerTrialListeners();

followCredentialSetting();

// The seam the Playwright kit reads through `serviceWorker.evaluate` (typed, with its version, in
// src/shared/kit-seam.ts): raw calls per tab, after every event already delivered has been
// applied. The seams build (build-mode.ts) adds what benchmarks and tests drive: the trial
// lifetime, the worker's own cost per event and the pause switch. Not reachable from web pages.
Object.assign(globalThis, {
  corsLens: {
    version: KIT_SEAM_VERSION,
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
    ...(SEAMS_BUILD &&
      ({
        trials: trialSeam,
        captureStats,
        resetCaptureStats,
        setCapturePaused,
        captureMode: () => captureSwitch.mode(),
        isListening: () => captureSwitch.isListening(),
        listenerSets: () => captureScope.listenerSets(),
      } satisfies SeamsBuildMembers)),
  } satisfies KitSeam,
});
if (SEAMS_BUILD) installBenchSeam();
