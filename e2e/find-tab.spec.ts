// The kit finds a page's tab by the page's DevTools target, not by its URL or title: about:blank
// (whose URL and title the extension may not read), two tabs on one URL, and a page that retitles
// itself all get their own calls, and the page is left as it was.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { expect, test } from './support/fixtures';
import { expect as kitExpect } from '../src/playwright/matchers';
import { findTabId, readCorsReport } from '../src/playwright/read-report';
import { stopExtensionWorker } from './support/stop-worker';

// The page counts changes to its own title, and with `?retitle` keeps changing it, as an app
// showing unread counts does.
const PAGE = `<!doctype html><title>app</title><script>
  window.titleChanges = 0;
  new MutationObserver(() => window.titleChanges++).observe(document.querySelector('title'), { childList: true, characterData: true, subtree: true });
  if (location.search.includes('retitle')) {
    let n = 0;
    setInterval(() => { document.title = 'app (' + ++n + ')'; window.titleChanges--; }, 5);
  }
</script>`;

let app: Server;
let api: Server;
let appUrl = '';
let apiUrl = '';

function listen(server: Server): Promise<string> {
  return new Promise((done) => server.listen(0, '127.0.0.1', () => done(`${(server.address() as AddressInfo).port}`)));
}

test.beforeAll(async () => {
  app = createServer((_req, res) => res.writeHead(200, { 'Content-Type': 'text/html' }).end(PAGE));
  api = createServer((req, res) => res.writeHead(200, { 'Access-Control-Allow-Origin': req.headers.origin ?? '*' }).end('ok'));
  appUrl = `http://app.test:${await listen(app)}/`;
  apiUrl = `http://api.test:${await listen(api)}/x`;
});

test.afterAll(() => {
  app.close();
  api.close();
});

const callsOf = async (lens: Parameters<typeof readCorsReport>[0], page: Parameters<typeof findTabId>[1]) =>
  (await readCorsReport(lens, { page })).calls.map((c) => new URL(c.url).searchParams.get('from'));

test('a page on about:blank: its tab is found (the one its later calls are listed in)', async ({ lens }) => {
  const page = await lens.context.newPage();
  await page.goto('about:blank');
  await kitExpect(page).toHaveNoCorsErrors();
  const tabId = await findTabId(lens.context, page);
  // The same tab, once on a page that can call the API (about:blank's fetch to loopback is
  // refused by Local Network Access).
  await page.goto(appUrl);
  await page.evaluate((url) => fetch(url), `${apiUrl}?from=blank`);
  const calls = async () => (await readCorsReport(lens.context, { tabId })).calls.map((c) => new URL(c.url).searchParams.get('from'));
  await expect.poll(calls).toEqual(['blank']);
  await page.close();
});

test('two tabs on one URL, one retitling itself: each gets its own calls, and no title is touched', async ({ lens }) => {
  const quiet = await lens.context.newPage();
  const busy = await lens.context.newPage();
  await quiet.goto(appUrl);
  await busy.goto(`${appUrl}?retitle`);
  // The same URL for both: the busy page moves to the quiet one's URL without loading again.
  await busy.evaluate((url) => history.replaceState(null, '', url), appUrl);
  expect(busy.url()).toBe(quiet.url());
  await quiet.evaluate((url) => fetch(url), `${apiUrl}?from=quiet`);
  await busy.evaluate((url) => fetch(url), `${apiUrl}?from=busy`);

  const [quietTab, busyTab] = [await findTabId(lens.context, quiet), await findTabId(lens.context, busy)];
  expect(quietTab).not.toBe(busyTab);
  await expect.poll(() => callsOf(lens.context, quiet)).toEqual(['quiet']);
  await expect.poll(() => callsOf(lens.context, busy)).toEqual(['busy']);
  // The kit changed nothing in either page (the busy page's own changes are not counted).
  expect(await quiet.evaluate(() => (window as unknown as { titleChanges: number }).titleChanges)).toBe(0);
  expect(await busy.evaluate(() => (window as unknown as { titleChanges: number }).titleChanges)).toBe(0);
  await Promise.all([quiet.close(), busy.close()]);
});

test('with the extension workers stopped, the tab is still found', async ({ lens }) => {
  const page = await lens.context.newPage();
  await page.goto('about:blank');
  const before = await findTabId(lens.context, page);
  await stopExtensionWorker(page);
  expect(await findTabId(lens.context, page)).toBe(before);
  await page.close();
});
