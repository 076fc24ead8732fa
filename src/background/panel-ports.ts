// Talks to panels over long-lived ports named `panel:<tabId>`. The port map is module state,
// which is safe because ports die with the worker; each panel reconnects and says hello again.
import {
  PANEL_PORT_PREFIX,
  PROTOCOL_VERSION,
  isPanelMessage,
  type FailedRequest,
  type PanelMessage,
  type TrialRequest,
  type WorkerMessage,
} from '../shared/protocol';
import { isOwnExtensionPage } from './sender';
import { clearLog } from './tab-log';
import { notifyCleared, notifyUpserted, onTabChange, readCalls, withTab } from './tab-store';
import {
  endTabTrials,
  endTrial,
  markCalls,
  onTrialsChange,
  repeatUnderTrial,
  startTrial,
  trialRecords,
  trialsOfTab,
  trialsReady,
} from './trials';

const portsByTab = new Map<number, Set<chrome.runtime.Port>>();

/** How long a tab may have no panel before its trial rules go: DevTools closed. A worker restart
 * also drops every port, and panels reconnect within about two seconds, so this waits longer. */
const PANEL_GONE_GRACE_MS = 5_000;

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
    if (!isPanelMessage(message)) return;
    // A request that fails reaches the panel as a state it shows; a panel waiting for its snapshot
    // once stayed on "Connecting" for good because the failure went nowhere.
    handle(port, tabId, message).catch((error: unknown) => sendFailure([port], message.kind, error));
  });
  port.onDisconnect.addListener(() => {
    portsByTab.get(tabId)?.delete(port);
    if (!hasPanel(tabId)) endTrialsUnlessPanelReturns(tabId);
  });
}

function hasPanel(tabId: number): boolean {
  return (portsByTab.get(tabId)?.size ?? 0) > 0;
}

function endTrialsUnlessPanelReturns(tabId: number): void {
  if (!trialsOfTab(tabId).some((t) => t.endedAt === null)) return;
  setTimeout(() => {
    if (!hasPanel(tabId)) void endTabTrials(tabId, 'devtools-closed');
  }, PANEL_GONE_GRACE_MS);
}

// A worker that starts with active trials has no ports yet: the panels of those tabs reconnect
// within the grace period, and a tab whose DevTools closed while the worker slept loses its rules.
void trialsReady().then(() => {
  const tabs = new Set(trialRecords().filter((t) => t.endedAt === null).map((t) => t.tabId));
  for (const tabId of tabs) endTrialsUnlessPanelReturns(tabId);
});

async function handle(port: chrome.runtime.Port, tabId: number, message: PanelMessage): Promise<void> {
  switch (message.kind) {
    case 'hello': {
      if (message.protocol !== PROTOCOL_VERSION) {
        send(port, { kind: 'protocol-mismatch', background: PROTOCOL_VERSION });
        return;
      }
      // Calls are marked against the trial log, so it must be read before the first snapshot.
      await trialsReady();
      // Snapshot and subscription happen in one step of the tab's chain, so every later change
      // reaches the panel as a delta after the snapshot, and none is missed in between.
      await readCalls(tabId, ({ calls, counters }) => {
        const ports = portsByTab.get(tabId) ?? new Set();
        ports.add(port);
        portsByTab.set(tabId, ports);
        send(port, { kind: 'snapshot', protocol: PROTOCOL_VERSION, calls: markCalls(calls), counters });
        send(port, { kind: 'trials', trials: trialsOfTab(tabId) });
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
    case 'trial-start':
    case 'trial-remove':
    case 'trial-repeat':
      await handleTrial(port, tabId, message);
      return;
  }
}

async function handleTrial(port: chrome.runtime.Port, tabId: number, message: TrialRequest): Promise<void> {
  switch (message.kind) {
    case 'trial-start': {
      const outcome = await startTrial(tabId, message.callId, message.scope, message.credentialsConfirmed === true);
      if (!outcome.ok) send(port, { kind: 'trial-notice', callId: message.callId, trialId: null, tone: 'refused', text: outcome.reason });
      // The panel may have closed while the trial was starting: its disconnect found no active
      // trial to clean up, so the rule would otherwise stay until it expires.
      else if (!hasPanel(tabId)) endTrialsUnlessPanelReturns(tabId);
      return;
    }
    case 'trial-remove': {
      // Only this tab's trials: a panel never reaches another tab's rules.
      if (trialsOfTab(tabId).some((t) => t.id === message.trialId)) await endTrial(message.trialId, 'removed');
      return;
    }
    case 'trial-repeat': {
      const trial = trialsOfTab(tabId).find((t) => t.id === message.trialId);
      if (trial === undefined) return;
      let text: string;
      let tone: 'info' | 'error' = 'info';
      try {
        // A reload would clear the log and take the original call from beside its trial result.
        const preserved = message.how === 'reload' && (await preserveLog(tabId));
        text = await repeatUnderTrial(trial.id, message.how, message.confirmed);
        if (preserved) text += ' Preserve log was turned on so the original call stays beside the result.';
      } catch (err) {
        tone = 'error';
        text = `Could not repeat the request: ${err instanceof Error ? err.message : String(err)}`;
      }
      send(port, { kind: 'trial-notice', callId: trial.callId, trialId: trial.id, tone, text });
      return;
    }
  }
}

/** Turns Preserve log on; true when it was off. */
async function preserveLog(tabId: number): Promise<boolean> {
  const turnedOn = await withTab(tabId, (log) => {
    if (log.meta.preserveLog) return false;
    log.meta.preserveLog = true;
    notifyUpserted(log);
    return true;
  });
  // A tab closed meanwhile has no log to preserve.
  return turnedOn ?? false;
}

onTabChange((tabId, change) => {
  const ports = portsByTab.get(tabId);
  if (!ports?.size) return;
  const message: WorkerMessage =
    change.kind === 'cleared'
      ? { kind: 'cleared', counters: change.counters }
      : {
          kind: 'calls-upserted',
          calls: markCalls(change.calls),
          removedIds: change.removedIds,
          counters: change.counters,
        };
  for (const port of ports) send(port, message);
});

// A trial starting or ending can change which calls are marked: resend those, then the list.
onTrialsChange((tabId) => {
  if (!hasPanel(tabId)) return;
  readCalls(tabId, ({ calls, counters }) => {
    const ports = portsByTab.get(tabId) ?? new Set();
    const marked = markCalls(calls).filter((c) => c.trial !== undefined);
    for (const port of ports) {
      if (marked.length > 0) send(port, { kind: 'calls-upserted', calls: marked, removedIds: [], counters });
      send(port, { kind: 'trials', trials: trialsOfTab(tabId) });
    }
  }).catch((error: unknown) => sendFailure(portsByTab.get(tabId) ?? [], 'update', error));
});

function sendFailure(ports: Iterable<chrome.runtime.Port>, request: FailedRequest, error: unknown): void {
  console.error(`CORS Lens: could not answer ${request}`, error);
  const text = error instanceof Error ? error.message : String(error);
  for (const port of ports) send(port, { kind: 'request-failed', request, error: text });
}

function send(port: chrome.runtime.Port, message: WorkerMessage): void {
  try {
    port.postMessage(message);
  } catch {
    // The panel closed between our check and the post; its onDisconnect cleans up.
  }
}
