// Test-only: the inputs of the checker's golden test (checker-golden.test.ts) and of its property
// test. Two seeded generators: hostile calls built from odd names and values, and realistic
// variants of recorded calls (a header dropped or changed, credentials added, the outcome
// flipped), which walk the checker's ordinary paths far more often than hostile input does.
import type { HeaderLine, ObservedCall, ObservedHop, ObservedResponse } from '../observed-call';
import { API, PAGE } from './test-calls';

/** mulberry32: small, fast and the same on every platform, so a seed names one sequence. */
export function rng(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export function pick<T>(r: () => number, xs: readonly T[]): T {
  return xs[Math.floor(r() * xs.length)] as T;
}

const CDN = 'https://cdn.example/v1/items';

const NAMES = [
  'Access-Control-Allow-Origin', 'access-control-allow-credentials', 'Access-Control-Allow-Methods',
  'ACCESS-CONTROL-ALLOW-HEADERS', 'Access-Control-Max-Age', 'Access-Control-Request-Method',
  'Access-Control-Request-Headers', 'Location', 'Vary', 'Cookie', 'Origin', 'Sec-Fetch-Mode',
  'Content-Type', 'Range', 'Authorization', 'X-Token', 'If-None-Match', '', ' ', 'Ä', '\u0000',
];
const VALUES = [
  '', '*', 'null', PAGE, `${PAGE}/`, 'true', 'True', 'GET, PUT', 'GET PUT', '*, *', 'no-cors', 'cors',
  'navigate', 'same-origin', '-1', '0', '99999999999999999999999', 'bytes=0-', 'https://u:p@x/', 'myapp://x',
  'data:,', '/relative', '//host/x', 'text/plain;charset="x"', 'a'.repeat(5000), '\u0000\r\n\t',
  '\ud800', '😀', 'https://[::1', ':', ',', ' ,', 'https://', 'http://a:99999',
];
const URLS = [API, CDN, `${PAGE}/x`, 'myapp://x', 'data:,x', '', 'not a url', 'https://u:p@h/', 'https://[', 'HTTP://API.EXAMPLE:443/'];
const ERRORS = [null, 'net::ERR_FAILED', 'net::ERR_ABORTED', 'net::ERR_CONNECTION_REFUSED', '', 'garbage'];

function randomHeaders(r: () => number): HeaderLine[] {
  const n = Math.floor(r() * 8);
  return Array.from({ length: n }, () => ({ name: pick(r, NAMES), value: pick(r, VALUES) }));
}

/** A call built from hostile pieces: odd header names and values, broken URLs, NaN statuses. */
export function randomCall(r: () => number): ObservedCall {
  const hopCount = Math.floor(r() * 4);
  const hops = Array.from({ length: hopCount }, () => ({
    url: pick(r, URLS),
    preflight:
      r() < 0.4
        ? {
            requestId: 'p',
            url: pick(r, URLS),
            requestHeaders: randomHeaders(r),
            response: r() < 0.8 ? { status: pick(r, [204, 200, 301, 404, -1, NaN, 1e12]), headers: randomHeaders(r), fromCache: false, ip: null } : null,
            error: pick(r, ERRORS),
            startedAt: 0,
            endedAt: null,
          }
        : null,
    requestHeaders: r() < 0.8 ? randomHeaders(r) : null,
    response: r() < 0.8 ? { status: pick(r, [200, 302, 304, 307, 500, 0, NaN]), headers: randomHeaders(r), fromCache: r() < 0.5, ip: null } : null,
    redirectUrl: r() < 0.3 ? pick(r, URLS) : null,
    startedAt: 0,
    endedAt: null,
  }));
  return {
    id: 'x',
    tabId: 1,
    frameId: 0,
    type: pick(r, ['xmlhttprequest', 'image', 'script', '']),
    method: pick(r, ['GET', 'PUT', 'patch', '', 'POST', '\u0000']),
    initiator: pick(r, [PAGE, 'null', '', 'not a url', 'https://api.example']),
    hops,
    state: pick(r, ['in-flight', 'completed', 'errored'] as const),
    error: pick(r, ERRORS),
    startedAt: 0,
    endedAt: null,
  };
}

// Realistic replacements: what servers and pages really send, relative to the call's own origin.
const RESPONSE_NAMES = [
  'Access-Control-Allow-Origin',
  'Access-Control-Allow-Credentials',
  'Access-Control-Allow-Methods',
  'Access-Control-Allow-Headers',
  'Access-Control-Expose-Headers',
  'Access-Control-Max-Age',
  'Vary',
  'Location',
  'X-Request-Id',
];
const REQUEST_EXTRAS: readonly HeaderLine[] = [
  { name: 'Cookie', value: 'session=1' },
  { name: 'Authorization', value: 'Bearer t' },
  { name: 'Content-Type', value: 'application/json' },
  { name: 'Content-Type', value: 'text/plain;charset=UTF-8' },
  { name: 'X-Token', value: 'abc' },
  { name: 'Sec-Fetch-Mode', value: 'no-cors' },
  { name: 'Sec-Fetch-Mode', value: 'cors' },
  { name: 'If-None-Match', value: '"v1"' },
  { name: 'Range', value: 'bytes=0-9' },
];

function responseValues(origin: string): readonly string[] {
  return [origin, '*', 'null', `${origin}/`, 'https://other.example', `${origin}, ${origin}`, '', 'true', 'True',
    'GET, PUT, DELETE', 'PUT', '*', 'Content-Type, X-Token', 'authorization', 'Origin', 'Accept-Encoding',
    '600', '0', '86400', '-5', 'X-Request-Id', 'https://cdn.example/moved', '/relative', 'https://u:p@cdn.example/'];
}

function mutateLines(r: () => number, lines: readonly HeaderLine[], values: readonly string[]): HeaderLine[] {
  const out = [...lines];
  const op = r();
  if (op < 0.3 && out.length > 0) out.splice(Math.floor(r() * out.length), 1);
  else if (op < 0.7) {
    const name = pick(r, RESPONSE_NAMES);
    const at = out.findIndex((l) => l.name.toLowerCase() === name.toLowerCase());
    const line = { name: r() < 0.2 ? name.toLowerCase() : name, value: pick(r, values) };
    if (at >= 0 && r() < 0.7) out[at] = line;
    else out.push(line);
  } else out.push({ name: pick(r, RESPONSE_NAMES), value: pick(r, values) });
  return out;
}

function mutateResponse(r: () => number, response: ObservedResponse | null, values: readonly string[]): ObservedResponse | null {
  if (response === null) return r() < 0.3 ? { status: 200, headers: [], fromCache: false, ip: null } : null;
  if (r() < 0.1) return null;
  const status = r() < 0.15 ? pick(r, [200, 204, 302, 304, 404, 500]) : response.status;
  return { ...response, status, headers: mutateLines(r, response.headers, values) };
}

function mutateHop(r: () => number, hop: ObservedHop, values: readonly string[]): ObservedHop {
  const what = r();
  if (what < 0.45) return { ...hop, response: mutateResponse(r, hop.response, values) };
  if (what < 0.7) {
    const preflight = hop.preflight;
    if (preflight === null) return { ...hop, response: mutateResponse(r, hop.response, values) };
    return { ...hop, preflight: { ...preflight, response: mutateResponse(r, preflight.response, values) } };
  }
  if (what < 0.9) {
    const extra = pick(r, REQUEST_EXTRAS);
    return { ...hop, requestHeaders: [...(hop.requestHeaders ?? []), extra] };
  }
  return { ...hop, redirectUrl: r() < 0.5 ? null : pick(r, [CDN, 'https://u:p@cdn.example/', 'myapp://x']) };
}

/** The call with one to three realistic changes: to a response or preflight header, a request
 * header, a redirect, the method, or how the call ended. */
export function mutateCall(r: () => number, call: ObservedCall): ObservedCall {
  let out = call;
  const values = responseValues(call.initiator);
  const changes = 1 + Math.floor(r() * 3);
  for (let n = 0; n < changes; n++) {
    const what = r();
    if (what < 0.75 && out.hops.length > 0) {
      const at = Math.floor(r() * out.hops.length);
      const hops = out.hops.map((hop, i) => (i === at ? mutateHop(r, hop, values) : hop));
      out = { ...out, hops };
    } else if (what < 0.85) {
      out = { ...out, method: pick(r, ['GET', 'POST', 'PUT', 'DELETE', 'patch']) };
    } else {
      const state = pick(r, ['completed', 'errored', 'in-flight'] as const);
      out = { ...out, state, error: state === 'errored' ? pick(r, ['net::ERR_FAILED', 'net::ERR_CONNECTION_REFUSED']) : null };
    }
  }
  return out;
}

/** FNV-1a over a string, 32 bits as 8 hex digits: enough to notice any changed verdict. */
export function fingerprint(text: string): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return (h >>> 0).toString(16).padStart(8, '0');
}
