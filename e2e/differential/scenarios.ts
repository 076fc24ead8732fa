// The differential table: what the page asks for and exactly what the loopback server answers.
// No scenario states Chromium's verdict; the suite compares CORS Lens with what Chromium reported
// in the same run. `designedFor` is only a sanity check that the scenario still provokes what it
// was written for (a mismatch is a scenario bug, reported but never the comparison itself).
//
// Header values may hold placeholders, expanded by the server per request:
//   {app.test} {api.test} {other.test} {third.test} {app.site.test} {api.site.test}
//       → http://<host>:<port>          {port} → the server's port
//   {next} → path and query of the same scenario's next hop     {origin} → the request's Origin

export type Host = 'app.test' | 'api.test' | 'other.test' | 'third.test' | 'app.site.test' | 'api.site.test' | 'nothing.invalid';

/** One raw response header line; repeated names stay separate lines, in this order. */
export type HeaderLine = readonly [name: string, value: string];

export interface Reply {
  readonly status: number;
  readonly headers: readonly HeaderLine[];
  /** `reset`: close the socket without answering. `partial`: send headers and part of a
   * chunked body, then destroy the socket. `garbage`: answer bytes that are not HTTP. */
  readonly fault?: 'reset' | 'partial' | 'garbage';
}

/** What the server answers at one URL of the chain: the preflight (if one comes) and the request. */
export interface HopReply {
  readonly preflight?: Reply;
  readonly response: Reply;
  /** The answer to a revalidation (a request carrying If-None-Match or If-Modified-Since). */
  readonly conditional?: Reply;
}

export interface ClientRequest {
  readonly api: 'fetch' | 'xhr';
  readonly target: Host;
  /** Send to a port nothing listens on. */
  readonly closedPort?: boolean;
  readonly method?: string;
  /** Request headers in order; a repeated name is appended (fetch joins it with ", "). */
  readonly headers?: readonly HeaderLine[];
  readonly body?: string;
  /** A body whose type the browser turns into Content-Type: Blob with or without a type,
   * FormData (multipart/form-data) or URLSearchParams (urlencoded). */
  readonly bodyType?: 'blob-json' | 'blob-text' | 'blob-untyped' | 'form-data' | 'url-search-params';
  /** fetch body as a ReadableStream (duplex: 'half'). */
  readonly streamBody?: boolean;
  /** Pad the URL's query to this many characters (Chromium never caches preflights for URLs of
   * 1024 characters or more). */
  readonly urlLength?: number;
  /** fetch `cache` mode. */
  readonly cache?: 'default' | 'no-store' | 'reload' | 'no-cache' | 'force-cache';
  readonly mode?: 'cors' | 'no-cors' | 'same-origin';
  readonly credentials?: 'omit' | 'same-origin' | 'include';
  readonly redirect?: 'follow' | 'error' | 'manual';
  readonly keepalive?: boolean;
  /** XHR only. */
  readonly withCredentials?: boolean;
  /** XHR only: a listener on xhr.upload, which forces a preflight. */
  readonly uploadListener?: boolean;
  /** Read this response header from script (shows what Access-Control-Expose-Headers exposed). */
  readonly readHeader?: string;
}

export type PageKind =
  | 'app' // http://app.test:<port>/page
  | 'sandbox' // the same page served with `Content-Security-Policy: sandbox allow-scripts` (origin null)
  | 'iframe' // a srcdoc iframe with sandbox="allow-scripts" (origin null) inside an app.test page
  | 'site'; // http://app.site.test:<port>/page, which holds a cookie for site.test

export type Group =
  | 'safelist'
  | 'client-hints'
  | 'acao'
  | 'preflight-acao'
  | 'credentials'
  | 'cookies'
  | 'methods'
  | 'allow-headers'
  | 'expose'
  | 'preflight-status'
  | 'redirects'
  | 'max-age'
  | 'modes'
  | 'xhr'
  | 'null-origin'
  | 'request-options'
  | 'http-cache'
  | 'parallel'
  | 'network';

export interface Scenario {
  readonly id: string;
  readonly group: Group;
  readonly page: PageKind;
  /** Made one after the other, all to the scenario's URL (so the preflight cache may apply). */
  readonly requests: readonly ClientRequest[];
  /** Start all requests at once instead (they race to the same URL). */
  readonly parallel?: boolean;
  /** hops[n] answers the n-th URL of the redirect chain; past the end the last one repeats. */
  readonly hops: readonly HopReply[];
  /** Chromium decides these in the renderer: no webRequest event can show them. */
  readonly expect?: 'not-observable';
  readonly note: string;
  /** Sanity check only: the Chromium verdict this scenario was written to provoke ('allowed', a
   * CorsError name, or a net::ERR_ name), compared with the first request. */
  readonly designedFor: string;
}

// ---------------------------------------------------------------------------------------------
// Builders

const h = (name: string, value: string): HeaderLine => [name, value];
const acao = (value = '{app.test}'): HeaderLine => h('Access-Control-Allow-Origin', value);
const acac = (value = 'true'): HeaderLine => h('Access-Control-Allow-Credentials', value);
const acam = (value: string): HeaderLine => h('Access-Control-Allow-Methods', value);
const acah = (value: string): HeaderLine => h('Access-Control-Allow-Headers', value);
const aceh = (value: string): HeaderLine => h('Access-Control-Expose-Headers', value);
const maxAge = (value: string): HeaderLine => h('Access-Control-Max-Age', value);
const location = (value: string): HeaderLine => h('Location', value);

const reply = (status: number, ...headers: HeaderLine[]): Reply => ({ status, headers });
const ok = (...headers: HeaderLine[]): Reply => reply(200, ...headers);
const pf = (...headers: HeaderLine[]): Reply => reply(204, ...headers);

const GET: ClientRequest = { api: 'fetch', target: 'api.test' };
const req = (fields: Partial<ClientRequest> = {}): ClientRequest => ({ ...GET, ...fields });
const xhr = (fields: Partial<ClientRequest> = {}): ClientRequest => ({ ...GET, api: 'xhr', ...fields });

interface Spec {
  readonly page?: PageKind;
  readonly request?: ClientRequest;
  readonly requests?: readonly ClientRequest[];
  readonly preflight?: Reply;
  readonly response?: Reply;
  readonly hops?: readonly HopReply[];
  readonly parallel?: boolean;
  readonly expect?: 'not-observable';
  readonly note: string;
  readonly designedFor: string;
}

function scenario(group: Group, id: string, spec: Spec): Scenario {
  const hops = spec.hops ?? [
    { ...(spec.preflight ? { preflight: spec.preflight } : {}), response: spec.response ?? ok(acao()) },
  ];
  return {
    id,
    group,
    page: spec.page ?? 'app',
    requests: spec.requests ?? [spec.request ?? GET],
    hops,
    ...(spec.parallel ? { parallel: true } : {}),
    ...(spec.expect ? { expect: spec.expect } : {}),
    note: spec.note,
    designedFor: spec.designedFor,
  };
}

// ---------------------------------------------------------------------------------------------
// Safelisted request headers. The preflight allows the origin and nothing else, so a header
// Chromium finds unsafe ends in HeaderDisallowedByPreflightResponse and a safe one goes through
// without a preflight: the verdict and the preflight count both show Chromium's classification.

const strictPreflight = pf(acao());

function headerCase(
  group: 'safelist' | 'client-hints',
  id: string,
  headers: readonly HeaderLine[],
  designedFor: 'allowed' | 'HeaderDisallowedByPreflightResponse',
  method = 'GET',
): Scenario {
  const body = method === 'POST' ? { body: 'x' } : {};
  const shown = headers.map(([n, v]) => `${n}: ${v.length > 40 ? `${v.slice(0, 20)}…(${v.length} bytes)` : v}`).join('; ');
  return scenario(group, id, {
    request: req({ method, headers, ...body }),
    preflight: strictPreflight,
    note: `${method} with ${shown}`,
    designedFor,
  });
}

const SAFE = 'allowed' as const;
const UNSAFE = 'HeaderDisallowedByPreflightResponse' as const;
const a128 = 'a'.repeat(128);
const d128 = '1'.repeat(128);

