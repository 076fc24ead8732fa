// Runs one worker scenario: a service worker or shared worker fetches in real Chromium, Chromium's
// verdict is read on the worker's own CDP target, CORS Lens's through readCorsReport on the tab
// of the worker's origin, and the two are compared as the page table's are. A service worker's
// call must also be listed, with the same verdict, in a second tab of the same origin.
import type { Page } from '@playwright/test';
import { launchWithCorsLens, type LaunchedBrowser } from '../../../src/playwright/launch';
import { readCorsReport } from '../../../src/playwright/read-report';
import type { Caller } from '../../../src/shared/caller';
import type { ReportCall } from '../../../src/shared/report';
import { makeThrowawayCertificate, trustSwitch } from '../../support/https-server';
import { chromiumVerdict, differences, lensVerdict, preflightSent, selfContradictions } from '../compare';
import { ChromiumOracle, matches } from '../oracle';
import type { PageResult } from '../page-request';
import { asDesigned, details, type RequestRow, type ScenarioRow } from '../run-scenario';
import { listenOnWorkers, type WorkerTargets } from './worker-oracle';
import type { WorkerScenario, WorkerVia } from './worker-scenarios';
import { API_HOST, APP_HOST, SHARED_HOST, startWorkerServer, type WorkerServer } from './worker-server';

export interface WorkerBench {
  readonly lens: LaunchedBrowser;
  readonly server: WorkerServer;
  readonly oracle: ChromiumOracle;
  /** The tab whose service worker makes the calls, a second tab of its origin, and the tab of
   * the shared worker's origin. */
  readonly app: Page;
  readonly twin: Page;
  readonly sharedPage: Page;
  close(): Promise<void>;
}

export async function openWorkerBench(extensionPath: string, scenarios: readonly WorkerScenario[]): Promise<WorkerBench> {
  const certificate = makeThrowawayCertificate([APP_HOST, SHARED_HOST, API_HOST]);
  const server = await startWorkerServer(certificate, scenarios);
  const lens = await launchWithCorsLens({
    extensionPath,
    hostResolverRules: 'MAP *.test 127.0.0.1, MAP * ~NOTFOUND',
    args: [trustSwitch(certificate)],
  });
  const oracle = new ChromiumOracle();
  const workers: WorkerTargets = await listenOnWorkers(lens.context, oracle);
  const open = async (host: string): Promise<Page> => {
    const page = await lens.context.newPage();
    await page.goto(`${server.origin(host)}/page`);
    await page.evaluate(() => (window as unknown as { workerReady: Promise<void> }).workerReady);
    return page;
  };
  const app = await open(APP_HOST);
  await workers.ready('/sw.js');
  const twin = await open(APP_HOST);
  const sharedPage = await open(SHARED_HOST);
  await sharedPage.evaluate(() => {
    (window as unknown as { sharedWorker: SharedWorker }).sharedWorker = new SharedWorker('/shared.js');
  });
  await workers.ready('/shared.js');
  return {
    lens,
    server,
    oracle,
    app,
    twin,
    sharedPage,
    async close() {
      await oracle.detach();
      await workers.detach();
      await lens.close();
      await server.close();
    },
  };
}

interface Job {
  readonly via: WorkerVia;
  readonly url: string;
  readonly init: RequestInit;
}

/** Makes the scenario's call from the page: through its worker, or through the page's own fetch
 * or <img> that the service worker passes on. Serialized into the page: self-contained. */
export async function makeWorkerCall({ via, url, init }: Job): Promise<PageResult> {
  const failed = (error: unknown): PageResult => ({
    kind: 'error',
    status: 0,
    type: '',
    error: error instanceof Error ? `${error.name}: ${error.message}` : String(error),
    header: null,
  });
  switch (via) {
    case 'sw-own':
      return new Promise((resolve) => {
        navigator.serviceWorker.addEventListener('message', (event: MessageEvent<PageResult>) => resolve(event.data), { once: true });
        navigator.serviceWorker.controller?.postMessage({ url, init });
      });
    case 'shared': {
      const { port } = (window as unknown as { sharedWorker: SharedWorker }).sharedWorker;
      return new Promise((resolve) => {
        port.onmessage = (event: MessageEvent<PageResult>) => resolve(event.data);
        port.postMessage({ url, init });
      });
    }
    case 'sw-pass':
      try {
        const response = await fetch(url, init);
        return { kind: 'response', status: response.status, type: response.type, error: '', header: null };
      } catch (error) {
        return failed(error);
      }
    case 'sw-pass-img':
      return new Promise((resolve) => {
        const image = new Image();
        image.onload = () => resolve({ kind: 'response', status: 0, type: 'img', error: '', header: null });
        image.onerror = () => resolve(failed('img error event'));
        image.src = url;
      });
  }
}

