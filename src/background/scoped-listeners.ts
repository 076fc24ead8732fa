// Which webRequest listener sets are registered, following the capture scope: one set for every
// tab ('all-tabs'), or one set per inspected tab, filtered with that tab's id ('inspected-tabs';
// none at all when no tab is inspected), so Chromium does not route other tabs' requests through
// CORS Lens. Chromium's RequestFilter takes a single tabId, hence a set per tab.
//
// A set the scope no longer wants is not removed at once. Registering a listener is a message to
// the browser, and until it has arrived, events still go only to the old set; and a request that
// was admitted has events still to come. So the old set stays for a short overlap (ScopeAdmission
// drops the duplicate copies), and then until its requests in flight that no wanted set covers
// have ended, for at most a minute (a long poll or stream should not keep every tab paying).
import type { CaptureScope } from '../shared/capture-scope';
import type { Subscription } from './capture-switch';
import type { ScopeAdmission } from './scope-admission';

/** Builds a fresh set of listeners (new callbacks) for `filter`. */
export type ListenerSetFactory = (filter: chrome.webRequest.RequestFilter) => readonly Subscription[];

/** A registered listener set: the one for every tab, or one inspected tab's. */
export type ListenerSetKey = 'every-tab' | number;

interface ListenerSet {
  readonly subscriptions: readonly Subscription[];
  retiringSince: number | null;
}

/** Far longer than a listener registration takes to reach the browser (well under a millisecond here). */
const OVERLAP_MS = 1_000;
const MAX_DRAIN_MS = 60_000;
const DRAIN_CHECK_MS = 250;

export interface ScopedListeners {
  /** For the pause switch: add() listens as the scope says, remove() drops every set at once. */
  readonly subscription: Subscription;
  /** Whether the scope takes `tabId` now (before the scope is known, every tab). */
  covers(tabId: number): boolean;
  setScope(scope: CaptureScope): void;
  setInspectedTabs(tabIds: ReadonlySet<number>): void;
  /** The sets registered, for tests: 'every-tab' or a tab id. */
  registered(): ListenerSetKey[];
  /** Whether a retiring set is still registered beside the sets that replace it. */
  overlapping(): boolean;
}

export function scopedListeners(
  makeSet: ListenerSetFactory,
  urls: readonly string[],
  inFlight: Pick<ScopeAdmission, 'tabsInFlight' | 'forgetInFlight'>,
): ScopedListeners {
  const sets = new Map<ListenerSetKey, ListenerSet>();
  let scope: CaptureScope | null = null;
  let inspected: ReadonlySet<number> = new Set();
  let listening = true;
  let drainTimer: ReturnType<typeof setTimeout> | null = null;

  const covers = (tabId: number) => scope !== 'inspected-tabs' || inspected.has(tabId);

  function wanted(): ListenerSetKey[] {
    if (!listening) return [];
    // Until the stored scope is read, listen everywhere: the event that woke the worker is in it.
    return scope === 'inspected-tabs' ? [...inspected] : ['every-tab'];
  }

  function filterOf(key: ListenerSetKey): chrome.webRequest.RequestFilter {
    return key === 'every-tab' ? { urls: [...urls] } : { urls: [...urls], tabId: key };
  }

  function sync(): void {
    const want = new Set(wanted());
    for (const key of want) {
      const set = sets.get(key);
      if (set) set.retiringSince = null;
      else {
        const subscriptions = makeSet(filterOf(key));
        for (const s of subscriptions) s.add();
        sets.set(key, { subscriptions, retiringSince: null });
      }
    }
    const now = Date.now();
    for (const [key, set] of sets) if (!want.has(key) && set.retiringSince === null) set.retiringSince = now;
    removeDrained();
  }

  function removeSet(key: ListenerSetKey): void {
    for (const s of sets.get(key)?.subscriptions ?? []) s.remove();
    sets.delete(key);
    // Requests no set hears any more will never end here: stop waiting for them.
    if (!sets.has('every-tab')) inFlight.forgetInFlight((tabId) => sets.has(tabId));
  }

  /** Removes the retiring sets that are past the overlap and carry no request only they see. */
  function removeDrained(): void {
    if (drainTimer !== null) clearTimeout(drainTimer);
    drainTimer = null;
    const uncovered = [...inFlight.tabsInFlight()].filter((tabId) => !covers(tabId));
    const now = Date.now();
    for (const [key, set] of sets) {
      if (set.retiringSince === null) continue;
      const age = now - set.retiringSince;
      const carries = key === 'every-tab' ? uncovered.length > 0 : uncovered.includes(key);
      if ((age >= OVERLAP_MS && !carries) || age >= MAX_DRAIN_MS) removeSet(key);
    }
    if ([...sets.values()].some((set) => set.retiringSince !== null)) drainTimer = setTimeout(removeDrained, DRAIN_CHECK_MS);
  }

  return {
    subscription: {
      add() {
        listening = true;
        sync();
      },
      remove() {
        listening = false;
        for (const key of [...sets.keys()]) removeSet(key);
      },
      isListening: () => {
        const keys = wanted();
        return keys.length > 0 && keys.every((key) => sets.get(key)?.subscriptions.every((s) => s.isListening()) === true);
      },
    },
    covers,
    setScope(next) {
      scope = next;
      sync();
    },
    setInspectedTabs(tabIds) {
      inspected = tabIds;
      if (scope === 'inspected-tabs') sync();
    },
    registered: () => [...sets.keys()],
    overlapping: () => {
      for (const set of sets.values()) if (set.retiringSince !== null) return true;
      return false;
    },
  };
}
