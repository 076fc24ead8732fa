// A same-site, cross-origin pair on loopback where the page holds a cookie that goes along with a
// credentialed fetch: http://app.site.test serves the page and sets `sid` for site.test, and
// http://api.site.test answers CORS for the page's origin with credentials, Authorization allowed.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

export const COOKIE_VALUE = 'sid=s3cr3t-session-value';
export const AUTHORIZATION_VALUE = 'Bearer t0ken-that-must-not-be-kept';

export interface CookieSite {
  readonly appOrigin: string;
  readonly apiOrigin: string;
  close(): Promise<void>;
}

export async function startCookieSite(): Promise<CookieSite> {
  const server: Server = createServer((req, res) => {
    const origin = req.headers.origin ?? '';
    if (req.headers.host?.startsWith('app.site.test')) {
      res.writeHead(200, { 'Content-Type': 'text/html', 'Set-Cookie': `${COOKIE_VALUE}; Path=/; Domain=site.test` });
      res.end('<!doctype html><title>cookie site</title><p>cookie site</p>');
      return;
    }
    const cors = { 'Access-Control-Allow-Origin': origin, 'Access-Control-Allow-Credentials': 'true', Vary: 'Origin' };
    if (req.method === 'OPTIONS') {
      res.writeHead(204, { ...cors, 'Access-Control-Allow-Headers': 'authorization' }).end();
      return;
    }
    res.writeHead(200, { ...cors, 'Content-Type': 'text/plain' }).end('ok');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    appOrigin: `http://app.site.test:${port}`,
    apiOrigin: `http://api.site.test:${port}`,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
