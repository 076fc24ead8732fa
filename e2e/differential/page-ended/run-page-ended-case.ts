// Runs one page-ended case in real Chromium and compares CORS Lens with what Chromium reported
// over CDP for the same request.
import type { Page } from '@playwright/test';
import { launchWithCorsLens, type LaunchedBrowser } from '../../../src/playwright/launch';
import { readCorsReport } from '../../../src/playwright/read-report';
import type { ReportCall } from '../../../src/shared/report';
import { ABSENT, chromiumVerdict, differences, lensVerdict, preflightSent } from '../compare';
import { ChromiumOracle, matches } from '../oracle';
import type { PageResult } from '../page-request';
import { details, type ScenarioRow } from '../run-scenario';
import { endCall } from './page-ended-calls';
import type { PageEndedCase } from './page-ended-cases';
import { startPageEndedServer, type PageEndedServer } from './page-ended-server';

const SETTLE_MS = 5_000;

export interface PageEndedBench {
  readonly lens: LaunchedBrowser;
  readonly server: PageEndedServer;
  readonly page: Page;
  readonly oracle: ChromiumOracle;
  close(): Promise<void>;
}

export async function openPageEndedBench(extensionPath: string, hostResolverRules: string): Promise<PageEndedBench> {
  const server = await startPageEndedServer();
  const lens = await launchWithCorsLens({ extensionPath, hostResolverRules });
  const page = await lens.context.newPage();
  const oracle = await ChromiumOracle.attach(lens.context, page);
  await page.goto(server.pageUrl);
  return {
    lens,
    server,
    page,
    oracle,
    async close() {
      await oracle.detach();
      await lens.close();
      await server.close();
    },
  };
}

let runs = 0;

async function lensCall(bench: PageEndedBench, id: string, tag: string): Promise<ReportCall | undefined> {
  const deadline = Date.now() + SETTLE_MS;
  for (;;) {
    const report = await readCorsReport(bench.lens.context, { page: bench.page, settleTimeout: SETTLE_MS });
    const call = report.calls.find((c) => matches(c.url, id, tag));
    if ((call !== undefined && call.outcome !== 'pending') || Date.now() > deadline) return call;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

export async function runPageEndedCase(bench: PageEndedBench, c: PageEndedCase): Promise<ScenarioRow> {
  const started = Date.now();
  // A fresh URL each run: repeated runs must neither share Chromium's preflight cache nor be
  // mistaken for one another.
  const tag = `run${++runs}`;
  const url = `${bench.server.apiOrigin}${c.path}?s=${c.id}&ctl=${tag}`;
  const result = await bench.page.evaluate(endCall, { kind: c.kind, url });
  await bench.oracle.settle(c.id, tag, 1, SETTLE_MS);
  const request = bench.oracle.requestsFor(c.id, tag)[0];
  const chromium = request === undefined ? ABSENT : chromiumVerdict(request, preflightSent(request) ? 'sent' : 'none');
  const call = await lensCall(bench, c.id, tag);
  const lens = lensVerdict(call);
  const diffs = differences(chromium, lens);
  const page: PageResult = { kind: 'error', status: 0, type: '', error: result, header: null };
  return {
    id: c.id,
    group: c.group,
    note: c.note,
    notObservable: false,
    requests: [{ index: 0, chromium, lens, diffs, page, cdp: request ?? null, call: call === undefined ? null : details(call) }],
    agree: diffs.length === 0 && request !== undefined,
    missingWarnings: [],
    designedFor: c.designedFor,
    asDesigned: c.designedFor === chromium.outcome || c.designedFor === chromium.code,
    issues: bench.oracle.issuesFor(c.id, tag),
    lensCalls: call === undefined ? 0 : 1,
    wire: [],
    ms: Date.now() - started,
  };
}
