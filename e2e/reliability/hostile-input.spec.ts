// Responses a hostile or broken server sends: the worker takes them in without an error, and the
// panel shows every value as inert text, says what the capture cut, and lets the user see the rest.
import type { Locator, Page } from '@playwright/test';
import { execFile, execFileSync } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { CorsReport } from '../../src/shared/report';
import { codeSpan } from '../../src/shared/report-markdown';
import { readObservedCalls } from '../../src/playwright/read-report';
import { MAX_URL_LENGTH, parseCutValue } from '../../src/shared/header-cap';
import { printable } from '../../src/shared/printable';
import { RAW_UNPRINTABLE } from '../../src/shared/unprintable-test-values';
import { expect as corsLensExpect } from '../../src/playwright/matchers';
import { PanelPage } from '../pages/panel-page';
import { copiedTexts, recordClipboard } from '../support/clipboard';
import { expect, test } from '../support/fixtures';
import {
  backtickPayload,
  HOSTILE_CASES,
  HUGE_HEADER_LENGTH,
  MANY_ACCESS_CONTROL,
  MANY_HEADERS,
  markupPayload,
  startHostileServer,
  UNPRINTABLE_ALLOW_ORIGIN,
  type HostileServer,
} from '../support/hostile-server';
import { attachToExtensionWorker, type WorkerCdp } from '../support/worker-cdp';

const BIN = resolve(import.meta.dirname, '../../bin/cors-lens.mjs');
const LONG_URL_LENGTH = 100 * 1024;
/** Just under Chromium's longest URL (2 MiB, url::kMaxURLChars). */
const HUGE_URL_LENGTH = 2 * 1024 * 1024 - 200;
const HUGE_NAME = `x-${'n'.repeat(1024 * 1024)}`;
/** Ordinary calls made before and after the hostile ones: none of them may be dropped. */
const CANARIES = ['canary-before', 'canary-after'] as const;

let hostile: HostileServer;
let workerCdp: WorkerCdp;
let app: Page;
let panel: PanelPage;

test.beforeAll(async ({ lens, playground }) => {
  hostile = await startHostileServer();
  await lens.serviceWorker.evaluate(() => true);
  workerCdp = await attachToExtensionWorker(lens.context);
  // Only what this spec causes counts: Runtime.enable replays the worker's earlier console.
  workerCdp.errors.length = 0;
  app = await lens.context.newPage();
  await app.goto(`${playground.appOrigin}/blank`);
  const urls = HOSTILE_CASES.map((c) => {
    const base = `${hostile.origin}/${c}?case=${c}`;
    if (c === 'long-url') return `${base}&q=${'x'.repeat(LONG_URL_LENGTH)}`;
    if (c === 'huge-url') return `${base}&q=${'x'.repeat(HUGE_URL_LENGTH - base.length - 3)}`;
    // Markup in the URL as well; the URL parser percent-encodes <, > and ", the rest stays.
    if (c === 'markup') return `${base}&m=${encodeURIComponent("'onmouseover='alert(1)'")}${markupPayload(hostile.origin, 'url')}`;
    return base;
  });
  const canary = (name: string) => `${hostile.origin}/${name}?case=${name}`;
  await app.evaluate((u) => fetch(u).then((r) => r.text()), canary('canary-before'));
  await app.evaluate(
    ({ list, hugeName }) =>
      Promise.allSettled(
        list.map((u) => fetch(u, u.includes('case=huge-name') ? { headers: { [hugeName]: 'v' } } : {}).then((r) => r.text())),
      ),
    { list: urls, hugeName: HUGE_NAME },
  );
  await app.evaluate((u) => fetch(u).then((r) => r.text()), canary('canary-after'));
  panel = await PanelPage.open(lens.context, lens.extensionId, app);
});

test.afterAll(async () => {
  await panel.close();
  await app.close();
  await workerCdp.detach();
  await hostile.close();
});

test('the worker takes in every hostile response without an error', async ({ lens }) => {
  const calls = await readObservedCalls(lens.context, { page: app, settleTimeout: 5_000 });
  const cases = calls.map((c) => new URL(c.hops[0]?.url ?? 'x:').searchParams.get('case'));
  expect(cases.sort()).toEqual([...HOSTILE_CASES, ...CANARIES].sort());
  // Only markup (no Access-Control-Allow-Origin), backticks and the unprintable ones (a wrong one)
  // are blocked, which ends them in an error.
  const states = Object.fromEntries(calls.map((c) => [new URL(c.hops[0]?.url ?? 'x:').searchParams.get('case') ?? '', c.state] as const));
  expect(states).toEqual({
    ...Object.fromEntries([...HOSTILE_CASES, ...CANARIES].map((c) => [c, 'completed'] as const)),
    markup: 'errored',
    backticks: 'errored',
    ...Object.fromEntries(Object.keys(UNPRINTABLE_ALLOW_ORIGIN).map((c) => [c, 'errored'] as const)),
  });
  expect(workerCdp.errors).toEqual([]);
  // Control: an error thrown in the worker does reach the same list.
  await lens.serviceWorker.evaluate(() => {
    setTimeout(() => {
      throw new Error('hostile-input control');
    }, 0);
  });
  await expect.poll(() => workerCdp.errors.join('\n')).toContain('hostile-input control');
});

