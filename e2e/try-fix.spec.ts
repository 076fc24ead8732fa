// Try this fix, end to end: for every failure class response headers can fix, the panel's trial
// rule makes Chromium allow the call (its own CDP verdict agrees), only in that tab; what headers
// cannot fix is refused; rules go when removed, when DevTools or the tab closes, and on expiry.
import type { BrowserContext, CDPSession, Page } from '@playwright/test';
import { extensionWorker, type LaunchedBrowser } from '../src/playwright/launch';
import { findTabId, readCorsReport } from '../src/playwright/read-report';
import type { SeamsBuildGlobal } from '../src/background/seams-build-seam';
import { TRIAL_NOTE } from '../src/shared/trial/trial-mark';
import { PanelPage } from './pages/panel-page';
import { expect, SEAMS_EXTENSION_PATH, test } from './support/fixtures';
import { startTrialServer, type TrialServer } from './support/trial-server';

// The expiry test shortens the trial lifetime through a test seam.
test.use({ extensionPath: SEAMS_EXTENSION_PATH });

interface CdpRequest {
  readonly url: string;
  readonly method: string;
  corsError: string | null;
  errorText: string | null;
  finished: boolean;
}

/** Chromium's own verdict for every non-preflight request of a page, in order. */
async function cdpRequests(page: Page): Promise<{ list: CdpRequest[]; session: CDPSession }> {
  const session = await page.context().newCDPSession(page);
  const byId = new Map<string, CdpRequest>();
  const list: CdpRequest[] = [];
  session.on('Network.requestWillBeSent', (e: { requestId: string; request: { url: string; method: string }; initiator: { type: string } }) => {
    if (e.initiator.type === 'preflight' || byId.has(e.requestId)) return;
    const entry: CdpRequest = { url: e.request.url, method: e.request.method, corsError: null, errorText: null, finished: false };
    byId.set(e.requestId, entry);
    list.push(entry);
  });
  session.on('Network.loadingFailed', (e: { requestId: string; errorText: string; corsErrorStatus?: { corsError: string } }) => {
    const entry = byId.get(e.requestId);
    if (entry === undefined) return;
    entry.errorText = e.errorText;
    entry.corsError = e.corsErrorStatus?.corsError ?? null;
    entry.finished = true;
  });
  session.on('Network.loadingFinished', (e: { requestId: string }) => {
    const entry = byId.get(e.requestId);
    if (entry !== undefined) entry.finished = true;
  });
  await session.send('Network.enable');
  return { list, session };
}

/** Chromium's verdicts for `url`, oldest first: the CORS error code, or 'allowed'. */
async function verdictsFor(log: { list: CdpRequest[] }, url: string, count: number): Promise<string[]> {
  await expect.poll(() => log.list.filter((r) => r.url === url && r.finished).length).toBeGreaterThanOrEqual(count);
  return log.list.filter((r) => r.url === url && r.finished).map((r) => r.corsError ?? r.errorText ?? 'allowed');
}

function fetchFrom(page: Page, url: string, init: RequestInit): Promise<string> {
  return page.evaluate(
    async ([u, i]) => {
      try {
        await fetch(u, i);
        return 'ok';
      } catch {
        return 'blocked';
      }
    },
    [url, init] as const,
  );
}

async function sessionRuleTabs(lens: LaunchedBrowser): Promise<number[][]> {
  const worker = await extensionWorker(lens.context);
  return worker.evaluate(async () =>
    (await chrome.declarativeNetRequest.getSessionRules()).map((r) => r.condition.tabIds ?? []),
  );
}

async function openApp(context: BrowserContext, server: TrialServer, query = ''): Promise<Page> {
  const page = await context.newPage();
  await page.goto(`${server.appOrigin}/${query}`);
  return page;
}

let server: TrialServer;
test.beforeAll(async () => {
  server = await startTrialServer();
});
test.afterAll(async () => {
  await server.close();
});
test.afterEach(async ({ lens }) => {
  // Each test leaves no rule behind for the next (the browser is shared by the whole file).
  await expect.poll(() => sessionRuleTabs(lens), { timeout: 15_000 }).toEqual([]);
});

interface FixableCase {
  readonly path: string;
  readonly code: string;
  readonly init: RequestInit;
}

