// Runs one scenario: the page makes its request(s) in real Chromium, Chromium's verdict is read
// over CDP and CORS Lens's through readCorsReport, and the two are compared.
import type { Frame, Page } from '@playwright/test';
import { launchWithCorsLens, type LaunchedBrowser } from '../../src/playwright/launch';
import { readCorsReport } from '../../src/playwright/read-report';
import type { ReportCall } from '../../src/shared/report';
import { ABSENT, chromiumVerdict, differences, lensVerdict, preflightSent, selfContradictions, type PreflightState, type SideVerdict } from './compare';
import { ChromiumOracle, matches, type CdpCorsIssue, type CdpRequest } from './oracle';
import { makeRequests, type Batch, type PageResult, type WireRequest } from './page-request';
import type { ClientRequest, PageKind, Scenario } from './scenarios';
import { startDiffServer, type DiffServer, type Exchange } from './server';
import { oracleTargets, type OracleTargets } from './opened-once';

interface PageTarget {
  readonly page: Page;
  /** Where the request is made: the page, or its sandboxed iframe. */
  readonly runner: Page | Frame;
  readonly oracle: ChromiumOracle;
}

export interface Bench extends OracleTargets<PageKind, PageTarget> {
  readonly lens: LaunchedBrowser;
  readonly server: DiffServer;
}

export async function openBench(extensionPath: string, scenarios: readonly Scenario[]): Promise<Bench> {
  const server = await startDiffServer(scenarios);
  // Everything but *.test fails to resolve, so nothing.invalid never leaves the machine.
  const lens = await launchWithCorsLens({ extensionPath, hostResolverRules: 'MAP *.test 127.0.0.1, MAP * ~NOTFOUND' });
  const open = async (kind: PageKind): Promise<PageTarget> => {
    const page = await lens.context.newPage();
    // The oracle listens before the page loads, so it holds every request of this page.
    const oracle = await ChromiumOracle.attach(lens.context, page);
    await page.goto(server.pageUrl(kind));
    if (kind !== 'iframe') return { page, runner: page, oracle };
    const frame = page.frames().find((f) => f !== page.mainFrame());
    if (frame === undefined) throw new Error('the sandboxed iframe did not load');
    await oracle.detach();
    return { page, runner: frame, oracle: await ChromiumOracle.attach(lens.context, page, frame) };
  };
  return { lens, server, ...oracleTargets(lens, open, () => server.close()) };
}

export interface RequestRow {
  readonly index: number;
  readonly chromium: SideVerdict;
  readonly lens: SideVerdict;
  readonly diffs: readonly string[];
  readonly page: PageResult;
  readonly cdp: CdpRequest | null;
  readonly call: LensCallDetails | null;
}

export interface LensCallDetails {
  readonly explanation: string;
  readonly redirects: ReportCall['redirects'];
  readonly preflight: ReportCall['preflight'];
  readonly status: number | null;
  readonly credentials: string;
  readonly warnings: readonly string[];
  readonly assumptions: readonly string[];
}

export interface ScenarioRow {
  readonly id: string;
  readonly group: string;
  readonly note: string;
  readonly notObservable: boolean;
  readonly requests: readonly RequestRow[];
  /** Observable: every request agrees. Not observable: CORS Lens shows no wrong verdict. */
  readonly agree: boolean;
  /** Warnings Chromium raised (as DevTools issues) that CORS Lens did not. */
  readonly missingWarnings: readonly string[];
  readonly designedFor: string;
  readonly asDesigned: boolean;
  readonly issues: readonly CdpCorsIssue[];
  readonly lensCalls: number;
  readonly wire: readonly Exchange[];
  readonly ms: number;
}

const SETTLE_MS = 3_000;
/** How long a renderer-side rejection gets to show (or not) in DevTools and CORS Lens. */
const QUIET_MS = 400;

