// A project as a new user makes one (`npm init -y`, then install), with CORS Lens installed from
// the packed tarball, Playwright tests written in TypeScript, and a tsconfig that checks them
// the way Node resolves them (NodeNext: `require` for CommonJS, `import` for ESM).
import { execFile } from 'node:child_process';
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';

export interface Run {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
}

// Without the variables this suite's own Playwright worker runs under, so the project's
// Playwright starts as it would in the user's shell.
function userEnv(): NodeJS.ProcessEnv {
  return Object.fromEntries(Object.entries(process.env).filter(([name]) => !/^(TEST_|PW_|NODE_OPTIONS$)/.test(name)));
}

export function run(command: string, args: readonly string[], cwd: string, timeout: number): Promise<Run> {
  return new Promise((done) => {
    execFile(command, args, { cwd, timeout, env: userEnv(), maxBuffer: 64 * 1024 * 1024 }, (error, stdout, stderr) => {
      const code = error === null ? 0 : typeof error.code === 'number' ? error.code : -1;
      done({ code, stdout, stderr });
    });
  });
}

export async function mustRun(command: string, args: readonly string[], cwd: string, timeout: number): Promise<string> {
  const result = await run(command, args, cwd, timeout);
  if (result.code !== 0) throw new Error(`${command} ${args.join(' ')} exited ${result.code}\n${result.stdout}\n${result.stderr}`);
  return result.stdout;
}

const CONFIG = `import { defineConfig } from '@playwright/test';

export default defineConfig({ testDir: 'tests', workers: 1, retries: 0, timeout: 60_000 });
`;

const TSCONFIG = JSON.stringify(
  {
    compilerOptions: { module: 'nodenext', moduleResolution: 'nodenext', target: 'es2022', strict: true, noEmit: true, skipLibCheck: true },
    include: ['tests'],
  },
  null,
  2,
);

/** The kit tests: one passes, one fails on a blocked call, one checks the extension is listening
 * when the test starts, one reads a page on about:blank, one misuses a matcher. */
function tests(appOrigin: string): Record<string, string> {
  const head = `import { expect, test, type CorsError } from 'cors-lens/playwright';

const APP = '${appOrigin}';
`;
  return {
    'passes.spec.ts': `${head}
test('an API that allows the page', async ({ page, corsLens }) => {
  await page.goto(APP + '/?call=good');
  await expect(page.locator('#done')).toBeVisible();
  await expect(page).toHaveNoCorsErrors();
  const [call] = await corsLens.calls();
  expect(call?.outcome).toBe('allowed');
  const code: CorsError = 'MissingAllowOriginHeader';
  // @ts-expect-error -- only Chromium's CORS error codes are accepted, so the types are really there
  await expect(page).not.toHaveCorsError('NoSuchCode');
  await expect(page).not.toHaveCorsError(code, { url: '/good' });
});
`,
    'fails.spec.ts': `${head}
test('an API that forgets Access-Control-Allow-Origin', async ({ page }) => {
  await page.goto(APP + '/?call=broken');
  await expect(page.locator('#done')).toBeVisible();
  await expect(page).toHaveNoCorsErrors();
});
`,
    // Playwright 1.50 hands over the worker before its script has run; the kit must wait for it.
    'ready.spec.ts': `${head}
test('the extension listens before the test starts', async ({ context }) => {
  const [worker] = context.serviceWorkers();
  expect(await worker?.evaluate(() => 'chrome' in globalThis && 'corsLens' in globalThis)).toBe(true);
});
`,
    // The extension may not read about:blank's URL or title; the kit finds the tab without them.
    'blank.spec.ts': `${head}
test('a page on about:blank', async ({ page }) => {
  await page.goto('about:blank');
  await expect(page).toHaveNoCorsErrors();
});
`,
    'misuse.spec.ts': `${head}
test('the corsLens fixture where the page belongs', async ({ corsLens }) => {
  await corsLens.page.goto(APP + '/?call=good');
  // @ts-expect-error -- TypeScript knows the matcher takes a page; the kit says so too, for the
  // tests nobody type-checks (Playwright runs them without checking)
  await expect(corsLens).toHaveNoCorsErrors();
});
`,
  };
}

/** Makes the project in `dir` and installs the tarball and `@playwright/test@playwrightVersion`. */
export async function makeProject(
  dir: string,
  kind: 'commonjs' | 'module',
  tarball: string,
  playwrightVersion: string,
  appOrigin: string,
): Promise<void> {
  await mkdir(join(dir, 'tests'), { recursive: true });
  await mustRun('npm', ['init', '-y'], dir, 60_000);
  if (kind === 'module') await mustRun('npm', ['pkg', 'set', 'type=module'], dir, 60_000);
  const install = ['install', '--no-audit', '--no-fund', '--prefer-offline', '--save-dev'];
  await mustRun('npm', [...install, tarball, `@playwright/test@${playwrightVersion}`, 'typescript@5'], dir, 300_000);
  await writeFile(join(dir, 'playwright.config.ts'), CONFIG);
  await writeFile(join(dir, 'tsconfig.json'), TSCONFIG);
  for (const [name, text] of Object.entries(tests(appOrigin))) await writeFile(join(dir, 'tests', name), text);
}
