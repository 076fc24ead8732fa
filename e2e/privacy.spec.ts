// CORS Lens keeps what it captures to itself: a web page cannot reach the worker or its data, and
// the extension sends nothing anywhere.
import { test as base, expect, type BrowserContext, type Page, type Request } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { startPlayground, type Playground } from '../playground/servers';
import { launchWithCorsLens, type LaunchedBrowser } from '../src/playwright/launch';
import { corsLensFor } from '../src/playwright/lens';
import type { KitSeam } from '../src/shared/kit-seam';
import { findTabId, readCorsReport } from '../src/playwright/read-report';
import { PanelPage } from './pages/panel-page';
import { AUTHORIZATION_VALUE, COOKIE_VALUE, startCookieSite } from './support/cookie-site';
import { EXTENSION_PATH, TEST_HOSTS } from './support/fixtures';

let playground: Playground;
let lens: LaunchedBrowser;

base.beforeAll(async () => {
  playground = await startPlayground();
  // A browser of its own, so every request it ever makes is seen by this file's recorder.
  lens = await launchWithCorsLens({ extensionPath: EXTENSION_PATH, hostResolverRules: TEST_HOSTS });
});

base.afterAll(async () => {
  await lens.close();
  await playground.close();
});

base('a web page cannot reach the worker or its data', async () => {
  const manifest = JSON.parse(readFileSync(resolve(EXTENSION_PATH, 'manifest.json'), 'utf8')) as Record<string, unknown>;
  expect(manifest['externally_connectable']).toBeUndefined();
  const page = await lens.context.newPage();
  await page.goto(`${playground.appOrigin}/`);
  await page.evaluate(() => (window as unknown as { runCase(id: string): Promise<string> }).runCase('no-acao'));
  // Without externally_connectable, Chrome gives web pages no way to message an extension.
  const reach = await page.evaluate((id) => {
    const runtime = (globalThis as { chrome?: { runtime?: { connect?: (id: string, info: object) => unknown } } }).chrome?.runtime;
    if (typeof runtime?.connect !== 'function') return 'no runtime.connect';
    try {
      runtime.connect(id, { name: 'panel:1' });
      return 'connected';
    } catch (error) {
      return `refused: ${String(error)}`;
    }
  }, lens.extensionId);
  expect(reach).not.toBe('connected');
  // Nor can it load the panel and read it: the extension exposes no web-accessible resources.
  const panelUrl = `chrome-extension://${lens.extensionId}/src/panel/panel.html?tabId=${await findTabId(lens.context, page)}`;
  const framed = await page.evaluate(async (url) => {
    try {
      const response = await fetch(url);
      return `read ${(await response.text()).length} chars`;
    } catch (error) {
      return `refused: ${String(error)}`;
    }
  }, panelUrl);
  expect(framed).toMatch(/^refused/);
  await page.close();
});

/** Every request a page or worker of the extension makes, as Playwright sees it on the wire. */
function recordExtensionRequests(context: BrowserContext, extensionId: string): string[] {
  const own = `chrome-extension://${extensionId}/`;
  const sent: string[] = [];
  context.on('request', (request: Request) => {
    const url = request.url();
    // Its own files, and blobs and data it made itself, never leave the browser.
    if (url.startsWith(own) || /^(blob|data):/.test(url)) return;
    const from = request.serviceWorker()?.url() ?? frameUrl(request);
    if (from.startsWith(own)) sent.push(`${url} (from ${from})`);
  });
  return sent;
}

function frameUrl(request: Request): string {
  try {
    return request.frame().page().url();
  } catch {
    return '';
  }
}