const FIXABLE: readonly FixableCase[] = [
  { path: '/missing-acao', code: 'MissingAllowOriginHeader', init: {} },
  { path: '/wrong-origin', code: 'AllowOriginMismatch', init: {} },
  { path: '/two-origins', code: 'MultipleAllowOriginValues', init: {} },
  { path: '/origin-without-scheme', code: 'InvalidAllowOriginValue', init: {} },
  { path: '/wildcard-credentials', code: 'WildcardOriginNotAllowed', init: { credentials: 'include' } },
  { path: '/no-allow-credentials', code: 'InvalidAllowCredentials', init: { credentials: 'include' } },
  { path: '/method-not-allowed', code: 'MethodDisallowedByPreflightResponse', init: { method: 'PUT' } },
  { path: '/header-not-allowed', code: 'HeaderDisallowedByPreflightResponse', init: { headers: { 'X-Token': 't' } } },
  { path: '/preflight-no-acao', code: 'PreflightMissingAllowOriginHeader', init: { method: 'PUT', headers: { 'Content-Type': 'application/json' } } },
  { path: '/preflight-wrong-origin', code: 'PreflightAllowOriginMismatch', init: { method: 'PUT' } },
  { path: '/preflight-two-origins', code: 'PreflightMultipleAllowOriginValues', init: { method: 'PUT' } },
  { path: '/preflight-origin-without-scheme', code: 'PreflightInvalidAllowOriginValue', init: { method: 'PUT' } },
  { path: '/preflight-no-allow-credentials', code: 'PreflightInvalidAllowCredentials', init: { method: 'PUT', credentials: 'include' } },
  { path: '/preflight-wildcard-credentials', code: 'PreflightWildcardOriginNotAllowed', init: { method: 'PUT', credentials: 'include' } },
  { path: '/bad-allow-methods', code: 'InvalidAllowMethodsPreflightResponse', init: { method: 'PUT' } },
  { path: '/bad-allow-headers', code: 'InvalidAllowHeadersPreflightResponse', init: { headers: { 'X-Token': 't' } } },
];

for (const c of FIXABLE) {
  test(`${c.code}: the trial makes Chromium allow it in this tab only, and Remove undoes it`, async ({ lens }) => {
    const url = `${server.apiOrigin}${c.path}?case=${c.code}`;
    const app = await openApp(lens.context, server);
    const other = await openApp(lens.context, server);
    const appLog = await cdpRequests(app);
    const otherLog = await cdpRequests(other);

    expect(await fetchFrom(app, url, c.init)).toBe('blocked');
    expect(await verdictsFor(appLog, url, 1)).toEqual([c.code]);

    const panel = await PanelPage.open(lens.context, lens.extensionId, app);
    await panel.rowFor(c.path).click();
    await expect(panel.whyBlocked()).toHaveAttribute('data-code', c.code);
    await panel.page.getByTestId('try-fix').click();
    // A call sent with credentials: the panel asks first (see the test on that below).
    if (c.init.credentials === 'include') await panel.page.getByTestId('try-fix-confirm').click();
    await expect(panel.page.getByTestId('trial-banner')).toBeVisible();
    await expect(panel.page.getByTestId('trial-rule')).toHaveCount(1);
    const tabId = await findTabId(lens.context, app);
    expect(await sessionRuleTabs(lens)).toEqual(expect.arrayContaining([[tabId]]));
    expect((await sessionRuleTabs(lens)).every((tabs) => tabs.length === 1 && tabs[0] === tabId)).toBe(true);

    // Re-send from the page; a method that may change data asks first.
    await panel.page.getByTestId('trial-reissue').click();
    if ((c.init.method ?? 'GET') !== 'GET') {
      await expect(panel.page.getByTestId('trial-confirm')).toBeVisible();
      await panel.page.getByTestId('trial-reissue-confirm').click();
    }
    await expect(panel.page.getByTestId('trial-outcome')).toHaveAttribute('data-outcome', 'allowed');
    await expect(panel.page.getByTestId('trial-original')).toHaveAttribute('data-code', c.code);
    expect(await verdictsFor(appLog, url, 2)).toEqual([c.code, 'allowed']);
    await expect(panel.page.getByTestId('fix-verified')).toBeVisible();
    await expect(panel.rowFor(c.path).and(panel.page.locator('[data-trial^="trial-"]'))).toHaveAttribute('data-outcome', 'allowed');
    await expect(panel.page.getByTestId('server-fix')).toHaveAttribute('data-verified', 'true');

    // The same request from another tab is untouched by the rule.
    expect(await fetchFrom(other, url, c.init)).toBe('blocked');
    expect(await verdictsFor(otherLog, url, 1)).toEqual([c.code]);

    // The trialled call is marked wherever it appears.
    const report = await readCorsReport(lens.context, { page: app });
    const trialled = report.calls.filter((call) => call.url === url && call.trial !== null);
    expect(trialled.map((call) => [call.outcome, call.trial?.note])).toEqual([['allowed', TRIAL_NOTE]]);
    expect(report.calls.filter((call) => call.url === url && call.trial === null).map((call) => call.outcome)).toEqual(['blocked']);

    if (c.code === 'HeaderDisallowedByPreflightResponse') {
      await panel.page.screenshot({ path: test.info().outputPath('try-fix-allowed.png'), fullPage: true });
    }
    await panel.page.getByTestId('remove-trial').click();
    await expect(panel.page.getByTestId('trial-banner')).toHaveCount(0);
    await expect.poll(() => sessionRuleTabs(lens)).toEqual([]);
    expect(await fetchFrom(app, url, c.init)).toBe('blocked');
    expect(await verdictsFor(appLog, url, 3)).toEqual([c.code, 'allowed', c.code]);
    await Promise.all([appLog.session.detach(), otherLog.session.detach()]);
    await panel.close();
    await Promise.all([app.close(), other.close()]);
  });
}

