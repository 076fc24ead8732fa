// The Export menu: Markdown and HAR downloads of real calls, with credentials redacted by default.
import { readFile } from 'node:fs/promises';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Page } from '@playwright/test';
import { readObservedCalls } from '../src/playwright/read-report';
import { expect, test } from './support/fixtures';
import { PanelPage } from './pages/panel-page';
import { copiedTexts, recordClipboard } from './support/clipboard';

type RunCase = { runCase(id: string): Promise<string> };

interface HarFile {
  log: {
    version: string;
    entries: {
      request: { method: string; url: string; headers: { name: string; value: string }[] };
      response: { headers: { name: string; value: string }[] };
      _corsLens: { role: string; corsError: { code: string } | null };
    }[];
  };
}

/** The control of a masking test: the browser sent and received every one of `secrets` (capture
 * has them), and *Keep secret values*, the one opt-in, keeps them in the HAR. Leaves the menu closed. */
async function expectKeptWhenAsked(panel: PanelPage, secrets: readonly string[]): Promise<void> {
  await panel.page.getByTestId('keep-credentials').check();
  const kept = await download(panel, 'har');
  for (const secret of secrets) expect(kept, `kept HAR holds ${secret}`).toContain(secret);
  await panel.page.getByTestId('keep-credentials').uncheck();
  await panel.page.getByTestId('export-menu-toggle').click();
}

/** What Copy as curl hands the clipboard, for each step of the first listed call. */
async function copiedCurlCommands(panel: PanelPage): Promise<string[]> {
  await recordClipboard(panel.page);
  await panel.rows().first().click();
  for (const button of await panel.page.getByTestId('copy-curl').all()) await button.click();
  return copiedTexts(panel.page);
}

async function download(panel: PanelPage, format: 'markdown' | 'json' | 'har'): Promise<string> {
  await panel.page.getByTestId('export-format').selectOption(format);
  const [file] = await Promise.all([panel.page.waitForEvent('download'), panel.page.getByTestId('export-download').click()]);
  const path = await file.path();
  return readFile(path, 'utf8');
}

async function fetchWithToken(app: Page, url: string): Promise<void> {
  await app.evaluate(async (target) => {
    await fetch(target, { headers: { Authorization: 'Bearer secret-token' } });
  }, url);
}

