// The per-tab log as held in memory: calls by sequence number, plus the routing tables the
// capture needs to attach later events to the right call. Each call is stored whole; of the rest,
// tab-store stores what a restarted worker needs to pick up mid-request.
import type { ObservedCall, ObservedHop } from '../shared/observed-call';
import type { TabCounters } from '../shared/protocol';
import { mergeCalls, mergePreflights } from './merge-calls';

export const DEFAULT_MAX_CALLS_PER_TAB = 5000;

/** Requests tracked but not listed, per table (same-origin ones in flight, OPTIONS ones not yet
 * known to be preflights, ignored ones). A page can hold any number of requests open and the
 * tables are stored with every batch: unbounded, they once filled storage.session on their own.
 * Beyond this the oldest entry goes; what that costs is said where each table is declared. */
export const MAX_TRACKED_REQUESTS = 1000;

/** An OPTIONS request seen starting, until its headers show whether it is a preflight. */
export interface PendingOptions {
  /** null when an earlier life of the worker saw it start: URLs are not stored (see tab-store). */
  readonly url: string | null;
  readonly startedAt: number;
}

export interface TabMeta {
  readonly tabId: number;
  nextSeq: number;
  /** Sequence numbers of stored calls, oldest first. */
  order: number[];
  droppedCount: number;
  sameOriginCount: number;
  preserveLog: boolean;
  /** storage.session was full while this tab was written (see TabCounters). */
  storageFull: boolean;
  /** Actual request id → call sequence number, while the request is in flight. */
  inflight: Record<string, number>;
  /** Preflight request id → sequence number of the call it belongs to. */
  preflights: Record<string, number>;
  /** OPTIONS requests not yet known to be preflights (their headers tell), oldest first. One
   * pushed out by the bound is treated like one whose start was never seen. */
  readonly pendingOptions: Map<string, PendingOptions>;
  /** Start time of each same-origin request in flight, oldest first: kept for the call it becomes
   * if a redirect takes it cross-origin (each event carries its URL). One pushed out by the bound
   * is still counted when it ends; only that start time is lost. */
  readonly sameOriginInflight: Map<string, number>;
  /** Requests still in flight when their call was dropped or cleared: later events are ignored
   * rather than bringing the call back. Beyond the bound, a late event of the oldest is taken as
   * one of a request first seen mid-way. */
  readonly ignored: Set<string>;
}

export interface TabLog {
  readonly meta: TabMeta;
  readonly calls: Map<number, ObservedCall>;
  /** Sequence number of each listed call by its request id (Chromium never reuses one). */
  readonly seqById: Map<string, number>;
  /** Calls that have sent nothing yet, by the URL they will ask: where a preflight's owner is
   * looked for. A burst keeps hundreds of calls in flight, and scanning them all for every
   * preflight was the largest part of capture's own time. */
  readonly waitingByUrl: Map<string, Set<number>>;
  /** What changed since the last flush. */
  readonly dirty: Set<number>;
  readonly removedIds: Set<string>;
  /** What changed since views were last told: views hear sooner than storage is written. */
  readonly unannounced: Set<number>;
  readonly unannouncedRemovals: Set<string>;
  maxCalls: number;
}

export function emptyMeta(tabId: number, preserveLog = false): TabMeta {
  return {
    tabId,
    nextSeq: 0,
    order: [],
    droppedCount: 0,
    sameOriginCount: 0,
    preserveLog,
    storageFull: false,
    inflight: {},
    preflights: {},
    pendingOptions: new Map(),
    sameOriginInflight: new Map(),
    ignored: new Set(),
  };
}

/** Adds to one of the bounded tables of tracked requests, pushing out its oldest entry. */
export function track<T>(table: Map<string, T>, requestId: string, value: T): void {
  table.set(requestId, value);
  dropOldestBeyondBound(table);
}

/** Later events of `requestId` are ignored (see TabMeta.ignored). */
export function ignore(meta: TabMeta, requestId: string): void {
  meta.ignored.add(requestId);
  dropOldestBeyondBound(meta.ignored);
}

function dropOldestBeyondBound(table: Map<string, unknown> | Set<string>): void {
  if (table.size <= MAX_TRACKED_REQUESTS) return;
  const oldest = table.keys().next();
  if (oldest.done !== true) table.delete(oldest.value);
}

export function newTabLog(meta: TabMeta): TabLog {
  return {
    meta,
    calls: new Map(),
    seqById: new Map(),
    waitingByUrl: new Map(),
    dirty: new Set(),
    removedIds: new Set(),
    unannounced: new Set(),
    unannouncedRemovals: new Set(),
    maxCalls: DEFAULT_MAX_CALLS_PER_TAB,
  };
}

export function counters(log: TabLog): TabCounters {
  const { droppedCount, sameOriginCount, preserveLog, storageFull } = log.meta;
  return { droppedCount, sameOriginCount, preserveLog, ...(storageFull ? { storageFull: true as const } : {}) };
}

export function orderedCalls(log: TabLog): ObservedCall[] {
  const calls: ObservedCall[] = [];
  for (const seq of log.meta.order) {
    const call = log.calls.get(seq);
    if (call) calls.push(call);
  }
  return calls;
}

/** Whether nothing was sent for `hop` yet: no request headers, preflight or answer. */
export function isUnsent(hop: ObservedHop): boolean {
  return hop.requestHeaders === null && hop.preflight === null && hop.response === null;
}

/** The last hop of `call` when nothing was sent for it yet. */
export function waitingHop(call: ObservedCall): ObservedHop | null {
  const hop = call.hops[call.hops.length - 1];
  return hop !== undefined && isUnsent(hop) ? hop : null;
}

