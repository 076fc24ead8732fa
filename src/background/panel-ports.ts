// Talks to panels over long-lived ports named `panel:<tabId>`. The port map is module state,
// which is safe because ports die with the worker; each panel reconnects and says hello again.
import {
  PANEL_PORT_PREFIX,
  PROTOCOL_VERSION,
  isPanelMessage,
  type BackgroundMessage,
  type PanelMessage,
} from '../shared/protocol';
import { isOwnExtensionPage } from './sender';
import { clearLog } from './tab-log';
import { notifyCleared, notifyUpserted, onTabChange, readCalls, withTab } from './tab-store';

const portsByTab = new Map<number, Set<chrome.runtime.Port>>();

export function acceptPanelPort(port: chrome.runtime.Port): void {
  if (!port.name.startsWith(PANEL_PORT_PREFIX) || !isOwnExtensionPage(port.sender)) {
    port.disconnect();
    return;
  }
  const tabId = Number(port.name.slice(PANEL_PORT_PREFIX.length));
  if (!Number.isInteger(tabId) || tabId < 0) {
    port.disconnect();
    return;
  }
  port.onMessage.addListener((message: unknown) => {
    if (isPanelMessage(message)) void handle(port, tabId, message);
  });
  port.onDisconnect.addListener(() => portsByTab.get(tabId)?.delete(port));
}

async function handle(port: chrome.runtime.Port, tabId: number, message: PanelMessage): Promise<void> {
  switch (message.kind) {
    case 'hello': {
      if (message.protocol !== PROTOCOL_VERSION) {
        send(port, { kind: 'protocol-mismatch', background: PROTOCOL_VERSION });
        return;
      }
      // Snapshot and subscription happen in one step of the tab's chain, so every later change
      // reaches the panel as a delta after the snapshot, and none is missed in between.
      await readCalls(tabId, ({ calls, counters }) => {
        const ports = portsByTab.get(tabId) ?? new Set();
        ports.add(port);
        portsByTab.set(tabId, ports);
        send(port, { kind: 'snapshot', protocol: PROTOCOL_VERSION, calls, counters });
      });
      return;
    }
    case 'clear':
      await withTab(tabId, (log) => {
        clearLog(log);
        notifyCleared(log);
      });
      return;
    case 'set-preserve-log':
      await withTab(tabId, (log) => {
        log.meta.preserveLog = message.preserveLog;
        notifyUpserted(log);
      });
      return;
  }
}

onTabChange((tabId, change) => {
  const ports = portsByTab.get(tabId);
  if (!ports?.size) return;
  const message: BackgroundMessage =
    change.kind === 'cleared'
      ? { kind: 'cleared', counters: change.counters }
      : { kind: 'calls-upserted', calls: change.calls, removedIds: change.removedIds, counters: change.counters };
  for (const port of ports) send(port, message);
});

function send(port: chrome.runtime.Port, message: BackgroundMessage): void {
  try {
    port.postMessage(message);
  } catch {
    // The panel closed between our check and the post; its onDisconnect cleans up.
  }
}