async function sessionRuleDomains(lens: LaunchedBrowser): Promise<(string[] | null)[]> {
  const worker = await extensionWorker(lens.context);
  return worker.evaluate(async () =>
    (await chrome.declarativeNetRequest.getSessionRules()).map((r) => r.condition.initiatorDomains ?? null),
  );
}

test('a call sent with credentials: the panel says what the rule lets the page read and asks first; the rule serves only the page\'s domain', async ({ lens }) => {
  const url = `${server.apiOrigin}/wildcard-credentials?case=credentials-warning`;
  const app = await openApp(lens.context, server);
  const log = await cdpRequests(app);
  expect(await fetchFrom(app, url, { credentials: 'include' })).toBe('blocked');
  expect(await verdictsFor(log, url, 1)).toEqual(['WildcardOriginNotAllowed']);

  const panel = await PanelPage.open(lens.context, lens.extensionId, app);
  await panel.rowFor('case=credentials-warning').click();
  await panel.page.getByTestId('try-fix').click();
  const warning = panel.page.getByTestId('trial-credentials-warning');
  await expect(warning).toContainText(
    `This call carried your cookies or other credentials to ${server.apiOrigin}. With this rule, ${server.appOrigin} will be able to read that response, sent with your cookies, for up to 10 minutes in this tab.`,
  );
  await panel.page.screenshot({ path: test.info().outputPath('try-fix-credentials-warning.png'), fullPage: true });
  // Nothing is applied until the user agrees.
  expect(await sessionRuleTabs(lens)).toEqual([]);
  await panel.page.getByTestId('try-fix-confirm').click();
  await expect(panel.page.getByTestId('trial-banner')).toBeVisible();
  expect(await sessionRuleDomains(lens)).toEqual([[new URL(server.appOrigin).hostname]]);
  expect(await fetchFrom(app, url, { credentials: 'include' })).toBe('ok');
  expect(await verdictsFor(log, url, 2)).toEqual(['WildcardOriginNotAllowed', 'allowed']);

  // Another site loaded in the same tab gets the server's own answer: had the rule touched it, its
  // Access-Control-Allow-Origin would name the app and Chromium would say AllowOriginMismatch.
  await app.goto(`${server.elsewhereOrigin}/`);
  expect(await fetchFrom(app, url, { credentials: 'include' })).toBe('blocked');
  expect(await verdictsFor(log, url, 3)).toEqual(['WildcardOriginNotAllowed', 'allowed', 'WildcardOriginNotAllowed']);

  await panel.page.getByTestId('remove-trial').click();
  await expect.poll(() => sessionRuleTabs(lens)).toEqual([]);
  await log.session.detach();
  await panel.close();
  await app.close();
});

