// The benchmark workload's servers on loopback: a blank page on app.test and an API on api.test
// that allows every call, answering preflights with Access-Control-Max-Age: 0 so each preflighted
// call sends its own OPTIONS.
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Page } from 'playwright-core';

export interface WorkloadServer {
  readonly appUrl: string;
  readonly apiOrigin: string;
  close(): Promise<void>;
}

/** Hosts the browsers resolve to loopback; everything else resolves to nothing. */
export const BENCH_HOSTS = 'MAP *.test 127.0.0.1, MAP * ~NOTFOUND';

/** Header that makes a GET non-simple, so Chromium preflights it. */
const PREFLIGHT_HEADER = 'X-Bench';

function answer(request: IncomingMessage, response: ServerResponse): void {
  const host = request.headers.host ?? '';
  if (host.startsWith('app.test')) {
    response.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8' });
    response.end('<!doctype html><title>CORS Lens benchmark</title><p>benchmark page</p>');
    return;
  }
  const cors = {
    'Access-Control-Allow-Origin': request.headers.origin ?? '*',
    'Cache-Control': 'no-store',
  };
  if (request.method === 'OPTIONS') {
    response.writeHead(204, {
      ...cors,
      'Access-Control-Allow-Methods': 'GET',
      'Access-Control-Allow-Headers': PREFLIGHT_HEADER,
      'Access-Control-Max-Age': '0',
    });
    response.end();
    return;
  }
  response.writeHead(200, { ...cors, 'Content-Type': 'text/plain' });
  response.end('ok');
}

export async function startWorkloadServer(): Promise<WorkloadServer> {
  const server = createServer(answer);
  server.keepAliveTimeout = 60_000;
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    appUrl: `http://app.test:${port}/`,
    apiOrigin: `http://api.test:${port}`,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

export interface Batch {
  /** Calls in the batch; every second one is preflighted. */
  readonly total: number;
  /** Calls the page keeps started at once. */
  readonly inFlight: number;
  /** Makes this batch's URLs unique, so nothing comes from a cache. */
  readonly label: string;
}

// Kept as source text: tsx (esbuild) would wrap named functions in a helper that does not exist
// in the page.
const BATCH_SOURCE = `async ({ apiOrigin, total, inFlight, label, header }) => {
  let next = 0;
  const lane = async () => {
    while (next < total) {
      const i = next++;
      const init = i % 2 === 1 ? { headers: { [header]: '1' } } : {};
      const response = await fetch(apiOrigin + '/api/' + label + '/' + i, init);
      if (!response.ok) throw new Error('call ' + i + ' answered ' + response.status);
      await response.text();
    }
  };
  const started = performance.now();
  await Promise.all(Array.from({ length: inFlight }, lane));
  return performance.now() - started;
}`;

/** Runs the batch in the page and returns its duration in ms, timed by the page itself. */
export async function timeBatch(page: Page, apiOrigin: string, batch: Batch): Promise<number> {
  const args = JSON.stringify({ apiOrigin, ...batch, header: PREFLIGHT_HEADER });
  const ms: unknown = await page.evaluate(`(${BATCH_SOURCE})(${args})`);
  if (typeof ms !== 'number') throw new Error(`the page timed its batch as ${String(ms)}`);
  return ms;
}

export interface Stream {
  /** Calls started per second; every second one is preflighted. */
  readonly perSecond: number;
  readonly seconds: number;
  /** Makes this stream's URLs unique. */
  readonly label: string;
  /** Hosts to spread the calls over (Chromium opens at most six connections per host). */
  readonly apiOrigins: readonly string[];
}

export interface StreamResult {
  readonly started: number;
  /** How long starting them took: close to `seconds` when the page kept up with the rate. */
  readonly startedInMs: number;
  readonly failed: number;
}

const STREAM_SOURCE = `async ({ apiOrigins, perSecond, seconds, label, header }) => {
  const total = Math.round(perSecond * seconds);
  const calls = [];
  const maxPending = 400;
  let pending = 0;
  const began = performance.now();
  let i = 0;
  while (i < total) {
    const due = Math.min(total, Math.ceil(((performance.now() - began) / 1000) * perSecond));
    // Chromium fails calls with ERR_INSUFFICIENT_RESOURCES when thousands are pending: a machine
    // that cannot serve the rate starts fewer, which the achieved rate then shows.
    for (; i < due && pending < maxPending; i++) {
      const init = i % 2 === 1 ? { headers: { [header]: '1' } } : {};
      const origin = apiOrigins[i % apiOrigins.length];
      pending++;
      calls.push(fetch(origin + '/api/' + label + '/' + i, init).then((r) => r.text()).finally(() => pending--));
    }
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
  const startedInMs = performance.now() - began;
  const settled = await Promise.allSettled(calls);
  return { started: total, startedInMs, failed: settled.filter((s) => s.status === 'rejected').length };
}`;

/** Starts calls from the page at a steady rate and waits until every one has settled. */
export async function streamCalls(page: Page, stream: Stream): Promise<StreamResult> {
  const args = JSON.stringify({ ...stream, header: PREFLIGHT_HEADER });
  return page.evaluate<StreamResult>(`(${STREAM_SOURCE})(${args})`);
}
