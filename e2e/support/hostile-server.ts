// A loopback server that answers with the responses a hostile or broken server sends: huge,
// numerous, binary and markup-laden header lines. It writes raw bytes on the socket, because a
// well-behaved HTTP library refuses to send most of these. It also counts hits on /beacon, which
// the markup it serves calls if it ever runs as script.
import { createServer, type Socket } from 'node:net';
import type { AddressInfo } from 'node:net';
import { BIDI_OVERRIDE, C1_CSI, TERMINAL_ESCAPES } from '../../src/shared/unprintable-test-values';

export interface HostileServer {
  /** `http://hostile.test:<port>` */
  readonly origin: string;
  /** Requests received on /beacon so far, by their query string. */
  readonly beaconHits: string[];
  close(): Promise<void>;
}

export const HOSTILE_CASES = [
  'huge-header',
  'control-chars',
  'markup',
  'many-headers',
  'non-utf8',
  'long-url',
  'many-access-control',
  'backticks',
  'huge-name',
  'huge-url',
  'terminal-escapes',
  'bidi-override',
  'c1-csi',
] as const;
export type HostileCase = (typeof HOSTILE_CASES)[number];

export const HUGE_HEADER_LENGTH = 64 * 1024;
export const MANY_HEADERS = 500;
/** `Access-Control-X-N` lines in one response: each small, 5,000 of them (about 130 KB, under
 * Chromium's 256 KB limit for a response head). */
export const MANY_ACCESS_CONTROL = 5_000;

/** A value that is live Markdown, HTML and terminal escapes if an export or a command lets it
 * through: a backtick to end a code span, a link, an image that calls the beacon, emphasis, ESC. */
export function backtickPayload(origin: string): string {
  return `x\`](${origin}/beacon?from=md-link) <img src=x onerror="fetch('${origin}/beacon?from=md-img')"> **b** _i_ \u001b[31mred\u0007`;
}

/** Markup that calls the beacon if a browser ever treats it as HTML. */
export function markupPayload(origin: string, from: string): string {
  return `<img src=x onerror="fetch('${origin}/beacon?from=${from}')"><script>fetch('${origin}/beacon?from=${from}-script')</script>`;
}

/** The Access-Control-Allow-Origin each of these cases answers with. */
export const UNPRINTABLE_ALLOW_ORIGIN = {
  'terminal-escapes': TERMINAL_ESCAPES,
  'bidi-override': BIDI_OVERRIDE,
  'c1-csi': C1_CSI,
} as const satisfies Partial<Record<HostileCase, string>>;

export async function startHostileServer(): Promise<HostileServer> {
  const beaconHits: string[] = [];
  const sockets = new Set<Socket>();
  let origin = '';
  const server = createServer((socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
    socket.on('error', () => socket.destroy());
    let received = Buffer.alloc(0);
    socket.on('data', (chunk: Buffer) => {
      received = Buffer.concat([received, chunk]);
      const end = received.indexOf('\r\n\r\n');
      if (end < 0) return;
      const [requestLine = '', ...headerLines] = received.subarray(0, end).toString('latin1').split('\r\n');
      const [method = '', target = '/'] = requestLine.split(' ');
      const requestOrigin = headerLines.find((l) => l.toLowerCase().startsWith('origin:'))?.slice(7).trim() ?? '*';
      const url = new URL(target, origin);
      if (url.pathname === '/beacon') beaconHits.push(url.search);
      socket.end(respond(method, url, requestOrigin, origin));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  origin = `http://hostile.test:${(server.address() as AddressInfo).port}`;
  return {
    origin,
    beaconHits,
    close: () =>
      new Promise<void>((resolve) => {
        for (const socket of sockets) socket.destroy();
        server.close(() => resolve());
      }),
  };
}

function respond(method: string, url: URL, requestOrigin: string, origin: string): Buffer {
  const allow = [`Access-Control-Allow-Origin: ${requestOrigin}`];
  const lines: (string | Buffer)[] = [];
  const hostileCase = url.pathname.slice(1) as HostileCase;
  switch (hostileCase) {
    case 'huge-header':
      lines.push(...allow, `X-Huge: ${'a'.repeat(HUGE_HEADER_LENGTH - 1)}z`);
      break;
    case 'control-chars':
      // Everything HTTP lets through in a field value besides visible text: tab, other C0
      // controls and DEL (CR, LF and NUL end or break the line, so Chromium rejects them).
      lines.push(...allow, 'X-Control: a\tb\u0001c\u0007d\u001be[31mred\u007ff');
      break;
    case 'markup':
      // No Access-Control-Allow-Origin: the call is blocked, so its Why-blocked card renders too.
      lines.push(`X-Markup: ${markupPayload(origin, 'header')}`, `Access-Control-Allow-Headers: ${markupPayload(origin, 'acah')}`);
      break;
    case 'many-headers':
      for (let i = 0; i < MANY_HEADERS; i++) lines.push(`X-Many-${i}: value ${i}`);
      lines.push(...allow);
      break;
    case 'non-utf8':
      lines.push(...allow, Buffer.concat([Buffer.from('X-Bytes: caf'), Buffer.from([0xe9, 0x20, 0xff, 0xfe, 0x80, 0xc3])]));
      break;
    case 'long-url':
    case 'huge-url':
      lines.push(...allow);
      break;
    case 'many-access-control':
      for (let i = 0; i < MANY_ACCESS_CONTROL; i++) lines.push(`Access-Control-X-${i}: v${i}`);
      lines.push(...allow);
      break;
    case 'backticks':
      // The payload as Access-Control-Allow-Origin: blocked, so every export quotes it as the
      // header at fault, in its explanation and in its headers table.
      lines.push(`Access-Control-Allow-Origin: ${backtickPayload(origin)}`, `X-Tick: ${backtickPayload(origin)}`);
      break;
    case 'terminal-escapes':
    case 'bidi-override':
    case 'c1-csi':
      // A wrong Access-Control-Allow-Origin, so the call is blocked and every output quotes it as
      // the failed parameter. Sent as UTF-8, which Chromium decodes: U+202E and U+009B arrive whole.
      lines.push(Buffer.from(`Access-Control-Allow-Origin: ${UNPRINTABLE_ALLOW_ORIGIN[hostileCase]}`, 'utf8'));
      break;
    case 'huge-name':
      // The page sends a header with a 1 MB name: its preflight is allowed, any header.
      lines.push(...allow, 'Access-Control-Allow-Headers: *');
      break;
    default:
      lines.push(...allow);
  }
  const body = method === 'HEAD' ? '' : 'ok';
  const head = ['HTTP/1.1 200 OK', 'Content-Type: text/plain', `Content-Length: ${body.length}`, 'Connection: close', ...lines];
  const parts = head.flatMap((line) => [typeof line === 'string' ? Buffer.from(line, 'latin1') : line, Buffer.from('\r\n')]);
  return Buffer.concat([...parts, Buffer.from(`\r\n${body}`)]);
}
