// Each playground case end to end: what CORS Lens reports equals what Chromium itself reported
// over CDP in the same run.
import { PLAYGROUND_CASES } from '../playground/cases';
import { readCorsReport } from '../src/playwright/read-report';
import type { ReportCall } from '../src/shared/report';
import { ChromiumVerdicts } from './support/chromium-verdicts';
import { expect, test } from './support/fixtures';

for (const playgroundCase of PLAYGROUND_CASES) {
  test(`${playgroundCase.id}: CORS Lens agrees with Chromium`, async ({ lens, playground }) => {
    const page = await lens.context.newPage();
    const chromium = await ChromiumVerdicts.attach(page);
    await page.goto(`${playground.appOrigin}/`);
    const clicks = playgroundCase.repeat ? 2 : 1;
    for (let i = 0; i < clicks; i++) {
      await page.evaluate((id) => (window as unknown as { runCase(id: string): Promise<string> }).runCase(id), playgroundCase.id);
    }

    const report = await readCorsReport(lens.context, { page });
    const calls = report.calls.filter((c) => c.url.includes(`case=${playgroundCase.id}`));
    expect(calls).toHaveLength(clicks);
    const oracle = chromium.find(`case=${playgroundCase.id}`);
    expect(oracle, 'Chromium saw the request').toBeDefined();
    const call = calls[0] as ReportCall;
    expect({ outcome: call.outcome, code: call.corsError?.code ?? null, parameter: call.corsError?.failedParameter ?? null })
      .toEqual({
        outcome: oracle?.corsError ? 'blocked' : 'allowed',
        code: oracle?.corsError ?? null,
        parameter: oracle?.failedParameter ?? null,
      });
    if (call.outcome === 'blocked') expect(call.explanation).not.toBe('');

    if (playgroundCase.repeat) {
      // The second call was served from the preflight cache: Chromium sent one OPTIONS in all.
      expect(chromium.preflights.filter((u) => u.includes(`case=${playgroundCase.id}`))).toHaveLength(1);
      expect(calls[1]?.preflight).toEqual({ status: null, fromCache: true });
    }
    await chromium.detach();
    await page.close();
  });
}
