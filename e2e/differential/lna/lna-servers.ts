// The loopback servers of the Local Network Access suite: the page over http and over https (on
// ports the browser is told to count as public), and the API over http and https on loopback.
import { createServer as createHttp, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { createServer as createHttps } from 'node:https';
import type { AddressInfo } from 'node:net';
import { makeThrowawayCertificate } from '../../support/https-server';

const PIXEL = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAQAAAC1HAwCAAAAC0lEQVR42mNkYAAAAAYAAjCB0C8AAAAASUVORK5CYII=', 'base64');

// The worker fetches only when told to, so the suite can attach to it over CDP first.
const WORKER = `onmessage = async (e) => {
  if (e.data === 'ready?') { postMessage('ready'); return; }
  try { const r = await fetch(e.data); await r.text(); postMessage('response ' + r.status); }
  catch (err) { postMessage('error ' + err); }
};`;

export interface LnaServers {
  /** The page's origin for each page kind. */
  readonly pageOrigin: { readonly http: string; readonly https: string; readonly granted: string };
  /** The API's origin for a page kind (https pages call https, so no mixed-content block). */
  apiOrigin(secure: boolean): string;
  /** Ports whose address must count as public. */
  readonly publicPorts: readonly number[];
  readonly spki: string;
  close(): Promise<void>;
}

function answer(req: IncomingMessage, res: ServerResponse): void {
  const url = new URL(req.url ?? '/', 'http://x');
  const send = (status: number, type: string, body: string | Buffer, headers: Record<string, string> = {}) => {
    res.writeHead(status, { 'content-type': type, 'cache-control': 'no-store', ...headers });
    res.end(body);
  };
  if (url.pathname === '/page') return send(200, 'text/html', '<!doctype html><title>LNA page</title>');
  if (url.pathname === '/worker.js') return send(200, 'text/javascript', WORKER);
  const origin = req.headers.origin;
  const cors: Record<string, string> =
    url.searchParams.get('acao') === '1' && origin !== undefined ? { 'access-control-allow-origin': origin, 'access-control-allow-methods': 'PUT' } : {};
  if (req.method === 'OPTIONS') return send(204, 'text/plain', '', cors);
  if (url.pathname === '/img') return send(200, 'image/png', PIXEL, cors);
  if (url.pathname === '/script') return send(200, 'text/javascript', 'window.lnaScriptRan = true;', cors);
  if (url.pathname === '/frame') return send(200, 'text/html', '<p>frame</p>', cors);
  return send(200, 'text/plain', 'ok', cors);
}

function listen(server: Server): Promise<number> {
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve((server.address() as AddressInfo).port)));
}

export async function startLnaServers(): Promise<LnaServers> {
  const tls = makeThrowawayCertificate(['app.test', 'granted.test', 'api.test']);
  const servers = [createHttp(answer), createHttps(tls, answer), createHttp(answer), createHttps(tls, answer)];
  const [pageHttp, pageHttps, apiHttp, apiHttps] = await Promise.all(servers.map(listen));
  return {
    pageOrigin: {
      http: `http://app.test:${pageHttp}`,
      https: `https://app.test:${pageHttps}`,
      granted: `https://granted.test:${pageHttps}`,
    },
    apiOrigin: (secure) => (secure ? `https://api.test:${apiHttps}` : `http://api.test:${apiHttp}`),
    publicPorts: [pageHttp ?? 0, pageHttps ?? 0],
    spki: tls.spkiHash,
    async close() {
      await Promise.all(servers.map((s) => new Promise((resolve) => s.close(resolve))));
    },
  };
}
