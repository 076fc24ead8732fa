// A deliberately broken API for Try this fix, one path per failure class, plus the page that calls
// it. Page and API share one loopback server and differ by host (app.test vs api.test).
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

type Handler = (req: IncomingMessage, res: ServerResponse, appOrigin: string) => void;

const preflightThen =
  (preflight: Record<string, string | string[]>, actual: Record<string, string | string[]> = {}, status = 204): Handler =>
  (req, res) => {
    if (req.method === 'OPTIONS') res.writeHead(status, preflight).end();
    else res.writeHead(200, { 'Content-Type': 'text/plain', ...actual }).end('ok');
  };

const actualOnly =
  (headers: (appOrigin: string) => Record<string, string | string[]>): Handler =>
  (_req, res, appOrigin) => {
    res.writeHead(200, { 'Content-Type': 'text/plain', ...headers(appOrigin) }).end('ok');
  };

export const BROKEN: Readonly<Record<string, Handler>> = {
  '/missing-acao': actualOnly(() => ({})),
  '/wrong-origin': actualOnly(() => ({ 'Access-Control-Allow-Origin': 'http://evil.test' })),
  '/two-origins': actualOnly((o) => ({ 'Access-Control-Allow-Origin': [o, 'http://evil.test'] })),
  '/origin-without-scheme': actualOnly(() => ({ 'Access-Control-Allow-Origin': 'app.test' })),
  '/wildcard-credentials': actualOnly(() => ({ 'Access-Control-Allow-Origin': '*' })),
  '/no-allow-credentials': actualOnly((o) => ({ 'Access-Control-Allow-Origin': o })),
  '/method-not-allowed': (req, res, o) =>
    preflightThen({ 'Access-Control-Allow-Origin': o, 'Access-Control-Allow-Methods': 'GET, POST' }, { 'Access-Control-Allow-Origin': o })(req, res, o),
  '/header-not-allowed': (req, res, o) =>
    preflightThen({ 'Access-Control-Allow-Origin': o }, { 'Access-Control-Allow-Origin': o })(req, res, o),
  '/preflight-no-acao': preflightThen({}),
  '/preflight-wrong-origin': preflightThen({ 'Access-Control-Allow-Origin': 'http://evil.test', 'Access-Control-Allow-Methods': 'PUT' }),
  '/preflight-two-origins': (req, res, o) =>
    preflightThen({ 'Access-Control-Allow-Origin': [o, 'http://evil.test'], 'Access-Control-Allow-Methods': 'PUT' })(req, res, o),
  '/preflight-origin-without-scheme': preflightThen({ 'Access-Control-Allow-Origin': 'app.test', 'Access-Control-Allow-Methods': 'PUT' }),
  '/preflight-no-allow-credentials': (req, res, o) =>
    preflightThen({ 'Access-Control-Allow-Origin': o, 'Access-Control-Allow-Methods': 'PUT' })(req, res, o),
  '/preflight-wildcard-credentials': preflightThen({ 'Access-Control-Allow-Origin': '*', 'Access-Control-Allow-Methods': 'PUT' }),
  '/bad-allow-methods': (req, res, o) =>
    preflightThen({ 'Access-Control-Allow-Origin': o, 'Access-Control-Allow-Methods': 'GET POST' }, { 'Access-Control-Allow-Origin': o })(req, res, o),
  '/bad-allow-headers': (req, res, o) =>
    preflightThen({ 'Access-Control-Allow-Origin': o, 'Access-Control-Allow-Headers': 'x-token x-other' }, { 'Access-Control-Allow-Origin': o })(req, res, o),
  '/preflight-500': (req, res, o) => preflightThen({ 'Access-Control-Allow-Origin': o, 'Access-Control-Allow-Methods': 'PUT' }, {}, 500)(req, res, o),
  '/preflight-redirect': (req, res, o) =>
    preflightThen({ 'Access-Control-Allow-Origin': o, Location: '/preflight-redirect/' }, {}, 301)(req, res, o),
};

// `?call=<url>&credentials=include` makes the page fetch that URL on every load, so "Reload page"
// repeats it.
const PAGE = `<!doctype html><title>trial page</title><p>trial page</p><script>
const params = new URLSearchParams(location.search);
const target = params.get('call');
if (target) fetch(target, { credentials: params.get('credentials') || 'same-origin' }).then(
  () => { document.body.dataset.result = 'ok'; },
  () => { document.body.dataset.result = 'blocked'; });
</script>`;

export interface TrialServer {
  readonly appOrigin: string;
  readonly apiOrigin: string;
  /** Another site serving the same page, to load in the trial's tab. */
  readonly elsewhereOrigin: string;
  close(): Promise<void>;
}

export async function startTrialServer(): Promise<TrialServer> {
  let appOrigin = '';
  const server: Server = createServer((req, res) => {
    const path = new URL(req.url ?? '/', 'http://x').pathname;
    // Every host but the API's serves the page: elsewhere.test is a second site in the same tab.
    if (!req.headers.host?.startsWith('api.test')) {
      // /sandboxed: the same page in a sandbox, so it has an opaque origin and sends Origin: null.
      const sandbox = path === '/sandboxed' ? { 'Content-Security-Policy': 'sandbox allow-scripts' } : {};
      res.writeHead(200, { 'Content-Type': 'text/html', ...sandbox }).end(PAGE);
      return;
    }
    const handler = BROKEN[path];
    if (handler === undefined) res.writeHead(404).end();
    else handler(req, res, appOrigin);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as AddressInfo).port;
  appOrigin = `http://app.test:${port}`;
  return {
    appOrigin,
    apiOrigin: `http://api.test:${port}`,
    elsewhereOrigin: `http://elsewhere.test:${port}`,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