test('exports Markdown and HAR with the code, a diagram, and redacted credentials', async ({ lens, playground }) => {
  const app = await lens.context.newPage();
  await app.goto(`${playground.appOrigin}/`);
  await app.evaluate(() => (window as unknown as RunCase).runCase('no-acao'));
  // Allowed after a preflight, so the Authorization header really goes on the wire.
  await fetchWithToken(app, `${playground.apiOrigin}/json/ok?with=token`);
  const panel = await PanelPage.open(lens.context, lens.extensionId, app);
  await expect(panel.rows()).toHaveCount(2);
  await expect(panel.rowFor('case=no-acao')).toHaveAttribute('data-code', 'MissingAllowOriginHeader');

  await panel.page.getByTestId('export-menu-toggle').click();
  await expect(panel.page.getByTestId('keep-credentials')).not.toBeChecked();
  await panel.page.getByTestId('export-scope').selectOption('all');

  const markdown = await download(panel, 'markdown');
  expect(markdown).toContain('`MissingAllowOriginHeader`');
  expect(markdown).toMatch(/```mermaid\nsequenceDiagram\n/);
  expect(markdown).not.toContain('secret-token');

  const har = JSON.parse(await download(panel, 'har')) as HarFile;
  expect(har.log.version).toBe('1.2');
  expect(har.log.entries.some((e) => e._corsLens.corsError?.code === 'MissingAllowOriginHeader')).toBe(true);
  const withToken = har.log.entries.filter((e) => e.request.url.includes('with=token') && e._corsLens.role === 'actual');
  expect(withToken).toHaveLength(1);
  const auth = withToken[0]?.request.headers.find((h) => h.name.toLowerCase() === 'authorization');
  expect(auth?.value).toBe('<redacted>');
  expect(JSON.stringify(har)).not.toContain('secret-token');

  // Capture kept only the marker (Record credential values is off), so that is all an export can keep.
  await panel.page.getByTestId('keep-credentials').check();
  expect(await download(panel, 'har')).toContain(`<not recorded: ${'Bearer secret-token'.length} characters>`);
  await panel.page.getByTestId('record-credentials').check();
  // The worker hears of the setting through storage.onChanged: call until a call was captured with it.
  await expect
    .poll(async () => {
      await fetchWithToken(app, `${playground.apiOrigin}/json/ok?with=recorded`);
      return JSON.stringify(await readObservedCalls(lens.context, { page: app }));
    })
    .toContain('Bearer secret-token');
  expect(await download(panel, 'har')).toContain('Bearer secret-token');
  await panel.page.getByTestId('record-credentials').uncheck();

  await panel.close();
  await app.close();
});

test('every export and Copy as curl mask the wider secret list and the names the user adds, which persist', async ({ lens, playground }) => {
  const app = await lens.context.newPage();
  await app.goto(`${playground.appOrigin}/blank`);
  await app.evaluate(async (url) => {
    await fetch(url, { headers: { 'X-Api-Key': 'k-secret-123', 'X-CSRF-Token': 'csrf-secret', 'X-Tenant': 'acme-tenant' } });
  }, `${playground.apiOrigin}/json/ok?access_token=url-t0k3n&page=2`);
  const secrets = ['k-secret-123', 'csrf-secret', 'acme-tenant', 'url-t0k3n'];
  let panel = await PanelPage.open(lens.context, lens.extensionId, app);
  await expect(panel.rows()).toHaveCount(1);
  await panel.page.getByTestId('export-menu-toggle').click();
  await panel.page.getByTestId('redact-names').fill('X-Tenant');
  // The setting outlives the panel.
  await panel.close();
  panel = await PanelPage.open(lens.context, lens.extensionId, app);
  await panel.page.getByTestId('export-menu-toggle').click();
  await expect(panel.page.getByTestId('redact-names')).toHaveValue('X-Tenant');
  await panel.page.getByTestId('export-scope').selectOption('all');

  for (const format of ['markdown', 'json', 'har'] as const) {
    const text = await download(panel, format);
    for (const secret of secrets) expect(text, `${format} holds ${secret}`).not.toContain(secret);
    expect(text).toMatch(/access\\?_token=redacted/);
  }
  await expectKeptWhenAsked(panel, secrets);

  const commands = await copiedCurlCommands(panel);
  expect(commands).toHaveLength(2);
  for (const command of commands) {
    expect(command).toMatch(/^curl \\\n {2}-g \\\n/);
    for (const secret of secrets) expect(command).not.toContain(secret);
  }
  expect(commands.find((c) => c.includes("'GET'"))).toContain("-H 'X-Api-Key: <redacted>'");

  await panel.close();
  await app.close();
});

test('"JSON, all calls" masks URL secrets and the names the user adds, like every other export', async ({ lens, playground }) => {
  const app = await lens.context.newPage();
  await app.goto(`${playground.appOrigin}/blank`);
  await app.evaluate(async (url) => {
    await fetch(url);
  }, `${playground.apiOrigin}/json/ok?access_token=url-t0k3n&tenant=acme-tenant&page=2`);
  const panel = await PanelPage.open(lens.context, lens.extensionId, app);
  await expect(panel.rows()).toHaveCount(1);
  await panel.page.getByTestId('export-menu-toggle').click();
  await panel.page.getByTestId('redact-names').fill('tenant');
  const jsonAllCalls = async (): Promise<string> => {
    const [file] = await Promise.all([panel.page.waitForEvent('download'), panel.page.getByTestId('export-json').click()]);
    expect(file.suggestedFilename()).toBe('cors-lens-report.json');
    return readFile(await file.path(), 'utf8');
  };

  const text = await jsonAllCalls();
  expect(JSON.parse(text)).toMatchObject({ format: 'cors-lens/report' });
  expect(text).not.toContain('url-t0k3n');
  expect(text).not.toContain('acme-tenant');
  expect(text).toContain('access_token=redacted&tenant=redacted&page=2');
  // Control: the values were captured, and the one opt-in keeps them here too.
  await panel.page.getByTestId('keep-credentials').check();
  expect(await jsonAllCalls()).toContain('access_token=url-t0k3n&tenant=acme-tenant');
  await panel.page.getByTestId('keep-credentials').uncheck();

  await panel.close();
  await app.close();
});

/** An API on loopback that allows the page, any request headers, and answers with a Link and a
 * Refresh header whose URLs carry tokens of their own. */
async function startSessionApi(): Promise<{ origin: string; close(): Promise<void> }> {
  const server = createServer((req, res) => {
    res.setHeader('Access-Control-Allow-Origin', req.headers.origin ?? '*');
    if (req.method === 'OPTIONS') {
      res.setHeader('Access-Control-Allow-Headers', req.headers['access-control-request-headers'] ?? '');
      res.writeHead(204).end();
      return;
    }
    res.setHeader('Link', `<http://sessions.test:${(server.address() as AddressInfo).port}/v1/me?page=2&access_token=wire-link>; rel="next"`);
    res.setHeader('Refresh', '30; url=/login?token=wire-refresh');
    res.writeHead(200, { 'Content-Type': 'application/json' }).end('{}');
  });
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  return {
    origin: `http://sessions.test:${(server.address() as AddressInfo).port}`,
    close: () => new Promise<void>((done) => server.close(() => done())),
  };
}

