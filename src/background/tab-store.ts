// Keeps each tab's log in chrome.storage.session, so a stopped service worker loses nothing.
// `tab:<id>` holds counters and routing tables; each call is its own key, so a write touches only
// what changed. Work on one tab is serialized through a promise chain.
//
// A stopped worker can still be finishing its last writes while the next one has started, so
// each life of the worker writes calls under its own name (`call:<tab>:<requestId>@<life>`) and
// never overwrites another's; whatever one life wrote, the next merges in when it reads.
import type { ObservedCall } from '../shared/observed-call';
import type { TabCounters } from '../shared/protocol';
import { addStoreWriteCost } from './capture-stats';
import { absorbCall, counters, dropBeyond, emptyMeta, newTabLog, orderedCalls, type TabLog, type TabMeta } from './tab-log';

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
const metaKey = (tabId: number) => `tab:${tabId}`;
const callPrefix = (tabId: number) => `call:${tabId}:`;
const callKey = (tabId: number, requestId: string) => `${callPrefix(tabId)}${requestId}@${LIFE}`;

// Module state that dies with the worker on purpose: loaded copies of what storage holds, and
// the per-tab chains. Nothing here is the only copy of any data once a flush has run.
const loaded = new Map<number, TabLog>();
const chains = new Map<number, Promise<unknown>>();
const listeners = new Set<ChangeListener>();

export function onTabChange(listener: ChangeListener): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/** Runs `work` on the tab's log after every earlier piece of work on that tab, then persists.
 * Only the first load waits on storage: after that, work runs and its write is issued in the
 * same task as the event, so a worker stopped right after an event has already sent it on. */
export function withTab<T>(tabId: number, work: (log: TabLog) => T): Promise<T> {
  return enqueue(tabId, async () => {
    const log = loaded.get(tabId) ?? (await load(tabId));
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
    await absorbOtherLives(log, await chrome.storage.session.get(null));
    // Everything applied so far is on storage once a reader has seen it.
    await flush(log);
    const snapshot = { calls: orderedCalls(log), counters: counters(log) };
    then?.(snapshot);
    return snapshot;
  });
}

function enqueue<T>(tabId: number, work: () => Promise<T>): Promise<T> {
  const next = (chains.get(tabId) ?? Promise.resolve()).then(work);
  // A failure must not wedge the chain for every later event of the tab.
  chains.set(tabId, next.catch((error: unknown) => console.error('CORS Lens: tab store', error)));
  return next;
}

/** Ids of every tab with a stored log, including tabs not loaded since the worker started. */
export async function storedTabIds(): Promise<number[]> {
  const all = await chrome.storage.session.get(null);
  return Object.keys(all)
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

export async function forgetTab(tabId: number): Promise<void> {
  await (chains.get(tabId) ?? Promise.resolve());
  loaded.delete(tabId);
  chains.delete(tabId);
  const all = await chrome.storage.session.get(null);
  const keys = Object.keys(all).filter((key) => key === metaKey(tabId) || key.startsWith(callPrefix(tabId)));
  await chrome.storage.session.remove(keys);
}

async function load(tabId: number): Promise<TabLog> {
  const all: Record<string, unknown> = await chrome.storage.session.get(null);
  const stored = all[metaKey(tabId)];
  // Counters and settings carry over; the routing tables are rebuilt from the calls themselves.
  const meta = emptyMeta(tabId);
  if (isTabMeta(stored)) {
    const { droppedCount, sameOriginCount, preserveLog, pendingOptions, sameOriginInflight, ignored } = stored;
    Object.assign(meta, { droppedCount, sameOriginCount, preserveLog, pendingOptions, sameOriginInflight, ignored });
  }
  const log = newTabLog(meta);
  loaded.set(tabId, log);
  await absorbOtherLives(log, all);
  return log;
}

/** Merges calls written by other lives of the worker into this one's log and takes over their
 * keys: they are rewritten under this life's name and the old copies removed. */
async function absorbOtherLives(log: TabLog, all: Record<string, unknown>): Promise<void> {
  const prefix = callPrefix(log.meta.tabId);
  const foreign: [string, ObservedCall][] = [];
  for (const [key, value] of Object.entries(all)) {
    if (key.startsWith(prefix) && !key.endsWith(`@${LIFE}`) && isObservedCall(value)) foreign.push([key, value]);
  }
  if (foreign.length === 0) return;
  foreign.sort(([, a], [, b]) => a.startedAt - b.startedAt);
  for (const [, call] of foreign) absorbCall(log, call);
  await chrome.storage.session.remove(foreign.map(([key]) => key));
}

// Writing is what costs: events are applied at once, and written together once the events
// already queued have been applied. A write per event let a backlog of unapplied events build up
// under load, and a worker stopped then loses the whole backlog.
// Under a burst each event arrives in its own task, so "once the queue is empty" still meant a
// write per event, and the tab's whole meta copied each time: most of what capture cost the page
// (bench/page-overhead.ts). Writes now gather what WRITE_WINDOW_MS brings; Chrome stops an idle
// worker only after 30 s without events, and a reader (seam, panel snapshot) flushes first.
const WRITE_WINDOW_MS = 50;
const flushScheduled = new WeakSet<TabLog>();

function persist(log: TabLog): void {
  if (flushScheduled.has(log)) return;
  flushScheduled.add(log);
  setTimeout(() => {
    flushScheduled.delete(log);
    flush(log).catch((error: unknown) => console.error('CORS Lens: could not store calls', error));
  }, WRITE_WINDOW_MS);
}

// Writes to storage.session are issued in order and the browser applies them in order, so
// flushes need not wait for each other.
async function flush(log: TabLog): Promise<void> {
  const started = performance.now();
  const { tabId } = log.meta;
  const changed: ObservedCall[] = [];
  const items: Record<string, unknown> = { [metaKey(tabId)]: log.meta };
  for (const seq of log.dirty) {
    const call = log.calls.get(seq);
    if (!call) continue;
    items[callKey(tabId, call.id)] = call;
    changed.push(call);
  }
  const removedIds = [...log.removedIds];
  log.dirty.clear();
  log.removedIds.clear();
  if (changed.length || removedIds.length) notifyUpserted(log, changed, removedIds);
  const removing = removedIds.length
    ? chrome.storage.session.remove(removedIds.map((id) => callKey(tabId, id)))
    : Promise.resolve();
  const writing = chrome.storage.session.set(items);
  addStoreWriteCost(performance.now() - started);
  try {
    await Promise.all([removing, writing]);
  } catch (error) {
    if (!String(error).includes('QUOTA') || log.meta.order.length === 0) throw error;
    // storage.session holds 10 MB for the whole extension: shed the oldest tenth of this tab's
    // calls (counted as dropped) and write everything again.
    dropBeyond(log, Math.floor(log.meta.order.length * 0.9));
    for (const seq of log.meta.order) log.dirty.add(seq);
    await flush(log);
  }
}

function emit(tabId: number, change: TabChange): void {
  for (const listener of listeners) listener(tabId, change);
}

function isTabMeta(value: unknown): value is TabMeta {
  return typeof value === 'object' && value !== null && 'order' in value && Array.isArray(value.order);
}

function isObservedCall(value: unknown): value is ObservedCall {
  return typeof value === 'object' && value !== null && 'hops' in value && Array.isArray(value.hops);
}
