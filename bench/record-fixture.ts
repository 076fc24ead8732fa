// Records the checker benchmark's inputs: every playground case run once (twice where the case
// shows the preflight cache) through the built extension in real Chromium, read back from the
// worker as the ObservedCalls it stored. Loopback only, so nothing in it is secret.
//   npm run build && npx tsx bench/record-fixture.ts
import { writeFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { PLAYGROUND_CASES } from '../playground/cases';
import { startPlayground } from '../playground/servers';
import { launchWithCorsLens } from '../src/playwright/launch';
import { readObservedCalls } from '../src/playwright/read-report';

export const FIXTURE_PATH = resolve(import.meta.dirname, 'fixtures/playground-calls.json');

async function main(): Promise<void> {
  const playground = await startPlayground();
  const lens = await launchWithCorsLens({
    extensionPath: resolve(import.meta.dirname, '../dist'),
    hostResolverRules: 'MAP *.test 127.0.0.1, MAP * ~NOTFOUND',
  });
  try {
    const page = await lens.context.newPage();
    await page.goto(`${playground.appOrigin}/`);
    for (const playgroundCase of PLAYGROUND_CASES) {
      for (let i = 0; i < (playgroundCase.repeat ? 2 : 1); i++) {
        await page.evaluate((id) => (window as unknown as { runCase(id: string): Promise<string> }).runCase(id), playgroundCase.id);
      }
    }
    const calls = await readObservedCalls(lens.context, { page });
    if (calls.length < PLAYGROUND_CASES.length) throw new Error(`recorded only ${calls.length} calls`);
    await writeFile(FIXTURE_PATH, `${JSON.stringify(calls, null, 1)}\n`);
    console.log(`wrote ${calls.length} calls to ${FIXTURE_PATH}`);
  } finally {
    await lens.close();
    await playground.close();
  }
}

await main();
