// ensure-chromium.ts trusts $CHROMIUM_PATH as findChromium does: a path that is not there stops
// `npm start` and `npm test` with a message naming it, instead of a browser launch error later.
import { spawnSync } from 'node:child_process';
import { resolve } from 'node:path';
import { expect, it } from 'vitest';

const root = resolve(import.meta.dirname, '..');

it('stops with the missing path named when CHROMIUM_PATH points nowhere', () => {
  const run = spawnSync(resolve(root, 'node_modules/.bin/tsx'), ['scripts/ensure-chromium.ts'], {
    cwd: root,
    encoding: 'utf8',
    env: { ...process.env, CHROMIUM_PATH: '/nonexistent/chromium' },
  });
  expect(run.status).toBe(1);
  expect(run.stderr).toContain('CHROMIUM_PATH points to /nonexistent/chromium, which does not exist');
});

it('passes quietly when a Chromium is found', () => {
  const run = spawnSync(resolve(root, 'node_modules/.bin/tsx'), ['scripts/ensure-chromium.ts'], { cwd: root, encoding: 'utf8' });
  expect(run.status).toBe(0);
  expect(run.stdout).toBe('');
});
