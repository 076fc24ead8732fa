// The extension as users get it: dist/ holds none of the benchmark and test seams (dist-seams/
// holds every one, so the markers are real), and the store zip `npm run package` writes loads
// unpacked in Chromium: its worker starts and answers the kit.
import { mkdtemp, readFile, rm, writeFile, mkdir } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { unzipSync } from 'fflate';
import { expect, test } from '@playwright/test';
import { ICON_SIZES, packageExtension } from '../../scripts/package-extension';
import { SEAM_MARKERS, seamsIn } from '../../scripts/shipped-build';
import { launchWithCorsLens } from '../../src/playwright/launch';
import { KIT_SEAM_VERSION, type KitSeamGlobal } from '../../src/shared/kit-seam';
import { EXTENSION_PATH, SEAMS_EXTENSION_PATH, TEST_HOSTS } from '../support/fixtures';

const ROOT = resolve(import.meta.dirname, '../..');

test('the production build has no benchmark or test seam; the seams build has them all', async () => {
  expect([...(await seamsIn(EXTENSION_PATH)).keys()]).toEqual([]);
  expect([...(await seamsIn(SEAMS_EXTENSION_PATH)).keys()].sort()).toEqual(Object.keys(SEAM_MARKERS).sort());
});

test('the store zip carries the package version and every icon size, and loads unpacked', async () => {
  const work = await mkdtemp(join(tmpdir(), 'cors-lens-zip-'));
  try {
    const zip = await packageExtension(work);
    const { version } = JSON.parse(await readFile(join(ROOT, 'package.json'), 'utf8')) as { version: string };
    expect(zip).toBe(join(work, `cors-lens-${version}.zip`));

    const unpacked = join(work, 'unpacked');
    const entries = unzipSync(await readFile(zip));
    for (const [name, bytes] of Object.entries(entries)) {
      await mkdir(dirname(join(unpacked, name)), { recursive: true });
      await writeFile(join(unpacked, name), bytes);
    }
    const manifest = JSON.parse(await readFile(join(unpacked, 'manifest.json'), 'utf8')) as {
      version: string;
      icons: Record<string, string>;
    };
    expect(manifest.version).toBe(version);
    for (const size of ICON_SIZES) expect(Object.keys(entries)).toContain(manifest.icons[size]);
    expect([...(await seamsIn(unpacked)).keys()]).toEqual([]);

    const lens = await launchWithCorsLens({ extensionPath: unpacked, hostResolverRules: TEST_HOSTS });
    try {
      const seen = await lens.serviceWorker.evaluate(async () => {
        const seam = (globalThis as KitSeamGlobal).corsLens;
        return { version: seam?.version, calls: await seam?.calls?.() };
      });
      expect(seen).toEqual({ version: KIT_SEAM_VERSION, calls: [] });
      expect(lens.serviceWorker.url()).toBe(`chrome-extension://${lens.extensionId}/service-worker-loader.js`);
    } finally {
      await lens.close();
    }
  } finally {
    await rm(work, { recursive: true, force: true });
  }
});
