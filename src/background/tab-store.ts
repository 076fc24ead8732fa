// Keeps each tab's log in chrome.storage.session, so a stopped service worker loses nothing.
// `tab:<id>` holds counters, settings and the ids and start times of requests not yet listed;
// each call is its own key, so a write touches only what changed. Work on one tab is serialized
// through a promise chain, and runs at once when nothing waits on it.
//
// A stopped worker can still be finishing its last writes while the next one has started, so
// each life of the worker writes calls under its own name (`call:<tab>:<requestId>@<life>`) and
// never overwrites another's; whatever one life wrote, the next merges in when it reads.
import type { ObservedCall } from '../shared/observed-call';
import type { TabCounters } from '../shared/protocol';
import { addStoreWriteCost } from './capture-stats';
import { absorbCall, counters, dropBeyond, emptyMeta, ignore, newTabLog, orderedCalls, track, type TabLog, type TabMeta } from './tab-log';

export type TabChange =
  | {
      readonly kind: 'upserted';
      readonly calls: readonly ObservedCall[];
      readonly removedIds: readonly string[];
      readonly counters: TabCounters;
    }
  | { readonly kind: 'cleared'; readonly counters: TabCounters };

type ChangeListener = (tabId: number, change: TabChange) => void;

const LIFE = crypto.randomUUID().slice(0, 8);
const CLOSED_TABS_KEY = 'closed-tabs';
/** Closed tabs remembered, so late events of one cannot bring its log back. */
const MAX_CLOSED_TABS = 1000;
const metaKey = (tabId: number) => `tab:${tabId}`;
const callPrefix = (tabId: number) => `call:${tabId}:`;
const callKey = (tabId: number, requestId: string) => `${callPrefix(tabId)}${requestId}@${LIFE}`;

// Module state that dies with the worker on purpose: loaded copies of what storage holds, and
// the per-tab chains. Nothing here is the only copy of any data once a flush has run.
const loaded = new Map<number, TabLog>();
const chains = new Map<number, Promise<unknown>>();
/** How many pieces of work wait on each tab's chain; work runs at once only when none do. */
const queued = new Map<number, number>();
const listeners = new Set<ChangeListener>();
// Chrome never reuses a tab id within a browser session; storage.session lives exactly as long.
const closedTabs = new Set<number>();

export function onTabChange(listener: ChangeListener): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/** Runs `work` on the tab's log after every earlier piece of work on that tab, then persists.
 * Only the first load waits on storage: once the log is loaded and nothing is queued for the
 * tab, work runs at once, in the event's own task (a promise chain per event cost more than
 * applying the event). A closed tab has no log: work for it is skipped and the result is undefined. */
export function withTab<T>(tabId: number, work: (log: TabLog) => T): Promise<T | undefined> {
  const ready = loaded.get(tabId);
  if (ready && !queued.has(tabId)) {
    try {
      const result = work(ready);
      persist(ready);
      return Promise.resolve(result);
    } catch (error) {
      console.error('CORS Lens: tab store', error);
      return Promise.reject(error instanceof Error ? error : new Error(String(error)));
    }
  }
  return enqueue(tabId, async () => {
    const log = loaded.get(tabId) ?? (await load(tabId));
    if (log === null) return undefined;
    const result = work(log);
    persist(log);
    return result;
  });
}

export interface TabSnapshot {
  readonly calls: ObservedCall[];
  readonly counters: TabCounters;
}

/** The tab's calls, after merging in anything an earlier life of the worker wrote late.
 * `then` runs in the same step of the tab's chain, before any later change is applied. */
export function readCalls(tabId: number, then?: (snapshot: TabSnapshot) => void): Promise<TabSnapshot> {
  return enqueue(tabId, async () => {
    const log = loaded.get(tabId) ?? (await load(tabId));
    if (log === null) {
      const closed = { calls: [], counters: counters(newTabLog(emptyMeta(tabId))) };
      then?.(closed);
      return closed;
    }
    await absorbOtherLives(log, await readTabItems(tabId));
    // Everything applied so far is on storage once a reader has seen it, unless storage.session
    // is full (the counters then say so).
    await flush(log);
    const snapshot = { calls: orderedCalls(log), counters: counters(log) };
    then?.(snapshot);
    return snapshot;
  });
}

function enqueue<T>(tabId: number, work: () => Promise<T>): Promise<T> {
  queued.set(tabId, (queued.get(tabId) ?? 0) + 1);
  const next = (chains.get(tabId) ?? Promise.resolve()).then(work).finally(() => {
    const left = (queued.get(tabId) ?? 1) - 1;
    if (left > 0) queued.set(tabId, left);
    else queued.delete(tabId);
  });
  // A failure must not wedge the chain for every later event of the tab.
  chains.set(tabId, next.catch((error: unknown) => console.error('CORS Lens: tab store', error)));
  return next;
}

