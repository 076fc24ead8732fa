// Event to panel: from a request's completion (the page's Date.now() when the fetch finished) to
// its row showing the final outcome in the open panel, while 2,000 requests stream in.
//
// "Visible" here: the list is windowed and the panel, left at its end, follows new rows by itself
// (as one watches new traffic arrive); a row counts as visible at the first animation frame after
// its `data-outcome` leaves "pending" in the DOM, and a row the panel failed to follow into view
// is never seen, which the last figure counts. Requests go 6 at a time (Chromium's per-host limit
// for HTTP/1.1), so the calls still in flight are always among the last rows, which are mounted.
import type { Page } from 'playwright-core';
import { openBenchBrowser, type BenchBrowser } from './browser';
import type { BenchSection, Figure } from './figure';
import { median, percentile } from './stats';
import { streamRequests } from './stream';

const SECTION = 'Event to panel';

/** Starts watching the panel: each row's first frame showing a final outcome is stamped in
 * `window.benchSeenAt`, which a run replaces with an empty object to start afresh. A row changed
 * between frames is stamped at the next frame; one changed during a frame's animation callbacks
 * (where the panel renders what arrived since the last frame) is painted in that same frame. */
async function watchPanel(panel: Page): Promise<void> {
  await panel.evaluate(() => {
    const stamps = window as unknown as { benchSeenAt: Record<string, number> };
    stamps.benchSeenAt = {};
    let due: string[] = [];
    let inFrame = false;
    // A message posted in a frame is handled after that frame has been painted.
    const frameEnd = new MessageChannel();
    frameEnd.port1.onmessage = () => {
      inFrame = false;
    };
    // Registered from its own callback, this runs first among each frame's callbacks.
    const onFrame = (): void => {
      inFrame = true;
      frameEnd.port2.postMessage(null);
      const now = Date.now();
      for (const url of due) stamps.benchSeenAt[url] ??= now;
      due = [];
      requestAnimationFrame(onFrame);
    };
    requestAnimationFrame(onFrame);
    new MutationObserver(() => {
      const now = Date.now();
      for (const row of document.querySelectorAll<HTMLElement>('[data-testid="cors-call"]')) {
        const url = row.dataset['url'] ?? '';
        if (row.dataset['outcome'] === 'pending' || stamps.benchSeenAt[url] !== undefined) continue;
        if (inFrame) stamps.benchSeenAt[url] = now;
        else if (!due.includes(url)) due.push(url);
      }
    }).observe(document.body, { subtree: true, childList: true, attributes: true, attributeFilter: ['data-outcome'] });
  });
}

/** One stream into a freshly cleared log: each request's completion → row visible, in ms, and
 * how many rows were never seen final. */
async function measureStream(bench: BenchBrowser, panel: Page, requests: number): Promise<{ latencies: number[]; missed: number }> {
  // A navigation clears the tab's log (Preserve log is off) and the panel with it.
  await bench.page.goto(`${bench.playground.appOrigin}/`);
  await panel.waitForFunction(() => document.querySelectorAll('[data-testid="cors-call"]').length === 0);
  await panel.evaluate(() => {
    (window as unknown as { benchSeenAt: Record<string, number> }).benchSeenAt = {};
  });
  const doneAt = await streamRequests(bench.page, bench.playground.apiOrigin, requests);
  const urls = Object.keys(doneAt);
  // Let the last rows arrive before reading the stamps.
  await panel
    .waitForFunction((n) => Object.keys((window as unknown as { benchSeenAt: object }).benchSeenAt).length >= n, urls.length, { timeout: 10_000 })
    .catch(() => undefined);
  const seenAt = await panel.evaluate(() => (window as unknown as { benchSeenAt: Record<string, number> }).benchSeenAt);
  const latencies: number[] = [];
  let missed = 0;
  for (const url of urls) {
    const seen = seenAt[url];
    if (seen === undefined) missed++;
    else latencies.push(Math.max(0, seen - (doneAt[url] ?? seen)));
  }
  return { latencies, missed };
}

export const eventToPanelSection: BenchSection = {
  name: SECTION,
  async run({ quick, runs }) {
    const requests = quick ? 100 : 2000;
    const bench = await openBenchBrowser();
    try {
      const panel = await bench.openPanel();
      await panel.bringToFront();
      await watchPanel(panel);
      const p95s: number[] = [];
      const medians: number[] = [];
      let missed = 0;
      // Run 0 warms up (the first stream into a new panel and worker runs cold code) and is not counted.
      for (let run = 0; run <= runs; run++) {
        const stream = await measureStream(bench, panel, requests);
        if (run === 0) continue;
        p95s.push(percentile(stream.latencies, 95));
        medians.push(median(stream.latencies));
        missed = Math.max(missed, stream.missed);
      }
      const visibility = await panel.evaluate(() => document.visibilityState);
      const note = `median of ${runs} runs of ${requests} requests, 6 in flight; panel ${visibility}`;
      const figures: Figure[] = [
        { section: SECTION, name: 'completion → row visible, p95', value: median(p95s), unit: 'ms', target: { op: '<', value: 100 }, note: `${note}; runs: ${p95s.join(', ')}` },
        { section: SECTION, name: 'completion → row visible, median', value: median(medians), unit: 'ms', note },
        { section: SECTION, name: 'rows never seen final, worst run', value: missed, unit: 'calls', target: { op: '<=', value: 0 } },
      ];
      return figures;
    } finally {
      await bench.close();
    }
  },
};
