// A panel's port against a stand-in port and stand-ins for the trial log and tab store, so the
// order of a trial start and a disconnect can be set exactly. The grace period and rule removal in
// real Chromium are covered in e2e/try-fix.spec.ts.
import { afterEach, beforeEach, expect, test, vi } from 'vitest';
import { PROTOCOL_VERSION, type WorkerMessage } from '../shared/protocol';
import type { TrialRecord } from '../shared/trial/trial-record';

const TAB = 7;

const trialLog = vi.hoisted(() => ({
  active: [] as TrialRecord[],
  finishStart: (): void => undefined,
}));

vi.mock('./sender', () => ({ isOwnExtensionPage: () => true }));
vi.mock('./tab-log', () => ({ clearLog: () => undefined }));
vi.mock('./tab-store', () => ({
  notifyCleared: () => undefined,
  notifyUpserted: () => undefined,
  onTabChange: () => undefined,
  readCalls: (_tabId: number, inStep?: (state: { calls: []; counters: object }) => void) => {
    inStep?.({ calls: [], counters: {} });
    return Promise.resolve({ calls: [], counters: {} });
  },
  withTab: () => Promise.resolve(undefined),
}));
vi.mock('./trials', () => ({
  endTabTrials: vi.fn(() => Promise.resolve()),
  endTrial: () => Promise.resolve(true),
  markCalls: (calls: unknown) => calls,
  onTrialsChange: () => () => undefined,
  repeatUnderTrial: () => Promise.resolve(''),
  // The start resolves only when the test says: the trial becomes active at that moment.
  startTrial: () =>
    new Promise((resolve) => {
      trialLog.finishStart = () => {
        const trial = { id: 'trial-1', tabId: TAB, endedAt: null } as unknown as TrialRecord;
        trialLog.active = [trial];
        resolve({ ok: true, trial });
      };
    }),
  trialRecords: () => trialLog.active,
  trialsOfTab: () => trialLog.active,
  trialsReady: () => Promise.resolve(),
}));

/** The two listeners a port has, to fire by hand, and what was posted to it. */
function fakePort() {
  let onMessage: (message: unknown) => void = () => undefined;
  let onDisconnect: () => void = () => undefined;
  const posted: WorkerMessage[] = [];
  const port = {
    name: `panel:${TAB}`,
    sender: {},
    onMessage: { addListener: (l: typeof onMessage) => (onMessage = l) },
    onDisconnect: { addListener: (l: typeof onDisconnect) => (onDisconnect = l) },
    postMessage: (m: WorkerMessage) => posted.push(m),
    disconnect: () => undefined,
  } as unknown as chrome.runtime.Port;
  return { port, posted, message: (m: unknown) => onMessage(m), disconnect: () => onDisconnect() };
}

beforeEach(() => {
  vi.useFakeTimers();
  trialLog.active = [];
});

afterEach(() => {
  vi.useRealTimers();
});

test('a panel that closes while its trial is starting still gets the trial removed after the grace period', async () => {
  const { acceptPanelPort } = await import('./panel-ports');
  const { endTabTrials } = await import('./trials');
  const panel = fakePort();
  acceptPanelPort(panel.port);
  panel.message({ kind: 'hello', protocol: PROTOCOL_VERSION, tabId: TAB });
  await vi.waitFor(() => expect(panel.posted.map((m) => m.kind)).toContain('snapshot'));

  panel.message({ kind: 'trial-start', callId: 'req-1', scope: 'exact-url', credentialsConfirmed: true });
  // DevTools closes before the rule is in: no trial is active yet when the port goes.
  panel.disconnect();
  trialLog.finishStart();
  await vi.advanceTimersByTimeAsync(4_000);
  expect(endTabTrials).not.toHaveBeenCalled();
  await vi.advanceTimersByTimeAsync(1_500);
  expect(endTabTrials).toHaveBeenCalledWith(TAB, 'devtools-closed');
});
