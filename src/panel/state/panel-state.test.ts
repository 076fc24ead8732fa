import { describe, expect, test } from 'vitest';
import { PROTOCOL_VERSION, type TabCounters } from '../../shared/protocol';
import {
  initialPanelState,
  panelReducer,
  preserveLogShown,
  upsertCalls,
  type PanelAction,
  type PanelState,
} from './panel-state';
import { call } from './test-calls';

const counters: TabCounters = { droppedCount: 0, sameOriginCount: 0, preserveLog: false };

function run(...actions: readonly PanelAction[]): PanelState {
  return actions.reduce(panelReducer, initialPanelState);
}

function ids(state: PanelState): readonly string[] {
  return state.calls.map((c) => c.id);
}

const snapshot = (...calls: ReturnType<typeof call>[]): PanelAction => ({
  kind: 'snapshot',
  protocol: PROTOCOL_VERSION,
  calls,
  counters,
});

describe('snapshot', () => {
  test('replaces calls, sorts by startedAt and marks the panel connected', () => {
    const s = run(
      snapshot(call('old', { startedAt: 1 })),
      { kind: 'connection-lost' },
      snapshot(call('b', { startedAt: 20 }), call('a', { startedAt: 10 })),
    );
    expect(ids(s)).toEqual(['a', 'b']);
    expect(s.connection).toBe('connected');
  });

  test('drops duplicate ids, keeping the later one', () => {
    const later = call('a', { state: 'errored' });
    const s = run(snapshot(call('a'), later));
    expect(s.calls).toEqual([later]);
  });

  test('keeps the selection only when the call is still there', () => {
    const kept = run(snapshot(call('a'), call('b')), { kind: 'call-selected', id: 'b' }, snapshot(call('b')));
    expect(kept.selectedId).toBe('b');
    const gone = run(snapshot(call('a')), { kind: 'call-selected', id: 'a' }, snapshot(call('b')));
    expect(gone.selectedId).toBeNull();
  });

  test('from another protocol version is a mismatch, never shown', () => {
    const s = run({ kind: 'snapshot', protocol: PROTOCOL_VERSION + 1, calls: [call('a')], counters });
    expect(s.connection).toBe('protocol-mismatch');
    expect(s.backgroundProtocol).toBe(PROTOCOL_VERSION + 1);
    expect(s.calls).toEqual([]);
  });

  test('takes counters from the background', () => {
    const c: TabCounters = { droppedCount: 3, sameOriginCount: 5, preserveLog: true };
    const s = run({ kind: 'snapshot', protocol: PROTOCOL_VERSION, calls: [], counters: c });
    expect(s.counters).toEqual(c);
  });
});

describe('calls-upserted', () => {
  test('replaces a known call in place and appends a new one', () => {
    const done = call('a', { state: 'completed', startedAt: 1 });
    const s = run(snapshot(call('a', { state: 'in-flight', startedAt: 1 }), call('b', { startedAt: 2 })), {
      kind: 'calls-upserted',
      calls: [done, call('c', { startedAt: 3 })],
      removedIds: [],
      counters,
    });
    expect(ids(s)).toEqual(['a', 'b', 'c']);
    expect(s.calls[0]).toBe(done);
  });

  test('restores startedAt order when a delta arrives out of order', () => {
    const s = run(snapshot(call('b', { startedAt: 20 })), {
      kind: 'calls-upserted',
      calls: [call('c', { startedAt: 30 }), call('a', { startedAt: 10 })],
      removedIds: [],
      counters,
    });
    expect(ids(s)).toEqual(['a', 'b', 'c']);
  });

  test('calls that started in the same millisecond keep arrival order', () => {
    const s = run(snapshot(call('x', { startedAt: 5 })), {
      kind: 'calls-upserted',
      calls: [call('y', { startedAt: 5 }), call('w', { startedAt: 1 }), call('z', { startedAt: 5 })],
      removedIds: [],
      counters,
    });
    expect(ids(s)).toEqual(['w', 'x', 'y', 'z']);
  });

  test('drops calls the background removed, and their selection', () => {
    const s = run(
      snapshot(call('a'), call('b')),
      { kind: 'call-selected', id: 'a' },
      { kind: 'calls-upserted', calls: [], removedIds: ['a'], counters },
    );
    expect(ids(s)).toEqual(['b']);
    expect(s.selectedId).toBeNull();
  });

  test('updates counters', () => {
    const c: TabCounters = { droppedCount: 9, sameOriginCount: 1, preserveLog: false };
    expect(run(snapshot(), { kind: 'calls-upserted', calls: [], removedIds: [], counters: c }).counters).toEqual(c);
  });

  test('an empty delta keeps the same calls array', () => {
    const existing = [call('a')];
    expect(upsertCalls(existing, [])).toBe(existing);
  });

  describe('in a long list', () => {
    const long = Array.from({ length: 500 }, (_, i) => call(`c${i}`, { startedAt: i }));

    test('replaces an old call in place and appends a new one', () => {
      const next = upsertCalls(long, [call('c3', { startedAt: 3, state: 'errored' }), call('new', { startedAt: 900 })]);
      expect(next).toHaveLength(501);
      expect(next[3]?.state).toBe('errored');
      expect(next.at(-1)?.id).toBe('new');
      expect(long[3]?.state).toBe('completed');
    });

    test('puts an out-of-order newcomer where it started', () => {
      const next = upsertCalls(long, [call('early', { startedAt: 10.5 })]);
      expect(next.map((c) => c.id).indexOf('early')).toBe(11);
    });

    test('reorders a recent call whose start moved earlier', () => {
      const next = upsertCalls(long, [call('c499', { startedAt: 0.5 })]);
      expect(next[1]?.id).toBe('c499');
      expect(next).toHaveLength(500);
    });

    test('finds calls in lists built from one another, after a sort and after a removal', () => {
      const appended = upsertCalls(long, [call('a', { startedAt: 600 })]);
      const sorted = upsertCalls(appended, [call('b', { startedAt: 1.5 })]);
      const removed = panelReducer(
        { ...initialPanelState, calls: sorted },
        { kind: 'calls-upserted', calls: [], removedIds: ['c0'], counters },
      ).calls;
      const next = upsertCalls(removed, [call('a', { startedAt: 600, state: 'errored' }), call('c200', { startedAt: 200, state: 'errored' })]);
      expect(next).toHaveLength(501);
      expect(next.filter((c) => c.state === 'errored').map((c) => c.id)).toEqual(['c200', 'a']);
    });

    test('applying one delta twice to the same list gives the same list (React may run a reducer twice)', () => {
      const delta = [call('x', { startedAt: 700 })];
      const first = upsertCalls(long, delta);
      upsertCalls(long, [call('y', { startedAt: 800 })]);
      const again = upsertCalls(long, delta);
      expect(again.map((c) => c.id)).toEqual(first.map((c) => c.id));
      expect(upsertCalls(again, [call('y', { startedAt: 800 })]).map((c) => c.id).slice(-2)).toEqual(['x', 'y']);
    });
  });
});

