// Chrome stops idle MV3 workers; capture must lose nothing when that happens between or during
// bursts of requests, and preflights must still pair with their requests.
import type { Page } from '@playwright/test';
import { readCorsReport } from '../src/playwright/read-report';
import { expect, test } from './support/fixtures';

const KINDS = [
  { path: '/simple/allowed', init: {}, outcome: 'allowed', code: null, preflight: null },
  { path: '/simple/no-acao', init: {}, outcome: 'blocked', code: 'MissingAllowOriginHeader', preflight: null },
  {
    path: '/json/ok',
    init: { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: '{}' },
    outcome: 'allowed',
    code: null,
    preflight: 204,
  },
  {
    path: '/custom-header',
    init: { headers: { 'X-Token': 't' } },
    outcome: 'blocked',
    code: 'HeaderDisallowedByPreflightResponse',
    preflight: 204,
  },
] as const;

const kindOf = (index: number) => KINDS[index % KINDS.length] ?? KINDS[0];

/** Starts `count` calls from the page, cycling through KINDS; resolves when all have settled. */
function burst(page: Page, apiOrigin: string, label: string, count: number, delay: number): Promise<unknown> {
  const requests = Array.from({ length: count }, (_, i) => ({
    url: `${apiOrigin}${kindOf(i).path}?burst=${label}-${i}&delay=${delay}`,
    init: kindOf(i).init,
  }));
  return page.evaluate((list) => Promise.allSettled(list.map(({ url, init }) => fetch(url, init))), requests);
}

async function stopServiceWorkers(page: Page): Promise<void> {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('ServiceWorker.enable');
  await cdp.send('ServiceWorker.stopAllWorkers');
  await cdp.detach();
}

test('no call is lost when the worker stops between and during bursts', async ({ lens, playground }) => {
  const page = await lens.context.newPage();
  await page.goto(`${playground.appOrigin}/blank`);

  await burst(page, playground.apiOrigin, 'before', 20, 0);
  await stopServiceWorkers(page);
  await burst(page, playground.apiOrigin, 'after', 20, 0);

  const during = burst(page, playground.apiOrigin, 'during', 40, 300);
  await page.waitForTimeout(100); // calls are on the wire, waiting for the delayed answers
  await stopServiceWorkers(page);
  await during;

  const report = await readCorsReport(lens.context, { page, settleTimeout: 5_000 });
  const byLabel = (label: string) => report.calls.filter((c) => c.url.includes(`burst=${label}-`));
  expect(byLabel('before')).toHaveLength(20);
  expect(byLabel('after')).toHaveLength(20);
  expect(byLabel('during')).toHaveLength(40);
  for (const call of report.calls) {
    const index = Number(/burst=\w+-(\d+)/.exec(call.url)?.[1]);
    const kind = kindOf(index);
    // Each URL is unique, so every preflighted call has its own OPTIONS, paired to it.
    const preflight = call.preflight?.status ?? null;
    expect({ url: call.url, outcome: call.outcome, code: call.corsError?.code ?? null, preflight }).toEqual({
      url: call.url,
      outcome: kind.outcome,
      code: kind.code,
      preflight: kind.preflight,
    });
  }
  await page.close();
});
