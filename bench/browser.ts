// What the in-browser sections share: Chromium with the built extension, the playground servers,
// a playground page, the CORS panel opened as a tab for it, and the worker's bench seam.
import { resolve } from 'node:path';
import type { Page, Worker } from 'playwright-core';
import { startPlayground, type Playground } from '../playground/servers';
import type { ObservedCall } from '../src/shared/observed-call';
import type { StorageStats } from '../src/background/bench-seam';
import { launchWithCorsLens, type LaunchedBrowser } from '../src/playwright/launch';
import { findTabId } from '../src/playwright/read-report';

export interface BenchBrowser {
  readonly lens: LaunchedBrowser;
  readonly playground: Playground;
  /** The playground page, and the Chrome tab id behind it. */
  readonly page: Page;
  readonly tabId: number;
  /** Opens the CORS panel as a tab for `tabId` and waits until it is connected. */
  openPanel(tabId?: number): Promise<Page>;
  seam(): BenchSeam;
  close(): Promise<void>;
}

/** `globalThis.corsLensBench` in the worker (src/background/bench-seam.ts), typed for Node. */
export interface BenchSeam {
  addCalls(tabId: number, templates: readonly ObservedCall[], count: number, maxCalls: number): Promise<{ stored: number; droppedCount: number }>;
  sendToPanels(tabId: number, templates: readonly ObservedCall[], count: number): Promise<number>;
  forgetTab(tabId: number): Promise<void>;
  bytesInUse(): Promise<number>;
  startCounting(): Promise<void>;
  takeStats(): Promise<StorageStats>;
}

type SeamMethods = Record<string, (...args: unknown[]) => unknown>;

function seamOf(worker: Worker): BenchSeam {
  const call =
    (name: string) =>
    (...args: unknown[]): Promise<never> =>
      worker.evaluate(
        async ([method, params]) => {
          const seam = (globalThis as unknown as { corsLensBench?: SeamMethods }).corsLensBench;
          if (!seam) throw new Error('this extension build has no bench seam; load dist-seams/ (npm run build)');
          return (await seam[method]?.(...params)) as never;
        },
        [name, args] as const,
      );
  return {
    addCalls: call('addCalls'),
    sendToPanels: call('sendToPanels'),
    forgetTab: call('forgetTab'),
    bytesInUse: call('bytesInUse'),
    startCounting: call('startCounting'),
    takeStats: call('takeStats'),
  };
}

// tsx compiles this file keeping function names, through a helper that functions sent to
// page.evaluate then call; pages get a stand-in that leaves the function as it is.
const KEEP_NAMES = 'globalThis.__name = (fn) => fn;';

export async function openBenchBrowser(): Promise<BenchBrowser> {
  const playground = await startPlayground();
  const lens = await launchWithCorsLens({
    extensionPath: resolve(import.meta.dirname, '../dist-seams'),
    hostResolverRules: 'MAP *.test 127.0.0.1, MAP * ~NOTFOUND',
  });
  const page = await lens.context.newPage();
  await page.goto(`${playground.appOrigin}/`);
  const tabId = await findTabId(lens.context, page);
  return {
    lens,
    playground,
    page,
    tabId,
    async openPanel(forTab = tabId) {
      const panel = await lens.context.newPage();
      await panel.goto(`chrome-extension://${lens.extensionId}/src/panel/panel.html?tabId=${forTab}`);
      // Connected once the first snapshot is in: the list or the empty state replaces "connecting".
      await panel.locator('[role="grid"], [data-testid="empty-state"]').first().waitFor();
      await panel.evaluate(KEEP_NAMES);
      return panel;
    },
    seam: () => seamOf(lens.serviceWorker),
    async close() {
      await lens.close();
      await playground.close();
    },
  };
}
