// The panel's whole state and the one reducer that changes it. Pure and DOM-free so it runs
// under Vitest in Node; everything the background says arrives here as a BackgroundMessage.
import { assertNever } from '../../shared/cors/types';
import type { ObservedCall } from '../../shared/observed-call';
import { PROTOCOL_VERSION, type BackgroundMessage, type FailedRequest, type TabCounters } from '../../shared/protocol';

export const OUTCOME_FILTERS = ['all', 'blocked', 'allowed', 'failed', 'ended-by-page'] as const;
export type OutcomeFilter = (typeof OUTCOME_FILTERS)[number];

export function isOutcomeFilter(value: string): value is OutcomeFilter {
  return (OUTCOME_FILTERS as readonly string[]).includes(value);
}

/**
 * connecting: before the first snapshot. reconnecting: the port dropped (worker restart) and we
 * show the last known calls until a fresh snapshot replaces them. The last two are terminal: the
 * panel cannot talk to this background any more and must be reopened.
 */
export type ConnectionStatus =
  | 'connecting'
  | 'connected'
  | 'reconnecting'
  | 'protocol-mismatch'
  | 'extension-reloaded';

/** Actions that come from the panel itself rather than from the background. */
export type LocalAction =
  | { readonly kind: 'connection-lost' }
  /** The extension was reloaded or updated under us; chrome.runtime.connect now throws. */
  | { readonly kind: 'extension-reloaded' }
  | { readonly kind: 'call-selected'; readonly id: string | null }
  | { readonly kind: 'text-filter-changed'; readonly text: string }
  | { readonly kind: 'outcome-filter-changed'; readonly filter: OutcomeFilter }
  | { readonly kind: 'preserve-log-changed'; readonly preserveLog: boolean };

export type PanelAction = BackgroundMessage | LocalAction;

export interface PanelState {
  readonly connection: ConnectionStatus;
  /** The background's protocol version when it reported a mismatch. */
  readonly backgroundProtocol: number | null;
  /** Ordered by startedAt; ids are unique. */
  readonly calls: readonly ObservedCall[];
  readonly counters: TabCounters;
  /**
   * What the user just set Preserve log to, until the background's counters agree. The background
   * does not answer set-preserve-log, and a delta already in flight still carries the old value;
   * without this the checkbox would flip back for a moment.
   */
  readonly preserveLogRequested: boolean | null;
  readonly selectedId: string | null;
  readonly textFilter: string;
  readonly outcomeFilter: OutcomeFilter;
  /** The last request the background could not carry out, until a fresh snapshot. */
  readonly requestFailure: { readonly request: FailedRequest; readonly error: string } | null;
}

export const initialPanelState: PanelState = {
  connection: 'connecting',
  backgroundProtocol: null,
  calls: [],
  counters: { droppedCount: 0, sameOriginCount: 0, preserveLog: false },
  preserveLogRequested: null,
  selectedId: null,
  textFilter: '',
  outcomeFilter: 'all',
  requestFailure: null,
};

function isTerminal(connection: ConnectionStatus): boolean {
  return connection === 'protocol-mismatch' || connection === 'extension-reloaded';
}

export function panelReducer(state: PanelState, action: PanelAction): PanelState {
  switch (action.kind) {
    case 'snapshot': {
      if (isTerminal(state.connection)) return state;
      // The connection also checks this, but a snapshot we cannot read must never be shown.
      if (action.protocol !== PROTOCOL_VERSION) {
        return { ...state, connection: 'protocol-mismatch', backgroundProtocol: action.protocol };
      }
      const calls = upsertCalls([], action.calls);
      const selectedId =
        state.selectedId !== null && calls.some((c) => c.id === state.selectedId) ? state.selectedId : null;
      // A fresh snapshot is the truth, including about preserve log.
      return {
        ...state,
        connection: 'connected',
        calls,
        counters: action.counters,
        preserveLogRequested: null,
        selectedId,
        requestFailure: null,
      };
    }
    case 'calls-upserted':
      if (isTerminal(state.connection)) return state;
      return {
        ...state,
        calls: removeCalls(upsertCalls(state.calls, action.calls), action.removedIds),
        selectedId: action.removedIds.includes(state.selectedId ?? '') ? null : state.selectedId,
        ...withCounters(state, action.counters),
      };
    case 'cleared':
      if (isTerminal(state.connection)) return state;
      return { ...state, calls: [], ...withCounters(state, action.counters), selectedId: null };
    case 'protocol-mismatch':
      return { ...state, connection: 'protocol-mismatch', backgroundProtocol: action.background };
    case 'request-failed':
      if (isTerminal(state.connection)) return state;
      return { ...state, requestFailure: { request: action.request, error: action.error } };
    case 'connection-lost':
      if (isTerminal(state.connection)) return state;
      return { ...state, connection: 'reconnecting' };
    case 'extension-reloaded':
      if (state.connection === 'protocol-mismatch') return state;
      return { ...state, connection: 'extension-reloaded' };
    case 'call-selected':
      return { ...state, selectedId: action.id };
    case 'text-filter-changed':
      return { ...state, textFilter: action.text };
    case 'outcome-filter-changed':
      return { ...state, outcomeFilter: action.filter };
    case 'preserve-log-changed':
      return { ...state, preserveLogRequested: action.preserveLog };
    default:
      return assertNever(action);
  }
}