/** Ids of every tab with a stored log, including tabs not loaded since the worker started. */
export async function storedTabIds(): Promise<number[]> {
  return (await chrome.storage.session.getKeys())
    .filter((key) => key.startsWith('tab:'))
    .map((key) => Number(key.slice(4)));
}

/** Tells views what changed; with no calls, just the counters (e.g. after a setting changed). */
export function notifyUpserted(log: TabLog, calls: readonly ObservedCall[] = [], removedIds: readonly string[] = []): void {
  emit(log.meta.tabId, { kind: 'upserted', calls, removedIds, counters: counters(log) });
}

export function notifyCleared(log: TabLog): void {
  emit(log.meta.tabId, { kind: 'cleared', counters: counters(log) });
}

/** Frees everything kept for a closed tab. From now on its late events (a request cancelled by
 * the close ends after onRemoved) are dropped instead of starting a new log, in this life of the
 * worker and, through the stored list of closed tabs, in later ones. */
export function forgetTab(tabId: number): Promise<void> {
  closedTabs.add(tabId);
  const forgotten = enqueue(tabId, async () => {
    loaded.delete(tabId);
    // The tab's keys by name, and the closed-tab list: reading every value (up to the whole 10 MB,
    // every tab's calls) on each close was needed for neither.
    const [allKeys, closedList] = await Promise.all([chrome.storage.session.getKeys(), chrome.storage.session.get(CLOSED_TABS_KEY)]);
    rememberClosed(closedList);
    const keys = allKeys.filter((key) => key === metaKey(tabId) || key.startsWith(callPrefix(tabId)));
    await Promise.all([
      chrome.storage.session.remove(keys),
      chrome.storage.session.set({ [CLOSED_TABS_KEY]: [...closedTabs].slice(-MAX_CLOSED_TABS) }),
    ]);
  });
  // The tab's chain goes too, unless work was queued after this (it will find the tab closed).
  const tail = chains.get(tabId);
  void forgotten.then(() => {
    if (chains.get(tabId) === tail) chains.delete(tabId);
  }, () => undefined);
  return forgotten;
}

function rememberClosed(items: Record<string, unknown>): void {
  const stored = items[CLOSED_TABS_KEY];
  if (!Array.isArray(stored)) return;
  for (const id of stored) if (typeof id === 'number') closedTabs.add(id);
}

/** The tab's meta, the calls other lives of the worker wrote for it and the closed-tab list.
 * Only those keys are read: reading the whole store (every tab's calls) made each panel connect
 * take seconds. */
async function readTabItems(tabId: number): Promise<Record<string, unknown>> {
  const prefix = callPrefix(tabId);
  const keys = (await chrome.storage.session.getKeys()).filter(
    (key) =>
      key === metaKey(tabId) || key === CLOSED_TABS_KEY || (key.startsWith(prefix) && !key.endsWith(`@${LIFE}`)),
  );
  return keys.length > 0 ? chrome.storage.session.get(keys) : {};
}

/** The tab's log as stored, or null for a closed tab. */
async function load(tabId: number): Promise<TabLog | null> {
  const all = await readTabItems(tabId);
  rememberClosed(all);
  if (closedTabs.has(tabId)) return null;
  const meta = emptyMeta(tabId);
  restoreMeta(meta, all[metaKey(tabId)]);
  const log = newTabLog(meta);
  loaded.set(tabId, log);
  await absorbOtherLives(log, all);
  return log;
}

/** Merges calls written by other lives of the worker into this one's log and takes over their
 * keys: they are rewritten under this life's name, and only once that write is done are the old
 * copies removed. A worker stopped between the two steps leaves both copies, which the next life
 * merges again; removing first would lose the calls with it. */
async function absorbOtherLives(log: TabLog, all: Record<string, unknown>): Promise<void> {
  const prefix = callPrefix(log.meta.tabId);
  const foreign: [string, ObservedCall][] = [];
  for (const [key, value] of Object.entries(all)) {
    if (!key.startsWith(prefix) || key.endsWith(`@${LIFE}`)) continue;
    const call = storedCall(value);
    if (call !== null) foreign.push([key, call]);
  }
  if (foreign.length === 0) return;
  foreign.sort(([, a], [, b]) => a.startedAt - b.startedAt);
  for (const [, call] of foreign) absorbCall(log, call);
  await flush(log);
  await chrome.storage.session.remove(foreign.map(([key]) => key));
}

// Writing is what costs, so events are applied at once and written in batches. Under a burst
// each event arrives in its own task, and writing "once the queue is empty" still meant a write per
// event, copying the tab's meta each time: most of what capture cost the page
// (bench/page-overhead.ts). Writes gather what WRITE_WINDOW_MS brings; Chrome stops an idle worker
// only after 30 s without events, and every reader (seam, panel snapshot) flushes first.
const WRITE_WINDOW_MS = 50;
const flushScheduled = new WeakSet<TabLog>();

