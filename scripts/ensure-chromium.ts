// Second step of `npm start` and `npm test`: makes sure there is a Chromium to drive, found the way
// the tests and the kit find it (src/playwright/chromium.ts). On Debian, run as root, it installs
// Debian's chromium, as .ci/run does; anywhere else it says exactly what to install.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { chromium } from 'playwright-core';
import { findChromium } from '../src/playwright/chromium';

const HOW_TO_INSTALL = [
  'CORS Lens needs Chromium, and none was found. Any one of these works:',
  '  Debian or Ubuntu:  sudo apt-get install -y chromium',
  '  any system:        npx playwright install chromium',
  '  a browser you have: CHROMIUM_PATH=/path/to/chrome npm start',
].join('\n');

function chromiumFound(): boolean {
  return findChromium() !== undefined || existsSync(chromium.executablePath());
}

function canInstallWithApt(): boolean {
  return process.platform === 'linux' && process.getuid?.() === 0 && existsSync('/usr/bin/apt-get');
}

function aptInstallChromium(): boolean {
  console.log('No Chromium found; installing Debian\'s: apt-get install -y chromium');
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  const update = spawnSync('apt-get', ['update', '-qq'], { stdio: 'inherit', env });
  if (update.status !== 0) return false;
  return spawnSync('apt-get', ['install', '-y', '-qq', 'chromium'], { stdio: 'inherit', env }).status === 0;
}

try {
  if (!chromiumFound() && !(canInstallWithApt() && aptInstallChromium() && chromiumFound())) {
    console.error(HOW_TO_INSTALL);
    process.exit(1);
  }
} catch (error) {
  // findChromium throws when CHROMIUM_PATH names a file that is not there: say so, do not guess.
  console.error(error instanceof Error ? error.message : String(error));
  process.exit(1);
}
