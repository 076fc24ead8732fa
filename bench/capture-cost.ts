// Capture cost: the worker's own time per webRequest event while a page makes 2,000 cross-origin
// calls a second, as the worker measures it (src/background/capture-stats.ts: the listener's
// synchronous work plus applying the event to the tab's log), the batched storage writes'
// time spread over the events they carried, and whether every call the page made was listed.
import { resolve } from 'node:path';
import type { Page, Worker } from 'playwright-core';
import { launchWithCorsLens } from '../src/playwright/launch';
import type { SeamsBuildGlobal } from '../src/background/seams-build-seam';
import type { BenchOptions, BenchSection, Figure } from './figure';
import { median, percentile } from './stats';
import { BENCH_HOSTS, startWorkloadServer, streamCalls } from './workload-server';

const SECTION = 'Capture cost';
// The seams build: only it measures its own cost per event.
const CORS_LENS = resolve(import.meta.dirname, '../dist-seams');
const API_HOSTS = 8;
/** The worker's clock steps by 100 µs (see capture-stats.ts): medians are taken over the mean
 * time of each run of this many consecutive events. */
const WINDOW = 32;

function windowMeans(samples: readonly number[]): number[] {
  const means: number[] = [];
  for (let start = 0; start + WINDOW <= samples.length; start += WINDOW) {
    means.push(samples.slice(start, start + WINDOW).reduce((a, b) => a + b, 0) / WINDOW);
  }
  return means;
}

async function tabIdOf(worker: Worker, url: string): Promise<number> {
  const id = await worker.evaluate(async (u) => (await chrome.tabs.query({ url: u }))[0]?.id, url);
  if (id === undefined) throw new Error(`no tab shows ${url}`);
  return id;
}

/** Calls of this stream the worker lists complete (answered, and preflighted ones with their
 * answered preflight), once that number stops changing. */
async function listedCalls(worker: Worker, tabId: number, label: string): Promise<number> {
  let last = -1;
  for (let attempt = 0; attempt < 40; attempt++) {
    const calls = await worker.evaluate(
      async ({ id, marker }) =>
        (await (globalThis as unknown as SeamsBuildGlobal).corsLens.calls(id)).filter((call) => {
          const url = call.hops[0]?.url ?? '';
          const index = Number(url.slice(url.indexOf(marker) + marker.length));
          const preflightSeen = index % 2 === 0 || call.hops[0]?.preflight?.response != null;
          return url.includes(marker) && call.state === 'completed' && preflightSeen;
        }).length,
      { id: tabId, marker: `/api/${label}/` },
    );
    if (calls === last) return calls;
    last = calls;
    await new Promise((r) => setTimeout(r, 250));
  }
  return last;
}

async function run(options: BenchOptions): Promise<Figure[]> {
  const perSecond = options.quick ? 500 : 2000;
  // One second (2,000 calls, 3,000 requests with the preflights) stays under the tab log's bound of
  // 5,000 calls and, with their headers, well under storage.session's 10 MB: 4,000 calls hit its
  // quota on this workload.
  const seconds = 1;
  const server = await startWorkloadServer();
  const browser = await launchWithCorsLens({ extensionPath: CORS_LENS, hostResolverRules: BENCH_HOSTS });
  const port = new URL(server.apiOrigin).port;
  const apiOrigins = Array.from({ length: API_HOSTS }, (_, i) => `http://api-${i}.test:${port}`);
  const medians: number[] = [];
  const p95s: number[] = [];
  const means: number[] = [];
  const writePerEvent: number[] = [];
  const writesPer100: number[] = [];
  const lost: number[] = [];
  const rates: number[] = [];
  let failed = 0;
  try {
    const page: Page = await browser.context.newPage();
    const worker = browser.serviceWorker;
    // Round 0 warms up and is not counted.
    for (let round = 0; round <= options.runs; round++) {
      await page.goto(server.appUrl);
      const tabId = await tabIdOf(worker, server.appUrl);
      await worker.evaluate(() => (globalThis as unknown as SeamsBuildGlobal).corsLens.resetCaptureStats());
      const label = `cost${round}`;
      const result = await streamCalls(page, { perSecond, seconds, label, apiOrigins });
      const listed = await listedCalls(worker, tabId, label);
      const stats = await worker.evaluate(() => (globalThis as unknown as SeamsBuildGlobal).corsLens.captureStats());
      if (round === 0) continue;
      if (stats.microseconds.length < WINDOW) throw new Error(`the worker measured only ${stats.events} events`);
      medians.push(median(windowMeans(stats.microseconds)));
      means.push(stats.microseconds.reduce((a, b) => a + b, 0) / stats.microseconds.length);
      writePerEvent.push(stats.storeWriteMicroseconds / stats.events);
      writesPer100.push((100 * stats.storeWrites) / stats.events);
      p95s.push(percentile(stats.microseconds, 95));
      lost.push(result.started - listed);
      rates.push(result.started / (result.startedInMs / 1000));
      failed += result.failed;
    }
  } finally {
    await browser.close();
    await server.close();
  }
  if (failed > 0) throw new Error(`${failed} calls of the page failed; the workload server is not keeping up`);
  const note = `median of ${options.runs} runs, ${perSecond.toLocaleString('en')} calls/s for ${seconds} s, half preflighted`;
  return [
    { section: SECTION, name: 'calls started per second (achieved)', value: median(rates), unit: '/s', note },
    {
      section: SECTION,
      name: 'worker time per webRequest event, median',
      value: median(medians),
      unit: 'µs',
      target: { op: '<', value: 50 },
      note: `${note}; median of ${WINDOW}-event means (100 µs clock)`,
    },
    { section: SECTION, name: 'worker time per webRequest event, mean', value: median(means), unit: 'µs', note },
    { section: SECTION, name: 'worker time per webRequest event, p95', value: median(p95s), unit: 'µs', note: `${note}; single events, 100 µs steps` },
    { section: SECTION, name: 'batched storage writes, time per event', value: median(writePerEvent), unit: 'µs', note: `${note}; writes' total / events` },
    { section: SECTION, name: 'batched storage writes per 100 events', value: median(writesPer100), unit: 'writes', note },
    { section: SECTION, name: 'calls lost (made − listed), worst run', value: Math.max(...lost), unit: 'calls', target: { op: '<=', value: 0 }, note },
  ];
}

export const captureCost: BenchSection = { name: `${SECTION} (capture)`, run };