function persist(log: TabLog): void {
  scheduleAnnouncement(log);
  if (flushScheduled.has(log)) return;
  flushScheduled.add(log);
  setTimeout(() => {
    flushScheduled.delete(log);
    flush(log).catch((error: unknown) => console.error('CORS Lens: could not store calls', error));
  }, WRITE_WINDOW_MS);
}

// Open panels hear of changes at once, then at most once per ANNOUNCE_INTERVAL_MS, not when the
// batch is written: the write window would otherwise be added to every row's delay. Under a burst
// each event arrives in its own task, so announcing "once the queue is empty" meant a timer and a
// message per event; a panel paints at most once a frame anyway.
const ANNOUNCE_INTERVAL_MS = 16;
const announcementScheduled = new WeakSet<TabLog>();
const lastAnnouncedAt = new WeakMap<TabLog, number>();

function scheduleAnnouncement(log: TabLog): void {
  if (announcementScheduled.has(log)) return;
  announcementScheduled.add(log);
  const sinceLast = performance.now() - (lastAnnouncedAt.get(log) ?? -Infinity);
  setTimeout(() => {
    announcementScheduled.delete(log);
    lastAnnouncedAt.set(log, performance.now());
    announce(log);
  }, Math.max(0, ANNOUNCE_INTERVAL_MS - sinceLast));
}

function announce(log: TabLog): void {
  const calls: ObservedCall[] = [];
  for (const seq of log.unannounced) {
    const call = log.calls.get(seq);
    if (call) calls.push(call);
  }
  const removedIds = [...log.unannouncedRemovals];
  log.unannounced.clear();
  log.unannouncedRemovals.clear();
  if (calls.length || removedIds.length) notifyUpserted(log, calls, removedIds);
}

// One write per tab in flight, and at most one waiting behind it, which takes every change made
// meanwhile, so a slow write never queues up one write per window behind it.
const writing = new WeakMap<TabLog, Promise<void>>();
const waiting = new WeakMap<TabLog, Promise<void>>();

function flush(log: TabLog): Promise<void> {
  const queued = waiting.get(log);
  if (queued) return queued;
  const next = (writing.get(log) ?? Promise.resolve())
    .catch(() => undefined)
    .then(() => {
      waiting.delete(log);
      return write(log);
    });
  waiting.set(log, next);
  writing.set(log, next);
  return next;
}

/** `forCalls`: this write retries one that carried calls of the tab, shed since to make room. */
async function write(log: TabLog, forCalls = false): Promise<void> {
  const started = performance.now();
  const { tabId } = log.meta;
  // A write scheduled before the tab closed must not bring its keys back.
  if (closedTabs.has(tabId)) return;
  const changedSeqs: number[] = [];
  const items: Record<string, unknown> = { [metaKey(tabId)]: JSON.stringify(storedMeta(log.meta)) };
  for (const seq of log.dirty) {
    const call = log.calls.get(seq);
    if (!call) continue;
    items[callKey(tabId, call.id)] = JSON.stringify(call);
    changedSeqs.push(seq);
  }
  const removedIds = [...log.removedIds];
  log.dirty.clear();
  log.removedIds.clear();
  announce(log);
  const removing = removedIds.length
    ? chrome.storage.session.remove(removedIds.map((id) => callKey(tabId, id)))
    : Promise.resolve();
  const storing = chrome.storage.session.set(items);
  addStoreWriteCost(performance.now() - started);
  try {
    await Promise.all([removing, storing]);
  } catch (error) {
    // Chromium says "Session storage quota bytes exceeded. Values were not stored."
    if (!/quota/i.test(String(error))) throw error;
    // Nothing of a failed write is stored, and everything else already is: what it held and still
    // exists is written again once room is made.
    for (const seq of changedSeqs) if (log.calls.has(seq)) log.dirty.add(seq);
    for (const id of removedIds) log.removedIds.add(id);
    // storage.session holds 10 MB for the whole extension: the tab being written sheds its own
    // oldest tenth (counted as dropped, and its panel says "storage full"), so a page that floods
    // the store cannot push other tabs' calls out. Only when calls of this tab did not fit and it
    // has none left does the loaded tab holding the most give up its oldest tenth, so a new tab
    // can still record. Counters and bookkeeping alone never take room from another tab: they wait
    // for the tab's next batch.
    const withCalls = forCalls || changedSeqs.length > 0;
    const shedding = log.meta.order.length > 0 ? log : withCalls ? largestOtherThan(log) : null;
    if (shedding === null) {
      if (!log.meta.storageFull) {
        log.meta.storageFull = true;
        notifyUpserted(log);
      }
      return;
    }
    shedding.meta.storageFull = true;
    dropBeyond(shedding, Math.floor(shedding.meta.order.length * 0.9));
    if (shedding !== log) await removeDropped(shedding);
    // Not flush(): this write is the one in flight, and flush would wait for it.
    await write(log, withCalls);
  }
}