test('a call sent with credentials from a sandboxed (Origin: null) page is refused, in the panel and by the worker', async ({ lens }) => {
  const url = `${server.apiOrigin}/wildcard-credentials?case=null-origin-credentials`;
  const app = await lens.context.newPage();
  const log = await cdpRequests(app);
  await app.goto(`${server.appOrigin}/sandboxed?call=${encodeURIComponent(url)}&credentials=include`);
  expect(await verdictsFor(log, url, 1)).toEqual(['WildcardOriginNotAllowed']);

  const panel = await PanelPage.open(lens.context, lens.extensionId, app);
  await panel.rowFor('case=null-origin-credentials').click();
  await expect(panel.whyBlocked()).toHaveAttribute('data-code', 'WildcardOriginNotAllowed');
  const refused = panel.page.getByTestId('trial-refused');
  await expect(refused).toHaveAttribute('data-code', 'credentialed-null-origin');
  await expect(refused).toContainText('would let every sandboxed or data: frame in this tab');
  await expect(panel.page.getByTestId('try-fix')).toHaveCount(0);
  await panel.page.screenshot({ path: test.info().outputPath('try-fix-null-origin-credentials.png'), fullPage: true });

  // The worker refuses it too, even when told the user agreed to the credentials warning.
  const tabId = await findTabId(lens.context, app);
  const outcome = await (await extensionWorker(lens.context)).evaluate(async ([tab, part]) => {
    const { corsLens } = globalThis as unknown as SeamsBuildGlobal;
    const call = (await corsLens.calls(tab)).find((c) => c.hops[0]?.url.includes(part));
    if (call === undefined) return 'call not captured';
    return corsLens.trials.start(tab, call.id, 'exact-url', true);
  }, [tabId, 'case=null-origin-credentials'] as const);
  expect(outcome).toMatchObject({ ok: false, reason: expect.stringContaining('every sandboxed or data: frame') });
  expect(await sessionRuleTabs(lens)).toEqual([]);
  await log.session.detach();
  await panel.close();
  await app.close();
});

test('a trial that exposes the next failing check says so, and Chromium agrees', async ({ lens }) => {
  // credentials: 'include' without a cookie: the first failure hides that credentials are on.
  const url = `${server.apiOrigin}/missing-acao?case=next-check`;
  const app = await lens.context.newPage();
  const log = await cdpRequests(app);
  await app.goto(`${server.appOrigin}/?call=${encodeURIComponent(url)}&credentials=include`);
  expect(await verdictsFor(log, url, 1)).toEqual(['MissingAllowOriginHeader']);

  const panel = await PanelPage.open(lens.context, lens.extensionId, app);
  await panel.rowFor('case=next-check').click();
  await panel.page.getByTestId('try-fix').click();
  await panel.page.getByTestId('trial-reload').click();
  const outcome = panel.page.getByTestId('trial-outcome');
  await expect(outcome).toHaveAttribute('data-outcome', 'blocked');
  await expect(outcome).toHaveAttribute('data-code', 'InvalidAllowCredentials');
  expect(await verdictsFor(log, url, 2)).toEqual(['MissingAllowOriginHeader', 'InvalidAllowCredentials']);
  await expect(panel.page.getByTestId('server-fix')).toHaveAttribute('data-verified', 'false');
  // The reload kept the original call beside its result by turning Preserve log on, and said so.
  await expect(panel.page.getByTestId('preserve-log')).toBeChecked();
  await expect(panel.page.getByTestId('trial-notice')).toContainText('Preserve log was turned on');
  await panel.page.screenshot({ path: test.info().outputPath('try-fix-next-check.png'), fullPage: true });
  await panel.page.getByTestId('trial-remove').click();
  await log.session.detach();
  await panel.close();
  await app.close();
});

test('fixes headers cannot make work are refused with the reason, and no rule is added', async ({ lens }) => {
  const app = await openApp(lens.context, server);
  const cases = [
    { path: '/preflight-500', refusal: 'preflight-status', text: /answered the preflight \(OPTIONS\) with 500/ },
    { path: '/preflight-redirect', refusal: 'preflight-redirect', text: /redirected the preflight/ },
  ];
  for (const c of cases) expect(await fetchFrom(app, `${server.apiOrigin}${c.path}`, { method: 'PUT' })).toBe('blocked');
  const panel = await PanelPage.open(lens.context, lens.extensionId, app);
  for (const c of cases) {
    await panel.rowFor(c.path).click();
    const refused = panel.page.getByTestId('trial-refused');
    await expect(refused).toHaveAttribute('data-code', c.refusal);
    await expect(refused).toContainText(c.text);
    await expect(panel.page.getByTestId('try-fix')).toHaveCount(0);
  }
  await panel.page.screenshot({ path: test.info().outputPath('try-fix-refused.png'), fullPage: true });
  expect(await sessionRuleTabs(lens)).toEqual([]);
  await panel.close();
  await app.close();
});

