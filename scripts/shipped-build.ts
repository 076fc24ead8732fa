// What must never ship: the benchmark and test seams that only `vite build --mode seams`
// compiles in (src/background/build-mode.ts). Each marker is a name minification keeps (a
// property key, a storage key or a global), so finding one in a build means the seam is there.
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';

export const SEAM_MARKERS: Readonly<Record<string, string>> = {
  corsLensBench: 'the bench seam (bench-seam.ts)',
  startCounting: 'the bench seam that replaces chrome.storage.session.set',
  captureStats: "the per-event cost samples' reader (capture-stats.ts)",
  Float64Array: 'the per-event cost sample buffer (capture-stats.ts)',
  trialLifetimeMs: 'the test override of the trial lifetime (trials.ts)',
  setLifetimeMs: 'the test seam that sets the trial lifetime (trials.ts)',
  setCapturePaused: 'the pause switch on corsLens (index.ts)',
};

/** `marker → files` for every marker found in the build's scripts and pages. */
export async function seamsIn(buildDir: string): Promise<Map<string, string[]>> {
  const found = new Map<string, string[]>();
  const files = (await readdir(buildDir, { recursive: true })).filter((f) => /\.(js|mjs|html|json)$/.test(f));
  for (const file of files) {
    const text = await readFile(join(buildDir, file), 'utf8');
    for (const marker of Object.keys(SEAM_MARKERS)) {
      if (text.includes(marker)) found.set(marker, [...(found.get(marker) ?? []), file]);
    }
  }
  return found;
}
