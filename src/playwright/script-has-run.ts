// Whether the extension's service worker has run its script. Playwright can hand over a worker,
// and answer `evaluate` in it, before the script has run: with @playwright/test 1.50 and
// Chromium 156 a freshly launched browser's worker had neither `chrome` nor listeners for the
// first 50–110 ms, so a page loaded at once lost its calls.
import type { Worker } from '@playwright/test';

const POLL_MS = 20;

// CORS Lens publishes `globalThis.corsLens` last, after every listener. Another extension (the
// benchmarks' no-op floor) has no such sign; `chrome` appearing is the best one it gives.
function signOfRunScript(): boolean {
  if (typeof chrome !== 'object' || !chrome.runtime) return false;
  return 'corsLens' in globalThis || chrome.runtime.getManifest().name !== 'CORS Lens';
}

/** Polls until the worker's script has run (true) or `timeoutMs` passes (false). A stopped worker
 * answers only once it runs again, so each question is raced against the time left. */
export async function scriptHasRun(worker: Worker, timeoutMs: number): Promise<boolean> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const remaining = deadline - Date.now();
    if (remaining <= 0) return false;
    let timer: NodeJS.Timeout | undefined;
    const timedOut = new Promise<false>((resolve) => {
      timer = setTimeout(() => resolve(false), remaining);
    });
    const ran = await Promise.race([worker.evaluate(signOfRunScript).catch(() => false), timedOut]);
    clearTimeout(timer);
    if (ran) return true;
    await new Promise((resolve) => setTimeout(resolve, POLL_MS));
  }
}
