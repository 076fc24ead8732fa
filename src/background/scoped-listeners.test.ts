import { afterEach, beforeEach, describe, expect, test, vi } from 'vitest';
import type { Subscription } from './capture-switch';
import { scopedListeners } from './scoped-listeners';

const TAB = 7;

/** Listener sets that only remember whether they are registered, and the requests in flight. */
function harness() {
  const registered = new Map<string, boolean>();
  const inFlightTabs = new Set<number>();
  const listeners = scopedListeners(
    (filter): Subscription[] => {
      const key = filter.tabId === undefined ? 'every-tab' : String(filter.tabId);
      return [{ add: () => registered.set(key, true), remove: () => registered.set(key, false), isListening: () => registered.get(key) === true }];
    },
    ['http://*/*'],
    { tabsInFlight: () => inFlightTabs, forgetInFlight: (keep = () => false) => [...inFlightTabs].forEach((t) => keep(t) || inFlightTabs.delete(t)) },
  );
  listeners.subscription.add();
  return { listeners, inFlightTabs };
}

describe('scoped listeners', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  test('listens everywhere until the scope is known, then per inspected tab, then not at all', () => {
    const { listeners } = harness();
    expect(listeners.registered()).toEqual(['every-tab']);
    listeners.setInspectedTabs(new Set([TAB]));
    listeners.setScope('inspected-tabs');
    // The unfiltered set overlaps with the tab's for a second.
    expect(listeners.registered()).toEqual(['every-tab', TAB]);
    vi.advanceTimersByTime(1_000);
    expect(listeners.registered()).toEqual([TAB]);
    listeners.setInspectedTabs(new Set());
    vi.advanceTimersByTime(1_000);
    expect(listeners.registered()).toEqual([]);
    expect(listeners.subscription.isListening()).toBe(false);
  });

  test('overlaps only while a retiring set is still registered', () => {
    const { listeners } = harness();
    expect(listeners.overlapping()).toBe(false);
    listeners.setInspectedTabs(new Set([TAB]));
    listeners.setScope('inspected-tabs');
    expect(listeners.overlapping()).toBe(true);
    vi.advanceTimersByTime(1_000);
    expect(listeners.overlapping()).toBe(false);
  });

  test('a retiring set stays while a request only it hears is in flight, at most a minute', () => {
    const { listeners, inFlightTabs } = harness();
    listeners.setInspectedTabs(new Set([TAB]));
    listeners.setScope('inspected-tabs');
    vi.advanceTimersByTime(1_000);
    inFlightTabs.add(TAB);
    listeners.setInspectedTabs(new Set());
    vi.advanceTimersByTime(5_000);
    expect(listeners.registered()).toEqual([TAB]);
    inFlightTabs.delete(TAB);
    vi.advanceTimersByTime(250);
    expect(listeners.registered()).toEqual([]);

    listeners.setInspectedTabs(new Set([TAB]));
    inFlightTabs.add(TAB);
    listeners.setInspectedTabs(new Set());
    vi.advanceTimersByTime(60_000);
    expect(listeners.registered()).toEqual([]);
    // Nobody hears its end any more: no longer waited for.
    expect(inFlightTabs).toEqual(new Set());
  });

  test('a tab inspected again before its set was removed keeps the same set', () => {
    const { listeners } = harness();
    listeners.setScope('inspected-tabs');
    listeners.setInspectedTabs(new Set([TAB]));
    listeners.setInspectedTabs(new Set());
    listeners.setInspectedTabs(new Set([TAB]));
    vi.advanceTimersByTime(2_000);
    expect(listeners.registered()).toEqual([TAB]);
  });

  test('pausing removes every set at once; resuming listens as the scope says', () => {
    const { listeners } = harness();
    listeners.setScope('all-tabs');
    listeners.subscription.remove();
    expect(listeners.registered()).toEqual([]);
    listeners.subscription.add();
    expect(listeners.registered()).toEqual(['every-tab']);
    expect(listeners.subscription.isListening()).toBe(true);
  });
});