const SAFELIST: readonly Scenario[] = [
  headerCase('safelist', 'accept-json', [h('Accept', 'application/json')], SAFE),
  headerCase('safelist', 'accept-quote', [h('Accept', 'text/html; q="0.9"')], UNSAFE),
  headerCase('safelist', 'accept-braces', [h('Accept', 'application/{json}')], UNSAFE),
  headerCase('safelist', 'accept-at', [h('Accept', 'user@example')], UNSAFE),
  headerCase('safelist', 'accept-del-byte', [h('Accept', 'text/\x7fhtml')], UNSAFE),
  headerCase('safelist', 'accept-128-bytes', [h('Accept', a128)], SAFE),
  headerCase('safelist', 'accept-129-bytes', [h('Accept', `${a128}b`)], UNSAFE),
  headerCase('safelist', 'accept-language-q', [h('Accept-Language', 'en-US,en;q=0.9,*;q=0.1')], SAFE),
  headerCase('safelist', 'accept-language-underscore', [h('Accept-Language', 'en_US')], UNSAFE),
  headerCase('safelist', 'accept-language-paren', [h('Accept-Language', 'en (US)')], UNSAFE),
  headerCase('safelist', 'accept-language-129', [h('Accept-Language', `${a128}b`)], UNSAFE),
  headerCase('safelist', 'content-language-de', [h('Content-Language', 'de-DE')], SAFE),
  headerCase('safelist', 'content-language-slash', [h('Content-Language', 'de/DE')], UNSAFE),
  headerCase('safelist', 'content-type-text-plain', [h('Content-Type', 'text/plain')], SAFE, 'POST'),
  headerCase('safelist', 'content-type-upper', [h('Content-Type', 'Text/Plain; Charset=UTF-8')], SAFE, 'POST'),
  headerCase('safelist', 'content-type-charset', [h('Content-Type', 'text/plain;charset=utf-8')], SAFE, 'POST'),
  headerCase('safelist', 'content-type-quoted-charset', [h('Content-Type', 'text/plain;charset="utf-8"')], UNSAFE, 'POST'),
  headerCase('safelist', 'content-type-json', [h('Content-Type', 'application/json')], UNSAFE, 'POST'),
  headerCase('safelist', 'content-type-html', [h('Content-Type', 'text/html')], UNSAFE, 'POST'),
  headerCase('safelist', 'content-type-multipart', [h('Content-Type', 'multipart/form-data; boundary=xyz')], SAFE, 'POST'),
  headerCase('safelist', 'content-type-urlencoded', [h('Content-Type', 'application/x-www-form-urlencoded;charset=UTF-8')], SAFE, 'POST'),
  headerCase('safelist', 'content-type-two-values', [h('Content-Type', 'text/plain, application/json')], UNSAFE, 'POST'),
  headerCase('safelist', 'content-type-two-lines', [h('Content-Type', 'text/plain'), h('Content-Type', 'text/plain')], UNSAFE, 'POST'),
  headerCase('safelist', 'content-type-trailing-semicolon', [h('Content-Type', 'text/plain;')], SAFE, 'POST'),
  headerCase('safelist', 'content-type-bare-param', [h('Content-Type', 'text/plain;charset')], SAFE, 'POST'),
  headerCase('safelist', 'content-type-space-in-type', [h('Content-Type', 'text /plain')], UNSAFE, 'POST'),
  headerCase('safelist', 'content-type-paren-param', [h('Content-Type', 'text/plain;a=(b)')], UNSAFE, 'POST'),
  headerCase('safelist', 'content-type-129', [h('Content-Type', `text/plain;x=${'a'.repeat(116)}`)], UNSAFE, 'POST'),
  headerCase('safelist', 'range-closed', [h('Range', 'bytes=0-99')], SAFE),
  headerCase('safelist', 'range-open', [h('Range', 'bytes=100-')], SAFE),
  // The spec matches `bytes` case-insensitively; Chromium 156 does not (observed).
  headerCase('safelist', 'range-uppercase-unit', [h('Range', 'Bytes=0-1')], UNSAFE),
  headerCase('safelist', 'range-suffix', [h('Range', 'bytes=-500')], UNSAFE),
  headerCase('safelist', 'range-multi', [h('Range', 'bytes=0-1,5-6')], UNSAFE),
  headerCase('safelist', 'range-inner-space', [h('Range', 'bytes= 0-1')], UNSAFE),
  headerCase('safelist', 'range-reversed', [h('Range', 'bytes=5-1')], UNSAFE),
  headerCase('safelist', 'range-items', [h('Range', 'items=0-1')], UNSAFE),
  headerCase('safelist', 'x-requested-with', [h('X-Requested-With', 'XMLHttpRequest')], UNSAFE),
  headerCase('safelist', 'user-agent-set', [h('User-Agent', 'cors-lens-test')], SAFE),
  headerCase('safelist', 'forbidden-sec-header-dropped', [h('Sec-Custom', '1')], SAFE),
  headerCase('safelist', 'intervention', [h('Intervention', 'something')], SAFE),
  headerCase(
    'safelist',
    'total-1024-bytes',
    [
      h('Accept', a128),
      h('Accept-Language', a128),
      h('Content-Language', a128),
      h('Width', d128),
      h('Viewport-Width', d128),
      h('RTT', d128),
      h('DPR', d128),
      h('Device-Memory', d128),
    ],
    SAFE,
  ),
  headerCase(
    'safelist',
    'total-1025-bytes',
    [
      h('Accept', a128),
      h('Accept-Language', a128),
      h('Content-Language', a128),
      h('Width', d128),
      h('Viewport-Width', d128),
      h('RTT', d128),
      h('DPR', d128),
      h('Device-Memory', d128),
      h('Downlink', '1'),
    ],
    UNSAFE,
  ),
  headerCase('safelist', 'safe-plus-unsafe', [h('Accept', 'text/plain'), h('X-Trace', '1')], UNSAFE),
];

const CLIENT_HINTS: readonly Scenario[] = [
  headerCase('client-hints', 'dpr-valid', [h('DPR', '2.0')], SAFE),
  headerCase('client-hints', 'dpr-trailing-dot', [h('DPR', '2.')], UNSAFE),
  headerCase('client-hints', 'width-valid', [h('Width', '800')], SAFE),
  headerCase('client-hints', 'width-fraction', [h('Width', '80.5')], UNSAFE),
  headerCase('client-hints', 'viewport-width-valid', [h('Viewport-Width', '1024')], SAFE),
  headerCase('client-hints', 'viewport-width-word', [h('Viewport-Width', 'wide')], UNSAFE),
  headerCase('client-hints', 'device-memory-valid', [h('Device-Memory', '0.5')], SAFE),
  headerCase('client-hints', 'device-memory-negative', [h('Device-Memory', '-1')], UNSAFE),
  headerCase('client-hints', 'rtt-valid', [h('RTT', '150')], SAFE),
  headerCase('client-hints', 'rtt-exponent', [h('RTT', '1e3')], UNSAFE),
  headerCase('client-hints', 'downlink-valid', [h('Downlink', '10.5')], SAFE),
  headerCase('client-hints', 'downlink-leading-dot', [h('Downlink', '.5')], UNSAFE),
  headerCase('client-hints', 'ect-valid', [h('ECT', '4g')], SAFE),
  headerCase('client-hints', 'ect-slow-2g', [h('ECT', 'slow-2g')], SAFE),
  headerCase('client-hints', 'ect-5g', [h('ECT', '5g')], UNSAFE),
  headerCase('client-hints', 'ect-uppercase', [h('ECT', '4G')], UNSAFE),
  headerCase('client-hints', 'save-data-on', [h('Save-Data', 'on')], SAFE),
  headerCase('client-hints', 'save-data-upper', [h('Save-Data', 'ON')], SAFE),
  headerCase('client-hints', 'save-data-off', [h('Save-Data', 'off')], UNSAFE),
  headerCase('client-hints', 'width-129-digits', [h('Width', `${d128}1`)], UNSAFE),
];

// ---------------------------------------------------------------------------------------------
// Access-Control-Allow-Origin shapes on a simple GET, then on a preflight.

function acaoCase(id: string, headers: readonly HeaderLine[], designedFor: string, request: ClientRequest = GET): Scenario {
  const shown = headers.length === 0 ? 'no ACAO' : headers.map(([n, v]) => `${n}: ${v}`).join(' + ');
  return scenario('acao', id, { request, response: ok(...headers), note: `simple GET answered ${shown}`, designedFor });
}

const ACAO: readonly Scenario[] = [
  acaoCase('acao-exact', [acao()], 'allowed'),
  acaoCase('acao-lowercase-name', [h('access-control-allow-origin', '{app.test}')], 'allowed'),
  acaoCase('acao-missing', [], 'MissingAllowOriginHeader'),
  acaoCase('acao-two-identical-lines', [acao(), acao()], 'MultipleAllowOriginValues'),
  acaoCase('acao-two-lines', [acao(), acao('{other.test}')], 'MultipleAllowOriginValues'),
  acaoCase('acao-comma-list', [acao('{app.test}, {other.test}')], 'MultipleAllowOriginValues'),
  acaoCase('acao-trailing-comma', [acao('{other.test},')], 'MultipleAllowOriginValues'),
  acaoCase('acao-space-list', [acao('{other.test} {app.test}')], 'MultipleAllowOriginValues'),
  acaoCase('acao-null', [acao('null')], 'AllowOriginMismatch'),
  acaoCase('acao-trailing-slash', [acao('{app.test}/')], 'AllowOriginMismatch'),
  acaoCase('acao-uppercase-host', [acao('http://APP.test:{port}')], 'AllowOriginMismatch'),
  acaoCase('acao-scheme-mismatch', [acao('https://app.test:{port}')], 'AllowOriginMismatch'),
  acaoCase('acao-port-mismatch', [acao('http://app.test:1')], 'AllowOriginMismatch'),
  acaoCase('acao-no-port', [acao('http://app.test')], 'AllowOriginMismatch'),
  acaoCase('acao-empty', [acao('')], 'InvalidAllowOriginValue'),
  acaoCase('acao-no-scheme', [acao('app.test')], 'InvalidAllowOriginValue'),
  acaoCase('acao-host-wildcard', [acao('http://*.test')], 'AllowOriginMismatch'),
  acaoCase('acao-star', [acao('*')], 'allowed'),
  acaoCase('acao-star-twice', [acao('*'), acao('*')], 'MultipleAllowOriginValues'),
  acaoCase('acao-star-and-origin', [acao('*'), acao()], 'MultipleAllowOriginValues'),
  acaoCase('acao-with-path', [acao('{app.test}/page')], 'AllowOriginMismatch'),
  acaoCase('acao-other-origin', [acao('{other.test}')], 'AllowOriginMismatch'),
  acaoCase('acao-padded', [acao('   {app.test}   ')], 'allowed'),
  acaoCase('acao-tab-padded', [acao('\t{app.test}\t')], 'allowed'),
  acaoCase('acao-uppercase-scheme', [acao('HTTP://app.test:{port}')], 'AllowOriginMismatch'),
  acaoCase('acao-echo', [acao('{origin}'), h('Vary', 'Origin')], 'allowed'),
  scenario('acao', 'acao-on-404', { response: reply(404, acao()), note: 'simple GET answered 404 with ACAO page origin', designedFor: 'allowed' }),
  scenario('acao', 'acao-missing-on-500', {
    response: reply(500),
    note: 'simple GET answered 500 with no ACAO (error handler without CORS headers)',
    designedFor: 'MissingAllowOriginHeader',
  }),
];