const SETTLE_MS = 3_000;

const CALLERS: Readonly<Record<WorkerScenario['group'], Caller>> = {
  'service-worker': 'service-worker',
  'shared-worker': 'shared-worker',
};

export async function runWorkerScenario(bench: WorkerBench, scenario: WorkerScenario): Promise<ScenarioRow> {
  const started = Date.now();
  const owner = scenario.group === 'shared-worker' ? bench.sharedPage : bench.app;
  const { method, credentials } = scenario.request;
  const init: RequestInit = { ...(method ? { method } : {}), ...(credentials ? { credentials } : {}) };
  const result = await owner.evaluate(makeWorkerCall, { via: scenario.via, url: bench.server.requestUrl(scenario), init });
  await bench.oracle.settle(scenario.id, null, 1, SETTLE_MS);
  const cdp = bench.oracle.requestsFor(scenario.id)[0];
  const calls = await lensCalls(bench, owner, scenario.id);
  const call = calls[0];
  // Chromium 156 does not announce a shared worker's preflight on the worker's target (a service
  // worker's it does): whether one went out is then read from what the server received.
  const preflightOnWire = bench.server.exchanges(scenario.id).some((x) => x.kind === 'preflight');
  const preflighted = cdp !== undefined && (preflightSent(cdp) || (scenario.group === 'shared-worker' && preflightOnWire));
  const chromium = chromiumVerdict(cdp, preflighted ? 'sent' : 'none');
  const lens = lensVerdict(call);
  const expectedCaller = CALLERS[scenario.group];
  const diffs = [
    ...differences(chromium, lens),
    ...selfContradictions(call),
    ...(call !== undefined && call.caller !== expectedCaller ? [`caller ${call.caller}, not ${expectedCaller}`] : []),
    ...(scenario.group === 'service-worker' ? await twinDiffs(bench, scenario.id, lens) : []),
  ];
  const row: RequestRow = {
    index: 0,
    chromium,
    lens,
    diffs,
    page: result,
    cdp: cdp ?? null,
    call: call === undefined ? null : details(call),
  };
  return {
    id: scenario.id,
    group: scenario.group,
    note: scenario.note,
    notObservable: false,
    requests: [row],
    agree: diffs.length === 0 && calls.length === (cdp === undefined ? 0 : 1),
    missingWarnings: [],
    designedFor: scenario.designedFor,
    asDesigned: asDesigned(scenario.designedFor, row),
    issues: bench.oracle.issuesFor(scenario.id),
    lensCalls: calls.length,
    wire: bench.server.exchanges(scenario.id),
    ms: Date.now() - started,
  };
}

/** The second tab of the service worker's origin must list the same call with the same verdict. */
async function twinDiffs(bench: WorkerBench, scenarioId: string, lens: ReturnType<typeof lensVerdict>): Promise<string[]> {
  const [twinCall] = await lensCalls(bench, bench.twin, scenarioId);
  if (twinCall === undefined) return ['not listed in the second tab of the origin'];
  return differences(lens, lensVerdict(twinCall)).map((field) => `second tab differs in ${field}`);
}

/** CORS Lens's calls for the scenario in the page's tab, once one is recorded and all ended. */
async function lensCalls(bench: WorkerBench, page: Page, scenarioId: string): Promise<ReportCall[]> {
  const deadline = Date.now() + SETTLE_MS;
  for (;;) {
    const report = await readCorsReport(bench.lens.context, { page, settleTimeout: SETTLE_MS });
    const calls = report.calls.filter((c) => matches(c.url, scenarioId));
    if ((calls.length > 0 && calls.every((c) => c.outcome !== 'pending')) || Date.now() > deadline) return calls;
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}
