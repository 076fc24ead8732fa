// A CDP session on the extension's service worker target, for what Playwright's Worker does not
// expose: uncaught exceptions, console errors, heap usage and forced garbage collection.
// Playwright drives its own flattened sessions; this one attaches from a separate browser session
// in the older non-flattened mode, so the two never share a session id.
import type { BrowserContext, CDPSession } from '@playwright/test';

export interface TargetInfo {
  readonly targetId: string;
  readonly type: string;
  readonly url: string;
}

export interface CdpMessage {
  readonly id?: number;
  readonly method?: string;
  readonly params?: Record<string, unknown>;
  readonly result?: Record<string, unknown>;
  readonly error?: { readonly message: string };
}

export interface WorkerCdp {
  send<T = Record<string, unknown>>(method: string, params?: Record<string, unknown>): Promise<T>;
  /** Uncaught exceptions and console.error lines of the worker since attaching. */
  readonly errors: string[];
  detach(): Promise<void>;
}

/** Attaches to the extension's running service worker (start it first, e.g. with an evaluate). */
export async function attachToExtensionWorker(context: BrowserContext): Promise<WorkerCdp> {
  const browser = context.browser();
  if (!browser) throw new Error('no browser behind this context');
  const cdp: CDPSession = await browser.newBrowserCDPSession();
  const { targetInfos }: { targetInfos: TargetInfo[] } = await cdp.send('Target.getTargets');
  const target = targetInfos.find((t) => t.type === 'service_worker' && t.url.startsWith('chrome-extension://'));
  if (!target) throw new Error('the extension service worker is not running');
  const { sessionId } = await cdp.send('Target.attachToTarget', { targetId: target.targetId, flatten: false });
  const errors: string[] = [];
  const pending = new Map<number, { resolve(m: CdpMessage): void }>();
  let nextId = 0;
  cdp.on('Target.receivedMessageFromTarget', (event: { sessionId: string; message: string }) => {
    if (event.sessionId !== sessionId) return;
    const message = JSON.parse(event.message) as CdpMessage;
    if (message.id !== undefined) {
      pending.get(message.id)?.resolve(message);
      pending.delete(message.id);
      return;
    }
    if (message.method === 'Runtime.exceptionThrown') errors.push(`exception: ${JSON.stringify(message.params)}`);
    if (message.method === 'Runtime.consoleAPICalled' && message.params?.['type'] === 'error') {
      errors.push(`console.error: ${JSON.stringify(message.params['args'])}`);
    }
  });
  const send = async <T>(method: string, params: Record<string, unknown> = {}): Promise<T> => {
    const id = ++nextId;
    const answer = new Promise<CdpMessage>((resolve) => pending.set(id, { resolve }));
    await cdp.send('Target.sendMessageToTarget', { sessionId, message: JSON.stringify({ id, method, params }) });
    const message = await answer;
    if (message.error) throw new Error(`${method}: ${message.error.message}`);
    return (message.result ?? {}) as T;
  };
  await send('Runtime.enable');
  return { send, errors, detach: () => cdp.detach() };
}