async function startTrialFromPanel(lens: LaunchedBrowser, app: Page, path: string): Promise<PanelPage> {
  expect(await fetchFrom(app, `${server.apiOrigin}${path}`, {})).toBe('blocked');
  const panel = await PanelPage.open(lens.context, lens.extensionId, app);
  await panel.rowFor(path).click();
  await panel.page.getByTestId('try-fix').click();
  await expect(panel.page.getByTestId('trial-banner')).toBeVisible();
  expect(await sessionRuleTabs(lens)).toHaveLength(1);
  return panel;
}

test('rules go when DevTools (the panel) closes, and when the tab closes', async ({ lens }) => {
  const app = await openApp(lens.context, server);
  const panel = await startTrialFromPanel(lens, app, '/missing-acao?case=devtools-closed');
  await panel.close();
  await expect.poll(() => sessionRuleTabs(lens), { timeout: 15_000 }).toEqual([]);

  const reopened = await startTrialFromPanel(lens, app, '/missing-acao?case=tab-closed');
  await app.close();
  await expect.poll(() => sessionRuleTabs(lens), { timeout: 5_000 }).toEqual([]);
  await reopened.close();
});

async function stopWorker(page: Page): Promise<void> {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('ServiceWorker.enable');
  await cdp.send('ServiceWorker.stopAllWorkers');
  await cdp.detach();
}

test('a worker restart keeps the rules (panels reconnect); the expiry removes them even after the worker stopped', async ({ lens }) => {
  // Test-only seam: a 12 s lifetime instead of 10 minutes.
  await (await extensionWorker(lens.context)).evaluate(() =>
    (globalThis as unknown as SeamsBuildGlobal).corsLens.trials.setLifetimeMs(12_000),
  );
  const app = await openApp(lens.context, server);
  const panel = await startTrialFromPanel(lens, app, '/missing-acao?case=expiry');
  const started = Date.now();
  await stopWorker(app);
  // The panel reconnects to the restarted worker well within the grace period: the rule stays.
  await panel.page.waitForTimeout(7_000);
  expect(await sessionRuleTabs(lens)).toHaveLength(1);
  await expect(panel.page.getByTestId('trial-banner')).toBeVisible();
  // Stop it again so no in-memory timer survives: only the alarm can end the trial now.
  await stopWorker(app);
  await expect.poll(() => sessionRuleTabs(lens), { timeout: 45_000, intervals: [1_000] }).toEqual([]);
  test.info().annotations.push({ type: 'expired after', description: `${Date.now() - started} ms (lifetime 12000 ms)` });
  await expect(panel.page.getByTestId('trial-banner')).toHaveCount(0);
  await expect(panel.page.getByTestId('trial')).toHaveAttribute('data-active', 'false');
  await (await extensionWorker(lens.context)).evaluate(() =>
    (globalThis as unknown as SeamsBuildGlobal).corsLens.trials.setLifetimeMs(null),
  );
  await panel.close();
  await app.close();
});

test('a worker start re-arms the expiry of a trial whose alarm was lost', async ({ lens }) => {
  await (await extensionWorker(lens.context)).evaluate(() =>
    (globalThis as unknown as SeamsBuildGlobal).corsLens.trials.setLifetimeMs(12_000),
  );
  const app = await openApp(lens.context, server);
  const panel = await startTrialFromPanel(lens, app, '/missing-acao?case=rearm');
  const trialAlarms = async () =>
    (await extensionWorker(lens.context)).evaluate(async () =>
      (await chrome.alarms.getAll()).filter((a) => a.name.startsWith('cors-lens-trial:')).map((a) => [a.name, a.scheduledTime]),
    );
  // As if the worker had stopped between adding the rule and creating its alarm.
  const [trial] = await (await extensionWorker(lens.context)).evaluate(async () => {
    await chrome.alarms.clearAll();
    return (globalThis as unknown as SeamsBuildGlobal).corsLens.trials.list();
  });
  expect(await trialAlarms()).toEqual([]);
  await stopWorker(app);
  // The panel's reconnect wakes the worker; its start arms the trial's expiry again.
  await expect.poll(trialAlarms).toEqual([[`cors-lens-trial:${trial?.id}`, trial?.expiresAt]]);
  // And the re-armed expiry ends the trial.
  await expect.poll(() => sessionRuleTabs(lens), { timeout: 45_000, intervals: [1_000] }).toEqual([]);
  await expect(panel.page.getByTestId('trial')).toHaveAttribute('data-active', 'false');
  await (await extensionWorker(lens.context)).evaluate(() =>
    (globalThis as unknown as SeamsBuildGlobal).corsLens.trials.setLifetimeMs(null),
  );
  await panel.close();
  await app.close();
});
