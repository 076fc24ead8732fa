// The seam `npm run bench` reaches through serviceWorker.evaluate, only in the seams build
// (build-mode.ts): puts many recorded calls into a tab through the worker's real log and store, hands a batch to
// open panels, and counts what storage.session is asked to do. Never reachable from web pages.
import type { ObservedCall } from '../shared/observed-call';
import { benchCopies } from './bench-copy';
import { addCall, emptyMeta, newTabLog } from './tab-log';
import { forgetTab, notifyUpserted, readCalls, withTab } from './tab-store';

export interface StorageStats {
  /** storage.session.set calls, and the calls (not meta) they wrote. */
  readonly sets: number;
  readonly callsWritten: number;
  /** Time from each set call to its promise settling. */
  readonly setDurationsMs: readonly number[];
  /** webRequest events delivered for http(s) URLs since counting began. */
  readonly events: number;
}

let stats = { sets: 0, callsWritten: 0, setDurationsMs: [] as number[], events: 0 };
let counting = false;

function countEvents(): void {
  stats.events++;
}

/** Wraps storage.session.set once, and listens to every event kind the capture uses. */
function startCounting(): void {
  if (counting) return;
  counting = true;
  const area = chrome.storage.session;
  const set = area.set.bind(area);
  area.set = (items: Record<string, unknown>) => {
    const started = performance.now();
    stats.sets++;
    stats.callsWritten += Object.keys(items).filter((key) => key.startsWith('call:')).length;
    const done = set(items);
    void done.finally(() => stats.setDurationsMs.push(performance.now() - started)).catch(() => undefined);
    return done;
  };
  const filter = { urls: ['http://*/*', 'https://*/*'] };
  const w = chrome.webRequest;
  for (const event of [w.onBeforeRequest, w.onSendHeaders, w.onHeadersReceived, w.onResponseStarted, w.onBeforeRedirect, w.onCompleted, w.onErrorOccurred]) {
    (event as chrome.webRequest.WebRequestEvent<() => void, string[]>).addListener(countEvents, filter);
  }
}

const corsLensBench = {
  /** Adds `count` copies of the templates to the tab's log, with the tab's cap set to `maxCalls`,
   * and waits until they are written. */
  async addCalls(tabId: number, templates: ObservedCall[], count: number, maxCalls: number) {
    await withTab(tabId, (log) => {
      log.maxCalls = maxCalls;
      const first = log.meta.nextSeq;
      for (const call of benchCopies(templates, count, tabId, first)) addCall(log, call);
    });
    const { calls, counters } = await readCalls(tabId);
    return { stored: calls.length, droppedCount: counters.droppedCount };
  },
  /** Sends copies to the tab's open panels as one delta, without storing them; returns when
   * (Date.now()) the message was posted. */
  sendToPanels(tabId: number, templates: ObservedCall[], count: number): number {
    const batch = benchCopies(templates, count, tabId);
    const postedAt = Date.now();
    notifyUpserted(newTabLog(emptyMeta(tabId)), batch);
    return postedAt;
  },
  forgetTab,
  bytesInUse: () => chrome.storage.session.getBytesInUse(null),
  startCounting,
  takeStats(): StorageStats {
    const taken = stats;
    stats = { sets: 0, callsWritten: 0, setDurationsMs: [], events: 0 };
    return taken;
  },
};

export function installBenchSeam(): void {
  Object.assign(globalThis, { corsLensBench });
}
