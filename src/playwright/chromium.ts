// Finds a Chromium to drive: $CHROMIUM_PATH, then the system's, then Playwright's own download,
// so the same code runs in CI (Debian's chromium) and on a laptop (Playwright's Chromium).
import { existsSync } from 'node:fs';

const SYSTEM_CHROMIUM = ['/usr/bin/chromium', '/usr/bin/chromium-browser', '/snap/bin/chromium'];

/** An executable path, or undefined to let Playwright use its bundled Chromium. */
export function findChromium(env: NodeJS.ProcessEnv = process.env): string | undefined {
  const fromEnv = env['CHROMIUM_PATH'];
  if (fromEnv) {
    if (!existsSync(fromEnv)) throw new Error(`CHROMIUM_PATH points to ${fromEnv}, which does not exist`);
    return fromEnv;
  }
  return SYSTEM_CHROMIUM.find((path) => existsSync(path));
}