test('a header value or URL carrying markup renders as text and never runs', async () => {
  const row = panel.rowFor('case=markup');
  await expect(row).toHaveAttribute('data-outcome', 'blocked');
  await row.click();
  await expect(panel.whyBlocked()).toBeVisible();
  const value = responseHeader(panel, 'x-markup').locator('.value');
  await expect(value).toHaveText(markupPayload(new URL(hostile.origin).origin, 'header'));
  // No element came out of any value: the panel's own markup has no img, script or handler.
  expect(await panel.page.locator('img, script:not([src]), [onerror], [onmouseover]').count()).toBe(0);

  // Controls: the same detector sees the markup once it is parsed as HTML in the panel, and the
  // same markup does call the beacon when a web page parses it.
  const parsedInPanel = await value.evaluate((el) => {
    const probe = document.createElement('div');
    probe.innerHTML = el.textContent ?? '';
    el.append(probe);
    return document.querySelectorAll('img, script:not([src]), [onerror]').length;
  });
  expect(parsedInPanel).toBeGreaterThan(0);
  await app.evaluate((html) => {
    document.body.insertAdjacentHTML('beforeend', html);
  }, markupPayload(hostile.origin, 'control'));
  await expect.poll(() => hostile.beaconHits).toContain('?from=control');
  // Only the control ever reached the beacon.
  expect(hostile.beaconHits).toEqual(['?from=control']);
});

test('a 64 KB header value says it was cut at capture, and what was kept can be seen whole', async () => {
  await panel.rowFor('case=huge-header').click();
  const header = responseHeader(panel, 'x-huge');
  await expect(header.getByTestId('cut-at-capture')).toHaveText(
    `(cut at capture: first 8,192 of ${HUGE_HEADER_LENGTH.toLocaleString('en-US')} characters kept)`,
  );
  await header.getByTestId('expand-value').click();
  await expect(header.locator('.value')).toHaveText(new RegExp(`^a{8192} show less$`));
});

test('500 header lines: the first ones are listed, the rest counted, and the CORS ones kept', async () => {
  const row = panel.rowFor('case=many-headers');
  // Access-Control-Allow-Origin comes after all 500 lines; the verdict still sees it.
  await expect(row).toHaveAttribute('data-outcome', 'allowed');
  await row.click();
  const response = panel.page.locator('[data-testid="headers"][data-side="response"]').last();
  await expect(response.getByTestId('header-lines-cut')).toHaveText(/Cut at capture: \d+ more header lines not kept/);
  const listed = await response.getByTestId('header').count();
  const cut = Number(/(\d+) more/.exec((await response.getByTestId('header-lines-cut').textContent()) ?? '')?.[1]);
  // Every line is either listed or counted (two lines beyond the 500: Content-Type, Content-Length…).
  expect(listed + cut).toBeGreaterThanOrEqual(MANY_HEADERS);
  await expect(response.locator('[data-name="access-control-allow-origin"]')).toHaveCount(1);
});

test('control characters show as visible symbols, non-UTF-8 bytes as text', async () => {
  await panel.rowFor('case=control-chars').click();
  await expect(responseHeader(panel, 'x-control').locator('.value')).toHaveText('a\tb␁c␇d␛e[31mred␡f');
  await panel.rowFor('case=non-utf8').click();
  // Bytes that are not UTF-8 read as Latin-1, one character per byte, as HTTP defines them.
  // U+0080 is a C1 control: shown as its escape, like the other characters that have no picture.
  await expect(responseHeader(panel, 'x-bytes').locator('.value')).toHaveText('caf\u00e9 \u00ff\u00fe\\x80\u00c3');
});

test('a 100 KB URL is listed, cut at capture with its full length said, and its detail shows it', async () => {
  const row = panel.rowFor('case=long-url');
  await expect(row).toHaveAttribute('data-outcome', 'allowed');
  const cut = parseCutValue((await row.getAttribute('data-url')) ?? '');
  expect(cut?.kept).toHaveLength(MAX_URL_LENGTH);
  expect(cut?.originalLength).toBeGreaterThan(LONG_URL_LENGTH);
  await row.click();
  await expect(panel.page.getByTestId('call-detail')).toBeVisible();
});

