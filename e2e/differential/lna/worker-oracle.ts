// Chromium's account of a dedicated Worker's requests: it reports them over CDP only on the
// worker's own target. The page's session auto-attaches to its workers in the non-flattened mode
// (Playwright keeps its own flattened sessions, so the two never share a session id) and reads
// their Network events as the CdpRequest records the page oracle keeps.
import type { CDPSession } from '@playwright/test';
import type { CdpRequest } from '../oracle';

interface Wrapped {
  readonly sessionId: string;
  readonly message: string;
}
interface WorkerEvent {
  readonly method?: string;
  readonly params?: {
    requestId: string;
    request?: { url: string; method: string; headers: Record<string, string> };
    response?: { status: number };
    errorText?: string;
    blockedReason?: string;
    corsErrorStatus?: { corsError: string; failedParameter: string };
    canceled?: boolean;
  };
}

export class WorkerOracle {
  private readonly requests = new Map<string, CdpRequest>();
  private nextId = 1;

  private constructor(private readonly session: CDPSession) {}

  static async attach(session: CDPSession): Promise<WorkerOracle> {
    const oracle = new WorkerOracle(session);
    session.on('Target.attachedToTarget', (e: { sessionId: string; targetInfo: { type: string } }) => {
      if (e.targetInfo.type === 'worker') oracle.sendTo(e.sessionId, 'Network.enable');
    });
    session.on('Target.receivedMessageFromTarget', (e: Wrapped) => oracle.onMessage(JSON.parse(e.message) as WorkerEvent));
    await session.send('Target.setAutoAttach', { autoAttach: true, waitForDebuggerOnStart: false, flatten: false });
    return oracle;
  }

  private sendTo(sessionId: string, method: string): void {
    const message = JSON.stringify({ id: this.nextId++, method, params: {} });
    void this.session.send('Target.sendMessageToTarget', { sessionId, message }).catch(() => undefined);
  }

  private onMessage(event: WorkerEvent): void {
    const p = event.params;
    if (p === undefined) return;
    if (event.method === 'Network.requestWillBeSent' && p.request !== undefined && !this.requests.has(p.requestId)) {
      const { url, method, headers } = p.request;
      this.requests.set(p.requestId, { id: p.requestId, method, urls: [url], headerOrder: Object.keys(headers), preflights: [], status: null, redirectResponses: 0, finished: false, failure: null });
      return;
    }
    const request = this.requests.get(p.requestId);
    if (request === undefined) return;
    if (event.method === 'Network.responseReceived') request.status = p.response?.status ?? null;
    if (event.method === 'Network.loadingFinished') request.finished = true;
    if (event.method === 'Network.loadingFailed') {
      request.failure = {
        errorText: p.errorText ?? '',
        blockedReason: p.blockedReason ?? null,
        corsError: p.corsErrorStatus?.corsError ?? null,
        failedParameter: p.corsErrorStatus?.failedParameter ?? null,
        canceled: p.canceled === true,
      };
    }
  }

  /** The worker's request to `url`, once it ended (undefined if it never showed in time). */
  async ended(matches: (url: string) => boolean, timeoutMs: number): Promise<CdpRequest | undefined> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const found = [...this.requests.values()].find((r) => matches(r.urls[0] ?? ''));
      if ((found !== undefined && (found.finished || found.failure !== null)) || Date.now() > deadline) return found;
      await new Promise((resolve) => setTimeout(resolve, 15));
    }
  }
}
