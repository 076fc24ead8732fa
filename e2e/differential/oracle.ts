// Chromium's own account of each request, read over CDP: the Network domain (loadingFailed's
// corsErrorStatus, errorText, blockedReason; preflights linked to their request through
// initiator.requestId) and the Audits domain, whose CORS issues also name the renderer-side
// failures that never reach the network.
import type { BrowserContext, CDPSession, Frame, Page } from '@playwright/test';

export interface CdpPreflight {
  readonly id: string;
  readonly url: string;
  status: number | null;
  errorText: string | null;
}

export interface CdpRequest {
  readonly id: string;
  readonly method: string;
  /** The URL chain: the first URL, then one entry per followed redirect. */
  readonly urls: string[];
  /** Request header names in the order Chromium holds them (CDP request.headers). */
  readonly headerOrder: readonly string[];
  readonly preflights: CdpPreflight[];
  status: number | null;
  /** Redirect responses received (3xx in Network.responseReceivedExtraInfo), followed or not. */
  redirectResponses: number;
  finished: boolean;
  failure: {
    readonly errorText: string;
    readonly blockedReason: string | null;
    readonly corsError: string | null;
    readonly failedParameter: string | null;
    /** CDP's `canceled`: the load was cancelled from the renderer (the page ended it), not failed. */
    readonly canceled: boolean;
  } | null;
}

export interface CdpCorsIssue {
  readonly url: string;
  readonly corsError: string;
  readonly failedParameter: string;
  readonly isWarning: boolean;
}

interface RequestWillBeSent {
  requestId: string;
  request: { url: string; method: string; headers: Record<string, string> };
  initiator: { type: string; requestId?: string };
  redirectResponse?: { status: number };
}
interface ResponseReceived {
  requestId: string;
  response: { status: number };
}
interface LoadingFailed {
  requestId: string;
  errorText: string;
  blockedReason?: string;
  corsErrorStatus?: { corsError: string; failedParameter: string };
  canceled?: boolean;
}
interface IssueAdded {
  issue: {
    code: string;
    details: {
      corsIssueDetails?: {
        corsErrorStatus: { corsError: string; failedParameter: string };
        isWarning: boolean;
        request: { url: string };
      };
      deprecationIssueDetails?: { type: string };
    };
  };
}

/** What the oracle needs of a CDP session: a page's or frame's Playwright session, or a worker
 * target reached through the browser session (worker-oracle.ts). */
export interface CdpChannel {
  on(event: string, listener: (payload: never) => void): void;
  send(method: 'Network.enable' | 'Audits.enable'): Promise<unknown>;
  detach(): Promise<void>;
}

function channelOf(session: CDPSession): CdpChannel {
  return {
    on: (event, listener) =>
      void session.on('event', ({ method, params }) => {
        if (method === event) listener(params as never);
      }),
    send: (method) => session.send(method),
    detach: () => session.detach(),
  };
}

export class ChromiumOracle {
  private readonly requests = new Map<string, CdpRequest>();
  private readonly preflightsById = new Map<string, CdpPreflight>();
  /** Preflights announced before their request (kept by the request's id). */
  private readonly orphans = new Map<string, CdpPreflight[]>();
  /** Redirect responses reported before their request was announced. */
  private readonly earlyRedirects = new Map<string, number>();
  readonly issues: CdpCorsIssue[] = [];
  /** Deprecation issue types (e.g. AuthorizationCoveredByWildcard), in arrival order. Chromium
   * raises each type once per page. */
  readonly deprecations: string[] = [];
  private readonly sessions: CdpChannel[] = [];

  /** Listens on the page, and on the frame too when it runs in its own process. */
  static async attach(context: BrowserContext, page: Page, frame?: Frame): Promise<ChromiumOracle> {
    const oracle = new ChromiumOracle();
    await oracle.listen(channelOf(await context.newCDPSession(page)));
    if (frame !== undefined) {
      const session = await context.newCDPSession(frame).catch(() => null);
      if (session !== null) await oracle.listen(channelOf(session));
    }
    return oracle;
  }