function preflightAcaoCase(id: string, preflightHeaders: readonly HeaderLine[], designedFor: string, request?: ClientRequest): Scenario {
  const shown = preflightHeaders.map(([n, v]) => `${n}: ${v}`).join(' + ') || 'no CORS headers';
  return scenario('preflight-acao', id, {
    request: request ?? req({ method: 'PUT' }),
    preflight: pf(...preflightHeaders),
    response: ok(acao(), acac()),
    note: `${request?.credentials === 'include' ? 'credentialed ' : ''}PUT, preflight 204 with ${shown}`,
    designedFor,
  });
}

const PREFLIGHT_ACAO: readonly Scenario[] = [
  preflightAcaoCase('pf-acao-missing', [acam('PUT')], 'PreflightMissingAllowOriginHeader'),
  preflightAcaoCase('pf-acao-two-lines', [acao(), acao(), acam('PUT')], 'PreflightMultipleAllowOriginValues'),
  preflightAcaoCase('pf-acao-list', [acao('{app.test},{other.test}'), acam('PUT')], 'PreflightMultipleAllowOriginValues'),
  preflightAcaoCase('pf-acao-empty', [acao(''), acam('PUT')], 'PreflightInvalidAllowOriginValue'),
  preflightAcaoCase('pf-acao-null', [acao('null'), acam('PUT')], 'PreflightAllowOriginMismatch'),
  preflightAcaoCase('pf-acao-trailing-slash', [acao('{app.test}/'), acam('PUT')], 'PreflightAllowOriginMismatch'),
  preflightAcaoCase('pf-acao-star', [acao('*'), acam('PUT')], 'allowed'),
  preflightAcaoCase('pf-acao-star-acac-no-credentials', [acao('*'), acac(), acam('PUT')], 'allowed'),
  preflightAcaoCase(
    'pf-acao-star-credentials',
    [acao('*'), acac(), acam('PUT')],
    'PreflightWildcardOriginNotAllowed',
    req({ method: 'PUT', credentials: 'include' }),
  ),
  preflightAcaoCase(
    'pf-acac-missing-credentials',
    [acao(), acam('PUT')],
    'PreflightInvalidAllowCredentials',
    req({ method: 'PUT', credentials: 'include' }),
  ),
  preflightAcaoCase(
    'pf-acac-upper-credentials',
    [acao(), acac('TRUE'), acam('PUT')],
    'PreflightInvalidAllowCredentials',
    req({ method: 'PUT', credentials: 'include' }),
  ),
  preflightAcaoCase('pf-credentials-ok', [acao(), acac(), acam('PUT')], 'allowed', req({ method: 'PUT', credentials: 'include' })),
  scenario('preflight-acao', 'pf-credentials-ok-actual-acac-missing', {
    request: req({ method: 'PUT', credentials: 'include' }),
    preflight: pf(acao(), acac(), acam('PUT')),
    response: ok(acao()),
    note: 'credentialed PUT, preflight fine, actual response without ACAC',
    designedFor: 'InvalidAllowCredentials',
  }),
];

// ---------------------------------------------------------------------------------------------
// Credentials: fetch credentials modes, XHR withCredentials, ACAC spellings, wildcards.

function credCase(id: string, request: ClientRequest, headers: readonly HeaderLine[], designedFor: string, page: PageKind = 'app'): Scenario {
  const mode = request.api === 'xhr' ? `XHR withCredentials=${String(request.withCredentials ?? false)}` : `fetch credentials=${request.credentials ?? 'same-origin'}`;
  const shown = headers.map(([n, v]) => `${n}: ${v}`).join(' + ') || 'no CORS headers';
  return scenario(page === 'site' ? 'cookies' : 'credentials', id, {
    page,
    request,
    response: ok(...headers),
    note: `${mode} GET answered ${shown}`,
    designedFor,
  });
}

const include = req({ credentials: 'include' });

const CREDENTIALS: readonly Scenario[] = [
  credCase('cred-include-ok', include, [acao(), acac()], 'allowed'),
  credCase('cred-include-acac-missing', include, [acao()], 'InvalidAllowCredentials'),
  credCase('cred-include-acac-upper', include, [acao(), acac('TRUE')], 'InvalidAllowCredentials'),
  credCase('cred-include-acac-title', include, [acao(), acac('True')], 'InvalidAllowCredentials'),
  credCase('cred-include-acac-twice', include, [acao(), acac(), acac()], 'InvalidAllowCredentials'),
  credCase('cred-include-acac-empty', include, [acao(), acac('')], 'InvalidAllowCredentials'),
  credCase('cred-include-star', include, [acao('*'), acac()], 'WildcardOriginNotAllowed'),
  credCase('cred-include-star-no-acac', include, [acao('*')], 'WildcardOriginNotAllowed'),
  credCase('cred-include-mismatch', include, [acao('{other.test}'), acac()], 'AllowOriginMismatch'),
  credCase('cred-same-origin-star', req({ credentials: 'same-origin' }), [acao('*')], 'allowed'),
  credCase('cred-omit-star', req({ credentials: 'omit' }), [acao('*'), acac()], 'allowed'),
  credCase('cred-omit-acac-wrong', req({ credentials: 'omit' }), [acao(), acac('yes')], 'allowed'),
  credCase('xhr-cred-ok', xhr({ withCredentials: true }), [acao(), acac()], 'allowed'),
  credCase('xhr-cred-star', xhr({ withCredentials: true }), [acao('*'), acac()], 'WildcardOriginNotAllowed'),
  credCase('xhr-cred-acac-missing', xhr({ withCredentials: true }), [acao()], 'InvalidAllowCredentials'),
  scenario('credentials', 'xhr-cred-put-preflight-acac-missing', {
    request: xhr({ method: 'PUT', withCredentials: true }),
    preflight: pf(acao(), acam('PUT')),
    response: ok(acao(), acac()),
    note: 'XHR withCredentials PUT, preflight without ACAC',
    designedFor: 'PreflightInvalidAllowCredentials',
  }),
  credCase('xhr-nocred-star', xhr({ withCredentials: false }), [acao('*')], 'allowed'),
];

// Same-site but cross-origin (app.site.test → api.site.test): the site.test cookie goes along
// with credentials: 'include', so the Cookie header proves the credentials mode to CORS Lens.
const siteInclude = req({ target: 'api.site.test', credentials: 'include' });
const COOKIES: readonly Scenario[] = [
  credCase('cookie-include-ok', siteInclude, [acao('{app.site.test}'), acac()], 'allowed', 'site'),
  credCase('cookie-include-star', siteInclude, [acao('*'), acac()], 'WildcardOriginNotAllowed', 'site'),
  credCase('cookie-include-acac-missing', siteInclude, [acao('{app.site.test}')], 'InvalidAllowCredentials', 'site'),
  credCase('cookie-same-origin-star', req({ target: 'api.site.test' }), [acao('*')], 'allowed', 'site'),
  credCase('cookie-xhr-star', xhr({ target: 'api.site.test', withCredentials: true }), [acao('*')], 'WildcardOriginNotAllowed', 'site'),
  scenario('cookies', 'cookie-preflight-star', {
    page: 'site',
    request: req({ target: 'api.site.test', credentials: 'include', method: 'PUT' }),
    preflight: pf(acao('*'), acam('PUT')),
    response: ok(acao('{app.site.test}'), acac()),
    note: 'credentialed PUT with the cookie, preflight answers ACAO *',
    designedFor: 'PreflightWildcardOriginNotAllowed',
  }),
  scenario('cookies', 'cookie-header-wildcard', {
    page: 'site',
    request: req({ target: 'api.site.test', credentials: 'include', headers: [h('X-Token', '1')] }),
    preflight: pf(acao('{app.site.test}'), acac(), acah('*')),
    response: ok(acao('{app.site.test}'), acac()),
    note: 'credentialed GET with X-Token and the cookie, preflight ACAH *',
    designedFor: 'HeaderDisallowedByPreflightResponse',
  }),
  scenario('cookies', 'cookie-method-wildcard', {
    page: 'site',
    request: req({ target: 'api.site.test', credentials: 'include', method: 'DELETE' }),
    preflight: pf(acao('{app.site.test}'), acac(), acam('*')),
    response: ok(acao('{app.site.test}'), acac()),
    note: 'credentialed DELETE with the cookie, preflight ACAM *',
    designedFor: 'MethodDisallowedByPreflightResponse',
  }),
];

// ---------------------------------------------------------------------------------------------
// Allow-Methods / Allow-Headers parsing and wildcards.

function methodCase(id: string, method: string, allowMethods: readonly HeaderLine[], designedFor: string, extra: Partial<ClientRequest> = {}): Scenario {
  const shown = allowMethods.map(([n, v]) => `${n}: ${v}`).join(' + ') || 'no ACAM';
  return scenario('methods', id, {
    request: req({ method, ...extra }),
    preflight: pf(acao(), ...(extra.credentials === 'include' ? [acac()] : []), ...allowMethods),
    response: ok(acao(), acac()),
    note: `${extra.credentials === 'include' ? 'credentialed ' : ''}${method} vs ${shown}`,
    designedFor,
  });
}

