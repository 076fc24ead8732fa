// "Fix it on your server", proven: for a deliberately broken API, CORS Lens's verdict becomes a
// server snippet, the snippet TEXT runs as-is in a real Express or Fastify server (or nginx in
// front of the broken app), and the same call from the same page then passes in Chromium (its own
// CDP verdict) and in CORS Lens, with nothing left to fix.
import { spawn, spawnSync } from 'node:child_process';
import { mkdir, mkdtemp, rm, symlink, writeFile } from 'node:fs/promises';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { connect, type AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Page } from '@playwright/test';
import type { LaunchedBrowser } from '../src/playwright/launch';
import { findTabId, readCorsReport, readObservedCalls } from '../src/playwright/read-report';
import { checkCall } from '../src/shared/cors/checker';
import type { CorsError } from '../src/shared/cors/types';
import { serverFixFor } from '../src/shared/fixes/server-config';
import { NGINX_SERVER_PART, renderSnippet, type Stack } from '../src/shared/fixes/snippets';
import type { ObservedCall } from '../src/shared/observed-call';
import { ChromiumVerdicts } from './support/chromium-verdicts';
import { expect, test } from './support/fixtures';

type Handler = (req: IncomingMessage, res: ServerResponse) => void;

interface Scenario {
  readonly id: string;
  readonly code: CorsError;
  readonly init: { method: string; headers?: Record<string, string>; credentials?: RequestCredentials };
  /** The broken API: what a misconfigured server really answers. */
  readonly broken: Handler;
  /** What serverFixFor must derive from the wire for this call. */
  readonly fix: { methods: string[]; allowHeaders: string[]; credentials: boolean; handlePreflight: boolean };
}

const SIMPLE_FIX = { methods: [], allowHeaders: [], credentials: false, handlePreflight: false };

const echoOrigin = (req: IncomingMessage): string => req.headers.origin ?? '';

const SCENARIOS: readonly Scenario[] = [
  {
    id: 'missing-acao',
    code: 'MissingAllowOriginHeader',
    init: { method: 'GET' },
    fix: SIMPLE_FIX,
    broken: (_req, res) => res.writeHead(200, { 'Content-Type': 'application/json' }).end('{"ok":true}'),
  },
  {
    id: 'header-not-allowed',
    code: 'HeaderDisallowedByPreflightResponse',
    init: { method: 'GET', headers: { 'X-Token': 'secret' } },
    fix: { ...SIMPLE_FIX, allowHeaders: ['x-token'], handlePreflight: true },
    broken: (req, res) => {
      // Answers the preflight for the origin but forgets Access-Control-Allow-Headers.
      res.writeHead(req.method === 'OPTIONS' ? 204 : 200, { 'Access-Control-Allow-Origin': echoOrigin(req) }).end();
    },
  },
  {
    id: 'method-not-allowed',
    code: 'MethodDisallowedByPreflightResponse',
    init: { method: 'PUT' },
    fix: { ...SIMPLE_FIX, methods: ['PUT'], handlePreflight: true },
    broken: (req, res) => {
      res
        .writeHead(req.method === 'OPTIONS' ? 204 : 200, {
          'Access-Control-Allow-Origin': echoOrigin(req),
          'Access-Control-Allow-Methods': 'GET, POST',
        })
        .end();
    },
  },
  {
    id: 'credentials-with-wildcard',
    code: 'WildcardOriginNotAllowed',
    init: { method: 'GET', credentials: 'include' },
    fix: { ...SIMPLE_FIX, credentials: true },
    broken: (_req, res) => res.writeHead(200, { 'Access-Control-Allow-Origin': '*' }).end('{"ok":true}'),
  },
];

/** How each stack's snippet is hosted: a module that defines `app`, then the snippet verbatim,
 * then the route and a `listen` export. Nothing in the snippet is edited. */
const HOSTS = {
  express: {
    before: 'import express from "express";\nexport const app = express();',
    after: [
      'app.all("/api/items", (_req, res) => { res.json({ ok: true }); });',
      'export function listen(port) {',
      '  return new Promise((done) => { const s = app.listen(port, "127.0.0.1", () => done(() => { s.closeAllConnections(); s.close(); })); });',
      '}',
    ].join('\n'),
  },
  fastify: {
    before: 'import Fastify from "fastify";\nexport const app = Fastify();',
    after: [
      'app.route({ method: ["GET", "PUT"], url: "/api/items", handler: async () => ({ ok: true }) });',
      'export async function listen(port) {',
      '  await app.listen({ port, host: "127.0.0.1" });',
      '  return () => app.close();',
      '}',
    ].join('\n'),
  },
} as const satisfies Partial<Record<Stack, { before: string; after: string }>>;