export function putCall(log: TabLog, seq: number, call: ObservedCall): void {
  log.calls.set(seq, call);
  log.seqById.set(call.id, seq);
  const waiting = call.state === 'in-flight' ? waitingHop(call) : null;
  if (waiting !== null) {
    const seqs = log.waitingByUrl.get(waiting.url);
    if (seqs === undefined) log.waitingByUrl.set(waiting.url, new Set([seq]));
    else seqs.add(seq);
  } else {
    unindexWaiting(log, seq, call.hops[call.hops.length - 1]?.url);
  }
  log.dirty.add(seq);
  log.unannounced.add(seq);
}

export function addCall(log: TabLog, call: ObservedCall): number {
  const seq = log.meta.nextSeq++;
  log.meta.order.push(seq);
  putCall(log, seq, call);
  if (call.state === 'in-flight') log.meta.inflight[call.id] = seq;
  dropBeyond(log, log.maxCalls);
  return seq;
}

/** Takes in a record of a call written by another life of the worker, merging it with what this
 * life knows of the same request, and restores the routing for whatever is still in flight. */
export function absorbCall(log: TabLog, call: ObservedCall): void {
  const { meta } = log;
  let seq = log.seqById.get(call.id);
  if (seq === undefined) {
    seq = addCall(log, call);
  } else {
    const known = log.calls.get(seq);
    putCall(log, seq, known ? mergeCalls(known, call) : call);
  }
  const merged = log.calls.get(seq);
  if (!merged) return;
  if (merged.state === 'in-flight') meta.inflight[merged.id] = seq;
  else delete meta.inflight[merged.id];
  const preflight = merged.hops[merged.hops.length - 1]?.preflight;
  if (preflight && preflight.endedAt === null) meta.preflights[preflight.requestId] = seq;
  adoptOrphanPreflight(log, seq);
}

/** A preflight seen before the request it belongs to (whose start another life of the worker
 * took in) is kept as a call of its own; once that request is known, the two become one. */
export function adoptOrphanPreflight(log: TabLog, seq: number): void {
  const call = log.calls.get(seq);
  const firstHop = call?.hops[0];
  if (!call || !firstHop) return;
  for (const orphanSeq of log.meta.order) {
    const orphan = log.calls.get(orphanSeq);
    const preflight = orphan?.hops[0]?.preflight;
    if (!orphan || !preflight || preflight.requestId !== orphan.id || orphan.id === call.id) continue;
    const fits =
      orphan.method === call.method &&
      orphan.hops[0]?.url === firstHop.url &&
      orphan.frameId === call.frameId &&
      orphan.initiator === call.initiator &&
      (firstHop.preflight === null || firstHop.preflight.requestId === preflight.requestId);
    if (!fits) continue;
    discardCall(log, orphanSeq);
    log.meta.ignored.delete(preflight.requestId);
    const adopted = firstHop.preflight ? mergePreflights(firstHop.preflight, preflight) : preflight;
    if (adopted.endedAt === null) log.meta.preflights[adopted.requestId] = seq;
    putCall(log, seq, { ...call, hops: [{ ...firstHop, preflight: adopted }, ...call.hops.slice(1)] });
    return;
  }
}

/** Drops the oldest calls until at most `limit` remain; each is counted, never silently lost. */
export function dropBeyond(log: TabLog, limit: number): void {
  const { meta } = log;
  while (meta.order.length > limit) {
    const seq = meta.order.shift();
    if (seq === undefined) break;
    forget(log, seq);
    meta.droppedCount++;
  }
}

/** Removes a call that turned out not to be worth listing (not counted as dropped). */
export function discardCall(log: TabLog, seq: number): void {
  log.meta.order = log.meta.order.filter((s) => s !== seq);
  forget(log, seq);
}

/** Starts the log afresh, as a top-level navigation does when "Preserve log" is off. */
export function clearLog(log: TabLog): void {
  for (const seq of log.meta.order) forget(log, seq);
  const { meta } = log;
  for (const id of [...meta.pendingOptions.keys(), ...meta.sameOriginInflight.keys()]) ignore(meta, id);
  meta.order = [];
  meta.droppedCount = 0;
  meta.sameOriginCount = 0;
  meta.storageFull = false;
  meta.inflight = {};
  meta.preflights = {};
  meta.pendingOptions.clear();
  meta.sameOriginInflight.clear();
}

/** Takes `seq` out of the waiting index under `url`. An entry left under a URL the call was
 * redirected away from is harmless (lookups check the call) and goes when the call does. */
function unindexWaiting(log: TabLog, seq: number, url: string | undefined): void {
  if (url === undefined) return;
  const seqs = log.waitingByUrl.get(url);
  if (seqs?.delete(seq) && seqs.size === 0) log.waitingByUrl.delete(url);
}

function forget(log: TabLog, seq: number): void {
  const call = log.calls.get(seq);
  for (const hop of call?.hops ?? []) unindexWaiting(log, seq, hop.url);
  log.calls.delete(seq);
  log.dirty.delete(seq);
  log.unannounced.delete(seq);
  if (!call) return;
  if (log.seqById.get(call.id) === seq) log.seqById.delete(call.id);
  log.removedIds.add(call.id);
  log.unannouncedRemovals.add(call.id);
  const { meta } = log;
  if (meta.inflight[call.id] === seq) {
    delete meta.inflight[call.id];
    ignore(meta, call.id);
  }
  for (const [preflightId, owner] of Object.entries(meta.preflights)) {
    if (owner !== seq) continue;
    delete meta.preflights[preflightId];
    ignore(meta, preflightId);
  }
}
