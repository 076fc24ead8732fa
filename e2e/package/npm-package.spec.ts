// The package as a new user installs it: `npm pack`, then the tarball installed into two
// throw-away projects outside the repository, made by `npm init -y` (one left CommonJS, one set
// to "type": "module"), with TypeScript Playwright tests. In each, the kit's types check under
// NodeNext, a passing kit test passes, a failing one fails with the kit's explanation, a misused
// matcher says what it expects, and `npx cors-lens check` reports a local page. The ESM project
// uses the oldest @playwright/test the package declares (its peer range), the CommonJS project
// the one this repository tests with.
import { readFile, mkdtemp, rm } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { expect, test } from '@playwright/test';
import { makeProject, mustRun, run } from './throwaway-project';

const ROOT = resolve(import.meta.dirname, '../..');
const OWN_PLAYWRIGHT = (JSON.parse(await readFile(join(ROOT, 'node_modules/@playwright/test/package.json'), 'utf8')) as { version: string }).version;
const { peerDependencies } = JSON.parse(await readFile(join(ROOT, 'package.json'), 'utf8')) as { peerDependencies: Record<string, string> };
const OLDEST_PLAYWRIGHT = (peerDependencies['@playwright/test'] ?? '').replace(/^\^/, '');

const PAGE = (api: string) => `<!doctype html><title>app</title><script type="module">
  const call = new URLSearchParams(location.search).get('call');
  await fetch('${api}/' + call).catch(() => null);
  document.body.insertAdjacentHTML('beforeend', '<p id="done">done</p>');
</script>`;

function listen(server: Server): Promise<number> {
  return new Promise((done) => server.listen(0, '127.0.0.1', () => done((server.address() as AddressInfo).port)));
}

let work = '';
let tarball = '';
let packedFiles: string[] = [];
let app: Server;
let api: Server;
let appOrigin = '';

test.beforeAll(async () => {
  test.setTimeout(120_000);
  work = await mkdtemp(join(tmpdir(), 'cors-lens-package-'));
  api = createServer((req, res) => {
    // `/good` allows the page's origin; `/broken` forgets to.
    if (req.url === '/good') res.setHeader('Access-Control-Allow-Origin', appOrigin);
    res.end('ok');
  });
  const apiPort = await listen(api);
  app = createServer((_req, res) => {
    res.setHeader('Content-Type', 'text/html');
    res.end(PAGE(`http://api.test:${apiPort}`));
  });
  appOrigin = `http://app.test:${await listen(app)}`;
  // The build is already there (npm test builds first); --ignore-scripts skips prepack's rebuild.
  const packed = JSON.parse(await mustRun('npm', ['pack', '--ignore-scripts', '--json', '--pack-destination', work], ROOT, 120_000)) as {
    filename: string;
    files: { path: string }[];
  }[];
  tarball = join(work, packed[0]?.filename ?? '');
  packedFiles = (packed[0]?.files ?? []).map((f) => f.path);
});

test.afterAll(async () => {
  app?.close();
  api?.close();
  if (work) await rm(work, { recursive: true, force: true });
});

test('the tarball holds the shipped builds, the command and the docs, nothing else', () => {
  const tops = [...new Set(packedFiles.map((path) => (path.includes('/') ? `${path.split('/')[0]}/` : path)))].sort();
  expect(tops).toEqual(['CHANGELOG.md', 'LICENSE', 'README.md', 'bin/', 'dist-cli/', 'dist-kit/', 'dist/', 'package.json']);
  expect(packedFiles).toEqual(expect.arrayContaining(['dist/manifest.json', 'dist-cli/cli.js', 'bin/cors-lens.mjs']));
  expect(packedFiles).toEqual(
    expect.arrayContaining([
      'dist-kit/playwright.js',
      'dist-kit/playwright.cjs',
      'dist-kit/types/playwright/index.d.ts',
      'dist-kit/types-cjs/playwright/index.d.ts',
      'dist-kit/types-cjs/package.json',
    ]),
  );
});

interface Outcome {
  readonly file: string;
  readonly status: string;
  readonly message: string;
}

