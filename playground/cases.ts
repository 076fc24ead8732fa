// The classic CORS cases, one button each in the demo playground. The same table drives the API
// server's routes and the end-to-end suite, so the demo and the tests cannot drift apart.

export interface PlaygroundRequest {
  readonly path: string;
  readonly method: string;
  readonly headers?: Readonly<Record<string, string>>;
  readonly body?: string;
  readonly credentials?: 'include' | 'omit' | 'same-origin';
}

export interface PlaygroundCase {
  readonly id: string;
  readonly title: string;
  readonly request: PlaygroundRequest;
  /** Click twice: the second click shows what changes on a repeat (e.g. the preflight cache). */
  readonly repeat?: boolean;
}

const json = { 'Content-Type': 'application/json' };

export const PLAYGROUND_CASES: readonly PlaygroundCase[] = [
  { id: 'simple-allowed', title: 'Simple GET, allowed', request: { path: '/simple/allowed', method: 'GET' } },
  { id: 'no-acao', title: 'GET without Access-Control-Allow-Origin', request: { path: '/simple/no-acao', method: 'GET' } },
  { id: 'wrong-origin', title: 'Allow-Origin names another origin', request: { path: '/simple/wrong-origin', method: 'GET' } },
  { id: 'json-post', title: 'JSON POST, preflight passes', request: { path: '/json/ok', method: 'POST', headers: json, body: '{"a":1}' } },
  {
    id: 'no-allow-headers',
    title: 'Preflight without Allow-Headers for content-type',
    request: { path: '/json/no-allow-headers', method: 'POST', headers: json, body: '{"a":1}' },
  },
  {
    id: 'custom-header',
    title: 'Custom header not listed',
    request: { path: '/custom-header', method: 'GET', headers: { 'X-Token': 'secret' } },
  },
  { id: 'put-disallowed', title: 'PUT not in Allow-Methods', request: { path: '/methods', method: 'PUT' } },
  { id: 'delete-disallowed', title: 'DELETE not in Allow-Methods', request: { path: '/methods', method: 'DELETE' } },
  {
    id: 'credentials-wildcard',
    title: "credentials: 'include' with Allow-Origin: *",
    request: { path: '/credentials/wildcard', method: 'GET', credentials: 'include' },
  },
  {
    id: 'credentials-no-acac',
    title: 'Credentials without Allow-Credentials',
    request: { path: '/credentials/no-acac', method: 'GET', credentials: 'include' },
  },
  {
    id: 'actual-no-acao',
    title: 'Preflight passes, actual response lacks Allow-Origin',
    request: { path: '/actual-no-acao', method: 'PUT', headers: json, body: '{}' },
  },
  {
    id: 'preflight-401',
    title: 'Preflight answered 401 by auth middleware',
    request: { path: '/auth/preflight-401', method: 'GET', headers: { Authorization: 'Bearer t' } },
  },
  {
    id: 'preflight-404',
    title: 'Preflight answered 404 (with CORS headers)',
    request: { path: '/preflight-404', method: 'DELETE' },
  },
  { id: 'preflight-500', title: 'Preflight answered 500', request: { path: '/preflight-500', method: 'PATCH' } },
  {
    id: 'preflight-redirect',
    title: 'Preflight redirected',
    request: { path: '/preflight-redirect', method: 'POST', headers: json, body: '{}' },
  },
  {
    id: 'simple-redirect',
    title: 'Cross-origin redirect of a simple request',
    request: { path: '/redirect-away', method: 'GET' },
  },
  {
    id: 'max-age',
    title: 'Access-Control-Max-Age caching (click twice)',
    request: { path: '/max-age', method: 'PUT', headers: json, body: '{}' },
    repeat: true,
  },
  { id: 'no-vary', title: 'Allowed, but no Vary: Origin', request: { path: '/no-vary', method: 'GET' } },
];