function wireRequest(server: DiffServer, scenario: Scenario, request: ClientRequest, tag?: string): WireRequest {
  const { target, closedPort, ...rest } = request;
  void target;
  void closedPort;
  return { ...rest, url: server.requestUrl(scenario, request, tag) };
}

/** Warnings Chromium raises as DevTools issues that CORS Lens should raise too. */
const MIRRORED_WARNINGS: ReadonlySet<string> = new Set(['AuthorizationCoveredByWildcard']);

export async function runScenario(bench: Bench, scenario: Scenario): Promise<ScenarioRow> {
  const started = Date.now();
  const { oracle, runner, page } = await bench.target(scenario.page);
  const notObservable = scenario.expect === 'not-observable';
  const deprecationsBefore = oracle.deprecations.length;
  const batch: Batch = {
    requests: scenario.requests.map((r) => wireRequest(bench.server, scenario, r)),
    parallel: scenario.parallel === true,
  };
  const results = await runner.evaluate(makeRequests, batch);
  await oracle.settle(scenario.id, null, notObservable ? 0 : scenario.requests.length, SETTLE_MS);
  if (notObservable) await new Promise((resolve) => setTimeout(resolve, QUIET_MS));
  const cdp = oracle.requestsFor(scenario.id);
  const preflights = await preflightStates(bench, scenario, runner, oracle, cdp);
  const calls = pairCalls(cdp, await lensCalls(bench, page, scenario.id, cdp.length));
  const lensWarnings = new Set<string>(calls.flatMap((c) => c?.warnings.map((w) => w.code) ?? []));
  const chromiumWarnings = oracle.deprecations.slice(deprecationsBefore).filter((w) => MIRRORED_WARNINGS.has(w));

  const rows = Math.max(scenario.requests.length, cdp.length);
  const requests: RequestRow[] = Array.from({ length: rows }, (_, index) => {
    const request = cdp[index];
    const call = calls[index];
    const chromium = chromiumVerdict(request, preflights[index] ?? 'none');
    const lens = lensVerdict(call);
    return {
      index,
      chromium: notObservable && request === undefined ? rendererVerdict(oracle.issuesFor(scenario.id), results[index]) : chromium,
      lens,
      diffs: notObservable ? [] : [...differences(chromium, lens), ...selfContradictions(call)],
      page: results[index] ?? { kind: 'error', status: 0, type: '', error: 'not run', header: null },
      cdp: request ?? null,
      call: call === undefined ? null : details(call),
    };
  });
  const lensTotal = calls.filter((c) => c !== undefined).length;
  const missingWarnings = chromiumWarnings.filter((w) => !lensWarnings.has(w));
  const agree = notObservable
    ? requests.every((r) => noWrongVerdict(r.chromium, calls.flatMap((c) => (c ? [lensVerdict(c)] : []))))
    : requests.every((r) => r.diffs.length === 0) && lensTotal === cdp.length && missingWarnings.length === 0;
  const first = requests[0];
  return {
    id: scenario.id,
    group: scenario.group,
    note: scenario.note,
    notObservable,
    requests,
    agree,
    missingWarnings,
    designedFor: scenario.designedFor,
    asDesigned: first !== undefined && asDesigned(scenario.designedFor, first),
    issues: oracle.issuesFor(scenario.id),
    lensCalls: lensTotal,
    wire: bench.server.exchanges(scenario.id),
    ms: Date.now() - started,
  };
}

/** Lines CORS Lens's calls up with Chromium's requests: same method first, then start order (the
 * order they were made in; parallel requests of one method keep the order they started in). */
function pairCalls(cdp: readonly CdpRequest[], calls: readonly ReportCall[]): (ReportCall | undefined)[] {
  const free = [...calls];
  const take = (pick: (c: ReportCall) => boolean): ReportCall | undefined => {
    const index = free.findIndex(pick);
    return index < 0 ? undefined : free.splice(index, 1)[0];
  };
  const paired = cdp.map((request) => take((c) => c.method === request.method));
  const rest = paired.map((call) => call ?? take(() => true));
  return [...rest, ...free];
}