test('HAR export and Copy as curl mask the secret names real apps use, and the verdict stays', async ({ lens, playground }) => {
  const api = await startSessionApi();
  const app = await lens.context.newPage();
  await app.goto(`${playground.appOrigin}/blank`);
  const path = '/v1/me;jsessionid=wire-js?accessToken=wire-at&sid=wire-sid&token%5B%5D=wire-tk&refreshToken=wire-rt&jwt=wire-jwt&pwd=wire-pwd';
  await app.evaluate(async (url) => {
    const headers = {
      'X-CSRFToken': 'wire-h1',
      Authentication: 'wire-h2',
      'X-Session': 'wire-h3',
      'X-Session-Id': 'wire-h4',
      'X-Auth': 'wire-h5',
      DPoP: 'wire-h6',
    };
    await fetch(url, { headers });
  }, `${api.origin}${path}`);
  const secrets = ['wire-js', 'wire-at', 'wire-sid', 'wire-tk', 'wire-rt', 'wire-jwt', 'wire-pwd', 'wire-h', 'wire-link', 'wire-refresh'];
  const panel = await PanelPage.open(lens.context, lens.extensionId, app);
  await expect(panel.rows()).toHaveCount(1);
  await panel.page.getByTestId('export-menu-toggle').click();
  await panel.page.getByTestId('redact-names').fill('');
  await panel.page.getByTestId('export-scope').selectOption('all');

  const text = await download(panel, 'har');
  for (const secret of secrets) expect(text, `HAR holds ${secret}`).not.toContain(secret);
  const har = JSON.parse(text) as HarFile;
  const actual = har.log.entries.find((e) => e._corsLens.role === 'actual');
  expect(actual?._corsLens.corsError).toBeNull();
  expect(actual?.request.url).toBe(
    `${api.origin}/v1/me;jsessionid=redacted?accessToken=redacted&sid=redacted&token%5B%5D=redacted&refreshToken=redacted&jwt=redacted&pwd=redacted`,
  );
  const sent = new Map(actual?.request.headers.map((h) => [h.name.toLowerCase(), h.value]));
  for (const name of ['x-csrftoken', 'authentication', 'x-session', 'x-session-id', 'x-auth', 'dpop']) expect(sent.get(name), name).toBe('<redacted>');
  expect(sent.get('accept')).toBe('*/*');
  expect(sent.get('origin')).toBe(playground.appOrigin);
  const got = new Map(har.log.entries.at(-1)?.response.headers.map((h) => [h.name.toLowerCase(), h.value]));
  expect(got.get('link')).toBe(`<${api.origin}/v1/me?page=2&access_token=redacted>; rel="next"`);
  expect(got.get('refresh')).toBe('30; url=/login?token=redacted');
  await expectKeptWhenAsked(panel, secrets);

  const commands = await copiedCurlCommands(panel);
  expect(commands).toHaveLength(2);
  for (const command of commands) for (const secret of secrets) expect(command, `curl holds ${secret}`).not.toContain(secret);
  expect(commands.find((c) => c.includes("'GET'"))).toContain("-H 'DPoP: <redacted>'");

  await panel.close();
  await app.close();
  await api.close();
});
