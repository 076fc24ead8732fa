// A stream of 1,000 cross-origin calls during which the service worker is stopped five times,
// each time with dozens of calls in flight: every call is still listed with its verdict.
//
// How the stops are placed, and why: CDP's stopAllWorkers kills the worker at once, even while
// Chromium is delivering it events, and an event delivered to a dying worker is lost. Chrome's
// own idle stop never does that: it stops a worker only after 30 s without events. So each stop
// comes once the worker has taken in every event sent so far, while the server holds 30 calls open
// across five hosts; the next life is started before their answers are released.
//
// Why not let those answers wake the worker: the webRequest event that starts a stopped worker can
// be lost (w3c/webextensions#246), and what we saw fits it arriving twice as well. Arriving twice,
// it listed a call twice, or left a finished call pending (capture now drops an event for a request
// that has ended); lost, the call lacks what that event said, which nothing in the extension can
// recover. Run under load with the answers waking the worker, this spec failed so in 4 of 28 runs.
import type { Page } from '@playwright/test';
import { readObservedCalls, readCorsReport } from '../../src/playwright/read-report';
import { KINDS } from '../support/call-kinds';
import { expect, test } from '../support/fixtures';
import { stopExtensionWorker } from '../support/stop-worker';
import { takenIn } from '../support/taken-in';


const ROUNDS = 5;
const CALLS_PER_ROUND = 200;
// Chromium opens six connections per host: five hosts hold 30 calls on the wire at once.
const HOLD_HOSTS = 5;
const HELD_PER_ROUND = HOLD_HOSTS * 6;

interface PlannedCall {
  readonly url: string;
  readonly init: RequestInit;
  readonly kind: number;
}

function plan(round: number, apiOrigin: string): PlannedCall[] {
  const api = new URL(apiOrigin);
  return Array.from({ length: CALLS_PER_ROUND }, (_, i) => {
    // Held calls use the three kinds whose actual request reaches the server.
    const held = i < HELD_PER_ROUND;
    const kind = held ? i % 3 : i % KINDS.length;
    const host = held ? `hold${i % HOLD_HOSTS}.api.test` : `stream${i % 4}.api.test`;
    const hold = held ? `&hold=round${round}` : '';
    return { url: `http://${host}:${api.port}${KINDS[kind]?.path ?? ''}?call=${round}-${i}&kind=${kind}${hold}`, init: KINDS[kind]?.init ?? {}, kind };
  });
}

function send(page: Page, calls: readonly PlannedCall[]): Promise<unknown> {
  return page.evaluate((list) => Promise.allSettled(list.map(({ url, init }) => fetch(url, init))), calls);
}

test('1,000 calls, five worker stops with 30 calls in flight at each: every call listed with its verdict', async ({ lens, playground }) => {
  test.setTimeout(180_000);
  const page = await lens.context.newPage();
  await page.goto(`${playground.appOrigin}/blank`);
  const release = (round: number) =>
    fetch(`http://127.0.0.1:${new URL(playground.apiOrigin).port}/release?hold=round${round}`, { method: 'POST' });

  for (let round = 0; round < ROUNDS; round++) {
    const settled = send(page, plan(round, playground.apiOrigin));
    // Every call of the round is taken in, all but the held ones have ended, and those are sent.
    await expect
      .poll(
        async () => {
          const calls = (await readObservedCalls(lens.context, { page, settleTimeout: 0 })).filter((c) =>
            c.hops[0]?.url.includes(`call=${round}-`),
          );
          return takenIn(calls);
        },
        { timeout: 60_000 },
      )
      .toEqual({ seen: CALLS_PER_ROUND, inFlight: HELD_PER_ROUND, sent: HELD_PER_ROUND });
    // A mark in the worker's globals dies with its life: seeing it gone proves a new life.
    await lens.serviceWorker.evaluate((r) => Object.assign(globalThis, { stopMark: r }), round);
    await stopExtensionWorker(page);
    await readObservedCalls(lens.context, { page, settleTimeout: 0 }); // starts the next life
    await release(round);
    await settled;
    await readObservedCalls(lens.context, { page, settleTimeout: 0 });
    expect(await lens.serviceWorker.evaluate(() => 'stopMark' in globalThis)).toBe(false);
  }

  // One record per request: an event arriving again after its request ended once listed the
  // request a second time, or overwrote the finished record with a pending one.
  const observed = await readObservedCalls(lens.context, { page, settleTimeout: 10_000 });
  const records = new Map<string, string[]>();
  for (const call of observed) {
    const planned = new URL(call.hops[0]?.url ?? 'about:blank').searchParams.get('call') ?? call.id;
    records.set(planned, [...(records.get(planned) ?? []), `${call.id} ${call.state}${call.incomplete ? ' incomplete' : ''}`]);
  }
  expect([...records].filter(([, seen]) => seen.length > 1)).toEqual([]);
  const report = await readCorsReport(lens.context, { page, settleTimeout: 10_000 });
  expect(report.calls).toHaveLength(ROUNDS * CALLS_PER_ROUND);
  const wrong = report.calls.filter((call) => {
    const kind = KINDS[Number(new URL(call.url).searchParams.get('kind'))];
    return (
      !kind ||
      call.outcome !== kind.outcome ||
      (call.corsError?.code ?? null) !== kind.code ||
      (call.preflight?.status ?? null) !== kind.preflight ||
      !call.complete
    );
  });
  expect(wrong.map((c) => `${c.url} ${c.outcome} ${c.corsError?.code ?? ''} complete=${c.complete}`)).toEqual([]);
  await page.close();
});
