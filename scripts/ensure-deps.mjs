// First step of `npm start` and `npm test`: installs the npm dependencies when they are missing or
// older than package-lock.json, so the README's two commands work on a fresh clone. Plain Node with
// no imports outside the standard library, because it runs before node_modules exists.
//
// "Older" uses npm's own test for its hidden lockfile (node_modules/.package-lock.json): npm writes
// it on every install and trusts it only while it is newer than package-lock.json.
import { spawnSync } from 'node:child_process';
import { existsSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';

const root = resolve(process.argv[2] ?? join(import.meta.dirname, '..'));
const lockfile = join(root, 'package-lock.json');
const installed = join(root, 'node_modules', '.package-lock.json');

function installReason() {
  if (!existsSync(installed)) return 'node_modules is missing';
  if (statSync(installed).mtimeMs < statSync(lockfile).mtimeMs) return 'package-lock.json changed since the last install';
  return null;
}

const reason = installReason();
if (reason !== null) {
  console.log(`Installing npm dependencies (${reason}): npm ci`);
  const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
  const run = spawnSync(npm, ['ci', '--no-audit', '--no-fund'], { cwd: root, stdio: 'inherit' });
  if (run.status !== 0) {
    console.error(`npm ci failed (exit ${run.status ?? run.signal}); fix the error above and run the command again.`);
    process.exit(1);
  }
}
