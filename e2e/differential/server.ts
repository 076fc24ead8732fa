// One node:http server on 127.0.0.1 for every host of the differential suite (Chromium maps *.test
// to loopback). It serves the pages that make the requests and answers /x?s=<scenario>&h=<hop>
// with exactly the status and raw header lines the scenario table gives, duplicates included.
import { createServer, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Duplex } from 'node:stream';
import type { ClientRequest, HeaderLine, Host, PageKind, Reply, Scenario } from './scenarios';

/** One request the server received and what it answered. */
export interface Exchange {
  readonly hop: number;
  readonly kind: 'preflight' | 'request';
  readonly method: string;
  readonly url: string;
  readonly requestHeaders: readonly HeaderLine[];
  readonly status: number;
  readonly responseHeaders: readonly HeaderLine[];
  readonly fault: string | null;
}

export interface DiffServer {
  readonly port: number;
  /** A port nothing listens on. */
  readonly closedPort: number;
  origin(host: Host): string;
  pageUrl(kind: PageKind): string;
  /** The URL a scenario's request starts at; `tag` marks control requests (fresh cache key). */
  requestUrl(scenario: Scenario, request: ClientRequest, tag?: string): string;
  exchanges(scenarioId: string): readonly Exchange[];
  close(): Promise<void>;
}

// Headers every Chromium request carries that say nothing about CORS.
const QUIET_REQUEST_HEADERS = new Set(['host', 'connection', 'user-agent', 'accept-encoding', 'referer', 'sec-ch-ua', 'sec-ch-ua-mobile', 'sec-ch-ua-platform', 'pragma', 'cache-control']);

const PAGE = '<!doctype html><meta charset="utf-8"><title>differential</title><p>CORS Lens differential page</p>';
const IFRAME_PAGE = `${PAGE}<iframe sandbox="allow-scripts" srcdoc="<!doctype html><title>sandboxed</title><p>sandboxed frame</p>"></iframe>`;