/** The loaded tab other than `log` holding the most calls, or null when none holds any. */
function largestOtherThan(log: TabLog): TabLog | null {
  let largest: TabLog | null = null;
  for (const other of loaded.values()) {
    if (other !== log && other.meta.order.length > (largest?.meta.order.length ?? 0)) largest = other;
  }
  return largest;
}

/** Frees the keys of the calls a tab just dropped, at once rather than with its next batch (which
 * may wait behind a write of its own), and has its panels and its dropped count brought up to date. */
async function removeDropped(tab: TabLog): Promise<void> {
  const ids = [...tab.removedIds];
  tab.removedIds.clear();
  persist(tab);
  await chrome.storage.session.remove(ids.map((id) => callKey(tab.meta.tabId, id)));
}

function emit(tabId: number, change: TabChange): void {
  for (const listener of listeners) listener(tabId, change);
}

/** What of a tab's meta carries over to the next life of the worker: counters, settings, and of
 * the requests tracked but not listed, ids and start times only (at most MAX_TRACKED_REQUESTS per
 * table). It is written with every batch, as JSON text like the calls (as an object, Chromium
 * charged 64 bytes for each start time). The rest (order, routing by request id) is rebuilt from
 * the calls themselves, and URLs are not stored: a page holding 1,300 same-origin requests with
 * 8 KB URLs open made a meta of 10 MB, more than storage.session holds for the whole extension. */
interface StoredMeta {
  readonly droppedCount: number;
  readonly sameOriginCount: number;
  readonly preserveLog: boolean;
  readonly storageFull: boolean;
  /** Start time by request id. */
  readonly pendingOptions: Record<string, number>;
  readonly sameOriginInflight: Record<string, number>;
  readonly ignored: readonly string[];
}

function storedMeta(meta: TabMeta): StoredMeta {
  const { droppedCount, sameOriginCount, preserveLog, storageFull } = meta;
  const pendingOptions: Record<string, number> = {};
  for (const [id, { startedAt }] of meta.pendingOptions) pendingOptions[id] = startedAt;
  return {
    droppedCount,
    sameOriginCount,
    preserveLog,
    storageFull,
    pendingOptions,
    sameOriginInflight: Object.fromEntries(meta.sameOriginInflight),
    ignored: [...meta.ignored],
  };
}

/** Puts what `text` holds into `meta`; anything malformed is left at its empty value. */
function restoreMeta(meta: TabMeta, text: unknown): void {
  const stored = parseJson(text);
  if (typeof stored !== 'object' || stored === null) return;
  const { droppedCount, sameOriginCount, preserveLog, storageFull, pendingOptions, sameOriginInflight, ignored } = stored as Partial<Record<keyof StoredMeta, unknown>>;
  if (typeof droppedCount === 'number') meta.droppedCount = droppedCount;
  if (typeof sameOriginCount === 'number') meta.sameOriginCount = sameOriginCount;
  if (typeof preserveLog === 'boolean') meta.preserveLog = preserveLog;
  if (typeof storageFull === 'boolean') meta.storageFull = storageFull;
  for (const [id, startedAt] of startTimes(pendingOptions)) track(meta.pendingOptions, id, { url: null, startedAt });
  for (const [id, startedAt] of startTimes(sameOriginInflight)) track(meta.sameOriginInflight, id, startedAt);
  if (Array.isArray(ignored)) for (const id of ignored) if (typeof id === 'string') ignore(meta, id);
}

function startTimes(value: unknown): [string, number][] {
  if (typeof value !== 'object' || value === null) return [];
  return Object.entries(value).filter((entry): entry is [string, number] => typeof entry[1] === 'number');
}

// Calls are stored as JSON text. storage.session charges a stored object for every value inside
// it, about three times its JSON length for a call with its headers, so as objects fewer than
// 2,000 calls fitted in the 10 MB it gives the whole extension.
function storedCall(value: unknown): ObservedCall | null {
  const parsed = parseJson(value);
  return isObservedCall(parsed) ? parsed : null;
}

/** What JSON text `value` holds, or undefined when it is not JSON text. */
function parseJson(value: unknown): unknown {
  if (typeof value !== 'string') return undefined;
  try {
    return JSON.parse(value);
  } catch {
    return undefined;
  }
}

function isObservedCall(value: unknown): value is ObservedCall {
  return typeof value === 'object' && value !== null && 'hops' in value && Array.isArray(value.hops);
}
