// Chromium's own verdicts, read over CDP from the page's Network domain: the oracle every CORS
// Lens verdict is compared with.
import type { CDPSession, Page } from '@playwright/test';

export interface ChromiumVerdict {
  /** The URL the request started with (before redirects). */
  readonly url: string;
  readonly method: string;
  readonly errorText: string | null;
  readonly corsError: string | null;
  readonly failedParameter: string | null;
  readonly finished: boolean;
}

interface RequestWillBeSent {
  requestId: string;
  request: { url: string; method: string };
  initiator: { type: string };
}
interface LoadingFailed {
  requestId: string;
  errorText: string;
  corsErrorStatus?: { corsError: string; failedParameter: string };
}

export class ChromiumVerdicts {
  private readonly requests = new Map<string, { url: string; method: string }>();
  private readonly failures = new Map<string, LoadingFailed>();
  private readonly finishedIds = new Set<string>();
  /** Preflight URLs in the order Chromium sent them. */
  readonly preflights: string[] = [];

  private constructor(private readonly session: CDPSession) {}

  static async attach(page: Page): Promise<ChromiumVerdicts> {
    const session = await page.context().newCDPSession(page);
    const verdicts = new ChromiumVerdicts(session);
    session.on('Network.requestWillBeSent', (e: RequestWillBeSent) => {
      if (e.initiator.type === 'preflight') {
        verdicts.preflights.push(e.request.url);
        return;
      }
      // A redirect re-announces the same requestId: keep the first URL.
      if (!verdicts.requests.has(e.requestId)) verdicts.requests.set(e.requestId, e.request);
    });
    session.on('Network.loadingFailed', (e: LoadingFailed) => {
      verdicts.failures.set(e.requestId, e);
      verdicts.finishedIds.add(e.requestId);
    });
    session.on('Network.loadingFinished', (e: { requestId: string }) => verdicts.finishedIds.add(e.requestId));
    await session.send('Network.enable');
    return verdicts;
  }

  /** Chromium's verdict for the one request whose initial URL contains `urlPart`. */
  find(urlPart: string): ChromiumVerdict | undefined {
    for (const [id, request] of this.requests) {
      if (!request.url.includes(urlPart)) continue;
      const failure = this.failures.get(id);
      return {
        url: request.url,
        method: request.method,
        errorText: failure?.errorText ?? null,
        corsError: failure?.corsErrorStatus?.corsError ?? null,
        failedParameter: failure?.corsErrorStatus?.failedParameter ?? null,
        finished: this.finishedIds.has(id),
      };
    }
    return undefined;
  }

  async detach(): Promise<void> {
    await this.session.detach();
  }
}
