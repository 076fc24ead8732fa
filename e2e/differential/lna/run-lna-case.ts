// Runs one Local Network Access case in real Chromium and compares CORS Lens with what Chromium
// reported over CDP (the page's target, or the worker's for a worker fetch).
import type { CDPSession, Page } from '@playwright/test';
import { launchWithCorsLens, type LaunchedBrowser } from '../../../src/playwright/launch';
import { readCorsReport } from '../../../src/playwright/read-report';
import type { ReportCall } from '../../../src/shared/report';
import { ABSENT, chromiumVerdict, differences, lensVerdict, preflightSent, selfContradictions, type SideVerdict } from '../compare';
import { ChromiumOracle, matches, type CdpRequest } from '../oracle';
import type { PageResult } from '../page-request';
import { details, type ScenarioRow } from '../run-scenario';
import { makeLnaCall, startLnaWorker } from './lna-call';
import type { LnaCase, LnaKind, LnaPage } from './lna-cases';
import { startLnaServers, type LnaServers } from './lna-servers';
import { WorkerOracle } from './worker-oracle';
import { oracleTargets, type OracleTargets } from '../opened-once';

const SETTLE_MS = 5_000;

interface LnaTarget {
  readonly page: Page;
  readonly oracle: ChromiumOracle;
  readonly session: CDPSession;
}

export interface LnaBench extends OracleTargets<LnaPage, LnaTarget> {
  readonly lens: LaunchedBrowser;
  readonly servers: LnaServers;
}

export async function openLnaBench(extensionPath: string, hostResolverRules: string): Promise<LnaBench> {
  const servers = await startLnaServers();
  const overrides = servers.publicPorts.map((port) => `127.0.0.1:${port}=public`).join(',');
  const lens = await launchWithCorsLens({
    extensionPath,
    hostResolverRules,
    args: [`--ip-address-space-overrides=${overrides}`, `--ignore-certificate-errors-spki-list=${servers.spki}`],
  });
  const open = async (kind: LnaPage): Promise<LnaTarget> => {
    const page = await lens.context.newPage();
    const oracle = await ChromiumOracle.attach(lens.context, page);
    const session = await lens.context.newCDPSession(page);
    const origin = servers.pageOrigin[kind];
    // Headless Chromium never prompts: without a grant the permission is denied.
    if (kind === 'granted') await session.send('Browser.grantPermissions', { origin, permissions: ['loopbackNetwork'] });
    await page.goto(`${origin}/page`);
    return { page, oracle, session };
  };
  return { lens, servers, ...oracleTargets(lens, open, () => servers.close()) };
}

/** Requests that are not CORS calls when they succeed: CORS Lens lists them only when blocked. */
const LISTED_ONLY_WHEN_BLOCKED: ReadonlySet<LnaKind> = new Set(['img', 'script', 'iframe']);

function apiPath(kind: LnaKind): string {
  if (kind === 'img' || kind === 'script') return `/${kind}`;
  return kind === 'iframe' ? '/frame' : '/api';
}

async function chromiumRequest(bench: LnaBench, target: LnaTarget, c: LnaCase, url: string): Promise<{ request: CdpRequest | undefined; result: string }> {
  if (c.kind !== 'worker') {
    const result = await target.page.evaluate(makeLnaCall, { kind: c.kind, url });
    await target.oracle.settle(c.id, null, 1, SETTLE_MS);
    const request = target.oracle.requestsFor(c.id)[0];
    // A cross-site frame loads in its own process, which reports the end of its document load on
    // its own target; the page's target saw the request, and the frame now shows the document.
    if (c.kind === 'iframe' && request?.failure === null && target.page.frames().some((f) => f.url() === url)) request.finished = true;
    return { request, result };
  }
  const workers = await WorkerOracle.attach(target.session);
  await target.page.evaluate(startLnaWorker, `${bench.servers.pageOrigin[c.page]}/worker.js?s=${c.id}`);
  const result = await target.page.evaluate(makeLnaCall, { kind: c.kind, url });
  return { request: await workers.ended((u) => matches(u, c.id), SETTLE_MS), result };
}

async function lensCall(bench: LnaBench, page: Page, id: string, expectCall: boolean): Promise<ReportCall | undefined> {
  const deadline = Date.now() + SETTLE_MS;
  for (;;) {
    const report = await readCorsReport(bench.lens.context, { page, settleTimeout: SETTLE_MS });
    const call = report.calls.find((c) => matches(c.url, id));
    if ((call !== undefined && call.outcome !== 'pending') || !expectCall || Date.now() > deadline) return call;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

function pageResult(result: string): PageResult {
  const ok = result === 'load' || result.startsWith('response');
  return { kind: ok ? 'response' : 'error', status: Number(/\d{3}/.exec(result)?.[0] ?? 0), type: '', error: ok ? '' : result, header: null };
}

export async function runLnaCase(bench: LnaBench, c: LnaCase): Promise<ScenarioRow> {
  const started = Date.now();
  const target = await bench.target(c.page);
  const url = `${bench.servers.apiOrigin(c.page !== 'http')}${apiPath(c.kind)}?s=${c.id}&acao=${c.acao ? 1 : 0}`;
  const { request, result } = await chromiumRequest(bench, target, c, url);
  const chromium = request === undefined ? ABSENT : chromiumVerdict(request, preflightSent(request) ? 'sent' : 'none');
  const call = await lensCall(bench, target.page, c.id, chromium.outcome !== 'allowed' || !LISTED_ONLY_WHEN_BLOCKED.has(c.kind));
  const lens: SideVerdict = lensVerdict(call);
  const notListedAsAllowed = call === undefined && chromium.outcome === 'allowed' && LISTED_ONLY_WHEN_BLOCKED.has(c.kind);
  const diffs = notListedAsAllowed ? [] : [...differences(chromium, lens), ...selfContradictions(call)];
  return {
    id: c.id,
    group: c.group,
    note: c.note,
    notObservable: false,
    requests: [{ index: 0, chromium, lens, diffs, page: pageResult(result), cdp: request ?? null, call: call === undefined ? null : details(call) }],
    agree: diffs.length === 0 && request !== undefined,
    missingWarnings: [],
    designedFor: c.designedFor,
    asDesigned: c.designedFor === 'allowed' ? chromium.outcome === 'allowed' : chromium.code === c.designedFor,
    issues: target.oracle.issuesFor(c.id),
    // The table counts CORS Lens's calls against Chromium's requests; an allowed image, script or
    // frame is one Chromium request that is rightly not a CORS Lens call.
    lensCalls: notListedAsAllowed ? 1 : call === undefined ? 0 : 1,
    wire: [],
    ms: Date.now() - started,
  };
}