base('the extension sends nothing anywhere during a whole session', async () => {
  const sent = recordExtensionRequests(lens.context, lens.extensionId);
  const page = await lens.context.newPage();
  await page.goto(`${playground.appOrigin}/`);
  const cases = await page.locator('[data-case]').evaluateAll((buttons) => buttons.map((b) => b.getAttribute('data-case') ?? ''));
  for (const id of cases) await page.evaluate((c) => (window as unknown as { runCase(id: string): Promise<string> }).runCase(c), id);
  // The panel, its detail and why-blocked views, and an export: everything a user would touch.
  const panel = await lens.context.newPage();
  await panel.goto(`chrome-extension://${lens.extensionId}/src/panel/panel.html?tabId=${await findTabId(lens.context, page)}`);
  await expect(panel.getByTestId('cors-call')).toHaveCount(cases.length);
  for (const row of (await panel.getByTestId('cors-call').all()).slice(0, 5)) await row.click();
  await panel.getByTestId('export-menu-toggle').click();
  await panel.getByTestId('export-download').click();
  await page.reload();
  await new Promise((resolve) => setTimeout(resolve, 1_000));
  expect(sent).toEqual([]);

  // Controls: the same recorder catches a request from the worker and a beacon from the panel.
  await lens.serviceWorker.evaluate((url) => fetch(url).catch(() => undefined), `${playground.apiOrigin}/simple/allowed?leak=worker`);
  await panel.evaluate((url) => navigator.sendBeacon(url, 'x'), `${playground.apiOrigin}/simple/allowed?leak=panel`);
  await expect.poll(() => sent.map((line) => /leak=(\w+)/.exec(line)?.[1]).sort()).toEqual(['panel', 'worker']);
  await panel.close();
  await page.close();
});

/** Everything the worker holds in storage.session, as text. */
async function storedText(): Promise<string> {
  return lens.serviceWorker.evaluate(async () => JSON.stringify(await chrome.storage.session.get(null)));
}

base('credential values are not stored unless the user turns on "Record credential values"; the verdict is the same', async () => {
  const site = await startCookieSite();
  const page = await lens.context.newPage();
  await page.goto(`${site.appOrigin}/`);
  const call = (path: string) =>
    page.evaluate(
      async ([url, auth]) => (await fetch(url, { credentials: 'include', headers: { Authorization: auth } })).status,
      [`${site.apiOrigin}${path}`, AUTHORIZATION_VALUE] as const,
    );
  expect(await call('/default')).toBe(200);
  const panel = await PanelPage.open(lens.context, lens.extensionId, page);
  await expect(panel.rowFor('/default')).toHaveAttribute('data-outcome', 'allowed');

  // Off by default: storage holds that the headers were sent and their length, never the values.
  const stored = await storedText();
  expect(stored).toContain(`<not recorded: ${COOKIE_VALUE.length} characters>`);
  expect(stored).toContain(`<not recorded: ${AUTHORIZATION_VALUE.length} characters>`);
  expect(stored).not.toContain('s3cr3t');
  expect(stored).not.toContain('t0ken');
  const report = await readCorsReport(lens.context, { page });
  const byDefault = report.calls.find((c) => c.url.endsWith('/default'));
  expect(byDefault?.outcome).toBe('allowed');
  expect(byDefault?.credentials).toBe('include');

  // The user turns it on in the panel: the setting outlasts the panel, and new calls keep values.
  await expect(panel.page.getByTestId('record-credentials')).not.toBeChecked();
  await panel.page.getByTestId('record-credentials').check();
  await panel.page.reload();
  await expect(panel.page.getByTestId('record-credentials')).toBeChecked();
  await expect.poll(async () => {
    await call('/recorded');
    return storedText();
  }).toContain(COOKIE_VALUE);
  expect(await storedText()).toContain(AUTHORIZATION_VALUE);
  const recorded = (await readCorsReport(lens.context, { page })).calls.find((c) => c.url.endsWith('/recorded'));
  expect([recorded?.outcome, recorded?.credentials]).toEqual([byDefault?.outcome, byDefault?.credentials]);

  await panel.page.getByTestId('record-credentials').uncheck();
  await expect.poll(() => lens.serviceWorker.evaluate(async () => (await chrome.storage.session.get('recordCredentialValues'))['recordCredentialValues'])).toBe(false);
  await panel.close();
  await page.close();
  await site.close();
});

