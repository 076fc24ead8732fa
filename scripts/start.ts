// `npm start`: the playground servers plus a Chromium with CORS Lens loaded and DevTools open on
// the playground. `npm start -- --headless` (or CORS_LENS_HEADLESS=1) clicks every case without a
// window, prints what CORS Lens concluded, saves a screenshot of the panel and exits.
import { mkdir } from 'node:fs/promises';
import { resolve } from 'node:path';
import { PLAYGROUND_CASES } from '../playground/cases';
import { startPlayground } from '../playground/servers';
import { launchWithCorsLens } from '../src/playwright/launch';
import { findTabId, readCorsReport } from '../src/playwright/read-report';

const headless = process.argv.includes('--headless') || process.env['CORS_LENS_HEADLESS'] === '1';
const root = resolve(import.meta.dirname, '..');

if (!headless && !process.env['DISPLAY'] && process.platform === 'linux') {
  console.error('No display found. Run `npm start -- --headless`, or `xvfb-run -a npm start`.');
  process.exit(1);
}

const playground = await startPlayground({
  app: Number(process.env['APP_PORT'] ?? 0),
  api: Number(process.env['API_PORT'] ?? 0),
});
const lens = await launchWithCorsLens({
  extensionPath: resolve(root, 'dist'),
  headless,
  args: headless ? [] : ['--auto-open-devtools-for-tabs'],
});
const page = lens.context.pages()[0] ?? (await lens.context.newPage());
await page.goto(`${playground.appOrigin}/`);
console.log(`Playground: ${playground.appOrigin}/ calling ${playground.apiOrigin}`);

if (headless) {
  for (const c of PLAYGROUND_CASES) {
    const clicks = c.repeat ? 2 : 1;
    for (let i = 0; i < clicks; i++) await page.click(`[data-case="${c.id}"]`);
  }
  await page.waitForTimeout(1_000);
  const report = await readCorsReport(lens.context, { page });
  for (const call of report.calls) {
    const code = call.corsError ? ` ${call.corsError.code}` : '';
    console.log(`${call.outcome.padEnd(8)} ${call.method.padEnd(7)} ${call.url}${code}`);
    if (call.outcome !== 'allowed') console.log(`         ${call.explanation}`);
  }
  const tabId = await findTabId(lens.context, page);
  const panel = await lens.context.newPage();
  await panel.goto(`chrome-extension://${lens.extensionId}/src/panel/panel.html?tabId=${tabId}`);
  await panel.locator('[data-testid="cors-call"][data-outcome="blocked"]').first().click();
  await mkdir(resolve(root, '.tmp'), { recursive: true });
  const shot = resolve(root, '.tmp/panel.png');
  await panel.screenshot({ path: shot });
  console.log(`${report.calls.length} calls captured; panel screenshot: ${shot}`);
  await lens.close();
  await playground.close();
} else {
  console.log('Open DevTools (already open on the playground tab) and pick the CORS tab. Ctrl+C to stop.');
  const stop = async () => {
    await lens.close().catch(() => undefined);
    await playground.close();
    process.exit(0);
  };
  lens.context.on('close', () => void stop());
  process.on('SIGINT', () => void stop());
}
