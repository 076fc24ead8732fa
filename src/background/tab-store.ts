// Keeps each tab's log in chrome.storage.session, so a stopped service worker loses nothing:
// `tab:<id>` holds the routing tables and order, `call:<id>:<seq>` one call each, so a write
// touches only what changed. Work on one tab is serialized through a promise chain.
import type { ObservedCall } from '../shared/observed-call';
import type { TabCounters } from '../shared/protocol';
import { counters, dropBeyond, emptyMeta, newTabLog, orderedCalls, type TabLog, type TabMeta } from './tab-log';

export type TabChange =
  | {
      readonly kind: 'upserted';
      readonly calls: readonly ObservedCall[];
      readonly removedIds: readonly string[];
      readonly counters: TabCounters;
    }
  | { readonly kind: 'cleared'; readonly counters: TabCounters };

type ChangeListener = (tabId: number, change: TabChange) => void;

const metaKey = (tabId: number) => `tab:${tabId}`;
const callKey = (tabId: number, seq: number) => `call:${tabId}:${seq}`;

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
  const previous = chains.get(tabId) ?? Promise.resolve();
  const next = previous.then(async () => {
    const log = loaded.get(tabId) ?? (await load(tabId));
    const result = work(log);
    persist(log);
    return result;
  });
  // A failure must not wedge the chain for every later event of the tab.
  chains.set(tabId, next.catch((error: unknown) => console.error('CORS Lens: tab store', error)));
  return next;
}

export function readCalls(tabId: number): Promise<{ calls: ObservedCall[]; counters: TabCounters }> {
  return withTab(tabId, (log) => ({ calls: orderedCalls(log), counters: counters(log) }));
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
  log.removedIds.clear();
  emit(log.meta.tabId, { kind: 'cleared', counters: counters(log) });
}

export async function forgetTab(tabId: number): Promise<void> {
  await (chains.get(tabId) ?? Promise.resolve());
  const log = loaded.get(tabId) ?? (await load(tabId));
  loaded.delete(tabId);
  chains.delete(tabId);
  const keys = [metaKey(tabId), ...log.meta.order.map((seq) => callKey(tabId, seq))];
  await chrome.storage.session.remove(keys);
}

async function load(tabId: number): Promise<TabLog> {
  const cached = loaded.get(tabId);
  if (cached) return cached;
  const key = metaKey(tabId);
  const stored: Record<string, unknown> = await chrome.storage.session.get(key);
  const meta = isTabMeta(stored[key]) ? stored[key] : emptyMeta(tabId);
  const callKeys = meta.order.map((seq) => callKey(tabId, seq));
  const storedCalls: Record<string, unknown> = callKeys.length ? await chrome.storage.session.get(callKeys) : {};
  const calls = new Map<number, ObservedCall>();
  for (const seq of meta.order) {
    const call = storedCalls[callKey(tabId, seq)];
    if (isObservedCall(call)) calls.set(seq, call);
  }
  const log = newTabLog(meta, calls);
  loaded.set(tabId, log);
  return log;
}

function persist(log: TabLog): void {
  flush(log).catch((error: unknown) => console.error('CORS Lens: could not store calls', error));
}

// Writes to storage.session are issued in order and the browser applies them in order, so
// flushes need not wait for each other.
async function flush(log: TabLog): Promise<void> {
  const { tabId } = log.meta;
  const changed: ObservedCall[] = [];
  const items: Record<string, unknown> = { [metaKey(tabId)]: log.meta };
  for (const seq of log.dirty) {
    const call = log.calls.get(seq);
    if (!call) continue;
    items[callKey(tabId, seq)] = call;
    changed.push(call);
  }
  const removed = [...log.removed].map((seq) => callKey(tabId, seq));
  const removedIds = [...log.removedIds];
  log.dirty.clear();
  log.removed.clear();
  log.removedIds.clear();
  if (changed.length || removedIds.length) notifyUpserted(log, changed, removedIds);
  const removing = removed.length ? chrome.storage.session.remove(removed) : Promise.resolve();
  try {
    await Promise.all([removing, chrome.storage.session.set(items)]);
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
