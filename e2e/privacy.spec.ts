// CORS Lens keeps what it captures to itself: a web page cannot reach the worker or its data.
import { test as base, expect } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { startPlayground } from '../playground/servers';
import { launchWithCorsLens } from '../src/playwright/launch';
import { EXTENSION_PATH, TEST_HOSTS } from './support/fixtures';

base('a web page cannot reach the worker or its data', async () => {
  const manifest = JSON.parse(readFileSync(resolve(EXTENSION_PATH, 'manifest.json'), 'utf8')) as Record<string, unknown>;
  expect(manifest['externally_connectable']).toBeUndefined();
  const playground = await startPlayground();
  const lens = await launchWithCorsLens({ extensionPath: EXTENSION_PATH, hostResolverRules: TEST_HOSTS });
  try {
    const page = await lens.context.newPage();
    await page.goto(`${playground.appOrigin}/`);
    await page.evaluate(() => (window as unknown as { runCase(id: string): Promise<string> }).runCase('no-acao'));
    // Without externally_connectable, Chrome gives web pages no way to message an extension.
    const reach = await page.evaluate((id) => {
      const runtime = (globalThis as { chrome?: { runtime?: { connect?: (id: string, info: object) => unknown } } }).chrome?.runtime;
      if (typeof runtime?.connect !== 'function') return 'no runtime.connect';
      try {
        runtime.connect(id, { name: 'panel:1' });
        return 'connected';
      } catch (error) {
        return `refused: ${String(error)}`;
      }
    }, lens.extensionId);
    expect(reach).not.toBe('connected');
  } finally {
    await lens.close();
    await playground.close();
  }
});
