// The demo playground: a page origin (app.test) with one button per case, and an API origin
// (api.test, plus other.test for redirects) answering each case the way real servers get it
// wrong, mostly through the real `cors` middleware for Express.
import cors from 'cors';
import express, { type Express, type RequestHandler } from 'express';
import type { AddressInfo } from 'node:net';
import type { Server } from 'node:http';
import { PLAYGROUND_CASES } from './cases';

export interface Playground {
  readonly appOrigin: string;
  readonly apiOrigin: string;
  readonly otherOrigin: string;
  close(): Promise<void>;
}

export async function startPlayground(ports: { app?: number; api?: number } = {}): Promise<Playground> {
  const api = express();
  const apiServer = await listen(api, ports.api ?? 0);
  const apiPort = (apiServer.address() as AddressInfo).port;
  const app = express();
  const appServer = await listen(app, ports.app ?? 0);
  const appPort = (appServer.address() as AddressInfo).port;
  const appOrigin = `http://app.test:${appPort}`;
  const apiOrigin = `http://api.test:${apiPort}`;
  const otherOrigin = `http://other.test:${apiPort}`;
  addApiRoutes(api, appOrigin, otherOrigin);
  app.get('/', (_req, res) => res.type('html').send(playgroundPage(apiOrigin)));
  app.get('/blank', (_req, res) => res.type('html').send('<!doctype html><title>blank</title>'));
  return {
    appOrigin,
    apiOrigin,
    otherOrigin,
    close: async () => {
      await Promise.all([close(apiServer), close(appServer)]);
    },
  };
}

function addApiRoutes(api: Express, appOrigin: string, otherOrigin: string): void {
  const allowApp = (options: cors.CorsOptions = {}) => cors({ origin: appOrigin, ...options });
  const ok: RequestHandler = (_req, res) => {
    res.json({ ok: true });
  };

  // `?delay=ms` holds any answer back; `?hold=name` holds a request (not its preflight) until
  // `/release?hold=name`, so tests can act while calls are in flight and nothing else moves.
  const held = new Map<string, (() => void)[]>();
  api.post('/release', (req, res) => {
    const name = typeof req.query['hold'] === 'string' ? req.query['hold'] : '';
    for (const release of held.get(name) ?? []) release();
    held.delete(name);
    res.sendStatus(204);
  });
  api.use((req, _res, next) => {
    const hold = req.query['hold'];
    if (typeof hold === 'string' && req.method !== 'OPTIONS') {
      held.set(hold, [...(held.get(hold) ?? []), next]);
      return;
    }
    const delay = Math.min(Number(req.query['delay'] ?? 0) || 0, 5_000);
    if (delay > 0) setTimeout(next, delay);
    else next();
  });
  api.get('/simple/allowed', allowApp(), ok);
  api.get('/simple/no-acao', ok);
  api.get('/simple/wrong-origin', (_req, res) => {
    res.set('Access-Control-Allow-Origin', 'http://evil.test').json({ ok: true });
  });
  api.all('/json/ok', allowApp(), ok);
  api.options('/json/no-allow-headers', (_req, res) => {
    res.set({ 'Access-Control-Allow-Origin': appOrigin, 'Access-Control-Allow-Methods': 'POST' }).sendStatus(204);
  });
  api.post('/json/no-allow-headers', allowApp(), ok);
  api.all('/custom-header', allowApp({ allowedHeaders: ['Content-Type'] }), ok);
  api.all('/methods', allowApp({ methods: ['GET', 'POST'] }), ok);
  api.get('/credentials/wildcard', cors(), ok);
  api.get('/credentials/no-acac', allowApp(), ok);
  api.options('/actual-no-acao', allowApp({ methods: ['PUT'] }));
  api.put('/actual-no-acao', ok);
  // Authentication placed before CORS rejects the (never credentialed) preflight.
  api.use('/auth', (req, res, next) => {
    if (req.headers.authorization) next();
    else res.status(401).json({ error: 'unauthorized' });
  });
  api.all('/auth/preflight-401', allowApp({ allowedHeaders: ['Authorization'] }), ok);
  api.options('/preflight-404', (_req, res) => {
    res.set('Access-Control-Allow-Origin', appOrigin).sendStatus(404);
  });
  // CORS headers are set, then the OPTIONS handler crashes.
  api.options('/preflight-500', allowApp({ preflightContinue: true }), () => {
    throw new Error('handler crashed');
  });
  api.options('/preflight-redirect', (_req, res) => {
    res.set('Access-Control-Allow-Origin', appOrigin).redirect(301, '/preflight-redirect/');
  });
  api.all('/preflight-redirect/', allowApp(), ok);
  api.get('/redirect-away', allowApp(), (_req, res) => res.redirect(302, `${otherOrigin}/landing`));
  // Allows the page's origin, but after a cross-origin redirect the browser sends Origin: null.
  api.get('/landing', allowApp(), ok);
  api.all('/max-age', allowApp({ methods: ['PUT'], maxAge: 600 }), ok);
  api.get('/no-vary', (_req, res) => {
    res.set('Access-Control-Allow-Origin', appOrigin).json({ ok: true });
  });
  // The crash above is on purpose: answer it as a plain 500 without logging a stack trace.
  api.use(((_error, _req, res, _next) => {
    res.status(500).json({ error: 'internal' });
  }) as express.ErrorRequestHandler);
}

function playgroundPage(apiOrigin: string): string {
  const buttons = PLAYGROUND_CASES.map(
    (c) =>
      `<li><button data-case="${c.id}">${c.title}</button> <output data-result="${c.id}"></output></li>`,
  ).join('\n');
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>CORS Lens playground</title>
<style>body{font:14px system-ui;margin:2em;max-width:60em}li{margin:.4em 0}output{color:#666;margin-left:.5em}</style>
</head><body>
<h1>CORS Lens playground</h1>
<p>This page is <code id="origin"></code>; every button calls the API at <code>${apiOrigin}</code>.
Open DevTools and pick the <b>CORS</b> tab to see why each call passed or was blocked.</p>
<ol>${buttons}</ol>
<script>
const API = ${JSON.stringify(apiOrigin)};
// Each page load gets its own URLs, so Chromium's preflight cache from an earlier visit does not
// hide a preflight; clicking twice on one load shows the cache at work.
const RUN = Math.random().toString(36).slice(2, 8);
const CASES = ${JSON.stringify(PLAYGROUND_CASES)};
document.getElementById('origin').textContent = location.origin;
async function run(c) {
  const r = c.request;
  const out = document.querySelector('[data-result="' + c.id + '"]');
  try {
    const res = await fetch(API + r.path + '?case=' + c.id + '&run=' + RUN, {
      method: r.method, headers: r.headers, body: r.body, credentials: r.credentials ?? 'same-origin',
    });
    out.textContent = 'status ' + res.status;
  } catch (e) {
    out.textContent = String(e);
  }
  return out.textContent;
}
window.runCase = (id) => run(CASES.find((c) => c.id === id));
for (const c of CASES) document.querySelector('[data-case="' + c.id + '"]').onclick = () => run(c);
</script></body></html>`;
}

function listen(app: Express, port: number): Promise<Server> {
  return new Promise((resolve, reject) => {
    const server = app.listen(port, '127.0.0.1', (error?: Error) => (error ? reject(error) : resolve(server)));
  });
}

function close(server: Server): Promise<void> {
  return new Promise((resolve) => {
    server.closeAllConnections();
    server.close(() => resolve());
  });
}