const METHODS: readonly Scenario[] = [
  methodCase('put-listed', 'PUT', [acam('PUT')], 'allowed'),
  methodCase('put-vs-lowercase-acam', 'PUT', [acam('put')], 'MethodDisallowedByPreflightResponse'),
  methodCase('lowercase-put-normalised', 'put', [acam('PUT')], 'allowed'),
  methodCase('lowercase-patch-vs-upper', 'patch', [acam('PATCH')], 'MethodDisallowedByPreflightResponse'),
  methodCase('lowercase-patch-listed', 'patch', [acam('patch')], 'allowed'),
  methodCase('patch-listed', 'PATCH', [acam('GET, PATCH')], 'allowed'),
  methodCase('delete-not-listed', 'DELETE', [acam('GET, POST')], 'MethodDisallowedByPreflightResponse'),
  methodCase('acam-missing', 'DELETE', [], 'MethodDisallowedByPreflightResponse'),
  methodCase('acam-empty', 'PUT', [acam('')], 'MethodDisallowedByPreflightResponse'),
  methodCase('acam-space-separated', 'PUT', [acam('GET POST PUT')], 'InvalidAllowMethodsPreflightResponse'),
  methodCase('acam-semicolons', 'PUT', [acam('GET;PUT')], 'InvalidAllowMethodsPreflightResponse'),
  methodCase('acam-quoted', 'PUT', [acam('"PUT"')], 'InvalidAllowMethodsPreflightResponse'),
  methodCase('acam-trailing-comma', 'PUT', [acam('PUT,')], 'allowed'),
  methodCase('acam-padded', 'PUT', [acam('  GET ,  PUT  ')], 'allowed'),
  methodCase('acam-two-lines', 'PUT', [acam('GET'), acam('PUT')], 'allowed'),
  methodCase('acam-star', 'PUT', [acam('*')], 'allowed'),
  methodCase('acam-star-credentials', 'PUT', [acam('*')], 'MethodDisallowedByPreflightResponse', { credentials: 'include' }),
  methodCase('acam-star-and-put-credentials', 'PUT', [acam('*, PUT')], 'allowed', { credentials: 'include' }),
  methodCase('custom-method', 'PURGE', [acam('PURGE')], 'allowed'),
  methodCase('acam-star-lowercase-patch', 'patch', [acam('*')], 'allowed'),
  methodCase('acam-lowercase-patch-credentials', 'patch', [acam('patch')], 'allowed', { credentials: 'include' }),
];

function allowHeadersCase(
  id: string,
  headers: readonly HeaderLine[],
  allowHeaders: readonly HeaderLine[],
  designedFor: string,
  extra: Partial<ClientRequest> = {},
): Scenario {
  const sent = headers.map(([n]) => n).join(', ');
  const shown = allowHeaders.map(([n, v]) => `${n}: ${v}`).join(' + ') || 'no ACAH';
  return scenario('allow-headers', id, {
    request: req({ headers, ...extra }),
    preflight: pf(acao(), ...(extra.credentials === 'include' ? [acac()] : []), ...allowHeaders),
    response: ok(acao(), acac()),
    note: `${extra.credentials === 'include' ? 'credentialed ' : ''}GET with ${sent} vs ${shown}`,
    designedFor,
  });
}

const foo = h('X-Foo', '1');
const bar = h('X-Bar', '2');
const auth = h('Authorization', 'Bearer t0k3n');
const ALLOW_HEADERS: readonly Scenario[] = [
  allowHeadersCase('acah-listed', [foo], [acah('x-foo')], 'allowed'),
  allowHeadersCase('acah-uppercase', [foo], [acah('X-FOO')], 'allowed'),
  allowHeadersCase('acah-missing', [foo], [], 'HeaderDisallowedByPreflightResponse'),
  allowHeadersCase('acah-space-separated', [foo, bar], [acah('x-foo x-bar')], 'InvalidAllowHeadersPreflightResponse'),
  allowHeadersCase('acah-semicolons', [foo], [acah('x-foo;x-bar')], 'InvalidAllowHeadersPreflightResponse'),
  allowHeadersCase('acah-quoted', [foo], [acah('"x-foo"')], 'InvalidAllowHeadersPreflightResponse'),
  allowHeadersCase('acah-colon', [foo], [acah('x-foo: 1')], 'InvalidAllowHeadersPreflightResponse'),
  allowHeadersCase('acah-trailing-comma', [foo], [acah('x-foo,')], 'allowed'),
  allowHeadersCase('acah-two-lines', [foo, bar], [acah('x-foo'), acah('x-bar')], 'allowed'),
  allowHeadersCase('acah-one-of-two', [foo, bar], [acah('x-foo')], 'HeaderDisallowedByPreflightResponse'),
  allowHeadersCase('acah-order', [h('X-Zeta', '1'), h('X-Alpha', '1')], [acah('x-other')], 'HeaderDisallowedByPreflightResponse'),
  allowHeadersCase('acah-order-three', [h('X-Mid', '1'), h('X-Zed', '1'), h('X-Abc', '1')], [acah('x-zed')], 'HeaderDisallowedByPreflightResponse'),
  allowHeadersCase('acah-order-safelisted-first', [h('Accept', 'a"b'), h('X-Foo', '1')], [acah('x-other')], 'HeaderDisallowedByPreflightResponse'),
  allowHeadersCase('acah-empty', [foo], [acah('')], 'HeaderDisallowedByPreflightResponse'),
  allowHeadersCase('acah-star', [foo], [acah('*')], 'allowed'),
  allowHeadersCase('acah-star-credentials', [foo], [acah('*')], 'HeaderDisallowedByPreflightResponse', { credentials: 'include' }),
  allowHeadersCase('acah-star-and-name-credentials', [foo], [acah('*, x-foo')], 'allowed', { credentials: 'include' }),
  allowHeadersCase('authorization-star', [auth], [acah('*')], 'allowed'),
  allowHeadersCase('authorization-listed', [auth], [acah('Authorization')], 'allowed'),
  allowHeadersCase('authorization-star-credentials', [auth], [acah('*')], 'HeaderDisallowedByPreflightResponse', { credentials: 'include' }),
  allowHeadersCase('content-type-json-listed', [h('Content-Type', 'application/json')], [acah('content-type')], 'allowed', {
    method: 'POST',
    body: '{}',
  }),
];

const EXPOSE: readonly Scenario[] = [
  scenario('expose', 'aceh-listed', {
    request: req({ readHeader: 'X-Custom' }),
    response: ok(acao(), aceh('X-Custom'), h('X-Custom', 'visible')),
    note: 'GET reading X-Custom, ACEH lists it',
    designedFor: 'allowed',
  }),
  scenario('expose', 'aceh-missing', {
    request: req({ readHeader: 'X-Custom' }),
    response: ok(acao(), h('X-Custom', 'hidden')),
    note: 'GET reading X-Custom, no ACEH (script sees null; not a CORS error)',
    designedFor: 'allowed',
  }),
  scenario('expose', 'aceh-star', {
    request: req({ readHeader: 'X-Custom' }),
    response: ok(acao(), aceh('*'), h('X-Custom', 'visible')),
    note: 'GET reading X-Custom, ACEH *',
    designedFor: 'allowed',
  }),
  scenario('expose', 'aceh-star-credentials', {
    request: req({ readHeader: 'X-Custom', credentials: 'include' }),
    response: ok(acao(), acac(), aceh('*'), h('X-Custom', 'hidden')),
    note: 'credentialed GET reading X-Custom, ACEH * (a literal name with credentials)',
    designedFor: 'allowed',
  }),
];

// ---------------------------------------------------------------------------------------------
// Preflight status codes. The preflight carries ACAO and ACAM unless the id says otherwise.

function statusCase(id: string, preflight: Reply, designedFor: string): Scenario {
  const shown = preflight.headers.map(([n, v]) => `${n}: ${v}`).join(' + ') || 'no headers';
  return scenario('preflight-status', id, {
    request: req({ method: 'PUT' }),
    preflight,
    response: ok(acao()),
    note: `PUT, preflight answered ${preflight.status} with ${shown}`,
    designedFor,
  });
}

const good = [acao(), acam('PUT')] as const;
const PREFLIGHT_STATUS: readonly Scenario[] = [
  statusCase('pf-200', reply(200, ...good), 'allowed'),
  statusCase('pf-204', reply(204, ...good), 'allowed'),
  statusCase('pf-299', reply(299, ...good), 'allowed'),
  statusCase('pf-300-no-location', reply(300, ...good), 'PreflightInvalidStatus'),
  statusCase('pf-301', reply(301, ...good, location('{api.test}{next}')), 'PreflightDisallowedRedirect'),
  statusCase('pf-302', reply(302, ...good, location('{other.test}{next}')), 'PreflightDisallowedRedirect'),
  statusCase('pf-307', reply(307, ...good, location('{api.test}{next}')), 'PreflightDisallowedRedirect'),
  statusCase('pf-308-no-acao', reply(308, location('{api.test}{next}')), 'PreflightDisallowedRedirect'),
  statusCase('pf-304', reply(304, ...good), 'PreflightInvalidStatus'),
  statusCase('pf-400', reply(400, ...good), 'PreflightInvalidStatus'),
  statusCase('pf-401', reply(401, ...good), 'PreflightInvalidStatus'),
  statusCase('pf-403', reply(403, ...good), 'PreflightInvalidStatus'),
  statusCase('pf-404', reply(404, ...good), 'PreflightInvalidStatus'),
  statusCase('pf-405', reply(405, ...good), 'PreflightInvalidStatus'),
  statusCase('pf-500', reply(500, ...good), 'PreflightInvalidStatus'),
  statusCase('pf-503', reply(503, ...good), 'PreflightInvalidStatus'),
  statusCase('pf-401-no-acao', reply(401, h('WWW-Authenticate', 'Bearer')), 'PreflightMissingAllowOriginHeader'),
  statusCase('pf-404-acao-mismatch', reply(404, acao('{other.test}')), 'PreflightAllowOriginMismatch'),
  statusCase('pf-200-no-acao', reply(200, acam('PUT')), 'PreflightMissingAllowOriginHeader'),
  statusCase('pf-200-no-cors-headers', reply(200, h('Allow', 'GET, PUT, OPTIONS')), 'PreflightMissingAllowOriginHeader'),
  scenario('preflight-status', 'pf-ok-actual-no-acao', {
    request: req({ method: 'PUT' }),
    preflight: pf(...good),
    response: ok(),
    note: 'PUT, preflight fine, actual response without ACAO',
    designedFor: 'MissingAllowOriginHeader',
  }),
];