test('cleared empties the list and the selection', () => {
  const s = run(snapshot(call('a')), { kind: 'call-selected', id: 'a' }, { kind: 'cleared', counters });
  expect(s.calls).toEqual([]);
  expect(s.selectedId).toBeNull();
});

describe('connection', () => {
  test('starts connecting', () => {
    expect(initialPanelState.connection).toBe('connecting');
  });

  test('a lost connection keeps the last calls until the next snapshot', () => {
    const s = run(snapshot(call('a')), { kind: 'connection-lost' });
    expect(s.connection).toBe('reconnecting');
    expect(ids(s)).toEqual(['a']);
  });

  test('protocol-mismatch is terminal', () => {
    const s = run(
      { kind: 'protocol-mismatch', background: 2 },
      { kind: 'connection-lost' },
      snapshot(call('a')),
      { kind: 'calls-upserted', calls: [call('b')], removedIds: [], counters },
      { kind: 'cleared', counters },
      { kind: 'extension-reloaded' },
    );
    expect(s.connection).toBe('protocol-mismatch');
    expect(s.backgroundProtocol).toBe(2);
    expect(s.calls).toEqual([]);
  });

  test('extension-reloaded is terminal', () => {
    const s = run(snapshot(call('a')), { kind: 'extension-reloaded' }, { kind: 'connection-lost' }, snapshot());
    expect(s.connection).toBe('extension-reloaded');
    expect(ids(s)).toEqual(['a']);
  });
});

describe('local UI actions', () => {
  test('preserve log shows what the user set until the background agrees', () => {
    const requested = run(snapshot(), { kind: 'preserve-log-changed', preserveLog: true });
    expect(preserveLogShown(requested)).toBe(true);
    // A delta sent before the background saw our change still carries the old value.
    const stale = panelReducer(requested, { kind: 'calls-upserted', calls: [], removedIds: [], counters });
    expect(preserveLogShown(stale)).toBe(true);
    const confirmed = panelReducer(stale, { kind: 'cleared', counters: { ...counters, preserveLog: true } });
    expect(confirmed.preserveLogRequested).toBeNull();
    expect(preserveLogShown(confirmed)).toBe(true);
    // After confirmation the background is followed again.
    const later = panelReducer(confirmed, { kind: 'calls-upserted', calls: [], removedIds: [], counters });
    expect(preserveLogShown(later)).toBe(false);
  });

  test('a snapshot overrides an unconfirmed preserve log change', () => {
    const s = run(snapshot(), { kind: 'preserve-log-changed', preserveLog: true }, snapshot());
    expect(preserveLogShown(s)).toBe(false);
  });

  test('filters and selection are stored as given', () => {
    const s = run(
      { kind: 'text-filter-changed', text: 'api' },
      { kind: 'outcome-filter-changed', filter: 'blocked' },
      { kind: 'call-selected', id: 'x' },
    );
    expect([s.textFilter, s.outcomeFilter, s.selectedId]).toEqual(['api', 'blocked', 'x']);
  });
});

describe('request-failed', () => {
  const failed: PanelAction = { kind: 'request-failed', request: 'hello', error: 'storage.session refused' };

  test('is kept for the panel to show, until a fresh snapshot', () => {
    const waiting = run(failed);
    expect(waiting.connection).toBe('connecting');
    expect(waiting.requestFailure).toEqual({ request: 'hello', error: 'storage.session refused' });
    expect(run(failed, snapshot()).requestFailure).toBeNull();
  });

  test('changes nothing once the panel cannot talk to the background', () => {
    const s = run({ kind: 'protocol-mismatch', background: PROTOCOL_VERSION + 1 }, failed);
    expect(s.requestFailure).toBeNull();
  });
});