export async function startDiffServer(scenarios: readonly Scenario[]): Promise<DiffServer> {
  const byId = new Map(scenarios.map((s) => [s.id, s]));
  const log = new Map<string, Exchange[]>();
  const server = createServer({ insecureHTTPParser: true }, (req, res) => {
    const head = { method: req.method ?? '', target: req.url ?? '/', headers: pairs(req.rawHeaders) };
    // Let the request body arrive before answering, so a reset is not mistaken for an upload error.
    req.resume();
    req.on('end', () => {
      const answer = route(head);
      if (answer.fault !== undefined) fault(req.socket, answer);
      else respond(res, answer, req.method === 'HEAD');
    });
  });
  // Requests node's parser refuses (a lower-case method such as `patch`) still get the
  // scenario's answer, written by hand on the socket.
  server.on('clientError', (error: Error & { rawPacket?: Buffer }, socket: Duplex) => {
    const head = parseHead(error.rawPacket?.toString('latin1') ?? '');
    if (head === null) {
      socket.destroy();
      return;
    }
    const answer = route(head);
    if (answer.fault !== undefined) fault(socket, answer);
    else socket.end(rawResponse(answer));
  });
  // Chromium may keep idle connections; do not let them hold close() up.
  server.keepAliveTimeout = 1_000;
  const port = await listen(server);
  const closedPort = await unusedPort();
  const origin = (host: Host): string => `http://${host}:${port}`;

  function route({ method, target, headers }: RequestHead): Answer {
    const url = new URL(target, 'http://placeholder');
    const header = (name: string): string | undefined => headers.find(([n]) => n.toLowerCase() === name)?.[1];
    const host = (header('host') ?? '').split(':')[0] ?? '';
    if (url.pathname === '/page' || url.pathname === '/sandbox' || url.pathname === '/iframe') {
      const lines: HeaderLine[] = [h('Content-Type', 'text/html; charset=utf-8'), h('Cache-Control', 'no-store')];
      if (url.pathname === '/sandbox') lines.push(h('Content-Security-Policy', 'sandbox allow-scripts'));
      if (host === 'app.site.test') lines.push(h('Set-Cookie', 'lens=1; Path=/; Domain=site.test'));
      return { status: 200, headers: lines, body: url.pathname === '/iframe' ? IFRAME_PAGE : PAGE };
    }
    const scenario = byId.get(url.searchParams.get('s') ?? '');
    if (url.pathname !== '/x' || scenario === undefined) return { status: 404, headers: [h('Content-Type', 'text/plain')], body: 'not found' };
    const hop = Number(url.searchParams.get('h') ?? '0');
    const hopReply = scenario.hops[Math.min(hop, scenario.hops.length - 1)];
    const isPreflight = method === 'OPTIONS' && header('access-control-request-method') !== undefined;
    const conditional = header('if-none-match') !== undefined || header('if-modified-since') !== undefined;
    // A preflight the table did not plan for gets no CORS headers at all.
    const reply: Reply =
      (isPreflight ? hopReply?.preflight : conditional ? (hopReply?.conditional ?? hopReply?.response) : hopReply?.response) ??
      { status: 204, headers: [] };
    const next = new URLSearchParams(url.searchParams);
    next.set('h', String(hop + 1));
    const values: Record<string, string> = { port: String(port), closed: String(closedPort), next: `/x?${next.toString()}`, origin: header('origin') ?? '' };
    const expand = (value: string): string =>
      value.replace(/\{([a-z.]+)\}/g, (all, key: string) => values[key] ?? (key.endsWith('.test') ? origin(key as Host) : all));
    const responseHeaders = reply.headers.map(([name, value]): HeaderLine => [name, expand(value)]);
    const entries = log.get(scenario.id) ?? [];
    log.set(scenario.id, entries);
    entries.push({
      hop,
      kind: isPreflight ? 'preflight' : 'request',
      method,
      url: `http://${header('host') ?? ''}${target}`,
      requestHeaders: headers.filter(([name]) => !QUIET_REQUEST_HEADERS.has(name.toLowerCase())),
      status: reply.status,
      responseHeaders,
      fault: reply.fault ?? null,
    });
    return { status: reply.status, headers: responseHeaders, body: 'ok', ...(reply.fault ? { fault: reply.fault } : {}) };
  }

  return {
    port,
    closedPort,
    origin,
    pageUrl: (kind) => (kind === 'site' ? `${origin('app.site.test')}/page` : `${origin('app.test')}/${kind === 'app' ? 'page' : kind}`),
    requestUrl(scenario, request, tag) {
      const base = request.target === 'nothing.invalid' ? `http://nothing.invalid:${port}` : `http://${request.target}:${request.closedPort ? closedPort : port}`;
      const url = `${base}/x?s=${encodeURIComponent(scenario.id)}&h=0${tag ? `&ctl=${tag}` : ''}`;
      const padding = (request.urlLength ?? 0) - url.length - '&pad='.length;
      return padding > 0 ? `${url}&pad=${'p'.repeat(padding)}` : url;
    },
    exchanges: (id) => log.get(id) ?? [],
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}

interface RequestHead {
  readonly method: string;
  readonly target: string;
  readonly headers: readonly HeaderLine[];
}

interface Answer {
  readonly status: number;
  readonly headers: readonly HeaderLine[];
  readonly body: string;
  readonly fault?: Reply['fault'];
}

const h = (name: string, value: string): HeaderLine => [name, value];

const hasNoBody = (status: number, head: boolean): boolean => head || status === 204 || status === 304 || status < 200;

function respond(res: ServerResponse, answer: Answer, head: boolean): void {
  res.writeHead(answer.status, answer.headers.flat());
  res.end(hasNoBody(answer.status, head) ? undefined : answer.body);
}

function rawResponse(answer: Answer): string {
  const body = hasNoBody(answer.status, false) ? '' : answer.body;
  const lines = [`HTTP/1.1 ${answer.status} Answer`, ...answer.headers.map(([n, v]) => `${n}: ${v}`), `Content-Length: ${body.length}`, 'Connection: close'];
  return `${lines.join('\r\n')}\r\n\r\n${body}`;
}

function fault(socket: Duplex, answer: Answer): void {
  switch (answer.fault) {
    case 'reset':
      socket.destroy();
      return;
    case 'garbage':
      socket.end('THIS IS NOT HTTP\r\n\r\n');
      return;
    case 'partial': {
      // The headers and the first chunk of a chunked body, then the connection drops.
      const head = [`HTTP/1.1 ${answer.status} Answer`, ...answer.headers.map(([n, v]) => `${n}: ${v}`), 'Transfer-Encoding: chunked'];
      socket.write(`${head.join('\r\n')}\r\n\r\n5\r\nhello\r\n`, () => setTimeout(() => socket.destroy(), 50));
      return;
    }
    case undefined:
      return;
  }
}

function parseHead(raw: string): RequestHead | null {
  const lines = (raw.split('\r\n\r\n')[0] ?? '').split('\r\n');
  const [method, target] = (lines[0] ?? '').split(' ');
  if (method === undefined || target === undefined) return null;
  const headers = lines.slice(1).map((line): HeaderLine => {
    const colon = line.indexOf(':');
    return [line.slice(0, colon), line.slice(colon + 1).trim()];
  });
  return { method, target, headers };
}

export function pairs(raw: readonly string[]): HeaderLine[] {
  const out: HeaderLine[] = [];
  for (let i = 0; i + 1 < raw.length; i += 2) out.push([raw[i] ?? '', raw[i + 1] ?? '']);
  return out;
}

function listen(server: ReturnType<typeof createServer>): Promise<number> {
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve((server.address() as AddressInfo).port));
  });
}

/** A loopback port that was free a moment ago and is now closed again. */
async function unusedPort(): Promise<number> {
  const probe = createServer();
  const port = await listen(probe);
  await new Promise<void>((resolve) => probe.close(() => resolve()));
  return port;
}
