// Chromium reports a service worker's or shared worker's failed fetch (corsErrorStatus and all)
// only on the worker's own CDP target, not on any page. This attaches the oracle to every web
// worker target of the browser. Playwright's CDPSession does not route flattened child sessions
// to us, so, as e2e/support/worker-cdp.ts does, each worker is attached in non-flattened mode
// from a browser session and spoken to through Target.sendMessageToTarget.
import type { BrowserContext, CDPSession } from '@playwright/test';
import type { CdpMessage, TargetInfo } from '../../support/worker-cdp';
import type { CdpChannel, ChromiumOracle } from '../oracle';

const WORKER_TYPES: ReadonlySet<string> = new Set(['service_worker', 'shared_worker']);

export interface WorkerTargets {
  /** Resolves once the oracle listens on a worker whose script URL ends with `scriptPath`. */
  ready(scriptPath: string): Promise<void>;
  detach(): Promise<void>;
}

export async function listenOnWorkers(context: BrowserContext, oracle: ChromiumOracle): Promise<WorkerTargets> {
  const browser = context.browser();
  if (!browser) throw new Error('no browser behind this context');
  const cdp = await browser.newBrowserCDPSession();
  const channels = new Map<string, ReturnType<typeof workerChannel>>();
  const listening = new Map<string, Promise<void>>();
  cdp.on('Target.receivedMessageFromTarget', ({ sessionId, message }) => channels.get(sessionId)?.receive(JSON.parse(message) as CdpMessage));
  cdp.on('Target.targetCreated', ({ targetInfo }: { targetInfo: TargetInfo }) => {
    if (!WORKER_TYPES.has(targetInfo.type) || !/^https?:/.test(targetInfo.url)) return;
    listening.set(
      targetInfo.url,
      (async () => {
        const { sessionId } = await cdp.send('Target.attachToTarget', { targetId: targetInfo.targetId, flatten: false });
        const channel = workerChannel(cdp, sessionId);
        channels.set(sessionId, channel);
        await oracle.listen(channel);
      })(),
    );
  });
  await cdp.send('Target.setDiscoverTargets', { discover: true });
  return {
    async ready(scriptPath) {
      const deadline = Date.now() + 10_000;
      for (;;) {
        const found = [...listening].find(([url]) => url.endsWith(scriptPath));
        if (found) return found[1];
        if (Date.now() > deadline) throw new Error(`no worker target for ${scriptPath}`);
        await new Promise((resolve) => setTimeout(resolve, 20));
      }
    },
    detach: () => cdp.detach(),
  };
}

function workerChannel(cdp: CDPSession, sessionId: string) {
  const listeners = new Map<string, ((payload: never) => void)[]>();
  const pending = new Map<number, (message: CdpMessage) => void>();
  let nextId = 0;
  const channel: CdpChannel & { receive(message: CdpMessage): void } = {
    on(event, listener) {
      listeners.set(event, [...(listeners.get(event) ?? []), listener]);
    },
    async send(method) {
      const id = ++nextId;
      const answer = new Promise<CdpMessage>((resolve) => pending.set(id, resolve));
      await cdp.send('Target.sendMessageToTarget', { sessionId, message: JSON.stringify({ id, method, params: {} }) });
      const message = await answer;
      if (message.error) throw new Error(`${method}: ${message.error.message}`);
      return message;
    },
    async detach() {
      await cdp.send('Target.detachFromTarget', { sessionId }).catch(() => undefined);
    },
    receive(message) {
      if (message.id !== undefined) {
        pending.get(message.id)?.(message);
        pending.delete(message.id);
        return;
      }
      for (const listener of listeners.get(message.method ?? '') ?? []) listener(message.params as never);
    },
  };
  return channel;
}
