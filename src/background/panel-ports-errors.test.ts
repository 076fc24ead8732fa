// What a panel hears when the background cannot carry out its request: the real port handling and
// tab store over a storage.session that refuses every read. The trial module is stubbed; its own
// behaviour is covered by e2e/try-fix.spec.ts.
import { afterEach, beforeEach, expect, test, vi } from 'vitest';
import { PANEL_PORT_PREFIX, PROTOCOL_VERSION, type PanelMessage } from '../shared/protocol';

vi.mock('./trials', () => ({
  endTabTrials: () => Promise.resolve(),
  endTrial: () => Promise.resolve(true),
  markCalls: (calls: unknown) => calls,
  onTrialsChange: () => () => undefined,
  repeatUnderTrial: () => Promise.resolve(''),
  startTrial: () => Promise.resolve({ ok: false, reason: 'stubbed' }),
  trialRecords: () => [],
  trialsOfTab: () => [],
  trialsReady: () => Promise.resolve(),
}));

const TAB = 7;
const EXTENSION = 'chrome-extension://lens/';

/** A panel's port: what the background posts to it, and a way to send it the panel's messages. */
function panelPort() {
  const listeners: ((message: unknown) => void)[] = [];
  const posted: unknown[] = [];
  const port = {
    name: `${PANEL_PORT_PREFIX}${TAB}`,
    sender: { id: 'lens', url: `${EXTENSION}src/panel/panel.html` },
    postMessage: (message: unknown) => posted.push(message),
    disconnect: () => undefined,
    onMessage: { addListener: (listener: (message: unknown) => void) => listeners.push(listener) },
    onDisconnect: { addListener: () => undefined },
  };
  return { port: port as unknown as chrome.runtime.Port, posted, say: (message: PanelMessage) => listeners.forEach((l) => l(message)) };
}

beforeEach(() => {
  vi.resetModules();
  const refused = () => Promise.reject(new Error('storage.session refused'));
  vi.stubGlobal('chrome', {
    runtime: { id: 'lens', getURL: (path: string) => `${EXTENSION}${path}` },
    storage: { session: { getKeys: refused, get: refused, set: refused, remove: refused } },
  });
  vi.spyOn(console, 'error').mockImplementation(() => undefined);
});

afterEach(() => {
  vi.unstubAllGlobals();
  vi.restoreAllMocks();
});

const requests: readonly PanelMessage[] = [
  { kind: 'hello', protocol: PROTOCOL_VERSION, tabId: TAB },
  { kind: 'clear' },
  { kind: 'set-preserve-log', preserveLog: true },
];

test.each(requests)('a $kind the store cannot carry out is answered with request-failed', async (message) => {
  const { acceptPanelPort } = await import('./panel-ports');
  const panel = panelPort();
  acceptPanelPort(panel.port);
  panel.say(message);
  await vi.waitFor(() =>
    expect(panel.posted).toContainEqual({ kind: 'request-failed', request: message.kind, error: 'storage.session refused' }),
  );
});