// ---------------------------------------------------------------------------------------------
// Redirects. Each hop is the next URL of the chain; {next} points at it.

const to = (host: string, status = 302, ...headers: HeaderLine[]): Reply => reply(status, ...headers, location(`{${host}}{next}`));

function redirectCase(id: string, hops: readonly HopReply[], note: string, designedFor: string, request: ClientRequest = GET, expect?: 'not-observable'): Scenario {
  return scenario('redirects', id, { request, hops, note, designedFor, ...(expect ? { expect } : {}) });
}

const preflightPut = pf(acao(), acam('PUT'));
const REDIRECTS: readonly Scenario[] = [
  redirectCase('r-other-star', [{ response: to('other.test', 302, acao('*')) }, { response: ok(acao('*')) }], 'api 302 (ACAO *) → other answers ACAO *', 'allowed'),
  redirectCase('r-other-null', [{ response: to('other.test', 302, acao()) }, { response: ok(acao('null')) }], 'api 302 → other answers ACAO null (tainted origin)', 'allowed'),
  redirectCase('r-other-page-origin', [{ response: to('other.test', 302, acao()) }, { response: ok(acao()) }], 'api 302 → other answers the page origin, but Origin is null', 'AllowOriginMismatch'),
  redirectCase('r-other-origin-echo', [{ response: to('other.test', 302, acao()) }, { response: ok(acao('{origin}')) }], 'api 302 → other echoes Origin (null)', 'allowed'),
  redirectCase('r-redirect-no-acao', [{ response: to('other.test', 302) }, { response: ok(acao('*')) }], 'api 302 without ACAO → other', 'MissingAllowOriginHeader'),
  redirectCase('r-redirect-acao-mismatch', [{ response: to('other.test', 302, acao('{other.test}')) }, { response: ok(acao('*')) }], 'api 302 with ACAO other.test', 'AllowOriginMismatch'),
  redirectCase('r-redirect-star-credentials', [{ response: to('other.test', 302, acao('*')) }, { response: ok(acao('null'), acac()) }], 'credentialed; api 302 with ACAO *', 'WildcardOriginNotAllowed', include),
  redirectCase('r-third-null', [{ response: to('other.test', 302, acao()) }, { response: to('third.test', 302, acao('null')) }, { response: ok(acao('null')) }], 'api → other → third, all answer for Origin null', 'allowed'),
  redirectCase('r-third-other-missing', [{ response: to('other.test', 302, acao()) }, { response: to('third.test', 302) }, { response: ok(acao('null')) }], 'api → other (302 without ACAO) → third', 'MissingAllowOriginHeader'),
  redirectCase('r-same-api', [{ response: to('api.test', 302, acao()) }, { response: ok(acao()) }], 'api 302 → api (same origin), ACAO page origin', 'allowed'),
  redirectCase('r-aba-page-origin', [{ response: to('app.test', 302, acao()) }, { response: ok(acao()) }], 'api 302 → back to the page origin answering ACAO page origin', 'AllowOriginMismatch'),
  redirectCase('r-aba-null', [{ response: to('app.test', 302, acao()) }, { response: ok(acao('null')) }], 'api 302 → back to the page origin answering ACAO null', 'allowed'),
  redirectCase('r-aba-no-acao', [{ response: to('app.test', 302, acao()) }, { response: ok() }], 'api 302 → back to the page origin, no ACAO', 'MissingAllowOriginHeader'),
  redirectCase('r-app-to-api', [{ response: to('api.test', 302) }, { response: ok(acao()) }], 'same-origin URL 302 → api answering ACAO page origin', 'allowed', req({ target: 'app.test' })),
  redirectCase('r-app-to-api-no-acao', [{ response: to('api.test', 302) }, { response: ok() }], 'same-origin URL 302 → api without ACAO', 'MissingAllowOriginHeader', req({ target: 'app.test' })),
  redirectCase('r-app-to-api-null', [{ response: to('api.test', 302) }, { response: ok(acao('null')) }], 'same-origin URL 302 → api answering ACAO null (not tainted)', 'AllowOriginMismatch', req({ target: 'app.test' })),
  redirectCase('r-app-to-api-preflighted', [{ response: to('api.test', 307) }, { preflight: preflightPut, response: ok(acao()) }], 'same-origin PUT 307 → api, preflight at api', 'allowed', req({ target: 'app.test', method: 'PUT' })),
  redirectCase('r-userinfo-other', [{ response: reply(302, acao(), location('http://user:pass@other.test:{port}{next}')) }, { response: ok(acao('*')) }], 'api 302 → http://user:pass@other.test/…', 'RedirectContainsCredentials'),
  redirectCase('r-userinfo-same-api', [{ response: reply(302, acao(), location('http://user:pass@api.test:{port}{next}')) }, { response: ok(acao()) }], 'api 302 → http://user:pass@api.test/… (same origin as the API)', 'RedirectContainsCredentials'),
  redirectCase(
    'r-userinfo-same-page',
    [{ response: reply(302, location('http://user:pass@app.test:{port}{next}')) }, { response: ok() }],
    'same-origin URL 302 → http://user:pass@app.test/… (never leaves the page origin: not listed by design)',
    'net::ERR_ABORTED',
    req({ target: 'app.test' }),
    'not-observable',
  ),
  redirectCase('r-data-url', [{ response: reply(302, acao(), location('data:text/plain,hello')) }], 'api 302 → data:text/plain,hello', 'net::ERR_UNSAFE_REDIRECT'),
  redirectCase('r-unknown-scheme', [{ response: reply(302, acao(), location('foo://bar/baz')) }], 'api 302 → foo://bar/baz', 'CorsDisabledScheme'),
  redirectCase('r-relative-location', [{ response: reply(302, acao(), location('{next}')) }, { response: ok(acao()) }], 'api 302 with a relative Location', 'allowed'),
  redirectCase('r-307-preflighted-null', [{ preflight: preflightPut, response: to('other.test', 307, acao()) }, { preflight: pf(acao('null'), acam('PUT')), response: ok(acao('null')) }], 'PUT: api preflight ok, 307 → other; other preflight ACAO null', 'allowed', req({ method: 'PUT' })),
  redirectCase('r-307-preflighted-page-origin', [{ preflight: preflightPut, response: to('other.test', 307, acao()) }, { preflight: preflightPut, response: ok(acao()) }], 'PUT: api 307 → other; other preflight answers the page origin for Origin null', 'PreflightAllowOriginMismatch', req({ method: 'PUT' })),
  redirectCase('r-custom-header-second-preflight', [{ preflight: pf(acao(), acah('x-foo')), response: to('other.test', 302, acao()) }, { preflight: pf(acao('null'), acah('x-foo')), response: ok(acao('null')) }], 'GET with X-Foo: api 302 → other, preflight again at other with Origin null', 'allowed', req({ headers: [foo] })),
  redirectCase('r-custom-header-second-preflight-fails', [{ preflight: pf(acao(), acah('x-foo')), response: to('other.test', 302, acao()) }, { preflight: pf(acao('null')), response: ok(acao('null')) }], 'GET with X-Foo: api 302 → other, whose preflight lacks ACAH', 'HeaderDisallowedByPreflightResponse', req({ headers: [foo] })),
  redirectCase(
    'r-three-hops-preflighted',
    [
      { preflight: preflightPut, response: to('other.test', 307, acao()) },
      { preflight: pf(acao('null'), acam('PUT')), response: to('third.test', 307, acao('null')) },
      { preflight: pf(acao('null'), acam('PUT')), response: ok(acao('null')) },
    ],
    'PUT: api 307 → other 307 → third, a preflight at each hop, ACAO null after the first',
    'allowed',
    req({ method: 'PUT' }),
  ),
  redirectCase(
    'r-three-hops-last-preflight-fails',
    [
      { preflight: preflightPut, response: to('other.test', 307, acao()) },
      { preflight: pf(acao('null'), acam('PUT')), response: to('third.test', 307, acao('null')) },
      { preflight: pf(acao('null')), response: ok(acao('null')) },
    ],
    'PUT: api 307 → other 307 → third, whose preflight lacks ACAM',
    'MethodDisallowedByPreflightResponse',
    req({ method: 'PUT' }),
  ),
  redirectCase('r-301-post-becomes-get', [{ response: to('other.test', 301, acao()) }, { response: ok(acao('*')) }], 'POST text/plain 301 → other (method becomes GET)', 'allowed', req({ method: 'POST', body: 'x', headers: [h('Content-Type', 'text/plain')] })),
  redirectCase('r-303-put-becomes-get', [{ preflight: preflightPut, response: to('other.test', 303, acao()) }, { response: ok(acao('*')) }], 'PUT 303 → other (GET, no second preflight)', 'allowed', req({ method: 'PUT' })),
  redirectCase('r-308-put-stays-put', [{ preflight: preflightPut, response: to('other.test', 308, acao()) }, { preflight: pf(acao('*'), acam('PUT')), response: ok(acao('*')) }], 'PUT 308 → other (PUT again, second preflight)', 'allowed', req({ method: 'PUT' })),
  redirectCase('r-too-many', [{ response: to('api.test', 302, acao()) }], 'api 302 → api forever', 'net::ERR_TOO_MANY_REDIRECTS'),
  redirectCase('r-credentials-null-ok', [{ response: to('other.test', 302, acao(), acac()) }, { response: ok(acao('null'), acac()) }], 'credentialed; api 302 → other answering ACAO null + ACAC true', 'allowed', include),
  redirectCase('r-credentials-redirect-acac-missing', [{ response: to('other.test', 302, acao()) }, { response: ok(acao('null'), acac()) }], 'credentialed; api 302 with ACAO but no ACAC', 'InvalidAllowCredentials', include),
  redirectCase('r-credentials-other-star', [{ response: to('other.test', 302, acao(), acac()) }, { response: ok(acao('*'), acac()) }], 'credentialed; api 302 → other answering ACAO *', 'WildcardOriginNotAllowed', include),
  // webRequest shows these two identically (a 302, then ERR_ABORTED for the first URL), while
  // Chromium reports ERR_FAILED for one and ERR_ABORTED at the redirect target for the other.
  redirectCase('r-redirect-error-mode', [{ response: to('other.test', 302, acao()) }, { response: ok(acao('*')) }], "redirect: 'error', api 302", 'net::ERR_FAILED', req({ redirect: 'error' }), 'not-observable'),
  redirectCase('r-redirect-manual-mode', [{ response: to('other.test', 302, acao()) }, { response: ok(acao('*')) }], "redirect: 'manual', api 302 (opaque-redirect)", 'net::ERR_ABORTED', req({ redirect: 'manual' }), 'not-observable'),
  redirectCase('r-xhr-other-star', [{ response: to('other.test', 302, acao()) }, { response: ok(acao('*')) }], 'XHR: api 302 → other answering ACAO *', 'allowed', xhr()),
  redirectCase('r-xhr-other-page-origin', [{ response: to('other.test', 302, acao()) }, { response: ok(acao()) }], 'XHR: api 302 → other answering the page origin', 'AllowOriginMismatch', xhr()),
  redirectCase('r-uppercase-scheme-location', [{ response: reply(302, acao(), location('HTTP://other.test:{port}{next}')) }, { response: ok(acao('null')) }], 'api 302 → HTTP://other.test/… (upper-case scheme)', 'allowed'),
  scenario('redirects', 'cookie-redirect-null', {
    page: 'site',
    request: siteInclude,
    hops: [{ response: to('other.test', 302, acao('{app.site.test}'), acac()) }, { response: ok(acao('null'), acac()) }],
    note: 'credentialed GET with the cookie: api.site.test 302 → other.test answering ACAO null + ACAC true',
    designedFor: 'allowed',
  }),
  redirectCase('r-no-cors-other', [{ response: to('other.test', 302) }, { response: ok() }], 'no-cors GET: api 302 → other, no CORS headers', 'allowed', req({ mode: 'no-cors' })),
];

