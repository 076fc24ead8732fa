// ensure-deps.mjs on a throw-away project with one local dependency, so `npm ci` runs offline in
// a second: a fresh clone gets its dependencies, an installed one is left alone, a newer lockfile
// reinstalls. And both README commands run it before anything that needs node_modules.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';

const script = resolve(import.meta.dirname, 'ensure-deps.mjs');
const made: string[] = [];

function projectWithLocalDependency(): string {
  const dir = mkdtempSync(join(tmpdir(), 'cors-lens-ensure-deps-'));
  made.push(dir);
  mkdirSync(join(dir, 'dep'));
  writeFileSync(join(dir, 'dep', 'package.json'), JSON.stringify({ name: 'dep', version: '1.0.0' }));
  writeFileSync(
    join(dir, 'package.json'),
    JSON.stringify({ name: 'fresh-clone', version: '1.0.0', dependencies: { dep: 'file:./dep' } }),
  );
  execFileSync('npm', ['install', '--package-lock-only', '--no-audit', '--no-fund'], { cwd: dir, stdio: 'ignore' });
  return dir;
}

const ensureDeps = (dir: string) => execFileSync('node', [script, dir], { encoding: 'utf8' });

afterEach(() => {
  for (const dir of made.splice(0)) rmSync(dir, { recursive: true, force: true });
});

describe('ensure-deps', () => {
  it('installs the dependencies of a clone that has no node_modules', () => {
    const dir = projectWithLocalDependency();
    expect(ensureDeps(dir)).toContain('node_modules is missing');
    expect(existsSync(join(dir, 'node_modules', 'dep', 'package.json'))).toBe(true);
  });

  it('leaves an up-to-date install alone and reinstalls after the lockfile changes', () => {
    const dir = projectWithLocalDependency();
    ensureDeps(dir);
    const marker = join(dir, 'node_modules', 'left-alone');
    writeFileSync(marker, '');
    expect(ensureDeps(dir)).toBe('');
    expect(existsSync(marker)).toBe(true);

    const later = new Date(Date.now() + 60_000);
    utimesSync(join(dir, 'package-lock.json'), later, later);
    expect(ensureDeps(dir)).toContain('package-lock.json changed');
    expect(existsSync(marker)).toBe(false);
  });

  it('runs first in both commands the README starts with', () => {
    const { scripts } = JSON.parse(readFileSync(resolve(import.meta.dirname, '../package.json'), 'utf8')) as {
      scripts: Record<string, string>;
    };
    expect(scripts['setup']).toBe('node scripts/ensure-deps.mjs && tsx scripts/ensure-chromium.ts');
    expect(scripts['start']?.startsWith('npm run setup && ')).toBe(true);
    expect(scripts['test']?.startsWith('npm run setup && ')).toBe(true);
  });
});