/** Chromium's preflight state per request. No OPTIONS for a later request, after an earlier one
 * to the same URL, means either "cached" or "not needed"; a control request to a fresh URL tells. */
async function preflightStates(
  bench: Bench,
  scenario: Scenario,
  runner: Page | Frame,
  oracle: ChromiumOracle,
  cdp: readonly CdpRequest[],
): Promise<PreflightState[]> {
  const states: PreflightState[] = [];
  for (const [index, request] of cdp.entries()) {
    if (preflightSent(request)) {
      states.push('sent');
      continue;
    }
    // A request can reuse another's preflight result: a sequential one an earlier request's, a
    // parallel one any other's that finished before it was sent (seen: one OPTIONS for two
    // parallel PUTs). The control, at a fresh URL, tells whether it needed a preflight at all.
    const others = scenario.parallel ? cdp.filter((_, i) => i !== index) : cdp.slice(0, index);
    const reusable = others.some((r) => r.preflights.length > 0);
    const spec = scenario.requests[index];
    if (!reusable || spec === undefined) {
      states.push('none');
      continue;
    }
    const tag = `c${index}`;
    await runner.evaluate(makeRequests, { requests: [wireRequest(bench.server, scenario, spec, tag)], parallel: false });
    await oracle.settle(scenario.id, tag, 1, SETTLE_MS);
    const control = oracle.requestsFor(scenario.id, tag)[0];
    states.push(control !== undefined && preflightSent(control) ? 'cached' : 'none');
  }
  return states;
}

/** CORS Lens's calls for the scenario, once it recorded as many as Chromium saw and all ended. */
async function lensCalls(bench: Bench, page: Page, scenarioId: string, expected: number): Promise<ReportCall[]> {
  const deadline = Date.now() + SETTLE_MS;
  for (;;) {
    const report = await readCorsReport(bench.lens.context, { page, settleTimeout: SETTLE_MS });
    const calls = report.calls.filter((c) => matches(c.url, scenarioId)).sort((a, b) => a.startedAt - b.startedAt);
    const settled = calls.length >= expected && calls.every((c) => c.outcome !== 'pending');
    if (settled || Date.now() > deadline) return calls;
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}

/** What Chromium decided when the request never reached the network: its Issue, or a throw. */
function rendererVerdict(issues: readonly CdpCorsIssue[], result: PageResult | undefined): SideVerdict {
  const issue = issues.find((i) => !i.isWarning);
  if (issue !== undefined) return { ...ABSENT, outcome: 'blocked', code: issue.corsError, parameter: issue.failedParameter };
  if (result?.kind === 'error') return { ...ABSENT, outcome: 'rejected', networkError: result.error };
  return { ...ABSENT, outcome: 'allowed' };
}

/** For requests no webRequest observer can classify: CORS Lens may say nothing, but what it says
 * must not contradict Chromium. */
function noWrongVerdict(chromium: SideVerdict, calls: readonly SideVerdict[]): boolean {
  return calls.every((call) => {
    if (chromium.outcome === 'allowed') return call.outcome === 'allowed';
    return call.outcome !== 'allowed' && (call.code === null || call.code === chromium.code);
  });
}

export function asDesigned(designedFor: string, row: RequestRow): boolean {
  const c = row.chromium;
  if (designedFor === 'allowed') return c.outcome === 'allowed';
  if (designedFor === 'TypeError') return c.outcome === 'rejected';
  if (designedFor.startsWith('net::')) return c.code === null && c.networkError === designedFor;
  return c.code === designedFor;
}

export function details(call: ReportCall): LensCallDetails {
  return {
    explanation: call.explanation,
    redirects: call.redirects,
    preflight: call.preflight,
    status: call.status,
    credentials: call.credentials,
    warnings: call.warnings.map((w) => w.code),
    assumptions: call.assumptions,
  };
}