interface JsonSuite {
  readonly file?: string;
  readonly suites?: JsonSuite[];
  readonly specs?: { file: string; tests: { results: { status: string; error?: { message?: string } }[] }[] }[];
}

function outcomes(suite: JsonSuite): Outcome[] {
  const own = (suite.specs ?? []).flatMap((spec) =>
    spec.tests.flatMap((t) => t.results.map((r) => ({ file: spec.file, status: r.status, message: r.error?.message ?? '' }))),
  );
  return [...own, ...(suite.suites ?? []).flatMap(outcomes)];
}

// Playwright prints colour codes into messages.
const COLOUR = new RegExp(`${String.fromCharCode(27)}\\[[0-9;]*m`, 'g');
const plain = (text: string) => text.replace(COLOUR, '');

for (const [kind, playwright] of [
  ['commonjs', OWN_PLAYWRIGHT],
  ['module', OLDEST_PLAYWRIGHT],
] as const) {
  test.describe(`a "type": "${kind}" project with @playwright/test ${playwright}`, () => {
    test.describe.configure({ mode: 'serial' });
    let dir = '';

    test.beforeAll(async () => {
      test.setTimeout(400_000);
      dir = join(work, kind);
      await makeProject(dir, kind, tarball, playwright, appOrigin);
    });

    test('the kit types check under NodeNext', async () => {
      const tsc = await run('npx', ['tsc', '-p', '.'], dir, 120_000);
      expect(tsc.stdout + tsc.stderr).toBe('');
      expect(tsc.code).toBe(0);
    });

    test('a passing kit test passes, a failing one explains the CORS error, the extension listens from the start, about:blank is read, a misused matcher says what it expects', async () => {
      test.setTimeout(240_000);
      const result = await run('npx', ['playwright', 'test', '--reporter=json'], dir, 220_000);
      const report = JSON.parse(result.stdout) as { suites: JsonSuite[]; errors: { message?: string }[] };
      expect(report.errors.map((e) => plain(e.message ?? ''))).toEqual([]);
      const byFile = Object.fromEntries(report.suites.flatMap(outcomes).map((o) => [o.file, { ...o, message: plain(o.message) }]));
      // On a failure, say what the kit test printed.
      expect(byFile['passes.spec.ts']?.status, byFile['passes.spec.ts']?.message).toBe('passed');
      expect(byFile['fails.spec.ts']?.status).toBe('failed');
      expect(byFile['fails.spec.ts']?.message).toContain('expect(page).toHaveNoCorsErrors()');
      expect(byFile['fails.spec.ts']?.message).toContain('MissingAllowOriginHeader');
      expect(byFile['fails.spec.ts']?.message).toContain('Access-Control-Allow-Origin');
      expect(byFile['ready.spec.ts']?.status, byFile['ready.spec.ts']?.message).toBe('passed');
      expect(byFile['blank.spec.ts']?.status, byFile['blank.spec.ts']?.message).toBe('passed');
      expect(byFile['misuse.spec.ts']?.status).toBe('failed');
      expect(byFile['misuse.spec.ts']?.message).toContain(
        "expect(page).toHaveNoCorsErrors(): expected a Playwright Page, received the corsLens fixture (pass corsLens.page, or the test's page)",
      );
      expect(result.code).toBe(1);
    });

    test('npx cors-lens check reports a local page', async () => {
      test.setTimeout(120_000);
      const check = async (call: string) => {
        const result = await run('npx', ['cors-lens', 'check', `${appOrigin}/?call=${call}`, '--format', 'json'], dir, 60_000);
        const { calls } = JSON.parse(result.stdout) as { calls: { url: string; outcome: string; corsError: { code: string } | null }[] };
        return { code: result.code, calls: calls.map((c) => ({ path: new URL(c.url).pathname, outcome: c.outcome, error: c.corsError?.code })) };
      };
      expect(await check('good')).toEqual({ code: 0, calls: [{ path: '/good', outcome: 'allowed', error: undefined }] });
      expect(await check('broken')).toEqual({
        code: 1,
        calls: [{ path: '/broken', outcome: 'blocked', error: 'MissingAllowOriginHeader' }],
      });
    });
  });
}