  /** Records what one more session reports. */
  async listen(session: CdpChannel): Promise<void> {
    this.sessions.push(session);
    session.on('Network.requestWillBeSent', (e: RequestWillBeSent) => this.onRequest(e));
    session.on('Network.responseReceived', (e: ResponseReceived) => {
      const preflight = this.preflightsById.get(e.requestId);
      if (preflight) preflight.status = e.response.status;
      const request = this.requests.get(e.requestId);
      if (request) request.status = e.response.status;
    });
    session.on('Network.responseReceivedExtraInfo', (e: { requestId: string; statusCode: number }) => {
      if (e.statusCode < 300 || e.statusCode > 399) return;
      const request = this.requests.get(e.requestId);
      if (request) request.redirectResponses++;
      else this.earlyRedirects.set(e.requestId, (this.earlyRedirects.get(e.requestId) ?? 0) + 1);
    });
    session.on('Network.loadingFinished', (e: { requestId: string }) => {
      const request = this.requests.get(e.requestId);
      if (request) request.finished = true;
    });
    session.on('Network.loadingFailed', (e: LoadingFailed) => {
      const preflight = this.preflightsById.get(e.requestId);
      if (preflight) preflight.errorText = e.errorText;
      const request = this.requests.get(e.requestId);
      if (!request) return;
      request.failure = {
        errorText: e.errorText,
        blockedReason: e.blockedReason ?? null,
        corsError: e.corsErrorStatus?.corsError ?? null,
        failedParameter: e.corsErrorStatus?.failedParameter ?? null,
        canceled: e.canceled === true,
      };
    });
    session.on('Audits.issueAdded', (e: IssueAdded) => {
      const deprecation = e.issue.details.deprecationIssueDetails?.type;
      if (deprecation !== undefined) this.deprecations.push(deprecation);
      const details = e.issue.details.corsIssueDetails;
      if (e.issue.code !== 'CorsIssue' || details === undefined) return;
      this.issues.push({
        url: details.request.url,
        corsError: details.corsErrorStatus.corsError,
        failedParameter: details.corsErrorStatus.failedParameter,
        isWarning: details.isWarning,
      });
    });
    await session.send('Network.enable');
    await session.send('Audits.enable');
  }

  private onRequest(e: RequestWillBeSent): void {
    if (e.initiator.type === 'preflight') {
      const preflight: CdpPreflight = { id: e.requestId, url: e.request.url, status: null, errorText: null };
      this.preflightsById.set(e.requestId, preflight);
      const ownerId = e.initiator.requestId ?? '';
      const owner = this.requests.get(ownerId);
      if (owner) owner.preflights.push(preflight);
      else this.orphans.set(ownerId, [...(this.orphans.get(ownerId) ?? []), preflight]);
      return;
    }
    const known = this.requests.get(e.requestId);
    if (known) {
      // A followed redirect re-announces the request with the next URL.
      if (e.redirectResponse !== undefined) known.urls.push(e.request.url);
      return;
    }
    this.requests.set(e.requestId, {
      id: e.requestId,
      method: e.request.method,
      urls: [e.request.url],
      headerOrder: Object.keys(e.request.headers),
      preflights: this.orphans.get(e.requestId) ?? [],
      status: null,
      redirectResponses: this.earlyRedirects.get(e.requestId) ?? 0,
      finished: false,
      failure: null,
    });
    this.orphans.delete(e.requestId);
    this.earlyRedirects.delete(e.requestId);
  }

  /** Requests whose first URL belongs to the scenario (and control tag), in the order sent. */
  requestsFor(scenarioId: string, tag: string | null = null): CdpRequest[] {
    return [...this.requests.values()].filter((r) => matches(r.urls[0] ?? '', scenarioId, tag));
  }

  issuesFor(scenarioId: string, tag: string | null = null): CdpCorsIssue[] {
    return this.issues.filter((i) => matches(i.url, scenarioId, tag));
  }

  /** Waits until `count` requests of the scenario were seen and all of them ended. */
  async settle(scenarioId: string, tag: string | null, count: number, timeoutMs: number): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const seen = this.requestsFor(scenarioId, tag);
      const done = seen.length >= count && seen.every((r) => r.finished || r.failure !== null);
      if (done || Date.now() > deadline) return;
      await new Promise((resolve) => setTimeout(resolve, 15));
    }
  }

  async detach(): Promise<void> {
    await Promise.all(this.sessions.map((s) => s.detach().catch(() => undefined)));
  }
}

/** Whether a URL is one of the scenario's (s=<id>), with the given control tag or none. */
export function matches(url: string, scenarioId: string, tag: string | null = null): boolean {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return false;
  }
  return parsed.searchParams.get('s') === scenarioId && parsed.searchParams.get('ctl') === tag;
}
