// Two loopback servers for the example: the page on app.test and an API on api.test (the kit's
// Chromium maps every *.test host to 127.0.0.1). The API has one route configured right and one
// that forgets CORS, as real APIs often do.
import { createServer } from 'node:http';

export const APP_PORT = 4310;
export const API_PORT = 4311;
const APP_ORIGIN = `http://app.test:${APP_PORT}`;
const API_ORIGIN = `http://api.test:${API_PORT}`;

const page = `<!doctype html>
<meta charset="utf-8">
<title>CORS Lens example</title>
<p>Status: <output data-testid="status">loading</output></p>
<script>
  const route = new URLSearchParams(location.search).get('route') ?? 'good';
  const status = document.querySelector('[data-testid="status"]');
  fetch('${API_ORIGIN}/' + route)
    .then((response) => response.json())
    .then((body) => { status.textContent = 'loaded ' + body.items.length + ' items'; })
    .catch(() => { status.textContent = 'failed'; });
</script>`;

const app = createServer((request, response) => {
  if (request.url === '/favicon.ico') return void response.writeHead(404).end();
  response.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8' }).end(page);
});

const corsHeaders = {
  'Access-Control-Allow-Origin': APP_ORIGIN,
  Vary: 'Origin',
};

const api = createServer((request, response) => {
  const url = new URL(request.url ?? '/', API_ORIGIN);
  const headers = url.pathname === '/good' ? corsHeaders : {};
  if (request.method === 'OPTIONS') return void response.writeHead(204, headers).end();
  response
    .writeHead(200, { ...headers, 'Content-Type': 'application/json' })
    .end(JSON.stringify({ items: [1, 2, 3] }));
});

api.listen(API_PORT, '127.0.0.1', () => {
  app.listen(APP_PORT, '127.0.0.1', () => console.log(`app on ${APP_ORIGIN}, api on ${API_ORIGIN}`));
});
