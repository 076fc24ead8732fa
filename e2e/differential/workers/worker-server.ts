// The HTTPS server of the worker table, one for every host (Chromium maps *.test to loopback):
// /page registers the service worker (/sw.js) and starts a shared worker (/shared.js); the page
// asks either worker to fetch by postMessage. /x?s=<scenario> answers as the table says.
import type { IncomingMessage, ServerResponse } from 'node:http';
import { startHttpsServer, type ThrowawayCertificate } from '../../support/https-server';
import type { Reply } from '../scenarios';
import { pairs, type Exchange } from '../server';
import type { WorkerScenario } from './worker-scenarios';

export const APP_HOST = 'app.test';
/** The shared worker lives on its own origin, which runs no service worker (see README: how
 * CORS Lens tells the two kinds apart). */
export const SHARED_HOST = 'other.test';
export const API_HOST = 'api.test';

// Installs at once and takes over the open pages, so the page's next fetch goes through it.
const SERVICE_WORKER = `
self.addEventListener('install', () => self.skipWaiting());
self.addEventListener('activate', (event) => event.waitUntil(self.clients.claim()));
self.addEventListener('fetch', (event) => {
  if (new URL(event.request.url).searchParams.has('pass')) event.respondWith(fetch(event.request));
});
self.addEventListener('message', (event) => {
  run(event.data).then((result) => event.source.postMessage(result));
});
${fetchAndDescribe()}`;

const SHARED_WORKER = `
onconnect = (connection) => {
  const port = connection.ports[0];
  port.onmessage = (event) => run(event.data).then((result) => port.postMessage(result));
};
${fetchAndDescribe()}`;

/** The worker's fetch, described as the differential's PageResult. */
function fetchAndDescribe(): string {
  return `
async function run({ url, init }) {
  try {
    const response = await fetch(url, init);
    return { kind: 'response', status: response.status, type: response.type, error: '', header: null };
  } catch (error) {
    return { kind: 'error', status: 0, type: '', error: error.name + ': ' + error.message, header: null };
  }
}`;
}

const PAGE = `<!doctype html><meta charset="utf-8"><title>worker calls</title><p>CORS Lens worker page</p>
<script>
window.workerReady = (async () => {
  if (location.hostname !== '${APP_HOST}') return;
  await navigator.serviceWorker.register('/sw.js');
  await navigator.serviceWorker.ready;
  if (!navigator.serviceWorker.controller) {
    await new Promise((resolve) => navigator.serviceWorker.addEventListener('controllerchange', resolve, { once: true }));
  }
})();
</script>`;

const GIF = Buffer.from('R0lGODlhAQABAIAAAAAAAP///yH5BAEAAAAALAAAAAABAAEAAAIBRAA7', 'base64');

export interface WorkerServer {
  readonly port: number;
  origin(host: string): string;
  /** The URL a scenario's request goes to. */
  requestUrl(scenario: WorkerScenario): string;
  exchanges(scenarioId: string): readonly Exchange[];
  close(): Promise<void>;
}

export async function startWorkerServer(certificate: ThrowawayCertificate, scenarios: readonly WorkerScenario[]): Promise<WorkerServer> {
  const byId = new Map(scenarios.map((s) => [s.id, s]));
  const log = new Map<string, Exchange[]>();
  const server = await startHttpsServer(certificate, (req, res) => {
    req.resume();
    req.on('end', () => answer(req, res));
  });
  const origin = (host: string): string => `https://${host}:${server.port}`;

  function answer(req: IncomingMessage, res: ServerResponse): void {
    const url = new URL(req.url ?? '/', 'https://placeholder');
    const script = { '/sw.js': SERVICE_WORKER, '/shared.js': SHARED_WORKER }[url.pathname];
    if (url.pathname === '/page') return send(res, 200, [['Content-Type', 'text/html; charset=utf-8'], ['Cache-Control', 'no-store']], PAGE);
    if (script !== undefined) return send(res, 200, [['Content-Type', 'text/javascript'], ['Cache-Control', 'no-store']], script);
    const scenario = byId.get(url.searchParams.get('s') ?? '');
    if (scenario === undefined) return send(res, 404, [], 'no such scenario');
    const isPreflight = req.method === 'OPTIONS' && req.headers['access-control-request-method'] !== undefined;
    const reply: Reply = isPreflight ? (scenario.preflight ?? { status: 204, headers: [] }) : scenario.response;
    const requestOrigin = req.headers.origin ?? '';
    const headers = reply.headers.map(([name, value]) => [name, value.replace('{origin}', requestOrigin)] as const);
    const exchanges = log.get(scenario.id) ?? [];
    log.set(scenario.id, [
      ...exchanges,
      {
        hop: 0,
        kind: isPreflight ? 'preflight' : 'request',
        method: req.method ?? '',
        url: url.pathname + url.search,
        requestHeaders: pairs(req.rawHeaders).filter(([name]) => /^(origin|access-control-|sec-fetch-|cookie)/i.test(name)),
        status: reply.status,
        responseHeaders: headers,
        fault: null,
      },
    ]);
    const image = !isPreflight && scenario.via === 'sw-pass-img';
    send(res, reply.status, headers, image ? GIF : isPreflight ? '' : 'worker scenario');
  }

  return {
    port: server.port,
    origin,
    requestUrl: (scenario) => `${origin(API_HOST)}/x?s=${scenario.id}${scenario.via.startsWith('sw-pass') ? '&pass=1' : ''}`,
    exchanges: (scenarioId) => log.get(scenarioId) ?? [],
    close: () => server.close(),
  };
}

function send(res: ServerResponse, status: number, headers: readonly (readonly [string, string])[], body: string | Buffer): void {
  res.writeHead(status, headers.flat());
  res.end(status === 204 ? undefined : body);
}
