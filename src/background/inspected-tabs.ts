// The tabs where DevTools is open: each DevTools page keeps a `devtools:<tabId>` port to the worker
// (see src/devtools), and each CORS panel its `panel:<tabId>` port (a panel opened as a tab counts
// too). Ports die with the worker, so the set is also kept in storage.session: a restarted worker
// starts from it and drops the tabs whose ports do not come back within the grace.
import { DEVTOOLS_PORT_PREFIX } from '../shared/capture-scope';
import { PANEL_PORT_PREFIX } from '../shared/protocol';
import { isOwnExtensionPage } from './sender';

const INSPECTED_TABS_KEY = 'inspectedTabs';
/** Panels and DevTools pages reconnect within about two seconds of a worker restart. */
const PORT_RETURN_GRACE_MS = 5_000;

export interface InspectedTabs {
  /** Counts `port` while it is open when it is a DevTools or panel port of ours; true when it is a
   * DevTools port, which needs nothing else. */
  watch(port: chrome.runtime.Port): boolean;
  /** Takes over the set a previous worker saved. */
  restore(): Promise<void>;
}

function inspectedTabId(port: chrome.runtime.Port): number | null {
  const prefix = [DEVTOOLS_PORT_PREFIX, PANEL_PORT_PREFIX].find((p) => port.name.startsWith(p));
  if (prefix === undefined || !isOwnExtensionPage(port.sender)) return null;
  const tabId = Number(port.name.slice(prefix.length));
  return Number.isInteger(tabId) && tabId >= 0 ? tabId : null;
}

export function inspectedTabs(onChange: (tabIds: ReadonlySet<number>) => void): InspectedTabs {
  const openPorts = new Map<number, number>();
  let restored = new Set<number>();
  let last = new Set<number>();

  function changed(): void {
    const now = new Set([...openPorts.keys(), ...restored]);
    if (now.size === last.size && [...now].every((tabId) => last.has(tabId))) return;
    last = now;
    onChange(now);
    void chrome.storage.session.set({ [INSPECTED_TABS_KEY]: [...now] });
  }

  return {
    watch(port) {
      const isDevtools = port.name.startsWith(DEVTOOLS_PORT_PREFIX);
      const tabId = inspectedTabId(port);
      if (tabId === null) {
        if (isDevtools) port.disconnect();
        return isDevtools;
      }
      openPorts.set(tabId, (openPorts.get(tabId) ?? 0) + 1);
      changed();
      port.onDisconnect.addListener(() => {
        const left = (openPorts.get(tabId) ?? 1) - 1;
        if (left > 0) openPorts.set(tabId, left);
        else openPorts.delete(tabId);
        changed();
      });
      return isDevtools;
    },
    async restore() {
      const stored: unknown = (await chrome.storage.session.get(INSPECTED_TABS_KEY))[INSPECTED_TABS_KEY];
      restored = new Set(Array.isArray(stored) ? stored.filter((id): id is number => Number.isInteger(id) && id >= 0) : []);
      changed();
      setTimeout(() => {
        restored = new Set();
        changed();
      }, PORT_RETURN_GRACE_MS);
    },
  };
}