// ---------------------------------------------------------------------------------------------
// The preflight cache: two requests to the same URL, one after the other.

function cacheCase(id: string, requests: readonly ClientRequest[], preflight: Reply, note: string, designedFor: string): Scenario {
  const creds = requests.some((r) => r.credentials === 'include');
  return scenario('max-age', id, {
    requests,
    preflight,
    response: ok(acao(), ...(creds ? [acac()] : [])),
    note,
    designedFor,
  });
}

const put = req({ method: 'PUT' });
const twice = [put, put] as const;
const MAX_AGE: readonly Scenario[] = [
  cacheCase('max-age-absent', twice, pf(acao(), acam('PUT')), 'PUT twice, no Max-Age (default 5 s)', 'allowed'),
  cacheCase('max-age-0', twice, pf(acao(), acam('PUT'), maxAge('0')), 'PUT twice, Max-Age 0', 'allowed'),
  cacheCase('max-age-negative', twice, pf(acao(), acam('PUT'), maxAge('-1')), 'PUT twice, Max-Age -1', 'allowed'),
  cacheCase('max-age-garbage', twice, pf(acao(), acam('PUT'), maxAge('ten minutes')), 'PUT twice, Max-Age garbage', 'allowed'),
  cacheCase('max-age-600', twice, pf(acao(), acam('PUT'), maxAge('600')), 'PUT twice, Max-Age 600', 'allowed'),
  cacheCase('max-age-two-lines', twice, pf(acao(), acam('PUT'), maxAge('600'), maxAge('0')), 'PUT twice, Max-Age 600 and 0 on two lines', 'allowed'),
  cacheCase('max-age-covers-methods', [put, req({ method: 'DELETE' })], pf(acao(), acam('PUT, DELETE'), maxAge('600')), 'PUT then DELETE, ACAM PUT, DELETE, Max-Age 600', 'allowed'),
  cacheCase(
    'max-age-covers-headers',
    [req({ headers: [h('X-A', '1')] }), req({ headers: [h('X-B', '1')] })],
    pf(acao(), acah('x-a, x-b'), maxAge('600')),
    'X-A then X-B, ACAH x-a, x-b, Max-Age 600',
    'allowed',
  ),
  cacheCase(
    'max-age-header-not-covered',
    [req({ headers: [h('X-A', '1')] }), req({ headers: [h('X-B', '1')] })],
    pf(acao(), acah('x-a'), maxAge('600')),
    'X-A then X-B, ACAH x-a only, Max-Age 600',
    'allowed',
  ),
  cacheCase('max-age-long-url', [req({ method: 'PUT', urlLength: 1100 }), req({ method: 'PUT', urlLength: 1100 })], pf(acao(), acam('PUT'), maxAge('600')), 'PUT twice to a 1100-character URL, Max-Age 600', 'allowed'),
  cacheCase('max-age-7201', twice, pf(acao(), acam('PUT'), maxAge('7201')), 'PUT twice, Max-Age 7201 (above the 2 h cap)', 'allowed'),
  scenario('max-age', 'max-age-after-blocked-actual', {
    requests: twice,
    preflight: pf(acao(), acam('PUT'), maxAge('600')),
    response: ok(),
    note: 'PUT twice, preflight ok with Max-Age 600, actual response without ACAO',
    designedFor: 'MissingAllowOriginHeader',
  }),
  cacheCase('max-age-method-not-covered', [put, req({ method: 'DELETE' })], pf(acao(), acam('PUT'), maxAge('600')), 'PUT then DELETE, ACAM PUT only', 'allowed'),
  cacheCase(
    'max-age-credentials-after-plain',
    [put, req({ method: 'PUT', credentials: 'include' })],
    pf(acao(), acac(), acam('PUT'), maxAge('600')),
    'PUT without credentials, then with credentials',
    'allowed',
  ),
  cacheCase(
    'max-age-plain-after-credentials',
    [req({ method: 'PUT', credentials: 'include' }), put],
    pf(acao(), acac(), acam('PUT'), maxAge('600')),
    'PUT with credentials, then without',
    'allowed',
  ),
  cacheCase(
    'max-age-authorization-star',
    [req({ headers: [auth] }), req({ headers: [auth] })],
    pf(acao(), acah('*'), maxAge('600')),
    'Authorization twice, ACAH *, Max-Age 600 (cache lookup is strict)',
    'allowed',
  ),
  cacheCase('max-age-wildcard-methods', [put, req({ method: 'DELETE' })], pf(acao(), acam('*'), maxAge('600')), 'PUT then DELETE, ACAM *', 'allowed'),
];

// ---------------------------------------------------------------------------------------------
// Request modes, keepalive, streaming bodies.

