// The capture-scope variants of the page-overhead benchmark: CORS Lens set to "tabs with DevTools
// open", measured on the inspected tab and on a tab that is not inspected. A tab counts as
// inspected while a DevTools page holds its `devtools:<tabId>` port; the benchmark opens that port
// from an extension page, as DevTools does when it is open on another panel than CORS, so the
// figures hold the capture's cost alone and not the CORS panel drawing 2,000 rows.
import { resolve } from 'node:path';
import type { Page } from 'playwright-core';
import { CAPTURE_SCOPE_KEY, DEVTOOLS_PORT_PREFIX, type CaptureScope } from '../src/shared/capture-scope';
import { launchWithCorsLens, type LaunchedBrowser } from '../src/playwright/launch';
import { findTabId } from '../src/playwright/read-report';
import type { SeamsBuildGlobal } from '../src/background/seams-build-seam';
import type { ListenerSetKey } from '../src/background/scoped-listeners';
import type { Variant } from './page-overhead';
import { BENCH_HOSTS } from './workload-server';

// The seams build: the bench waits on its view of the registered listener sets.
const CORS_LENS = resolve(import.meta.dirname, '..', 'dist-seams');

/** Which tab has DevTools open while the measured page runs its batch. */
export type Inspected = 'measured tab' | 'another tab' | 'no tab';

async function listenerSets(lens: LaunchedBrowser): Promise<ListenerSetKey[]> {
  return lens.serviceWorker.evaluate(() => (globalThis as unknown as SeamsBuildGlobal).corsLens.listenerSets());
}

async function setScope(lens: LaunchedBrowser, scope: CaptureScope): Promise<void> {
  await lens.serviceWorker.evaluate(([key, value]) => chrome.storage.local.set({ [key]: value }), [CAPTURE_SCOPE_KEY, scope] as const);
}

/** Holds `tabId`'s DevTools port open from an extension page for as long as the browser runs. */
async function openDevtoolsPort(lens: LaunchedBrowser, tabId: number): Promise<void> {
  const holder = await lens.context.newPage();
  // The devtools page outside DevTools: its own script stops at chrome.devtools, which only
  // DevTools provides; the page is an extension page all the same.
  await holder.goto(`chrome-extension://${lens.extensionId}/src/devtools/devtools.html`);
  await holder.evaluate((name) => void chrome.runtime.connect({ name }), DEVTOOLS_PORT_PREFIX + String(tabId));
}

/** Waits until the worker listens exactly as `expected` says, or fails the section. */
async function expectListenerSets(lens: LaunchedBrowser, expected: ListenerSetKey[]): Promise<void> {
  const want = JSON.stringify(expected);
  for (let tries = 0; tries < 100; tries++) {
    if (JSON.stringify(await listenerSets(lens)) === want) return;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`CORS Lens listens with ${JSON.stringify(await listenerSets(lens))}, expected ${want}`);
}

export function inspectedScope(name: string, inspected: Inspected): Variant {
  let lens: LaunchedBrowser | null = null;
  return {
    name,
    async open() {
      lens = await launchWithCorsLens({ extensionPath: CORS_LENS, hostResolverRules: BENCH_HOSTS });
      await setScope(lens, 'inspected-tabs');
      return lens;
    },
    async ready(page: Page, appUrl: string) {
      if (lens === null) throw new Error(`${name}: ready before open`);
      if (inspected === 'no tab') return expectListenerSets(lens, []);
      const target = inspected === 'measured tab' ? page : await lens.context.newPage();
      // A tab is found by its URL; an about:blank one could be any of them.
      await target.goto(`${appUrl}#${inspected.replace(/\W/g, '-')}`);
      const tabId = await findTabId(lens.context, target);
      await openDevtoolsPort(lens, tabId);
      await expectListenerSets(lens, [tabId]);
    },
  };
}