/** What the Preserve log checkbox shows. */
export function preserveLogShown(state: PanelState): boolean {
  return state.preserveLogRequested ?? state.counters.preserveLog;
}

function withCounters(
  state: PanelState,
  counters: TabCounters,
): Pick<PanelState, 'counters' | 'preserveLogRequested'> {
  const confirmed = state.preserveLogRequested === counters.preserveLog;
  return { counters, preserveLogRequested: confirmed ? null : state.preserveLogRequested };
}

function removeCalls(calls: readonly ObservedCall[], removedIds: readonly string[]): readonly ObservedCall[] {
  if (removedIds.length === 0) return calls;
  const removed = new Set(removedIds);
  return calls.filter((call) => !removed.has(call.id));
}

/**
 * Replaces calls with a known id in place and appends new ones, then restores startedAt order.
 * Returns `existing` itself when nothing came in, so memoized views keep their identity.
 */
export function upsertCalls(
  existing: readonly ObservedCall[],
  incoming: readonly ObservedCall[],
): readonly ObservedCall[] {
  if (incoming.length === 0) return existing;
  const next = existing.slice();
  const index = indexOf(existing);
  let sorted = true;
  for (const call of incoming) {
    let at = positionOf(next, index, call.id);
    if (at < 0) {
      at = next.length;
      index.set(call.id, at);
      next.push(call);
    } else {
      next[at] = call;
    }
    sorted &&= inOrderAt(next, at);
  }
  // Deltas almost always arrive in order; only sort when they did not. Array sort is stable,
  // so calls that started in the same millisecond keep their arrival order.
  if (!sorted) next.sort((a, b) => a.startedAt - b.startedAt);
  // Replacing and appending keep every known position, so the index carries over; a sort does not.
  else indexes.set(next, index);
  return next;
}

// Where each id sits, per calls array, so a delta finds its calls without scanning the list
// (indexing the whole list per delta cost O(calls) for every new call in a busy tab). A list made
// by appending to another shares its index; the index may then hold ids past the end of the
// older list, so every lookup is checked against the array it is used for. That also keeps the
// reducer pure when React runs it twice on the same state.
const indexes = new WeakMap<readonly ObservedCall[], Map<string, number>>();

function indexOf(calls: readonly ObservedCall[]): Map<string, number> {
  let index = indexes.get(calls);
  if (index === undefined) {
    index = new Map();
    for (let i = 0; i < calls.length; i++) index.set((calls[i] as ObservedCall).id, i);
    indexes.set(calls, index);
  }
  return index;
}

/** Position of `id` in `calls`, or -1. */
function positionOf(calls: readonly ObservedCall[], index: ReadonlyMap<string, number>, id: string): number {
  const at = index.get(id);
  return at !== undefined && calls[at]?.id === id ? at : -1;
}

/** The call at `at` keeps startedAt order with its neighbours. */
function inOrderAt(calls: readonly ObservedCall[], at: number): boolean {
  const call = calls[at] as ObservedCall;
  const before = calls[at - 1];
  const after = calls[at + 1];
  return (before === undefined || before.startedAt <= call.startedAt) && (after === undefined || call.startedAt <= after.startedAt);
}
