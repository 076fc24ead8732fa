// With "Allow in Incognito" on, a worker's call (tabId -1, so listed in every open tab of the
// worker's origin) must stay in its own profile: an incognito worker's fetch never shows up in a
// normal tab of the same origin. The manifest's `"incognito": "split"` gives incognito its own
// extension worker, which sees only incognito requests and tabs.
import type { IncomingMessage, ServerResponse } from 'node:http';
import { expect, test } from '@playwright/test';
import { launchWithCorsLens } from '../src/playwright/launch';
import { readCorsReport } from '../src/playwright/read-report';
import { EXTENSION_PATH, TEST_HOSTS } from './support/fixtures';
import { makeThrowawayCertificate, startHttpsServer, trustSwitch } from './support/https-server';
import { allowInIncognito, openIncognito } from './support/incognito';

const APP = 'app.test';
const API = 'api.test';

// `/page?call=<url>`: the page starts a shared worker (its requests carry no tab) and has it fetch
// <url>. A shared worker is per profile, so the incognito page gets its own.
const PAGE = `<!doctype html><meta charset="utf-8"><title>profile worker</title><script>
  const call = new URLSearchParams(location.search).get('call');
  if (call) new SharedWorker('/worker.js').port.postMessage(call);
</script>`;
const WORKER = `onconnect = (c) => { c.ports[0].onmessage = (e) => fetch(e.data).catch(() => null); };`;

test('an incognito worker\'s call is not listed in a normal tab of its origin', async () => {
  const certificate = makeThrowawayCertificate([APP, API]);
  const seen: string[] = [];
  const server = await startHttpsServer(certificate, (req: IncomingMessage, res: ServerResponse) => {
    const url = new URL(req.url ?? '/', 'https://placeholder');
    if (url.pathname === '/page') return void res.writeHead(200, { 'Content-Type': 'text/html' }).end(PAGE);
    if (url.pathname === '/worker.js') return void res.writeHead(200, { 'Content-Type': 'text/javascript' }).end(WORKER);
    seen.push(url.searchParams.get('from') ?? '');
    res.writeHead(200, { 'Access-Control-Allow-Origin': req.headers.origin ?? '*' }).end('ok');
  });
  const origin = (host: string) => `https://${host}:${server.port}`;
  const pageCalling = (from: string) => `${origin(APP)}/page?call=${encodeURIComponent(`${origin(API)}/x?from=${from}`)}`;
  const lens = await launchWithCorsLens({ extensionPath: EXTENSION_PATH, hostResolverRules: TEST_HOSTS, args: [trustSwitch(certificate)] });
  try {
    await allowInIncognito(lens.context, lens.extensionId);
    const normal = await lens.context.newPage();
    await normal.goto(`${origin(APP)}/page`);

    await openIncognito(lens.context, pageCalling('incognito'));
    await expect.poll(() => seen, { message: 'the incognito worker made its call' }).toContain('incognito');
    // A normal worker's call afterwards: it is listed (the routing works), and it comes after
    // the incognito one in the extension's event order, so that one had its chance to show.
    const second = await lens.context.newPage();
    await second.goto(pageCalling('normal'));
    const listed = async () => (await readCorsReport(lens.context, { page: normal })).calls.map((c) => new URL(c.url).searchParams.get('from'));
    await expect.poll(listed).toContain('normal');
    expect(await listed()).not.toContain('incognito');
  } finally {
    await lens.close();
    await server.close();
  }
});
