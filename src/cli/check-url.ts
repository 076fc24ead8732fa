// `cors-lens check <url>`: loads the page in headless Chromium with the extension and reads the
// report the extension built, exactly as the Playwright kit does.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { launchWithCorsLens, type LaunchedBrowser } from '../playwright/launch';
import { readObservedCalls } from '../playwright/read-report';
import { CliError } from './cli-error';
import type { SeenCalls } from './format-report';

export interface CheckOptions {
  readonly url: string;
  readonly waitFor: number;
  /** Folder of the built extension (`dist/` of this package). */
  readonly extensionPath: string;
  readonly progress: (line: string) => void;
  /** How long the page may take to load, and the network to go idle (ms). */
  readonly loadTimeout?: number;
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/** Playwright's launch errors are long banners; keep what tells the user what to do. */
export function launchProblem(message: string): string {
  if (/Executable doesn't exist|ENOENT|CHROMIUM_PATH/i.test(message)) {
    const first = /CHROMIUM_PATH[^\n]*/.exec(message)?.[0];
    return first ?? 'no Chromium found: install chromium, set CHROMIUM_PATH, or run `npx playwright install chromium`';
  }
  return `could not start Chromium: ${message.split('\n')[0] ?? message}`;
}

/** `page.goto` errors read "page.goto: net::ERR_CONNECTION_REFUSED at http://…"; keep the code. */
export function navigationProblem(url: string, message: string): string {
  const code = /net::ERR_[A-Z_]+/.exec(message)?.[0];
  if (code === 'net::ERR_CONNECTION_REFUSED') return `cannot reach ${url}: connection refused (${code}). Is the server running?`;
  if (code === 'net::ERR_NAME_NOT_RESOLVED') return `cannot reach ${url}: unknown host (${code})`;
  if (code !== undefined) return `cannot load ${url} (${code})`;
  if (/Timeout/i.test(message)) return `${url} did not finish loading in time`;
  return `cannot load ${url}: ${message.split('\n')[0] ?? message}`;
}

export async function checkUrl(options: CheckOptions): Promise<SeenCalls> {
  if (!existsSync(join(options.extensionPath, 'manifest.json'))) {
    throw new CliError(`the CORS Lens extension is not built at ${options.extensionPath} (run npm run build)`);
  }
  const loadTimeout = options.loadTimeout ?? 30_000;
  options.progress('Starting headless Chromium with CORS Lens…');
  let browser: LaunchedBrowser;
  try {
    browser = await launchWithCorsLens({ extensionPath: options.extensionPath, headless: true });
  } catch (error) {
    throw new CliError(launchProblem(messageOf(error)));
  }
  try {
    const page = await browser.context.newPage();
    options.progress(`Loading ${options.url}…`);
    try {
      await page.goto(options.url, { waitUntil: 'load', timeout: loadTimeout });
    } catch (error) {
      throw new CliError(navigationProblem(options.url, messageOf(error)));
    }
    // A page that polls never goes idle; report what was seen rather than fail.
    await page.waitForLoadState('networkidle', { timeout: loadTimeout }).catch(() => {
      options.progress(`The network did not go idle within ${loadTimeout} ms; reporting what was seen so far.`);
    });
    if (options.waitFor > 0) {
      options.progress(`Waiting ${options.waitFor} ms for late requests…`);
      await page.waitForTimeout(options.waitFor);
    }
    // The raw records carry the headers the Markdown report shows; the report is built from them.
    const calls = await readObservedCalls(browser.context, { page });
    const version = browser.context.browser()?.version() ?? (await page.evaluate(() => navigator.userAgent));
    return { calls, source: `Chromium ${version} (headless, cors-lens check)` };
  } finally {
    await browser.close();
  }
}
