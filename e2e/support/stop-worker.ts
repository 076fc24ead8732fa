// Stopping the extension's service worker the way DevTools' "Stop" does (CDP ServiceWorker
// domain), and waiting until Chromium reports it stopped.
import type { Page } from '@playwright/test';

interface WorkerVersion {
  readonly scriptURL: string;
  readonly runningStatus: string;
}

export async function stopExtensionWorker(page: Page): Promise<void> {
  const cdp = await page.context().newCDPSession(page);
  const running = new Map<string, string>();
  const stopped = new Promise<void>((resolve) => {
    cdp.on('ServiceWorker.workerVersionUpdated', ({ versions }: { versions: WorkerVersion[] }) => {
      for (const v of versions) if (v.scriptURL.startsWith('chrome-extension://')) running.set(v.scriptURL, v.runningStatus);
      if (running.size > 0 && [...running.values()].every((status) => status === 'stopped')) resolve();
    });
  });
  await cdp.send('ServiceWorker.enable');
  await cdp.send('ServiceWorker.stopAllWorkers');
  await stopped;
  await cdp.detach();
}