type NodeStack = keyof typeof HOSTS;
interface HostedModule {
  listen(port: number): Promise<() => Promise<void> | void>;
}
type Close = () => Promise<void> | void;

/** Express/Fastify: the snippet inside a generated module, imported and listening on `port`. */
async function startNode(stack: NodeStack, snippet: string, port: number, name: string): Promise<Close> {
  const file = join(scratch, `${name}.mjs`);
  await writeFile(file, `${HOSTS[stack].before}\n\n${snippet}\n\n${HOSTS[stack].after}\n`);
  const hosted = (await import(pathToFileURL(file).href)) as HostedModule;
  return hosted.listen(port);
}

const NGINX_AVAILABLE = spawnSync('nginx', ['-v']).status === 0;

/** nginx in front of the still-broken app (now on `upstreamPort`): the snippet's two parts go
 * where their headings say, unedited. Foreground child, loopback only, killed by the returned close. */
async function startNginx(snippet: string, port: number, upstreamPort: number, name: string): Promise<Close> {
  const at = snippet.indexOf(NGINX_SERVER_PART);
  const dir = join(scratch, name);
  await mkdir(dir);
  const temp = ['client_body', 'proxy', 'fastcgi', 'uwsgi', 'scgi'].map((t) => `  ${t}_temp_path ${join(dir, t)};`);
  const conf = [
    'daemon off;',
    'master_process off;',
    `pid ${join(dir, 'nginx.pid')};`,
    `error_log ${join(dir, 'error.log')} warn;`,
    'events { worker_connections 64; }',
    'http {',
    '  access_log off;',
    ...temp,
    `  upstream backend { server 127.0.0.1:${upstreamPort}; }`,
    snippet.slice(0, at),
    '  server {',
    `    listen 127.0.0.1:${port};`,
    snippet.slice(at),
    '  }',
    '}',
  ].join('\n');
  await writeFile(join(dir, 'nginx.conf'), conf);
  const child = spawn('nginx', ['-p', dir, '-e', join(dir, 'error.log'), '-c', join(dir, 'nginx.conf')], { stdio: 'pipe' });
  let stderr = '';
  child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
  const exited = new Promise<void>((done) => child.once('exit', () => done()));
  const deadline = Date.now() + 10_000;
  while (!(await accepts(port))) {
    if (child.exitCode !== null || Date.now() > deadline) throw new Error(`nginx did not start: ${stderr}\n${conf}`);
    await new Promise((done) => setTimeout(done, 50));
  }
  return async () => {
    child.kill('SIGTERM');
    await exited;
  };
}

function accepts(port: number): Promise<boolean> {
  return new Promise((done) => {
    const socket = connect(port, '127.0.0.1');
    socket.once('connect', () => (socket.destroy(), done(true)));
    socket.once('error', () => done(false));
  });
}

async function listen(handler: Handler, port = 0): Promise<{ server: Server; port: number }> {
  const server = createServer(handler);
  await new Promise<void>((done) => server.listen(port, '127.0.0.1', done));
  return { server, port: (server.address() as AddressInfo).port };
}

async function stop(server: Server): Promise<void> {
  server.closeAllConnections();
  await new Promise((done) => server.close(done));
}

/** The page's fetch: resolves to the status, or to the TypeError message of a CORS block. */
function callFrom(page: Page, url: string, init: Scenario['init']): Promise<string> {
  return page.evaluate(
    async ({ url, init }) => {
      try {
        const response = await fetch(url, init);
        await response.text(); // the whole body, so stopping the server cannot abort the load
        return String(response.status);
      } catch (e) {
        return String(e);
      }
    },
    { url, init },
  );
}

/** The raw record behind a reported call: serverFixFor needs the headers, not just the verdict. */
async function observedCall(page: Page, lens: LaunchedBrowser, urlPart: string): Promise<ObservedCall> {
  const tabId = await findTabId(lens.context, page);
  const calls = await readObservedCalls(lens.context, { tabId });
  const call = calls.find((c) => c.hops[0]?.url.includes(urlPart));
  if (call === undefined) throw new Error(`CORS Lens recorded no call to ${urlPart}`);
  return call;
}

