// Steady traffic for a long time: the worker's heap and its storage stay flat once the per-tab log
// is full (5,000 calls; older ones are dropped and counted). CI runs a short soak; the full one is
// `SOAK_MINUTES=30 npx playwright test e2e/reliability/soak.spec.ts`.
import type { Page, Worker } from '@playwright/test';
import { median } from '../../bench/stats';
import { DEFAULT_MAX_CALLS_PER_TAB } from '../../src/background/tab-log';
import { findTabId } from '../../src/playwright/read-report';
import type { KitSeam } from '../../src/shared/kit-seam';
import { PanelPage } from '../pages/panel-page';
import { expect, test } from '../support/fixtures';
import { attachToExtensionWorker } from '../support/worker-cdp';

const SOAK_MS = Number(process.env['SOAK_MINUTES'] ?? 1) * 60_000;
const SAMPLES = 15;
const CALLS_PER_SECOND = 40;

interface Sample {
  readonly atSeconds: number;
  readonly heapBytes: number;
  readonly storageBytes: number;
  readonly calls: number;
}

test('worker heap and storage stay flat under steady traffic', async ({ lens, playground }) => {
  test.setTimeout(SOAK_MS + 180_000);
  const page = await lens.context.newPage();
  await page.goto(`${playground.appOrigin}/blank`);
  const tabId = await findTabId(lens.context, page);
  const worker = lens.serviceWorker;
  const cdp = await attachToExtensionWorker(lens.context);
  // Only what this spec causes counts: Runtime.enable replays the worker's earlier console.
  cdp.errors.length = 0;

  // Warm-up: fill the tab's log until old calls drop, so what follows measures the steady state.
  // A call is stored as JSON text of about 1.8 KB, so the 5,000-call cap or storage.session's
  // 10 MB quota, whichever comes first, makes the store drop the oldest calls (counted).
  for (let chunk = 0; chunk < DEFAULT_MAX_CALLS_PER_TAB / 500 + 2 && (await droppedCount(worker, tabId)) === 0; chunk++) {
    await send(page, playground.apiOrigin, `fill${chunk}`, 500);
  }
  await expect.poll(() => droppedCount(worker, tabId), { timeout: 60_000 }).toBeGreaterThan(0);

  // An open panel is part of the load: every call reaches it as a delta.
  const panel = await PanelPage.open(lens.context, lens.extensionId, page);
  await page.evaluate(
    ({ api, perTick }) => {
      let n = 0;
      const paths = ['/simple/allowed', '/simple/no-acao', '/json/ok'];
      const timer = setInterval(() => {
        for (let i = 0; i < perTick; i++, n++) {
          const path = paths[n % paths.length] ?? '/simple/allowed';
          const init: RequestInit = path === '/json/ok' ? { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: '{}' } : {};
          void fetch(`${api}${path}?soak=${n}`, init).catch(() => undefined);
        }
      }, 100);
      Object.assign(window, { stopSoak: () => clearInterval(timer) });
    },
    { api: playground.apiOrigin, perTick: CALLS_PER_SECOND / 10 },
  );

  const started = Date.now();
  const samples: Sample[] = [];
  for (let i = 0; i < SAMPLES; i++) {
    await new Promise((resolve) => setTimeout(resolve, started + ((i + 1) * SOAK_MS) / SAMPLES - Date.now()));
    await cdp.send('HeapProfiler.collectGarbage');
    const { usedSize } = await cdp.send<{ usedSize: number }>('Runtime.getHeapUsage');
    samples.push({
      atSeconds: Math.round((Date.now() - started) / 1000),
      heapBytes: usedSize,
      storageBytes: await worker.evaluate(() => chrome.storage.session.getBytesInUse(null)),
      calls: await callCount(worker, tabId),
    });
  }
  await page.evaluate(() => (window as unknown as { stopSoak(): void }).stopSoak());
  await test.info().attach('soak-samples.json', { body: JSON.stringify(samples, null, 2), contentType: 'application/json' });
  console.log(summary(samples));

  const third = Math.floor(SAMPLES / 3);
  const first = samples.slice(0, third);
  const last = samples.slice(-third);
  // Traffic did flow (the log stays full and keeps turning over) and was not cut short.
  expect(samples.every((s) => s.calls <= DEFAULT_MAX_CALLS_PER_TAB && s.calls > 1_000)).toBe(true);
  expect(await droppedCount(worker, tabId)).toBeGreaterThan((CALLS_PER_SECOND * SOAK_MS) / 1000 / 2);
  // Flat: the last third's median within bounds of the first third's. The heap holds the tab's
  // calls, whose number swings by a fifth as the store sheds a tenth at the quota, so the heap per
  // call held must stay within 30% and the heap itself within 50%; storage within 20%.
  const perCall = (s: Sample) => s.heapBytes / s.calls;
  expect(median(last.map(perCall))).toBeLessThan(median(first.map(perCall)) * 1.3);
  expect(median(last.map((s) => s.heapBytes))).toBeLessThan(median(first.map((s) => s.heapBytes)) * 1.5);
  expect(median(last.map((s) => s.storageBytes))).toBeLessThan(median(first.map((s) => s.storageBytes)) * 1.2);
  // And storage stays well inside the 10 MB storage.session holds for the whole extension.
  expect(Math.max(...samples.map((s) => s.storageBytes))).toBeLessThan(10 * 1024 * 1024);
  expect(cdp.errors).toEqual([]);
  await cdp.detach();
  await panel.close();
  await page.close();
});

/** The same mix of calls as the steady traffic, so the log's make-up does not change once full. */
function send(page: Page, api: string, label: string, count: number): Promise<unknown> {
  return page.evaluate(
    ({ base, tag, n }) =>
      Promise.allSettled(
        Array.from({ length: n }, (_, i) =>
          i % 3 === 2
            ? fetch(`${base}/json/ok?${tag}=${i}`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: '{}' })
            : fetch(`${base}${i % 3 === 0 ? '/simple/allowed' : '/simple/no-acao'}?${tag}=${i}`),
        ),
      ),
    { base: api, tag: label, n: count },
  );
}

type Api = { corsLens: KitSeam };

function callCount(worker: Worker, tabId: number): Promise<number> {
  return worker.evaluate(async (id) => (await (globalThis as unknown as Api).corsLens.calls(id)).length, tabId);
}

async function droppedCount(worker: Worker, tabId: number): Promise<number> {
  // The tab's meta is stored as JSON text (tab-store.ts).
  const text = await worker.evaluate(async (id) => (await chrome.storage.session.get(`tab:${id}`))[`tab:${id}`], tabId);
  const meta = typeof text === 'string' ? (JSON.parse(text) as { droppedCount?: number }) : undefined;
  return meta?.droppedCount ?? 0;
}

function summary(samples: readonly Sample[]): string {
  const mb = (bytes: number) => (bytes / 1024 / 1024).toFixed(2);
  return ['soak: seconds heapMB storageMB calls', ...samples.map((s) => `soak: ${s.atSeconds} ${mb(s.heapBytes)} ${mb(s.storageBytes)} ${s.calls}`)].join('\n');
}
