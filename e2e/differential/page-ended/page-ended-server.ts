// The page-ended suite's loopback server: http://app.test:<port>/page loads axios (its browser
// build) and @microsoft/fetch-event-source (its ES modules) from node_modules, and
// http://api.test:<port>/api/* answers through the express `cors()` middleware as real APIs do:
// its defaults (`Access-Control-Allow-Origin: *`, preflights reflecting the requested headers),
// `{ origin: true }` (the origin echoed, no credentials) under /api/reflected, or
// `{ origin: true, credentials: true }` under /api/credentialed.
import cors from 'cors';
import express, { type Request, type Response } from 'express';
import type { AddressInfo } from 'node:net';
import { resolve } from 'node:path';

const MODULES = resolve(import.meta.dirname, '../../../node_modules');

// axios's UMD build sets window.axios; fetch-event-source ships ES modules only, whose imports
// name their siblings without `.js` (the server adds it).
const PAGE = `<!doctype html><meta charset="utf-8"><title>page-ended</title>
<script src="/vendor/axios.js"></script>
<script type="module">
  import { fetchEventSource } from '/vendor/fetch-event-source/index';
  window.fetchEventSource = fetchEventSource;
</script>
<p>CORS Lens page-ended differential page</p>`;

/** Long enough that Chromium's content sniffing (up to 1,024 bytes) is done with the first write,
 * so the response reaches the page at once, and the body then goes on for seconds. */
const FIRST_CHUNK = 'x'.repeat(2048);
const STREAM_MS = 4_000;

export interface PageEndedServer {
  readonly pageUrl: string;
  readonly apiOrigin: string;
  close(): Promise<void>;
}

function stream(kind: 'events' | 'text') {
  return (_req: Request, res: Response): void => {
    res.status(200).set('Content-Type', kind === 'events' ? 'text/event-stream' : 'text/plain').set('Cache-Control', 'no-store');
    res.write(kind === 'events' ? `: ${FIRST_CHUNK}\n\ndata: first\n\n` : FIRST_CHUNK);
    const ticker = setInterval(() => res.write(kind === 'events' ? 'data: more\n\n' : 'more\n'), 100);
    const end = setTimeout(() => res.end(), STREAM_MS);
    res.on('close', () => {
      clearInterval(ticker);
      clearTimeout(end);
    });
  };
}

export async function startPageEndedServer(): Promise<PageEndedServer> {
  const app = express();
  app.get('/page', (_req, res) => res.set('Cache-Control', 'no-store').type('html').send(PAGE));
  app.get('/vendor/axios.js', (_req, res) => res.sendFile(resolve(MODULES, 'axios/dist/axios.min.js')));
  app.get('/vendor/fetch-event-source/:name', (req, res) =>
    res.type('text/javascript').sendFile(resolve(MODULES, '@microsoft/fetch-event-source/lib/esm', `${req.params.name.replace(/\.js$/, '')}.js`)),
  );
  app.use('/api/credentialed', cors({ origin: true, credentials: true }));
  app.use('/api/reflected', cors({ origin: true }));
  app.use('/api', (req, res, next) => (/^\/(credentialed|reflected)\//.test(req.path) ? next() : cors()(req, res, next)));
  for (const base of ['/api', '/api/credentialed', '/api/reflected']) {
    app.get(`${base}/events`, stream('events'));
    app.get(`${base}/stream`, stream('text'));
  }
  // Answers only after the page's timeout has fired.
  app.get('/api/late', (_req, res) => {
    const timer = setTimeout(() => res.json({ late: true }), 2_000);
    res.on('close', () => clearTimeout(timer));
  });
  const server = app.listen(0, '127.0.0.1');
  await new Promise<void>((ready, fail) => server.once('listening', ready).once('error', fail));
  const { port } = server.address() as AddressInfo;
  return {
    pageUrl: `http://app.test:${port}/page`,
    apiOrigin: `http://api.test:${port}`,
    close: () =>
      new Promise<void>((done) => {
        server.close(() => done());
        server.closeAllConnections();
      }),
  };
}
