// The kit reads the extension only through `globalThis.corsLens` and checks its version first: an
// extension without the seam, or with another version, gets a sentence, not a TypeError.
import { resolve } from 'node:path';
import { expect, test } from '@playwright/test';
import { launchWithCorsLens } from '../src/playwright/launch';
import { readCorsReport } from '../src/playwright/read-report';
import { KIT_SEAM_VERSION, type KitSeamGlobal } from '../src/shared/kit-seam';
import { EXTENSION_PATH, TEST_HOSTS } from './support/fixtures';

test('an extension of another seam version is refused with both versions named', async () => {
  const lens = await launchWithCorsLens({ extensionPath: EXTENSION_PATH, hostResolverRules: TEST_HOSTS });
  const setVersion = (version: number) =>
    lens.serviceWorker.evaluate((v) => Object.assign((globalThis as KitSeamGlobal).corsLens ?? {}, { version: v }), version);
  try {
    await setVersion(KIT_SEAM_VERSION + 1);
    await expect(readCorsReport(lens.context)).rejects.toThrow(
      `the loaded extension speaks kit seam version ${KIT_SEAM_VERSION + 1}, this kit speaks version ${KIT_SEAM_VERSION}`,
    );
    await setVersion(KIT_SEAM_VERSION);
    expect((await readCorsReport(lens.context)).calls).toEqual([]);
  } finally {
    await lens.close();
  }
});

test('an extension with no seam is refused', async () => {
  const other = await launchWithCorsLens({ extensionPath: resolve(import.meta.dirname, '../bench/noop-extension'), hostResolverRules: TEST_HOSTS });
  try {
    await expect(readCorsReport(other.context)).rejects.toThrow('the loaded extension has no kit seam of a known version');
  } finally {
    await other.close();
  }
});