let pageServer: Server;
let appOrigin: string;
let scratch: string;

test.beforeAll(async () => {
  const page = await listen((_req, res) => res.writeHead(200, { 'Content-Type': 'text/html' }).end('<!doctype html><title>app</title>'));
  pageServer = page.server;
  appOrigin = `http://app.test:${page.port}`;
  scratch = await mkdtemp(join(tmpdir(), 'cors-lens-fixes-'));
  // The generated module imports "cors", "express", "fastify" like a user's server would.
  await symlink(resolve(import.meta.dirname, '../node_modules'), join(scratch, 'node_modules'), 'dir');
});

test.afterAll(async () => {
  await stop(pageServer);
  await rm(scratch, { recursive: true, force: true });
});

const STACKS_UNDER_TEST = ['express', 'fastify', 'nginx'] as const satisfies readonly Stack[];

for (const stack of STACKS_UNDER_TEST) {
  for (const scenario of SCENARIOS) {
    test(`${stack}: the generated fix for ${scenario.id} makes Chromium and CORS Lens allow the call`, async ({ lens }) => {
      test.skip(stack === 'nginx' && !NGINX_AVAILABLE, 'nginx is not installed (apt-get install -y nginx)');
      const page = await lens.context.newPage();
      const chromium = await ChromiumVerdicts.attach(page);
      await page.goto(`${appOrigin}/`);

      // 1. The broken server: Chromium blocks, CORS Lens says why.
      const broken = await listen(scenario.broken);
      const url = (attempt: number): string =>
        `http://api.test:${broken.port}/api/items?case=${stack}-${scenario.id}&attempt=${attempt}`;
      expect(await callFrom(page, url(1), scenario.init)).toContain('TypeError');
      await stop(broken.server);
      // CDP's loadingFailed can land just after the page's promise rejects.
      await expect.poll(() => chromium.find('attempt=1')?.corsError).toBe(scenario.code);
      const report = await readCorsReport(lens.context, { page });
      const reported = report.calls.find((c) => c.url === url(1));
      expect({ outcome: reported?.outcome, code: reported?.corsError?.code }).toEqual({ outcome: 'blocked', code: scenario.code });

      // 2. CORS Lens's fix for this call, rendered for the stack, written out verbatim.
      const call = await observedCall(page, lens, 'attempt=1');
      const config = serverFixFor(call, checkCall(call));
      expect(config).not.toBeNull();
      if (config === null) return;
      expect(config).toMatchObject({ origin: appOrigin, ...scenario.fix });
      const snippet = renderSnippet(stack, config);

      // 3. Same port, same page, same call: now allowed by Chromium and by CORS Lens.
      const name = `${stack}-${scenario.id}`;
      let upstream: Awaited<ReturnType<typeof listen>> | null = null;
      let close: Close;
      if (stack === 'nginx') {
        // nginx fronts the same broken app, moved to another port; the Node stacks replace it.
        upstream = await listen(scenario.broken);
        close = await startNginx(snippet, broken.port, upstream.port, name);
      } else {
        close = await startNode(stack, snippet, broken.port, name);
      }
      try {
        expect(await callFrom(page, url(2), scenario.init), snippet).toBe('200');
      } finally {
        await close();
        if (upstream !== null) await stop(upstream.server);
      }
      await expect
        .poll(() => chromium.find('attempt=2'), { message: snippet })
        .toMatchObject({ corsError: null, errorText: null, finished: true });
      const after = await readCorsReport(lens.context, { page });
      const allowed = after.calls.find((c) => c.url === url(2));
      expect({ outcome: allowed?.outcome, code: allowed?.corsError ?? null }, snippet).toEqual({ outcome: 'allowed', code: null });
      // An allow-listed origin echoed with credentials looks exactly like blind reflection on the
      // wire, so that audit reminder stays; no other warning may.
      const warnings = allowed?.warnings.map((w) => w.code).filter((code) => code !== 'OriginReflectedWithCredentials');
      expect(warnings, snippet).toEqual([]);

      await chromium.detach();
      await page.close();
    });
  }
}
