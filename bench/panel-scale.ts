// Panel scale: the panel holding 10,000 calls. First render, filtering per keystroke, scrolling
// the whole (windowed) list, and the panel page's memory.
//
// 10,000 recorded calls do not fit in storage.session (see the Store section: about 1,500 do),
// so the worker's seam hands them to the open panel as one delta over the real port, the way a
// snapshot arrives; the panel cannot tell the difference. First render is timed from the worker
// posting that message to the first animation frame after the counters show all 10,000.
import type { CDPSession, Page } from 'playwright-core';
import { benchCopies } from '../src/background/bench-copy';
import { verdictFor } from '../src/panel/state/verdicts';
import { visibleCalls } from '../src/panel/state/visible-calls';
import { openBenchBrowser } from './browser';
import { recordedCalls } from './fixture-calls';
import type { BenchSection, Figure } from './figure';
import { median, percentile } from './stats';

const SECTION = 'Panel scale';
const PANEL_TAB = 1_000_003;
const FRAME_MS = 1000 / 60;
// Typed one key at a time; each key must change what the list shows, so its render is real work.
// Digits pick out calls by their number (the `n=` each copy's URL carries).
const TYPED = ['5678', '4321', '1234'];

/** Resolves with Date.now() at the first frame after the counters show `calls` and `shown`. */
function framesUntilCounts(panel: Page, calls: number, shown: number): Promise<number> {
  return panel.evaluate(
    ([total, visible]) =>
      new Promise<number>((resolve) => {
        const matches = (): boolean => {
          const counters = document.querySelector<HTMLElement>('[data-testid="counters"]');
          return counters?.dataset['calls'] === String(total) && counters.dataset['shown'] === String(visible);
        };
        const done = (): void => void requestAnimationFrame(() => resolve(Date.now()));
        if (matches()) return done();
        const observer = new MutationObserver(() => {
          if (!matches()) return;
          observer.disconnect();
          done();
        });
        observer.observe(document.body, { subtree: true, childList: true, attributes: true });
      }),
    [calls, shown] as const,
  );
}

async function heapMB(cdp: CDPSession): Promise<number> {
  await cdp.send('HeapProfiler.collectGarbage');
  const { usedSize } = await cdp.send('Runtime.getHeapUsage');
  return usedSize / 2 ** 20;
}

export const panelScaleSection: BenchSection = {
  name: SECTION,
  async run({ runs, quick }) {
    const count = quick ? 1000 : 10_000;
    const templates = recordedCalls();
    const calls = benchCopies(templates, count, PANEL_TAB);
    const typed = TYPED.find((text) => strictlyNarrowing(text, calls));
    if (typed === undefined) throw new Error('no filter text narrows the list at every key');
    const bench = await openBenchBrowser();
    const seam = bench.seam();
    const firstRenders: number[] = [];
    const keystrokes: number[] = [];
    const longFrames: number[] = [];
    const frameP95: number[] = [];
    let memory = 0;
    let emptyMemory = 0;
    try {
      for (let run = 0; run < runs; run++) {
        const panel = await bench.openPanel(PANEL_TAB);
        await panel.bringToFront();
        const cdp = await panel.context().newCDPSession(panel);
        if (run === 0) emptyMemory = await heapMB(cdp);
        const rendered = framesUntilCounts(panel, count, count);
        const postedAt = await seam.sendToPanels(PANEL_TAB, templates, count);
        firstRenders.push((await rendered) - postedAt);
        if (run === 0) memory = await heapMB(cdp);

        // Filtering: each key, from keydown to the first frame showing the narrowed list.
        const filter = panel.getByTestId('filter');
        await filter.focus();
        for (let i = 1; i <= typed.length; i++) {
          const expected = visibleCalls(calls, typed.slice(0, i), 'all', verdictFor).length;
          await panel.evaluate(() => {
            const input = document.querySelector('[data-testid="filter"]');
            input?.addEventListener('keydown', (e) => ((window as unknown as { benchKeyAt: number }).benchKeyAt = e.timeStamp + performance.timeOrigin), { once: true });
          });
          const shown = framesUntilCounts(panel, count, expected);
          await panel.keyboard.press(typed[i - 1] as string);
          const shownAt = await shown;
          const keyAt = await panel.evaluate(() => (window as unknown as { benchKeyAt: number }).benchKeyAt);
          keystrokes.push(shownAt - keyAt);
        }
        await filter.fill('');
        await framesUntilCounts(panel, count, count);

        // Scrolling top to bottom, 30 rows a frame, measuring the gaps between frames.
        const gaps = await panel.evaluate(
          (rowsPerFrame) =>
            new Promise<number[]>((resolve) => {
              const list = document.querySelector('[role="grid"]');
              if (!list) return resolve([]);
              list.scrollTop = 0;
              const frames: number[] = [];
              let last = performance.now();
              const step = (now: number): void => {
                frames.push(now - last);
                last = now;
                if (list.scrollTop + list.clientHeight >= list.scrollHeight) return resolve(frames.slice(1));
                list.scrollTop += rowsPerFrame * 21;
                requestAnimationFrame(step);
              };
              requestAnimationFrame(step);
            }),
          30,
        );
        longFrames.push(gaps.filter((gap) => gap > 1.5 * FRAME_MS).length);
        frameP95.push(percentile(gaps, 95));
        await cdp.detach();
        await panel.close();
      }
    } finally {
      await bench.close();
    }
    const figure = (f: Omit<Figure, 'section'>): Figure => ({ section: SECTION, ...f });
    return [
      figure({ name: `first render of ${count.toLocaleString('en')} calls`, value: median(firstRenders), unit: 'ms', target: { op: '<', value: 200 }, note: `median of ${runs}; worker posts → first frame with every row counted` }),
      figure({ name: 'filter, per keystroke (median)', value: median(keystrokes), unit: 'ms', target: { op: '<', value: 50 }, note: `keydown → first frame showing the narrowed list; "${typed}" typed ${runs}×` }),
      figure({ name: 'filter, per keystroke (p95)', value: percentile(keystrokes, 95), unit: 'ms' }),
      figure({ name: 'scroll whole list: frames over 1.5× 16.7 ms', value: median(longFrames), unit: 'frames', target: { op: '<=', value: 0 }, note: `median of ${runs} scrolls, 30 rows a frame` }),
      figure({ name: 'scroll whole list: frame time p95', value: median(frameP95), unit: 'ms' }),
      figure({ name: `panel JS heap with ${count.toLocaleString('en')} calls`, value: memory, unit: 'MB', target: { op: '<', value: 100 }, note: `after GC (Runtime.getHeapUsage); ${emptyMemory.toFixed(1)} MB empty` }),
    ];
  },
};

/** Whether every prefix of `text` shows fewer calls than the one before, starting from all. */
function strictlyNarrowing(text: string, calls: Parameters<typeof visibleCalls>[0]): boolean {
  let previous = calls.length;
  for (let i = 1; i <= text.length; i++) {
    const shown = visibleCalls(calls, text.slice(0, i), 'all', verdictFor).length;
    if (shown >= previous) return false;
    previous = shown;
  }
  return true;
}