function responseHeader(panel: PanelPage, name: string): Locator {
  return panel.page.locator(`[data-testid="headers"][data-side="response"] [data-testid="header"][data-name="${name}"]`).last();
}

test('5,000 access-control lines, a 1 MB header name, a 2 MB URL and backticks: each listed, judged and inert', async () => {
  for (const name of ['many-access-control', 'huge-name', 'huge-url', ...CANARIES]) {
    await expect(panel.rowFor(`case=${name}`), name).toHaveAttribute('data-outcome', 'allowed');
  }
  await panel.rowFor('case=many-access-control').click();
  // Access-Control-Allow-Origin came after the 5,000 lines; the verdict and the list still have it.
  const response = panel.page.locator('[data-testid="headers"][data-side="response"]').last();
  await expect(response.locator('[data-name="access-control-allow-origin"]')).toHaveCount(1);
  // Every line is either listed or counted as cut at capture (whichever the capture's caps chose).
  const listed = await response.getByTestId('header').count();
  const cutNote = response.getByTestId('header-lines-cut');
  const cut = (await cutNote.count()) === 0 ? 0 : Number(/(\d+) more/.exec((await cutNote.textContent()) ?? '')?.[1]);
  expect(listed + cut).toBeGreaterThanOrEqual(MANY_ACCESS_CONTROL);

  const row = panel.rowFor('case=backticks');
  await expect(row).toHaveAttribute('data-outcome', 'blocked');
  await row.click();
  await expect(panel.whyBlocked()).toBeVisible();
  // Shown as typed, with the panel's symbols for ESC and BEL; no element came out of it.
  const shown = backtickPayload(hostile.origin).replace('\u001b', '\u241b').replace('\u0007', '\u2407');
  await expect(responseHeader(panel, 'x-tick').locator('.value')).toHaveText(shown);
  expect(await panel.page.locator('img, script:not([src]), a[href*="beacon"]').count()).toBe(0);
});

