// Store: what chrome.storage.session costs. Writes while requests stream in (are they batched,
// how long does a batch take), the footprint of a tab full of recorded calls, what happens at
// the 10 MB quota (the oldest calls are dropped and counted, and the panel says so), and how long
// the worker takes to read a tab back for a panel.
import { recordedCalls } from './fixture-calls';
import { openBenchBrowser } from './browser';
import type { BenchSection, Figure } from './figure';
import type { KitSeam } from '../src/shared/kit-seam';
import { median } from './stats';
import { streamRequests } from './stream';

const SECTION = 'Store';

/** Polls until `read` gives the same value twice in a row, a second apart. */
async function settle(read: () => Promise<number>): Promise<number> {
  let last = await read();
  for (;;) {
    await new Promise((resolve) => setTimeout(resolve, 1000));
    const now = await read();
    if (now === last) return now;
    last = now;
  }
}
const TAB_CAP = 5000;
// Tab ids no real tab has: the store keeps any tab's log, and panels open for them as for a tab.
const FULL_TAB = 1_000_001;
const SECOND_TAB = 1_000_002;
const MB = 2 ** 20;
const QUOTA = 10 * MB;
const SAMPLE = 1000;

export const storeSection: BenchSection = {
  name: SECTION,
  async run({ runs, quick }) {
    const templates = recordedCalls();
    const bench = await openBenchBrowser();
    const seam = bench.seam();
    const figures: Figure[] = [];
    const add = (figure: Omit<Figure, 'section'>) => figures.push({ section: SECTION, ...figure });
    try {
      // 1. Writes while requests stream in from a page.
      const requests = quick ? 100 : 2000;
      const sample = quick ? 300 : SAMPLE;
      await seam.startCounting();
      await seam.takeStats();
      await streamRequests(bench.page, bench.playground.apiOrigin, requests);
      // The last flush is issued a task after the last event; give it time to settle.
      await new Promise((resolve) => setTimeout(resolve, 500));
      const streamed = await seam.takeStats();
      add({ name: 'webRequest events while streaming', value: streamed.events, unit: 'events', note: `${requests} requests from the page, 6 in flight` });
      add({
        name: 'storage.session writes per event',
        value: streamed.sets / streamed.events,
        unit: 'x',
        target: { op: '<', value: 1 },
        note: `${streamed.sets} set() calls for ${streamed.events} events: batched, never one per event`,
      });
      add({ name: 'calls written per write (mean)', value: streamed.callsWritten / streamed.sets, unit: 'calls', note: 'a call is rewritten as its events arrive' });
      add({ name: 'write time per batch (median)', value: median(streamed.setDurationsMs), unit: 'ms', note: `set() call to settled, over ${streamed.setDurationsMs.length} writes` });

      await seam.forgetTab(bench.tabId);
      // 2. Footprint: 1,000 recorded calls in one tab, as Chromium counts them against the quota.
      const sampled = await seam.addCalls(FULL_TAB, templates, sample, TAB_CAP);
      const sampleBytes = await seam.bytesInUse();
      const perCall = sampleBytes / sampled.stored;
      add({ name: `footprint of ${sampled.stored.toLocaleString('en')} recorded calls`, value: sampleBytes / MB, unit: 'MB', note: `getBytesInUse: ${Math.round(perCall)} bytes per call, stored as JSON text` });
      add({ name: 'calls that fit in the 10 MB quota', value: Math.floor(QUOTA / perCall), unit: 'calls', note: `all tabs together; the per-tab cap is ${TAB_CAP.toLocaleString('en')}` });
      // Quick runs write just enough to go a tenth past the quota (worked out from the footprint,
      // which changes with the stored form), where the full run fills both tabs to the cap.
      const perTab = quick ? Math.min(TAB_CAP, Math.ceil((1.1 * QUOTA) / perCall / 2)) : TAB_CAP;

      // 3. 10,000 calls, 5,000 (the cap) in each of two tabs: far past the quota, so each write
      // that does not fit drops the oldest tenth (counted) of the tab being written, until it does:
      // the second tab pays for its own writes and the first keeps what it had.
      const firstBefore = (await seam.addCalls(FULL_TAB, templates, perTab - sample, TAB_CAP)).stored;
      await seam.addCalls(SECOND_TAB, templates, perTab, TAB_CAP);
      // A write that hit the quota is retried after the drop, outside the call that made it.
      const settled = await settle(() => seam.bytesInUse());
      const first = await seam.addCalls(FULL_TAB, templates, 0, TAB_CAP);
      const second = await seam.addCalls(SECOND_TAB, templates, 0, TAB_CAP);
      const bothBytes = settled;
      add({
        name: `${(2 * perTab).toLocaleString('en')} calls in two tabs: calls kept`,
        value: first.stored + second.stored,
        unit: 'calls',
        note: `${first.droppedCount + second.droppedCount} dropped at the quota and counted; ${(bothBytes / MB).toFixed(2)} MB in use`,
      });
      add({ name: 'storage in use after the quota was hit', value: bothBytes / MB, unit: 'MB', target: { op: '<=', value: QUOTA / MB }, note: 'never above the quota' });
      add({
        name: "calls the first tab lost to the second tab's writes",
        value: firstBefore - first.stored,
        unit: 'calls',
        target: { op: '<=', value: 0 },
        note: `the first tab held ${firstBefore.toLocaleString('en')} before and ${first.stored.toLocaleString('en')} after; the second dropped ${second.droppedCount}`,
      });
      const panel = await bench.openPanel(SECOND_TAB);
      const counters = panel.getByTestId('counters');
      add({
        name: 'panel of the tab that shed says "storage full"',
        value: (await counters.getAttribute('data-storage-full')) === 'true' ? 1 : 0,
        unit: 'x',
        target: { op: '>=', value: 1 },
        note: 'not only a console error',
      });
      const shownDropped = Number(await counters.getAttribute('data-dropped'));
      add({
        name: 'quota drops shown in the panel ("N older dropped")',
        value: shownDropped,
        unit: 'calls',
        target: { op: '>=', value: 1 },
        note: `panel reads "${(await counters.textContent())?.trim() ?? ''}"`,
      });
      await panel.close();

      // 4. Reading a full tab back, as every panel connect does (hello → snapshot).
      const reads: number[] = [];
      for (let run = 0; run < runs; run++) {
        reads.push(
          await bench.lens.serviceWorker.evaluate(async (tabId) => {
            const api = (globalThis as unknown as { corsLens: KitSeam }).corsLens;
            const started = performance.now();
            await api.calls(tabId);
            return performance.now() - started;
          }, FULL_TAB),
        );
      }
      add({ name: `read a tab back for a panel (${first.stored.toLocaleString('en')} calls)`, value: median(reads), unit: 'ms', note: `median of ${runs} runs, worker side` });

      // 5. Writing 1,000 calls in one batch, each run into a new tab: a forgotten (closed) tab's
      // id stays closed, so it cannot be filled again.
      await seam.forgetTab(FULL_TAB);
      await seam.forgetTab(SECOND_TAB);
      const writes: number[] = [];
      for (let run = 0; run < runs; run++) {
        const tabId = SECOND_TAB + 1 + run;
        await seam.takeStats();
        await seam.addCalls(tabId, templates, sample, TAB_CAP);
        const { setDurationsMs } = await seam.takeStats();
        if (setDurationsMs.length === 0) throw new Error(`writing ${sample} calls into tab ${tabId} made no storage write`);
        writes.push(Math.max(...setDurationsMs));
        await seam.forgetTab(tabId);
      }
      add({ name: `write ${sample.toLocaleString('en')} calls in one batch`, value: median(writes), unit: 'ms', note: `median of ${runs} runs` });
    } finally {
      await bench.close();
    }
    return figures;
  },
};
