// Chrome stops idle MV3 workers; capture must lose nothing when that happens between or during
// bursts of requests, and preflights must still pair with their requests.
import type { Page } from '@playwright/test';
import { readCorsReport, readObservedCalls } from '../src/playwright/read-report';
import { burst, kindOf } from './support/call-kinds';
import { expect, test } from './support/fixtures';
import { stopExtensionWorker as stopServiceWorkers } from './support/stop-worker';
import { takenIn } from './support/taken-in';

/** Waits until the worker has taken in every event of the `count` calls labelled `label` so far:
 * `held` of them still in flight, each already sent and held by the server. Counting the calls
 * was not enough: a call is listed from its first event, and a stop while its preflight was still
 * being answered lost the rest (seen once in CI: the call ended incomplete, without its preflight). */
async function waitForTakenIn(page: Page, label: string, count: number, held = 0): Promise<void> {
  await expect
    .poll(async () => {
      const calls = await readObservedCalls(page.context(), { page, settleTimeout: 0 });
      return takenIn(calls.filter((c) => c.hops[0]?.url.includes(`burst=${label}-`)));
    })
    .toEqual({ seen: count, inFlight: held, sent: held });
}

// CDP's stopAllWorkers kills the worker at once, even with events queued for it, which Chrome's
// own idle stop never does: it stops a worker that has had no event for 30 s. So each stop comes
// once the worker has taken in the events sent so far: between bursts, and while a burst's calls
// are held by the server, waiting for their answers. The next life is started before the answers
// are released, since the event that wakes a stopped worker can be lost (see
// reliability/worker-stops.spec.ts).
test('no call is lost when the worker stops between bursts and while calls are in flight', async ({ lens, playground }) => {
  const page = await lens.context.newPage();
  await page.goto(`${playground.appOrigin}/blank`);

  await burst(page, playground.apiOrigin, 'before', 20);
  await waitForTakenIn(page, 'before', 20);
  await stopServiceWorkers(page);
  // Reading the log restarts the worker, which must find every call of the stopped one.
  await waitForTakenIn(page, 'before', 20);
  await burst(page, playground.apiOrigin, 'after', 20);

  // Chromium runs six connections per host, so hold only as many calls as can be on the wire.
  // The blocked custom-header kind (index 3) ends at its preflight; the other five are held.
  const during = burst(page, playground.apiOrigin, 'during', 6, true);
  await waitForTakenIn(page, 'during', 6, 5);
  await stopServiceWorkers(page);
  await waitForTakenIn(page, 'during', 6, 5);
  // Released from Node, over loopback, so the release is no call of the page's.
  await fetch(`http://127.0.0.1:${new URL(playground.apiOrigin).port}/release?hold=during`, { method: 'POST' });
  await during;

  const report = await readCorsReport(lens.context, { page, settleTimeout: 5_000 });
  const byLabel = (label: string) => report.calls.filter((c) => c.url.includes(`burst=${label}-`));
  expect(byLabel('before')).toHaveLength(20);
  expect(byLabel('after')).toHaveLength(20);
  expect(byLabel('during')).toHaveLength(6);
  for (const call of report.calls) {
    const index = Number(/burst=\w+-(\d+)/.exec(call.url)?.[1]);
    const kind = kindOf(index);
    // Each URL is unique, so every preflighted call has its own OPTIONS, paired to it.
    expect({
      url: call.url,
      outcome: call.outcome,
      code: call.corsError?.code ?? null,
      preflight: call.preflight?.status ?? null,
      complete: call.complete,
    }).toEqual({ url: call.url, outcome: kind.outcome, code: kind.code, preflight: kind.preflight, complete: true });
  }
  await page.close();
});