const MODES: readonly Scenario[] = [
  scenario('modes', 'no-cors-no-acao', {
    request: req({ mode: 'no-cors' }),
    response: ok(),
    note: 'no-cors GET, no CORS headers (opaque response)',
    designedFor: 'allowed',
  }),
  scenario('modes', 'no-cors-post', {
    request: req({ mode: 'no-cors', method: 'POST', body: 'x' }),
    response: ok(),
    note: 'no-cors POST text/plain, no CORS headers (opaque; Chromium still sends Origin)',
    designedFor: 'allowed',
  }),
  scenario('modes', 'no-cors-json-header-dropped', {
    request: req({ mode: 'no-cors', method: 'POST', body: '{}', headers: [h('Content-Type', 'application/json'), foo] }),
    response: ok(),
    note: 'no-cors POST with Content-Type: application/json and X-Foo (both dropped by script)',
    designedFor: 'allowed',
  }),
  scenario('modes', 'no-cors-put', {
    request: req({ mode: 'no-cors', method: 'PUT' }),
    response: ok(),
    expect: 'not-observable',
    note: 'no-cors PUT: fetch throws before anything is sent',
    designedFor: 'TypeError',
  }),
  scenario('modes', 'no-cors-redirect-error', {
    request: req({ mode: 'no-cors', redirect: 'error' }),
    response: ok(),
    expect: 'not-observable',
    note: "no-cors with redirect: 'error' (rejected in the renderer)",
    designedFor: 'NoCorsRedirectModeNotFollow',
  }),
  scenario('modes', 'same-origin-mode-cross', {
    request: req({ mode: 'same-origin' }),
    response: ok(acao()),
    expect: 'not-observable',
    note: "mode: 'same-origin' to api.test (rejected in the renderer)",
    designedFor: 'DisallowedByMode',
  }),
  scenario('modes', 'same-origin-mode-same', {
    request: req({ mode: 'same-origin', target: 'app.test' }),
    response: ok(),
    expect: 'not-observable',
    note: "mode: 'same-origin' to the page's own origin: no CORS, not listed by design",
    designedFor: 'allowed',
  }),
  scenario('modes', 'cors-to-own-origin', {
    request: req({ target: 'app.test', method: 'PUT', headers: [foo] }),
    response: ok(),
    expect: 'not-observable',
    note: "PUT with X-Foo to the page's own origin: no CORS, not listed by design",
    designedFor: 'allowed',
  }),
  scenario('modes', 'same-origin-mode-redirected', {
    request: req({ mode: 'same-origin', target: 'app.test' }),
    hops: [{ response: to('api.test', 302) }, { response: ok(acao()) }],
    note: "mode: 'same-origin' to the page origin, 302 → api.test",
    designedFor: 'net::ERR_ABORTED',
  }),
  scenario('modes', 'keepalive-ok', {
    request: req({ method: 'POST', body: 'x', keepalive: true, headers: [h('Content-Type', 'text/plain')] }),
    response: ok(acao()),
    note: 'keepalive POST text/plain, ACAO page origin',
    designedFor: 'allowed',
  }),
  scenario('modes', 'keepalive-no-acao', {
    request: req({ method: 'POST', body: 'x', keepalive: true }),
    response: ok(),
    note: 'keepalive POST, no ACAO',
    designedFor: 'MissingAllowOriginHeader',
  }),
  scenario('modes', 'keepalive-preflighted', {
    request: req({ method: 'PUT', body: 'x', keepalive: true }),
    preflight: pf(acao(), acam('PUT')),
    response: ok(acao()),
    note: 'keepalive PUT, preflight ok',
    designedFor: 'allowed',
  }),
  scenario('modes', 'keepalive-preflight-fails', {
    request: req({ method: 'PUT', body: 'x', keepalive: true }),
    preflight: pf(acao()),
    response: ok(acao()),
    note: 'keepalive PUT, preflight without ACAM',
    designedFor: 'MethodDisallowedByPreflightResponse',
  }),
  scenario('modes', 'stream-body', {
    request: req({ method: 'POST', streamBody: true }),
    preflight: pf(acao(), acam('POST')),
    response: ok(acao()),
    note: 'POST with a ReadableStream body over HTTP/1.1',
    designedFor: 'net::ERR_ALPN_NEGOTIATION_FAILED',
  }),
];

const XHR: readonly Scenario[] = [
  scenario('xhr', 'xhr-simple-ok', { request: xhr(), response: ok(acao()), note: 'XHR GET, ACAO page origin', designedFor: 'allowed' }),
  scenario('xhr', 'xhr-simple-no-acao', { request: xhr(), response: ok(), note: 'XHR GET, no ACAO', designedFor: 'MissingAllowOriginHeader' }),
  scenario('xhr', 'xhr-put-ok', {
    request: xhr({ method: 'PUT' }),
    preflight: pf(acao(), acam('PUT')),
    response: ok(acao()),
    note: 'XHR PUT, preflight ok',
    designedFor: 'allowed',
  }),
  scenario('xhr', 'xhr-put-no-acam', {
    request: xhr({ method: 'PUT' }),
    preflight: pf(acao()),
    response: ok(acao()),
    note: 'XHR PUT, preflight without ACAM',
    designedFor: 'MethodDisallowedByPreflightResponse',
  }),
  scenario('xhr', 'xhr-json-no-acah', {
    request: xhr({ method: 'POST', body: '{}', headers: [h('Content-Type', 'application/json')] }),
    preflight: pf(acao(), acam('POST')),
    response: ok(acao()),
    note: 'XHR JSON POST, preflight without ACAH',
    designedFor: 'HeaderDisallowedByPreflightResponse',
  }),
  scenario('xhr', 'xhr-upload-listener-ok', {
    request: xhr({ method: 'POST', body: 'x', uploadListener: true }),
    preflight: pf(acao()),
    response: ok(acao()),
    note: 'XHR simple POST with an upload listener (forced preflight), preflight ok',
    designedFor: 'allowed',
  }),
  scenario('xhr', 'xhr-upload-listener-no-acao', {
    request: xhr({ method: 'POST', body: 'x', uploadListener: true }),
    preflight: pf(),
    response: ok(acao()),
    note: 'XHR simple POST with an upload listener, preflight without ACAO',
    designedFor: 'PreflightMissingAllowOriginHeader',
  }),
  scenario('xhr', 'xhr-upload-listener-404', {
    request: xhr({ method: 'POST', body: 'x', uploadListener: true }),
    preflight: reply(404, acao()),
    response: ok(acao()),
    note: 'XHR simple POST with an upload listener, preflight 404 with ACAO',
    designedFor: 'PreflightInvalidStatus',
  }),
];

// ---------------------------------------------------------------------------------------------
// Pages with an opaque origin (serialized `null`).

function nullCase(id: string, page: 'sandbox' | 'iframe', request: ClientRequest, hop: HopReply, note: string, designedFor: string): Scenario {
  return scenario('null-origin', id, { page, request, hops: [hop], note: `${page === 'sandbox' ? 'CSP-sandboxed page' : 'sandboxed srcdoc iframe'}: ${note}`, designedFor });
}

const NULL_ORIGIN: readonly Scenario[] = [
  nullCase('sandbox-acao-null', 'sandbox', GET, { response: ok(acao('null')) }, 'GET, ACAO null', 'allowed'),
  nullCase('sandbox-acao-page-host', 'sandbox', GET, { response: ok(acao()) }, 'GET, ACAO http://app.test', 'AllowOriginMismatch'),
  nullCase('sandbox-acao-star', 'sandbox', GET, { response: ok(acao('*')) }, 'GET, ACAO *', 'allowed'),
  nullCase('sandbox-acao-missing', 'sandbox', GET, { response: ok() }, 'GET, no ACAO', 'MissingAllowOriginHeader'),
  nullCase('sandbox-put-null', 'sandbox', req({ method: 'PUT' }), { preflight: pf(acao('null'), acam('PUT')), response: ok(acao('null')) }, 'PUT, ACAO null on both', 'allowed'),
  nullCase('sandbox-put-page-host', 'sandbox', req({ method: 'PUT' }), { preflight: pf(acao(), acam('PUT')), response: ok(acao()) }, 'PUT, preflight ACAO http://app.test', 'PreflightAllowOriginMismatch'),
  nullCase('sandbox-include-null', 'sandbox', include, { response: ok(acao('null'), acac()) }, 'credentialed GET, ACAO null + ACAC true', 'allowed'),
  scenario('null-origin', 'sandbox-redirect-null', {
    page: 'sandbox',
    hops: [{ response: to('other.test', 302, acao('null')) }, { response: ok(acao('null')) }],
    note: 'CSP-sandboxed page: api 302 → other, both answer ACAO null',
    designedFor: 'allowed',
  }),
  nullCase('sandbox-include-star', 'sandbox', include, { response: ok(acao('*'), acac()) }, 'credentialed GET, ACAO *', 'WildcardOriginNotAllowed'),
  nullCase('sandbox-same-host', 'sandbox', req({ target: 'app.test' }), { response: ok() }, 'GET to its own host without ACAO (cross-origin for an opaque origin)', 'MissingAllowOriginHeader'),
  nullCase('iframe-acao-null', 'iframe', GET, { response: ok(acao('null')) }, 'GET, ACAO null', 'allowed'),
  nullCase('iframe-acao-page-host', 'iframe', GET, { response: ok(acao()) }, 'GET, ACAO http://app.test', 'AllowOriginMismatch'),
  nullCase('iframe-put-echo', 'iframe', req({ method: 'PUT' }), { preflight: pf(acao('{origin}'), acam('PUT')), response: ok(acao('{origin}')) }, 'PUT, server echoes Origin', 'allowed'),
];

// ---------------------------------------------------------------------------------------------
// Request options the browser turns into headers: cache modes, typed bodies, HEAD and OPTIONS.

function optionCase(id: string, request: ClientRequest, note: string, designedFor: string, response: Reply = ok(acao())): Scenario {
  return scenario('request-options', id, { request, preflight: strictPreflight, response, note, designedFor });
}