/** The Cookie header CORS Lens kept for the newest call to `path`, once it is captured. */
async function keptCookie(browser: LaunchedBrowser, page: Page, path: string): Promise<string | null> {
  const tabId = await findTabId(browser.context, page);
  return browser.serviceWorker.evaluate(
    async ([tab, p]) => {
      const { corsLens } = globalThis as unknown as { corsLens: KitSeam };
      const call = (await corsLens.calls(tab)).findLast((c) => c.hops[0]?.url.endsWith(p));
      return call?.hops[0]?.requestHeaders?.find((h) => h.name.toLowerCase() === 'cookie')?.value ?? null;
    },
    [tabId, path] as const,
  );
}

base('"Record credential values" lasts for the browser session only: the same profile started again has it off', async () => {
  const site = await startCookieSite();
  const profile = await mkdtemp(join(tmpdir(), 'cors-lens-restart-'));
  const launch = () => launchWithCorsLens({ extensionPath: EXTENSION_PATH, hostResolverRules: TEST_HOSTS, userDataDir: profile });
  const openSite = async (browser: LaunchedBrowser) => {
    const page = await browser.context.newPage();
    await page.goto(`${site.appOrigin}/`);
    const call = (path: string) => page.evaluate(async (url) => (await fetch(url, { credentials: 'include' })).status, `${site.apiOrigin}${path}`);
    return { page, call, panel: await PanelPage.open(browser.context, browser.extensionId, page) };
  };
  try {
    const first = await launch();
    const before = await openSite(first);
    await expect(before.panel.page.getByTestId('record-credentials-lifetime')).toHaveText('(until the browser closes)');
    await before.panel.page.getByTestId('record-credentials').check();
    await before.panel.page.screenshot({ path: base.info().outputPath('record-credentials-session.png') });
    await expect.poll(async () => {
      await before.call('/before-restart');
      return keptCookie(first, before.page, '/before-restart');
    }).toBe(COOKIE_VALUE);
    await first.close();

    const second = await launch();
    const after = await openSite(second);
    expect(await after.call('/after-restart')).toBe(200);
    await expect.poll(() => keptCookie(second, after.page, '/after-restart')).toBe(`<not recorded: ${COOKIE_VALUE.length} characters>`);
    await expect(after.panel.page.getByTestId('record-credentials')).not.toBeChecked();
    // Nothing of the choice is left on disk either.
    expect(await second.serviceWorker.evaluate(async () => chrome.storage.local.get('recordCredentialValues'))).toEqual({});
    await second.close();
  } finally {
    await rm(profile, { recursive: true, force: true });
    await site.close();
  }
});

base('the kit masks secrets in its reports unless the test opts in', async () => {
  const page = await lens.context.newPage();
  await page.goto(`${playground.appOrigin}/blank`);
  await page.evaluate(async (url) => {
    await fetch(url, { headers: { Authorization: 'Bearer kit-secret', 'X-Auth-Token': 'kit-token' } });
  }, `${playground.apiOrigin}/json/ok?code=kit-oauth-code`);
  const secrets = ['kit-secret', 'kit-token', 'kit-oauth-code'];
  await expect.poll(async () => (await readCorsReport(lens.context, { page })).calls.length).toBe(1);
  // What corsLens.report() and the report attached to a failed test are built with.
  const masked = JSON.stringify(await corsLensFor(lens.context, page).report());
  for (const secret of secrets) expect(masked).not.toContain(secret);
  expect(masked).toContain('code=redacted');
  const kept = JSON.stringify(await corsLensFor(lens.context, page, { keepSecrets: true }).report());
  expect(kept).toContain('kit-oauth-code');
  await page.close();
});
