// The HAR export must load in Chrome DevTools' HAR import: run DevTools' own importer (its
// HARRoot check and requestsFromHARLog) on our HAR inside a real DevTools window.
import { test as base, expect } from '@playwright/test';
import { launchWithCorsLens } from '../src/playwright/launch';
import { reportHar } from '../src/shared/report-har';
import { REALISTIC_CALLS } from '../src/shared/report-test-calls';
import { DevToolsWindow } from './support/devtools-window';
import { EXTENSION_PATH, TEST_HOSTS } from './support/fixtures';

base('DevTools imports the HAR export: every entry becomes a request', async () => {
  const lens = await launchWithCorsLens({ extensionPath: EXTENSION_PATH, hostResolverRules: TEST_HOSTS, args: ['--auto-open-devtools-for-tabs'] });
  try {
    const page = await lens.context.newPage();
    const frontend = await (await DevToolsWindow.attach(page, lens.extensionId)).frontend();
    const har = reportHar(REALISTIC_CALLS, { name: 'CORS Lens', version: '0.1.0' });
    const load = `(async () => {
      const HAR = await import('./models/har/har.js');
      const root = new HAR.HARFormat.HARRoot(${JSON.stringify(har)});
      return HAR.Importer.Importer.requestsFromHARLog(root.log).map((r) => r.requestMethod + ' ' + r.url()).sort();
    })()`;
    // The importer orders requests by start time; compare the sets. The frontend loads its
    // modules a moment after the window opens, hence the poll.
    const exported = har.log.entries.map((e) => `${e.request.method} ${e.request.url}`).sort();
    expect(exported.length).toBeGreaterThan(5);
    await expect.poll(() => frontend.evaluate(load)).toEqual(exported);
  } finally {
    await lens.close();
  }
});