const post = (fields: Partial<ClientRequest>): ClientRequest => req({ method: 'POST', ...fields });
const REQUEST_OPTIONS: readonly Scenario[] = [
  optionCase('cache-no-cache', req({ cache: 'no-cache' }), "GET with cache: 'no-cache' (the browser adds Cache-Control)", 'allowed'),
  optionCase('cache-no-store', req({ cache: 'no-store' }), "GET with cache: 'no-store'", 'allowed'),
  optionCase('cache-reload', req({ cache: 'reload' }), "GET with cache: 'reload'", 'allowed'),
  optionCase('cache-force-cache', req({ cache: 'force-cache' }), "GET with cache: 'force-cache'", 'allowed'),
  optionCase('cache-no-cache-custom-header', req({ cache: 'no-cache', headers: [foo] }), "GET with cache: 'no-cache' and X-Foo", UNSAFE),
  optionCase('script-cache-control', req({ headers: [h('Cache-Control', 'no-cache')] }), 'GET with Cache-Control: no-cache set by script', UNSAFE),
  optionCase('script-pragma', req({ headers: [h('Pragma', 'no-cache')] }), 'GET with Pragma: no-cache set by script', UNSAFE),
  optionCase('script-if-none-match', req({ headers: [h('If-None-Match', '"v1"')] }), 'GET with If-None-Match set by script', UNSAFE),
  optionCase('script-if-modified-since', req({ headers: [h('If-Modified-Since', 'Tue, 01 Jan 2030 00:00:00 GMT')] }), 'GET with If-Modified-Since set by script', UNSAFE),
  optionCase('blob-json-body', post({ bodyType: 'blob-json' }), 'POST with a Blob of type application/json', UNSAFE),
  optionCase('blob-text-body', post({ bodyType: 'blob-text' }), 'POST with a Blob of type text/plain', 'allowed'),
  optionCase('blob-untyped-body', post({ bodyType: 'blob-untyped' }), 'POST with an untyped Blob (no Content-Type)', 'allowed'),
  optionCase('form-data-body', post({ bodyType: 'form-data' }), 'POST with FormData (multipart/form-data; boundary=…)', 'allowed'),
  optionCase('url-search-params-body', post({ bodyType: 'url-search-params' }), 'POST with URLSearchParams', 'allowed'),
  optionCase('xhr-string-body', xhr({ method: 'POST', body: 'x' }), 'XHR POST with a string body (text/plain;charset=UTF-8)', 'allowed'),
  optionCase('xhr-blob-json-body', xhr({ method: 'POST', bodyType: 'blob-json' }), 'XHR POST with a Blob of type application/json', UNSAFE),
  optionCase('xhr-duplicate-header', xhr({ headers: [foo, h('x-foo', '2')] }), 'XHR with X-Foo set twice', UNSAFE),
  optionCase('head-ok', req({ method: 'HEAD' }), 'HEAD, ACAO page origin', 'allowed'),
  optionCase('head-no-acao', req({ method: 'HEAD' }), 'HEAD, no ACAO', 'MissingAllowOriginHeader', ok()),
  scenario('request-options', 'options-method-allowed', {
    request: req({ method: 'OPTIONS' }),
    preflight: pf(acao(), acam('OPTIONS')),
    response: ok(acao()),
    note: 'the page itself sends OPTIONS (preflighted with ACRM OPTIONS), ACAM OPTIONS',
    designedFor: 'allowed',
  }),
  scenario('request-options', 'options-method-blocked', {
    request: req({ method: 'OPTIONS' }),
    preflight: pf(acao()),
    response: ok(acao()),
    note: 'the page itself sends OPTIONS, preflight without ACAM',
    designedFor: 'MethodDisallowedByPreflightResponse',
  }),
];

// ---------------------------------------------------------------------------------------------
// The HTTP cache: the second request is answered from the cache or revalidated (304).

const cacheable = (...headers: HeaderLine[]): Reply => ok(...headers, h('Cache-Control', 'max-age=600'));
const revalidated = (...headers: HeaderLine[]): Reply => ok(...headers, h('Cache-Control', 'no-cache'), h('ETag', '"v1"'));
const HTTP_CACHE: readonly Scenario[] = [
  scenario('http-cache', 'http-cache-hit', {
    requests: [GET, GET],
    response: cacheable(acao()),
    note: 'GET twice, Cache-Control: max-age=600 (second from the HTTP cache)',
    designedFor: 'allowed',
  }),
  scenario('http-cache', 'http-cache-hit-then-credentials', {
    requests: [GET, include],
    response: cacheable(acao('*')),
    note: 'GET, then a credentialed GET of the same URL, cacheable ACAO *',
    designedFor: 'allowed',
  }),
  scenario('http-cache', 'http-cache-preflighted', {
    requests: [req({ headers: [foo] }), req({ headers: [foo] })],
    preflight: pf(acao(), acah('x-foo'), maxAge('600')),
    response: cacheable(acao()),
    note: 'GET with X-Foo twice: preflight cached (Max-Age 600) and response cached (max-age=600)',
    designedFor: 'allowed',
  }),
  scenario('http-cache', 'revalidate-304-no-acao', {
    requests: [GET, GET],
    hops: [{ response: revalidated(acao()), conditional: reply(304, h('ETag', '"v1"')) }],
    note: 'GET twice, no-cache + ETag; the revalidation is answered 304 without ACAO',
    designedFor: 'allowed',
  }),
  scenario('http-cache', 'revalidate-304-other-acao', {
    requests: [GET, GET],
    hops: [{ response: revalidated(acao()), conditional: reply(304, h('ETag', '"v1"'), acao('{other.test}')) }],
    note: 'GET twice; the revalidation is answered 304 with ACAO other.test',
    designedFor: 'allowed',
  }),
  scenario('http-cache', 'revalidate-200-no-acao', {
    requests: [GET, GET],
    hops: [{ response: revalidated(acao()), conditional: ok(h('ETag', '"v2"')) }],
    note: 'GET twice; the revalidation is answered with a fresh 200 without ACAO',
    designedFor: 'allowed',
  }),
];

// ---------------------------------------------------------------------------------------------
// Requests racing to the same URL: each preflight must be paired with its own request.

const PARALLEL: readonly Scenario[] = [
  scenario('parallel', 'parallel-put-delete', {
    requests: [put, req({ method: 'DELETE' })],
    parallel: true,
    preflight: pf(acao(), acam('PUT')),
    note: 'PUT and DELETE at once to one URL; ACAM PUT',
    designedFor: 'allowed',
  }),
  scenario('parallel', 'parallel-two-headers', {
    requests: [req({ method: 'PUT', headers: [h('X-A', '1')] }), req({ method: 'PUT', headers: [h('X-B', '1')] })],
    parallel: true,
    preflight: pf(acao(), acam('PUT'), acah('x-a')),
    note: 'PUT with X-A and PUT with X-B at once to one URL; ACAH x-a',
    designedFor: 'allowed',
  }),
  scenario('parallel', 'parallel-get-and-put', {
    requests: [GET, put],
    parallel: true,
    preflight: pf(acao()),
    note: 'simple GET and PUT at once to one URL; preflight without ACAM',
    designedFor: 'allowed',
  }),
  scenario('parallel', 'parallel-put-twice', {
    requests: twice,
    parallel: true,
    preflight: pf(acao(), acam('PUT')),
    note: 'the same PUT twice at once',
    designedFor: 'allowed',
  }),
];

// ---------------------------------------------------------------------------------------------
// Failures that are not CORS.

const NETWORK: readonly Scenario[] = [
  scenario('network', 'refused-simple', { request: req({ closedPort: true }), note: 'GET to a closed port', designedFor: 'net::ERR_CONNECTION_REFUSED' }),
  scenario('network', 'refused-preflighted', {
    request: req({ closedPort: true, method: 'PUT' }),
    note: 'PUT to a closed port (the preflight is refused)',
    designedFor: 'net::ERR_CONNECTION_REFUSED',
  }),
  scenario('network', 'unresolvable-host', { request: req({ target: 'nothing.invalid' }), note: 'GET to nothing.invalid', designedFor: 'net::ERR_NAME_NOT_RESOLVED' }),
  scenario('network', 'reset-before-headers', {
    response: { status: 200, headers: [acao()], fault: 'reset' },
    note: 'server closes the connection without answering',
    designedFor: 'net::ERR_EMPTY_RESPONSE',
  }),
  scenario('network', 'reset-mid-body', {
    response: { status: 200, headers: [acao()], fault: 'partial' },
    note: 'headers with ACAO sent, then the socket is destroyed mid-body',
    designedFor: 'net::ERR_INCOMPLETE_CHUNKED_ENCODING',
  }),
  scenario('network', 'reset-mid-body-no-acao', {
    response: { status: 200, headers: [], fault: 'partial' },
    note: 'headers without ACAO, then the socket is destroyed mid-body',
    designedFor: 'MissingAllowOriginHeader',
  }),
  scenario('network', 'garbage-response', {
    response: { status: 200, headers: [], fault: 'garbage' },
    note: 'server answers bytes that are not HTTP',
    designedFor: 'net::ERR_INVALID_HTTP_RESPONSE',
  }),
  scenario('network', 'preflight-reset', {
    request: put,
    preflight: { status: 204, headers: [], fault: 'reset' },
    note: 'PUT whose preflight connection is closed without an answer',
    designedFor: 'net::ERR_EMPTY_RESPONSE',
  }),
  scenario('network', 'preflight-garbage', {
    request: put,
    preflight: { status: 204, headers: [], fault: 'garbage' },
    note: 'PUT whose preflight is answered with bytes that are not HTTP',
    designedFor: 'net::ERR_INVALID_HTTP_RESPONSE',
  }),
  scenario('network', 'actual-reset-after-preflight', {
    request: put,
    preflight: pf(acao(), acam('PUT')),
    response: { status: 200, headers: [acao()], fault: 'reset' },
    note: 'PUT: preflight ok, then the actual request gets no answer',
    designedFor: 'net::ERR_EMPTY_RESPONSE',
  }),
  scenario('network', 'redirect-to-closed-port', {
    hops: [{ response: reply(302, acao(), location('http://other.test:{closed}/x')) }],
    note: 'api 302 → a closed port',
    designedFor: 'net::ERR_CONNECTION_REFUSED',
  }),
];

export const SCENARIOS: readonly Scenario[] = [
  ...SAFELIST,
  ...CLIENT_HINTS,
  ...ACAO,
  ...PREFLIGHT_ACAO,
  ...CREDENTIALS,
  ...COOKIES,
  ...METHODS,
  ...ALLOW_HEADERS,
  ...EXPOSE,
  ...PREFLIGHT_STATUS,
  ...REDIRECTS,
  ...MAX_AGE,
  ...MODES,
  ...XHR,
  ...NULL_ORIGIN,
  ...REQUEST_OPTIONS,
  ...HTTP_CACHE,
  ...PARALLEL,
  ...NETWORK,
];
