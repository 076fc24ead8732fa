// Launches Chromium with the CORS Lens extension loaded, the way the e2e suite, `npm start` and
// the Playwright kit all need it.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { BrowserContext, Worker } from '@playwright/test';
// The published kit takes `chromium` from the user's @playwright/test instead (vite.kit.config.ts),
// so its contexts and pages are those of the user's Playwright; the CLI uses playwright-core.
import { chromium } from 'playwright-core';
import { findChromium } from './chromium';
import { scriptHasRun } from './script-has-run';
import { isTabFinderWorker, writeTabFinder } from './tab-finder';

export interface LaunchOptions extends ChromiumOptions {
  /** Folder of the built, unpacked extension (`dist/`). */
  readonly extensionPath: string;
}

export interface ChromiumOptions {
  readonly headless?: boolean;
  /** Extra Chromium switches, e.g. `--auto-open-devtools-for-tabs`. */
  readonly args?: readonly string[];
  /** Host resolver rules; by default every `*.test` host maps to loopback. */
  readonly hostResolverRules?: string;
  /** Profile folder, kept after close (e.g. to relaunch the same profile); by default a fresh
   * temporary one, deleted on close. */
  readonly userDataDir?: string;
}

export interface LaunchedBrowser {
  readonly context: BrowserContext;
  readonly extensionId: string;
  readonly serviceWorker: Worker;
  close(): Promise<void>;
}

// Quiet on a closed network, and no Playwright default switches: its --disable-features list
// turns off features (e.g. AvoidCorsURLLoaderRestartOnRedirect) that change CORS behaviour, and
// real Chromium behaviour is what we compare against.
function switches(options: ChromiumOptions, extensionPaths: readonly string[], userDataDir: string): string[] {
  const runningAsRoot = typeof process.getuid === 'function' && process.getuid() === 0;
  return [
    '--remote-debugging-pipe',
    `--user-data-dir=${userDataDir}`,
    ...(options.headless === false ? [] : ['--headless']),
    ...(runningAsRoot ? ['--no-sandbox'] : []),
    ...(extensionPaths.length === 0
      ? []
      : [`--disable-extensions-except=${extensionPaths.join(',')}`, `--load-extension=${extensionPaths.join(',')}`]),
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
    '--no-first-run',
    // Chromium still calls Google for network time, account checks and updates with the flags
    // above; none of these features touches CORS.
    '--disable-features=NetworkTimeServiceQuerying,OptimizationHints,MediaRouter,AimEnabled,PreconnectToSearch',
    '--enable-features=SkipListAccountsWithoutGaiaCookies',
    '--disable-default-apps',
    '--disable-domain-reliability',
    '--disable-client-side-phishing-detection',
    '--no-pings',
    '--no-default-browser-check',
    '--disable-dev-shm-usage',
    '--disable-search-engine-choice-screen',
    `--host-resolver-rules=${options.hostResolverRules ?? 'MAP *.test 127.0.0.1'}`,
    ...(options.args ?? []),
    'about:blank',
  ];
}

export interface PlainBrowser {
  readonly context: BrowserContext;
  readonly close: () => Promise<void>;
}

/** The same Chromium with no extension at all: the baseline benchmarks measure against. */
export function launchWithoutExtension(options: ChromiumOptions = {}): Promise<PlainBrowser> {
  return launch(options, null);
}

async function launch(options: ChromiumOptions, extensionPath: string | null): Promise<PlainBrowser> {
  const ownDir = options.userDataDir === undefined;
  const userDataDir = options.userDataDir ?? (await mkdtemp(join(tmpdir(), 'cors-lens-profile-')));
  // With an extension comes the kit's tab finder (tab-finder.ts), so findTabId needs no URL.
  const tabFinder = extensionPath === null ? null : await writeTabFinder();
  const removeFolders = async () => {
    await tabFinder?.remove();
    if (ownDir) await rm(userDataDir, { recursive: true, force: true });
  };
  const executablePath = findChromium();
  try {
    const context = await chromium.launchPersistentContext(userDataDir, {
      ...(executablePath ? { executablePath } : {}),
      ignoreDefaultArgs: true,
      args: switches(options, extensionPath === null || tabFinder === null ? [] : [extensionPath, tabFinder.path], userDataDir),
      viewport: { width: 1280, height: 800 },
    });
    return {
      context,
      async close() {
        await context.close();
        await removeFolders();
      },
    };
  } catch (error) {
    await removeFolders();
    throw error;
  }
}

export async function launchWithCorsLens(options: LaunchOptions): Promise<LaunchedBrowser> {
  const { context, close } = await launch(options, options.extensionPath);
  try {
    const serviceWorker = await extensionWorker(context);
    const extensionId = new URL(serviceWorker.url()).host;
    return { context, extensionId, serviceWorker, close };
  } catch (error) {
    await close();
    throw error;
  }
}

const isExtensionWorker = (worker: Worker): boolean => worker.url().startsWith('chrome-extension://') && !isTabFinderWorker(worker);

/** The extension's service worker as Playwright lists it (a stopped one stays listed), if any. */
export function listedExtensionWorker(context: BrowserContext): Worker | undefined {
  return context.serviceWorkers().find(isExtensionWorker);
}

/** The extension's service worker once its script has run, so its listeners are up; waits for it
 * to (re)start when it is not running. */
export async function extensionWorker(context: BrowserContext, timeout = 10_000): Promise<Worker> {
  const deadline = Date.now() + timeout;
  const worker =
    listedExtensionWorker(context) ?? (await context.waitForEvent('serviceworker', { predicate: isExtensionWorker, timeout }));
  if (await scriptHasRun(worker, deadline - Date.now())) return worker;
  throw new Error(`CORS Lens: the extension service worker did not finish starting within ${timeout} ms`);
}