test('every export, Copy as curl and the CLI keep every call and stay inert', async ({ lens }) => {
  const captured = await readObservedCalls(lens.context, { page: app, settleTimeout: 5_000 });
  const everyCase = [...HOSTILE_CASES, ...CANARIES].sort();
  await panel.page.getByTestId('export-menu-toggle').click();
  await panel.page.getByTestId('export-scope').selectOption('all');
  const markdown = await download(panel, 'markdown');
  const reportText = await download(panel, 'json');
  const report = JSON.parse(reportText) as CorsReport;
  const harText = await download(panel, 'har');
  const har = JSON.parse(harText) as { log: { entries: { request: { url: string } }[] } };
  await panel.page.getByTestId('export-menu-toggle').click();

  // Correct: every call is in every export, the 2 MB URL whole, the blocked ones blocked.
  // (The markup test's control loads the beacon from the app page: a call of this tab too.)
  const ours = (urls: string[]) => urls.filter((u) => new URL(u).pathname !== '/beacon').map(caseOf);
  expect(ours(report.calls.map((c) => c.url)).sort()).toEqual(everyCase);
  expect(new Set(ours(har.log.entries.map((e) => e.request.url)))).toEqual(new Set(everyCase));
  expect(report.calls.find((c) => caseOf(c.url) === 'huge-url')?.url).toBe(captured.find((c) => caseOf(c.hops[0]?.url ?? '') === 'huge-url')?.hops[0]?.url);
  expect(report.calls.filter((c) => c.outcome === 'blocked').map((c) => caseOf(c.url)).sort()).toEqual(
    ['backticks', 'markup', ...Object.keys(UNPRINTABLE_ALLOW_ORIGIN)].sort(),
  );
  for (const c of everyCase) expect(markdown).toContain(`case=${c}`);

  // Inert: outside code spans, the Markdown has no raw markup, link, image or emphasis from a value.
  const payload = backtickPayload(hostile.origin);
  // The header at fault, quoted whole in one code span (control characters shown as \xHH;
  // codeSpan's fence is unit-tested against backtick runs).
  expect(markdown).toContain(codeSpan(payload));
  const prose = markdown.split('```mermaid').map((part) => part.replace(/^[\s\S]*?```\n/, '')).join('\n');
  const outsideCode = prose.replace(/(`+)(?!`)[\s\S]*?(?<!`)\1(?!`)/g, '');
  expect(outsideCode).not.toMatch(/<(img|script)\b/i);
  expect(outsideCode).not.toMatch(/(?<!\\)\]\(/);
  expect(outsideCode).not.toMatch(/(?<!\\)\*\*b/);
  // Text exports carry no raw terminal escapes outside JSON strings' own \u escapes.
  expect(harText).not.toContain('\u001b');
  expect(markdown).not.toContain('\u001b');
  // Nor C1 controls, bidi overrides or invisible characters, which JSON.stringify leaves raw.
  for (const text of [harText, markdown, reportText]) expect(text).not.toMatch(RAW_UNPRINTABLE);
  for (const value of Object.values(UNPRINTABLE_ALLOW_ORIGIN)) expect(report.calls.map((c) => c.corsError?.failedParameter)).toContain(value);

  // Copy as curl of the call with the 1 MB header name and of the 2 MB URL: bash reads back the
  // exact request, and nothing in the command is a control character.
  await recordClipboard(panel.page);
  for (const name of ['huge-name', 'huge-url'] as const) {
    await panel.rowFor(`case=${name}`).click();
    await panel.page.getByTestId('copy-curl').last().click();
    const command = (await copiedTexts(panel.page)).at(-1) ?? '';
    // eslint-disable-next-line no-control-regex -- the point: no raw control character in the command
    expect(command.replace(/ \\\n {2}/g, ' ')).not.toMatch(/[\u0000-\u001f\u007f-\u009f]/);
    const hop = captured.find((c) => caseOf(c.hops[0]?.url ?? '') === name)?.hops[0];
    const args = bashArgs(command);
    expect(args.slice(0, 4)).toEqual(['-g', '-i', '-X', 'GET']);
    expect(args.at(-1)).toBe(hop?.url);
    if (name === 'huge-name') expect(args).toContain(`${hop?.requestHeaders?.find((h) => h.value === 'v')?.name ?? 'missing'}: v`);
  }

  // The CLI on the exported HAR: every call, a clean exit code, nothing raw on the terminal.
  const dir = await mkdtemp(join(tmpdir(), 'cors-lens-hostile-'));
  try {
    const file = join(dir, 'hostile.har');
    await writeFile(file, harText);
    for (const format of ['text', 'md'] as const) {
      const run = await runCli(['explain', file, '--format', format]);
      expect(run.stderr).not.toMatch(/\n\s+at /);
      expect(run.code).toBe(1);
      // eslint-disable-next-line no-control-regex -- the point: no raw control character reaches the terminal
      expect(run.stdout).not.toMatch(/[\u0000-\u0009\u000b-\u001f\u007f-\u009f]/);
      expect(run.stdout).not.toMatch(RAW_UNPRINTABLE);
      for (const c of everyCase) expect(run.stdout).toContain(`case=${c}`);
    }
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
  expect(hostile.beaconHits.filter((hit) => hit.startsWith('?from=md'))).toEqual([]);
});

test('the Playwright kit\'s failure message shows terminal escapes, bidi overrides and C1 controls as escapes', async () => {
  const failure = await corsLensExpect(app)
    .toHaveNoCorsErrors()
    .then(
      () => null,
      (error: unknown) => (error instanceof Error ? error.message : String(error)),
    );
  // Playwright colours its own parts of a message (SGR, ESC [ … m); everything else is ours.
  // eslint-disable-next-line no-control-regex -- removing Playwright's own colour codes
  const message = (failure ?? '').replace(/\u001b\[[\d;]*m/g, '');
  expect(message).toContain('expect(page).toHaveNoCorsErrors()');
  for (const value of Object.values(UNPRINTABLE_ALLOW_ORIGIN)) expect(message).toContain(`(${printable(value)})`);
  expect(message).toContain('https://x.example\\x1b]0;OWNED\\x07\\x1b[2J');
  expect(message).not.toMatch(RAW_UNPRINTABLE);
});

function caseOf(url: string): string {
  return /[?&]case=([\w-]+)/.exec(url)?.[1] ?? url.slice(0, 80);
}

async function download(panel: PanelPage, format: 'markdown' | 'json' | 'har'): Promise<string> {
  await panel.page.getByTestId('export-format').selectOption(format);
  const [file] = await Promise.all([panel.page.waitForEvent('download'), panel.page.getByTestId('export-download').click()]);
  return readFile(await file.path(), 'utf8');
}

/** The arguments bash hands curl for a pasted command (read from stdin, as a paste is: a 2 MB
 * argument to bash -c is over the kernel's limit for one argument). */
function bashArgs(command: string): string[] {
  const script = `set -- ${command.replace(/^curl/, '')}; for a in "$@"; do printf '%s\\0' "$a"; done`;
  const out = execFileSync('bash', ['-s'], { input: script, maxBuffer: 64 * 1024 * 1024 }).toString('utf8');
  return out.split('\0').slice(0, -1);
}

function runCli(args: readonly string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((done) => {
    execFile(process.execPath, [BIN, ...args], { timeout: 50_000, maxBuffer: 64 * 1024 * 1024 }, (error, stdout, stderr) => {
      done({ code: error === null ? 0 : typeof error.code === 'number' ? error.code : -1, stdout, stderr });
    });
  });
}
