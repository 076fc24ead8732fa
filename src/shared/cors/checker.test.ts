import { describe, expect, test } from 'vitest';
import type { ObservedCall } from '../observed-call';
import { checkCall } from './checker';
import { ERR_BLOCKED_BY_LOCAL_NETWORK } from './local-network';
import {
  API,
  blocked,
  hop,
  lines,
  observedCall,
  okResponse,
  PAGE,
  preflight,
  preflightOk,
  redirectHop,
  response,
} from './test-calls';
import { CORS_ERRORS, type CorsError, type CredentialsKnowledge, type FaultyHeader, type Outcome, type Verdict, type WarningCode } from './types';
import { randomCall, rng } from './verdict-corpus';

const CDN = 'https://cdn.example/v1/items';
const COOKIE = { Cookie: 'session=abc' };

interface Want {
  readonly outcome: Outcome;
  readonly code?: CorsError | null;
  readonly param?: string;
  readonly candidates?: readonly string[] | null;
  readonly phase?: Verdict['phase'];
  readonly hopIndex?: number | null;
  readonly credentials?: CredentialsKnowledge;
  readonly header?: Partial<FaultyHeader> | null;
  readonly networkError?: string | null;
  readonly warnings?: readonly WarningCode[];
  readonly preflight?: Verdict['preflight'];
  /** Substrings the explanation must contain. */
  readonly says?: readonly string[];
  /** Substrings the fix must contain. */
  readonly fixSays?: readonly string[];
  /** Substrings one of the assumptions must contain. */
  readonly assumes?: readonly string[];
  readonly noAssumptions?: boolean;
}

interface Case {
  readonly name: string;
  readonly call: ObservedCall;
  readonly want: Want;
}

function expectVerdict(verdict: Verdict, want: Want): void {
  expect(verdict.outcome).toBe(want.outcome);
  if (want.code !== undefined) expect(verdict.corsError?.code ?? null).toBe(want.code);
  if (want.param !== undefined) expect(verdict.corsError?.failedParameter).toBe(want.param);
  if (want.candidates !== undefined) expect(verdict.failedParameterCandidates).toEqual(want.candidates);
  if (want.phase !== undefined) expect(verdict.phase).toBe(want.phase);
  if (want.hopIndex !== undefined) expect(verdict.hopIndex).toBe(want.hopIndex);
  if (want.credentials !== undefined) expect(verdict.credentials).toBe(want.credentials);
  if (want.header === null) expect(verdict.header).toBeNull();
  else if (want.header !== undefined) expect(verdict.header).toMatchObject(want.header);
  if (want.networkError !== undefined) expect(verdict.networkError).toBe(want.networkError);
  if (want.warnings !== undefined) expect(verdict.warnings.map((w) => w.code)).toEqual(want.warnings);
  if (want.preflight !== undefined) expect(verdict.preflight).toEqual(want.preflight);
  for (const s of want.says ?? []) expect(verdict.explanation).toContain(s);
  for (const s of want.fixSays ?? []) expect(verdict.fix).toContain(s);
  for (const s of want.assumes ?? []) expect(verdict.assumptions.some((a) => a.includes(s))).toBe(true);
  if (want.noAssumptions === true) expect(verdict.assumptions).toEqual([]);
}

/** A blocked call whose one response carries these headers. */
function blockedWith(headers: Parameters<typeof response>[1], request: Parameters<typeof hop>[0] = {}): ObservedCall {
  return blocked({ hops: [hop({ ...request, response: response(200, headers) })] });
}

/** A blocked PUT whose preflight got `pfResponse` and whose actual request never went out. */
function blockedPreflight(pfResponse: ReturnType<typeof response>, requestHeaders?: string, method = 'PUT'): ObservedCall {
  return blocked({
    method,
    hops: [hop({ preflight: preflight({ method, response: pfResponse, ...(requestHeaders === undefined ? {} : { requestHeaders }) }), request: null })],
  });
}

/** What Chromium sends to a plain-http URL, which is not potentially trustworthy: Origin on a
 * POST (no-cors included), and no Sec-Fetch-* headers. */
function plainHttpHeaders(method: 'GET' | 'POST', extra: Parameters<typeof lines>[0] = {}): ReturnType<typeof lines> {
  return lines([
    ['Host', 'api.example'],
    ['Connection', 'keep-alive'],
    ...(method === 'POST' ? ([['Content-Length', '1'], ['Content-Type', 'text/plain;charset=UTF-8']] as const) : []),
    ['User-Agent', 'Mozilla/5.0'],
    ['Accept', '*/*'],
    ['Origin', PAGE],
    ['Referer', `${PAGE}/`],
    ['Accept-Language', 'en-US'],
    ...lines(extra).map((l) => [l.name, l.value] as const),
  ]);
}

const HTTP_API = 'http://api.example/v1/items';

/** A call over plain http with these request headers and this response. */
function overHttp(
  method: 'GET' | 'POST' | 'PUT',
  headers: ReturnType<typeof lines>,
  res: ReturnType<typeof response>,
  state: 'completed' | 'errored' = 'completed',
): ObservedCall {
  const hops = [hop({ url: HTTP_API, rawRequest: headers, response: res })];
  return state === 'completed' ? observedCall({ method, hops }) : blocked({ method, hops });
}

const ACAO = 'Access-Control-Allow-Origin';
const ACAC = 'Access-Control-Allow-Credentials';
const ACAM = 'Access-Control-Allow-Methods';
const ACAH = 'Access-Control-Allow-Headers';

const cases: readonly Case[] = [
  // ── Allowed ────────────────────────────────────────────────────────────────
  {
    name: 'simple GET with the echoed origin',
    call: observedCall({ hops: [hop({ response: okResponse({ Vary: 'Origin' }) })] }),
    want: {
      outcome: 'allowed',
      code: null,
      credentials: 'not-include',
      warnings: [],
      preflight: { required: false, status: null, fromCache: false },
      assumes: ["not sent with credentials: 'include'", 'InvalidAllowCredentials'],
      says: ['`https://app.example`'],
    },
  },
  {
    name: 'wildcard ACAO without credentials',
    call: observedCall({ hops: [hop({ response: response(200, { [ACAO]: '*' }) })] }),
    want: { outcome: 'allowed', credentials: 'not-include', warnings: [], assumes: ['WildcardOriginNotAllowed'] },
  },
  {
    name: 'ACAO with surrounding spaces is trimmed like Chromium',
    call: observedCall({ hops: [hop({ response: response(200, { [ACAO]: `  ${PAGE} `, Vary: 'Origin' }) })] }),
    want: { outcome: 'allowed' },
  },
  {
    name: 'credentialed-ready response: mode irrelevant',
    call: observedCall({ hops: [hop({ response: okResponse({ [ACAC]: 'true', Vary: 'Origin' }) })] }),
    want: { outcome: 'allowed', credentials: 'unknown', warnings: ['OriginReflectedWithCredentials'], noAssumptions: true },
  },

  // ── Actual-response ACAO shapes ────────────────────────────────────────────
  {
    name: 'missing ACAO',
    call: blockedWith({}),
    want: {
      outcome: 'blocked',
      code: 'MissingAllowOriginHeader',
      param: '',
      phase: 'actual',
      hopIndex: 0,
      credentials: 'unknown',
      networkError: 'net::ERR_FAILED',
      header: { where: 'response', name: ACAO, value: null },
      says: ['no Access-Control-Allow-Origin', `Access-Control-Allow-Origin: ${PAGE}`],
      fixSays: [`Access-Control-Allow-Origin: ${PAGE}`, 'Vary: Origin'],
      noAssumptions: true,
    },
  },
  {
    name: 'missing ACAO on a 500',
    call: blocked({ hops: [hop({ response: response(500) })] }),
    want: { outcome: 'blocked', code: 'MissingAllowOriginHeader', says: ['status 500'] },
  },
  {
    name: 'ACAO lists two origins',
    call: blockedWith({ [ACAO]: `${PAGE}, https://admin.example` }),
    want: {
      outcome: 'blocked',
      code: 'MultipleAllowOriginValues',
      param: `${PAGE}, https://admin.example`,
      header: { name: ACAO, value: `${PAGE}, https://admin.example` },
      says: ['more than one value'],
    },
  },
  {
    name: 'two identical ACAO lines',
    call: blockedWith([
      [ACAO, PAGE],
      [ACAO, PAGE],
    ]),
    want: { outcome: 'blocked', code: 'MultipleAllowOriginValues', param: `${PAGE}, ${PAGE}` },
  },
  {
    name: 'ACAO space-separated',
    call: blockedWith({ [ACAO]: `${PAGE} https://admin.example` }),
    want: { outcome: 'blocked', code: 'MultipleAllowOriginValues', param: `${PAGE} https://admin.example` },
  },
  {
    name: 'ACAO null for a real origin',
    call: blockedWith({ [ACAO]: 'null' }),
    want: { outcome: 'blocked', code: 'AllowOriginMismatch', param: 'null' },
  },
  {
    name: 'ACAO with trailing slash',
    call: blockedWith({ [ACAO]: `${PAGE}/` }),
    want: {
      outcome: 'blocked',
      code: 'AllowOriginMismatch',
      param: `${PAGE}/`,
      says: [`\`${PAGE}/\``, `\`${PAGE}\``],
      fixSays: [`Access-Control-Allow-Origin: ${PAGE}`],
    },
  },
  {
    name: 'ACAO differs in case',
    call: blockedWith({ [ACAO]: 'https://APP.example' }),
    want: { outcome: 'blocked', code: 'AllowOriginMismatch', param: 'https://APP.example' },
  },
  {
    name: 'ACAO with another port',
    call: blockedWith({ [ACAO]: 'https://app.example:8443' }),
    want: { outcome: 'blocked', code: 'AllowOriginMismatch', param: 'https://app.example:8443' },
  },
  {
    name: 'ACAO empty',
    call: blockedWith({ [ACAO]: '' }),
    want: { outcome: 'blocked', code: 'InvalidAllowOriginValue', param: '', says: ['is empty'] },
  },
  {
    name: 'ACAO without scheme',
    call: blockedWith({ [ACAO]: 'app.example' }),
    want: { outcome: 'blocked', code: 'InvalidAllowOriginValue', param: 'app.example' },
  },

  // ── Credentials ────────────────────────────────────────────────────────────
  {
    name: 'wildcard with a Cookie sent',
    call: blockedWith({ [ACAO]: '*', [ACAC]: 'true' }, { request: COOKIE }),
    want: {
      outcome: 'blocked',
      code: 'WildcardOriginNotAllowed',
      param: '',
      credentials: 'include',
      header: { where: 'response', name: ACAO, value: '*' },
      noAssumptions: true,
    },
  },
  {
    name: 'wildcard, no Cookie: only credentials explain the block',
    call: blockedWith({ [ACAO]: '*' }),
    want: {
      outcome: 'blocked',
      code: 'WildcardOriginNotAllowed',
      credentials: 'include',
      assumes: ["the block is only explained if the request was sent with credentials: 'include'"],
    },
  },
  {
    name: 'echoed origin without ACAC, no Cookie',
    call: blockedWith({ [ACAO]: PAGE }),
    want: {
      outcome: 'blocked',
      code: 'InvalidAllowCredentials',
      param: '',
      credentials: 'include',
      header: { name: ACAC, value: null },
      says: ['no Access-Control-Allow-Credentials'],
    },
  },
  {
    name: 'ACAC True (wrong case) with a Cookie',
    call: blockedWith({ [ACAO]: PAGE, [ACAC]: 'True' }, { request: COOKIE }),
    want: { outcome: 'blocked', code: 'InvalidAllowCredentials', param: 'True', credentials: 'include', says: ['`True`'] },
  },
  {
    name: 'completed despite a Cookie and ACAO * (checker disagrees)',
    call: observedCall({ hops: [hop({ request: COOKIE, response: response(200, { [ACAO]: '*' }) })] }),
    want: { outcome: 'allowed', credentials: 'include', assumes: ['WildcardOriginNotAllowed', 'bug in CORS Lens'] },
  },
  {
    name: 'completed without ACAO (checker disagrees)',
    call: observedCall({ hops: [hop({ response: response(200) })] }),
    want: { outcome: 'allowed', code: null, assumes: ['MissingAllowOriginHeader'] },
  },

  // ── Preflight ──────────────────────────────────────────────────────────────
  {
    name: 'preflighted PUT allowed',
    call: observedCall({ method: 'PUT', hops: [hop({ preflight: preflight(), response: okResponse({ Vary: 'Origin' }) })] }),
    want: { outcome: 'allowed', preflight: { required: true, status: 204, fromCache: false }, warnings: [] },
  },
  {
    name: 'preflight redirected',
    call: blockedPreflight(response(301, { Location: 'https://api.example/v1/items/', [ACAO]: PAGE })),
    want: {
      outcome: 'blocked',
      code: 'PreflightDisallowedRedirect',
      param: '',
      phase: 'preflight',
      header: { where: 'preflight-response', name: 'Location', value: 'https://api.example/v1/items/' },
      preflight: { required: true, status: 301, fromCache: false },
      says: ['301 redirect'],
    },
  },
  {
    name: 'preflight 3xx without Location',
    call: blockedPreflight(response(302, { [ACAO]: PAGE })),
    want: { outcome: 'blocked', code: 'PreflightInvalidStatus', param: '', header: null, says: ['status 302'] },
  },
  {
    name: 'preflight 404 with ACAO',
    call: blockedPreflight(response(404, { [ACAO]: PAGE })),
    want: { outcome: 'blocked', code: 'PreflightInvalidStatus', fixSays: ['OPTIONS'] },
  },
  {
    name: 'preflight 401 without ACAO reports the ACAO',
    call: blockedPreflight(response(401)),
    want: {
      outcome: 'blocked',
      code: 'PreflightMissingAllowOriginHeader',
      param: '',
      credentials: 'unknown',
      header: { where: 'preflight-response', name: ACAO, value: null },
      says: ['status 401'],
    },
  },
  {
    name: 'preflight ACAO duplicated',
    call: blockedPreflight(preflightOk([[ACAO, PAGE]])),
    want: { outcome: 'blocked', code: 'PreflightMultipleAllowOriginValues', param: `${PAGE}, ${PAGE}` },
  },
  {
    name: 'preflight ACAO invalid',
    call: blockedPreflight(preflightOk({}, 'https://')),
    want: { outcome: 'blocked', code: 'PreflightInvalidAllowOriginValue', param: 'https://' },
  },
  {
    name: 'preflight ACAO mismatch',
    call: blockedPreflight(preflightOk({}, 'https://admin.example')),
    want: { outcome: 'blocked', code: 'PreflightAllowOriginMismatch', param: 'https://admin.example' },
  },
  {
    name: 'preflight ACAO * needs credentials to fail',
    call: blockedPreflight(preflightOk({}, '*')),
    want: {
      outcome: 'blocked',
      code: 'PreflightWildcardOriginNotAllowed',
      credentials: 'include',
      assumes: ["credentials: 'include'"],
    },
  },
  {
    name: 'preflight without ACAC, actual never sent',
    call: blockedPreflight(preflightOk()),
    want: {
      outcome: 'blocked',
      code: 'PreflightInvalidAllowCredentials',
      param: '',
      credentials: 'include',
      header: { where: 'preflight-response', name: ACAC, value: null },
    },
  },
  {
    name: 'ACAM space-separated',
    call: blockedPreflight(response(204, { [ACAO]: PAGE, [ACAM]: 'GET PUT' })),
    want: {
      outcome: 'blocked',
      code: 'InvalidAllowMethodsPreflightResponse',
      param: '',
      header: { name: ACAM, value: 'GET PUT' },
      fixSays: ['Access-Control-Allow-Methods: GET, PUT'],
    },
  },
  {
    name: 'ACAH with a stray colon',
    call: blockedPreflight(response(204, { [ACAO]: PAGE, [ACAM]: 'PUT', [ACAH]: 'x-token:' }), 'x-token'),
    want: { outcome: 'blocked', code: 'InvalidAllowHeadersPreflightResponse', param: '', header: { name: ACAH } },
  },
  {
    name: 'method not listed',
    call: blockedPreflight(response(204, { [ACAO]: PAGE, [ACAM]: 'GET, POST' })),
    want: {
      outcome: 'blocked',
      code: 'MethodDisallowedByPreflightResponse',
      param: 'PUT',
      header: { where: 'preflight-response', name: ACAM, value: 'GET, POST' },
      says: ['`GET, POST`', '`PUT`'],
      fixSays: ['Access-Control-Allow-Methods: GET, POST, PUT'],
      assumes: ['Access-Control-Request-Method'],
    },
  },
  {
    name: 'lower-case patch against PATCH',
    call: blockedPreflight(response(204, { [ACAO]: PAGE, [ACAM]: 'PATCH' }), undefined, 'patch'),
    want: { outcome: 'blocked', code: 'MethodDisallowedByPreflightResponse', param: 'patch', fixSays: ['PATCH, patch'] },
  },
  {
    name: 'ACAM absent',
    call: blockedPreflight(response(204, { [ACAO]: PAGE })),
    want: { outcome: 'blocked', code: 'MethodDisallowedByPreflightResponse', param: 'PUT', says: ['no Access-Control-Allow-Methods'] },
  },
  {
    name: 'ACAM * covers methods only without credentials',
    call: blockedPreflight(response(204, { [ACAO]: PAGE, [ACAC]: 'true', [ACAM]: '*' })),
    want: {
      outcome: 'blocked',
      code: 'MethodDisallowedByPreflightResponse',
      credentials: 'include',
      says: ['only a wildcard for requests without credentials'],
    },
  },
  {
    name: 'two headers missing: Chromium reports one of them, the fix adds both',
    call: blockedPreflight(response(204, { [ACAO]: PAGE, [ACAM]: 'PUT', [ACAH]: 'x-other' }), 'x-alpha,x-zeta'),
    want: {
      outcome: 'blocked',
      code: 'HeaderDisallowedByPreflightResponse',
      param: 'x-alpha',
      candidates: ['x-alpha', 'x-zeta'],
      says: [
        "Access-Control-Allow-Headers is `x-other`, but the request sends `x-alpha` and `x-zeta`, none of which it lists",
        'Chromium reports only one of them',
        'DevTools may name any of them',
      ],
      fixSays: ['Add all of `x-alpha` and `x-zeta`', 'Access-Control-Allow-Headers: x-other, x-alpha, x-zeta'],
      assumes: ['(x-alpha, x-zeta)', 'internal header order', 'neither the order the page set them in nor alphabetical', '`x-alpha` is a guess'],
    },
  },
  {
    name: 'ACAH absent, three headers missing: all listed, all in the fix',
    call: blockedPreflight(response(204, { [ACAO]: PAGE, [ACAM]: 'PUT' }), 'accept,accept-language,viewport-width'),
    want: {
      outcome: 'blocked',
      code: 'HeaderDisallowedByPreflightResponse',
      candidates: ['accept', 'accept-language', 'viewport-width'],
      header: { value: null },
      says: ['no Access-Control-Allow-Headers', '`accept`, `accept-language` and `viewport-width`, which must all be listed', 'only one of them'],
      fixSays: ['Access-Control-Allow-Headers: accept, accept-language, viewport-width'],
    },
  },
  {
    name: 'one of two headers missing: the failedParameter is certain',
    call: blockedPreflight(response(204, { [ACAO]: PAGE, [ACAM]: 'PUT', [ACAH]: 'x-alpha' }), 'x-alpha,x-zeta'),
    want: {
      outcome: 'blocked',
      code: 'HeaderDisallowedByPreflightResponse',
      param: 'x-zeta',
      candidates: null,
      says: ["Access-Control-Allow-Headers is `x-alpha`, but the request sends `x-zeta`."],
      fixSays: ['Add `x-zeta`', 'Access-Control-Allow-Headers: x-alpha, x-zeta'],
    },
  },
  {
    name: 'header not listed',
    call: blockedPreflight(response(204, { [ACAO]: PAGE, [ACAM]: 'PUT', [ACAH]: 'x-token' }), 'content-type,x-token'),
    want: {
      outcome: 'blocked',
      code: 'HeaderDisallowedByPreflightResponse',
      param: 'content-type',
      header: { where: 'preflight-response', name: ACAH, value: 'x-token' },
      says: ["The preflight response's Access-Control-Allow-Headers is `x-token`, but the request sends `content-type`."],
      fixSays: ['Access-Control-Allow-Headers: x-token, content-type'],
    },
  },
  {
    name: 'ACAH absent, two headers missing',
    call: blockedPreflight(response(204, { [ACAO]: PAGE, [ACAM]: 'PUT' }), 'authorization,x-token'),
    want: {
      outcome: 'blocked',
      code: 'HeaderDisallowedByPreflightResponse',
      param: 'authorization',
      header: { value: null },
      says: ['no Access-Control-Allow-Headers'],
      assumes: ['authorization, x-token'],
    },
  },
  {
    name: 'ACAH * with credentials',
    call: blockedPreflight(response(204, { [ACAO]: PAGE, [ACAC]: 'true', [ACAM]: 'PUT', [ACAH]: '*' }), 'x-token'),
    want: { outcome: 'blocked', code: 'HeaderDisallowedByPreflightResponse', param: 'x-token', credentials: 'include' },
  },
  {
    name: 'both modes fit, with different reasons',
    call: blockedPreflight(response(204, { [ACAO]: '*', [ACAM]: 'PUT', [ACAH]: 'content-type' }), 'x-token'),
    want: {
      outcome: 'blocked',
      code: 'HeaderDisallowedByPreflightResponse',
      param: 'x-token',
      credentials: 'unknown',
      assumes: ['PreflightWildcardOriginNotAllowed'],
    },
  },
  {
    name: 'actual sent, so the preflight passed: credentials cannot have been included',
    call: blocked({
      method: 'PUT',
      hops: [hop({ preflight: preflight({ response: preflightOk({}, '*') }), response: response(200) })],
    }),
    want: {
      outcome: 'blocked',
      code: 'MissingAllowOriginHeader',
      phase: 'actual',
      credentials: 'not-include',
      assumes: ['PreflightWildcardOriginNotAllowed'],
    },
  },
  {
    name: 'preflight fails although the actual went out (inconsistent record)',
    call: blocked({
      method: 'PUT',
      hops: [hop({ preflight: preflight({ requestHeaders: 'x-token', response: response(204, { [ACAO]: PAGE, [ACAM]: 'PUT' }) }), request: { 'X-Token': '1' } })],
    }),
    want: { outcome: 'blocked', code: 'HeaderDisallowedByPreflightResponse', credentials: 'unknown', assumes: ['treat this reason with care'] },
  },
  {
    name: 'Authorization covered by ACAH *',
    call: observedCall({
      method: 'PUT',
      hops: [
        hop({
          preflight: preflight({ requestHeaders: 'authorization', response: response(204, { [ACAO]: '*', [ACAM]: 'PUT', [ACAH]: '*' }) }),
          request: { Authorization: 'Bearer t' },
          response: response(200, { [ACAO]: '*' }),
        }),
      ],
    }),
    want: { outcome: 'allowed', credentials: 'not-include', warnings: ['AuthorizationCoveredByWildcard'] },
  },
  {
    name: 'repeated Max-Age lines fall back to the 5 s default',
    call: observedCall({
      method: 'PUT',
      hops: [hop({ preflight: preflight({ response: preflightOk([['Access-Control-Max-Age', '0']]) }), response: okResponse({ Vary: 'Origin' }) })],
    }),
    // The fixture already has Max-Age 600; two lines combine into an unparsable value (5 s).
    want: { outcome: 'allowed', warnings: [] },
  },
  {
    name: 'Max-Age -1 disables the preflight cache',
    call: observedCall({
      method: 'PUT',
      hops: [
        hop({
          preflight: preflight({ response: response(204, { [ACAO]: PAGE, [ACAM]: 'PUT', 'Access-Control-Max-Age': '-1' }) }),
          response: okResponse({ Vary: 'Origin' }),
        }),
      ],
    }),
    want: { outcome: 'allowed', warnings: ['PreflightNotCached'] },
  },
  {
    name: 'Max-Age 0 on a single line',
    call: observedCall({
      method: 'DELETE',
      hops: [
        hop({
          preflight: preflight({ method: 'DELETE', response: response(204, { [ACAO]: PAGE, [ACAM]: 'DELETE', 'Access-Control-Max-Age': '0' }) }),
          response: okResponse({ Vary: 'Origin' }),
        }),
      ],
    }),
    want: { outcome: 'allowed', warnings: ['PreflightNotCached'] },
  },

  {
    name: "Max-Age above Chromium's 2-hour cap",
    call: observedCall({
      method: 'DELETE',
      hops: [
        hop({
          preflight: preflight({ method: 'DELETE', response: response(204, { [ACAO]: PAGE, [ACAM]: 'DELETE', 'Access-Control-Max-Age': '86400' }) }),
          response: okResponse({ Vary: 'Origin' }),
        }),
      ],
    }),
    want: { outcome: 'allowed', warnings: ['MaxAgeAboveCap'] },
  },
  {
    name: 'custom response headers script cannot read',
    call: observedCall({ hops: [hop({ response: okResponse({ Vary: 'Origin', 'X-Request-Id': '7', 'X-Powered-By': 'Express' }) })] }),
    want: { outcome: 'allowed', warnings: ['HeadersNotExposed'] },
  },
  {
    name: 'custom response headers listed in Expose-Headers',
    call: observedCall({
      hops: [hop({ response: okResponse({ Vary: 'Origin', 'X-Request-Id': '7', 'Access-Control-Expose-Headers': 'X-Request-Id' }) })],
    }),
    want: { outcome: 'allowed', warnings: [] },
  },

  // ── Preflight cache and forced preflights ──────────────────────────────────
  {
    name: 'PUT without a preflight on the wire: cached',
    call: observedCall({ method: 'PUT', hops: [hop({ response: okResponse({ Vary: 'Origin' }) })] }),
    want: {
      outcome: 'allowed',
      preflight: { required: true, status: null, fromCache: true },
      assumes: ['cached preflight'],
    },
  },
  {
    name: 'custom header without a preflight on the wire: cached',
    call: observedCall({ hops: [hop({ request: { 'X-Token': 't' }, response: okResponse({ Vary: 'Origin' }) })] }),
    want: { outcome: 'allowed', preflight: { required: true, status: null, fromCache: true } },
  },
  {
    name: 'JSON POST without a preflight on the wire: cached',
    call: observedCall({ method: 'POST', hops: [hop({ request: { 'Content-Type': 'application/json' }, response: okResponse({ Vary: 'Origin' }) })] }),
    want: { outcome: 'allowed', preflight: { required: true, status: null, fromCache: true } },
  },
  {
    name: 'forced preflight for a simple POST (XHR upload listener)',
    call: observedCall({
      method: 'POST',
      hops: [hop({ preflight: preflight({ method: 'POST' }), request: { 'Content-Type': 'text/plain' }, response: okResponse({ Vary: 'Origin' }) })],
    }),
    want: { outcome: 'allowed', preflight: { required: true, status: 204, fromCache: false } },
  },
  {
    name: 'browser headers alone need no preflight',
    call: observedCall({ hops: [hop({ request: { 'Accept-Language': 'de', 'Content-Language': 'de' }, response: okResponse({ Vary: 'Origin' }) })] }),
    want: { outcome: 'allowed', preflight: { required: false, status: null, fromCache: false } },
  },

  // ── Redirects ──────────────────────────────────────────────────────────────
  {
    name: 'A→B→C taints the origin: final ACAO names the page',
    call: blocked({
      hops: [redirectHop(API, CDN, 302, { [ACAO]: PAGE }), hop({ url: CDN, origin: 'null', response: response(200, { [ACAO]: PAGE }) })],
    }),
    want: {
      outcome: 'blocked',
      code: 'AllowOriginMismatch',
      param: PAGE,
      phase: 'actual',
      hopIndex: 1,
      says: ['`null`', 'redirect through another origin'],
      fixSays: ['Origin: null'],
    },
  },
  {
    name: 'A→B→C allowed with ACAO null',
    call: observedCall({
      hops: [redirectHop(API, CDN, 302, { [ACAO]: PAGE }), hop({ url: CDN, origin: 'null', response: response(200, { [ACAO]: 'null', Vary: 'Origin' }) })],
    }),
    want: { outcome: 'allowed', warnings: ['NullOriginAllowed'] },
  },
  {
    name: 'A→B→A stays tainted',
    call: blocked({
      hops: [redirectHop(API, `${PAGE}/data`, 302, { [ACAO]: PAGE }), hop({ url: `${PAGE}/data`, origin: 'null', response: response(200, { [ACAO]: PAGE }) })],
    }),
    want: { outcome: 'blocked', code: 'AllowOriginMismatch', param: PAGE, hopIndex: 1 },
  },
  {
    name: 'A→B→A with no ACAO on the way back',
    call: blocked({
      hops: [redirectHop(API, `${PAGE}/data`, 302, { [ACAO]: PAGE }), hop({ url: `${PAGE}/data`, origin: 'null', response: response(200) })],
    }),
    want: { outcome: 'blocked', code: 'MissingAllowOriginHeader', hopIndex: 1, says: ['`null`'] },
  },
  {
    name: 'A→A→B is not tainted',
    call: observedCall({
      hops: [redirectHop(`${PAGE}/go`, API), hop({ response: okResponse({ Vary: 'Origin' }) })],
    }),
    want: { outcome: 'allowed', warnings: [] },
  },
  {
    name: 'redirect response without ACAO',
    call: blocked({ hops: [redirectHop(API, CDN, 302, {}, false)] }),
    want: {
      outcome: 'blocked',
      code: 'MissingAllowOriginHeader',
      phase: 'redirect',
      hopIndex: 0,
      header: { where: 'redirect-response', name: ACAO, value: null },
      says: ['redirect response (status 302)'],
    },
  },
  {
    name: 'credentials in Location',
    call: blocked({ hops: [redirectHop(API, 'https://user:pw@cdn.example/x', 302, { [ACAO]: PAGE }, false)] }),
    want: {
      outcome: 'blocked',
      code: 'RedirectContainsCredentials',
      param: '',
      phase: 'redirect',
      header: { where: 'redirect-response', name: 'Location', value: 'https://user:pw@cdn.example/x' },
      says: ['user name or password'],
    },
  },
  {
    name: 'redirect to a custom scheme',
    call: blocked({ hops: [redirectHop(API, 'myapp://callback', 302, { [ACAO]: PAGE })] }),
    // The redirect was followed, so its response passed CheckAccess: no credentials.
    want: {
      outcome: 'blocked',
      code: 'CorsDisabledScheme',
      param: '',
      phase: 'redirect',
      credentials: 'not-include',
      says: ['`myapp:`'],
      assumes: ['InvalidAllowCredentials'],
    },
  },
  {
    name: 'redirect to a custom scheme, target hop recorded',
    call: blocked({ hops: [redirectHop(API, 'myapp://callback', 302, { [ACAO]: PAGE }), hop({ url: 'myapp://callback', request: null, response: null })] }),
    want: { outcome: 'blocked', code: 'CorsDisabledScheme', hopIndex: 0 },
  },
  {
    name: 'initial URL with a custom scheme',
    call: blocked({ hops: [hop({ url: 'myapp://x', request: null, response: null })] }),
    want: { outcome: 'blocked', code: 'CorsDisabledScheme', phase: 'actual', hopIndex: 0 },
  },
  {
    name: 'redirect to data: is a network error',
    call: observedCall({ state: 'errored', error: 'net::ERR_UNSAFE_REDIRECT', hops: [redirectHop(API, 'data:text/plain,x', 302, { [ACAO]: PAGE }, false)] }),
    want: { outcome: 'failed', code: null, networkError: 'net::ERR_UNSAFE_REDIRECT' },
  },
  {
    name: 'relative same-origin redirect is fine',
    call: observedCall({
      hops: [redirectHop(API, 'https://api.example/v2/items', 307, { [ACAO]: PAGE }), hop({ url: 'https://api.example/v2/items', response: okResponse({ Vary: 'Origin' }) })],
    }),
    want: { outcome: 'allowed' },
  },
  {
    name: 'manual redirect mode: completed on an unfollowed 3xx',
    call: observedCall({ hops: [redirectHop(API, 'myapp://x', 302, { [ACAO]: PAGE, Vary: 'Origin' }, false)] }),
    want: { outcome: 'allowed', code: null },
  },
  {
    name: 'POST turned into GET by a 302 needs no preflight at the new URL',
    call: observedCall({
      method: 'POST',
      hops: [redirectHop(API, CDN, 302, { [ACAO]: PAGE }), hop({ url: CDN, origin: 'null', response: response(200, { [ACAO]: '*' }) })],
    }),
    want: { outcome: 'allowed', preflight: { required: false, status: null, fromCache: false } },
  },
  {
    name: 'preflight at the redirect target',
    call: blocked({
      method: 'PUT',
      hops: [
        hop({ preflight: preflight(), response: response(307, { Location: CDN, [ACAO]: PAGE }), redirectUrl: CDN }),
        hop({ url: CDN, preflight: preflight({ url: CDN, origin: 'null', response: preflightOk() }), request: null }),
      ],
    }),
    want: { outcome: 'blocked', code: 'PreflightAllowOriginMismatch', param: PAGE, hopIndex: 1, phase: 'preflight' },
  },

  // ── Modes ──────────────────────────────────────────────────────────────────
  {
    name: 'no-cors POST over http: Origin sent, no Sec-Fetch-Mode, completed without ACAO',
    call: overHttp('POST', plainHttpHeaders('POST'), response(200)),
    want: {
      outcome: 'allowed',
      code: null,
      candidates: null,
      credentials: 'unknown',
      warnings: ['OpaqueNoCorsResponse'],
      preflight: null,
      says: ['`no-cors`'],
      assumes: ['inferred from that outcome', 'MissingAllowOriginHeader', 'Sec-Fetch-Mode'],
    },
  },
  {
    name: 'no-cors GET over http with Origin (navigation-like) completed with a wrong ACAO',
    call: overHttp('GET', plainHttpHeaders('GET'), response(200, { [ACAO]: 'https://other.example' })),
    want: { outcome: 'allowed', warnings: ['OpaqueNoCorsResponse'], assumes: ['AllowOriginMismatch', 'no-cors'] },
  },
  {
    name: 'no-cors POST over http with a Cookie: credentials proven, still opaque',
    call: overHttp('POST', plainHttpHeaders('POST', COOKIE), response(200)),
    want: { outcome: 'allowed', credentials: 'include', warnings: ['OpaqueNoCorsResponse'], assumes: ['inferred from that outcome'] },
  },
  {
    name: 'POST over http without ACAO that Chromium blocked stays a CORS block',
    call: overHttp('POST', plainHttpHeaders('POST'), response(200), 'errored'),
    want: { outcome: 'blocked', code: 'MissingAllowOriginHeader', phase: 'actual', warnings: [], noAssumptions: true },
  },
  {
    name: 'POST over http that passes the checks stays CORS',
    call: overHttp('POST', plainHttpHeaders('POST'), okResponse({ Vary: 'Origin' })),
    want: { outcome: 'allowed', warnings: [], preflight: { required: false, status: null, fromCache: false } },
  },
  {
    name: 'over http a CORS-unsafe header rules out no-cors (checker disagrees)',
    call: overHttp('POST', plainHttpHeaders('POST', { 'X-Token': 't' }), response(200)),
    want: { outcome: 'allowed', warnings: [], assumes: ['MissingAllowOriginHeader', 'bug in CORS Lens'] },
  },
  {
    name: 'over http a non-safelisted method rules out no-cors (checker disagrees)',
    call: overHttp('PUT', plainHttpHeaders('GET'), response(200)),
    want: { outcome: 'allowed', warnings: [], assumes: ['bug in CORS Lens'] },
  },
  {
    name: 'completed without ACAO and no request headers seen: nothing to infer the mode from',
    call: observedCall({ hops: [hop({ url: HTTP_API, rawRequest: [], response: response(200) })] }),
    want: { outcome: 'allowed', warnings: [], assumes: ['bug in CORS Lens'] },
  },
  {
    name: 'no-cors by Sec-Fetch-Mode',
    call: observedCall({ type: 'image', hops: [hop({ mode: 'no-cors', response: response(200) })] }),
    want: { outcome: 'allowed', code: null, warnings: ['OpaqueNoCorsResponse'], preflight: null },
  },
  {
    name: 'no-cors inferred from a missing Origin header',
    call: observedCall({
      type: 'script',
      hops: [hop({ url: 'http://cdn.example/lib.js', rawRequest: lines({ Host: 'cdn.example', Accept: '*/*' }), response: response(200) })],
    }),
    want: { outcome: 'allowed', warnings: ['OpaqueNoCorsResponse'], assumes: ['no-cors'] },
  },
  {
    name: 'no-cors blocked for another reason',
    call: blocked({ hops: [hop({ mode: 'no-cors', response: response(200) })] }),
    want: { outcome: 'blocked', code: null, networkError: 'net::ERR_FAILED', says: ['no-cors'] },
  },
  {
    name: 'navigate mode',
    call: observedCall({ type: 'sub_frame', hops: [hop({ mode: 'navigate', response: response(200) })] }),
    want: { outcome: 'allowed', warnings: [], preflight: null },
  },
  {
    name: 'same-origin call',
    call: observedCall({ hops: [hop({ url: `${PAGE}/api`, response: response(200) })] }),
    want: { outcome: 'allowed', preflight: null, says: ['own origin'] },
  },
  {
    name: 'same-origin call that Chromium failed',
    call: blocked({ hops: [hop({ url: `${PAGE}/api`, response: response(200) })] }),
    want: { outcome: 'blocked', code: null },
  },
  {
    name: 'opaque page origin and ACAO null',
    call: observedCall({ initiator: 'null', hops: [hop({ origin: 'null', response: response(200, { [ACAO]: 'null', Vary: 'Origin' }) })] }),
    want: { outcome: 'allowed', warnings: ['NullOriginAllowed'] },
  },

  // ── Network failures and other states ──────────────────────────────────────
  ...(
    [
      ['net::ERR_CONNECTION_REFUSED', 'refused the connection'],
      ['net::ERR_NAME_NOT_RESOLVED', 'could not be resolved'],
      ['net::ERR_CONNECTION_RESET', 'reset'],
      ['net::ERR_EMPTY_RESPONSE', 'without sending any data'],
      ['net::ERR_CERT_AUTHORITY_INVALID', 'certificate'],
      ['net::ERR_SOMETHING_NEW', 'network stack reported an error'],
    ] as const
  ).map(
    ([error, words]): Case => ({
      name: `network failure ${error}`,
      call: observedCall({ state: 'errored', error, hops: [hop({ request: null, response: null })] }),
      want: { outcome: 'failed', code: null, networkError: error, phase: 'actual', hopIndex: 0, says: [error, words] },
    }),
  ),
  {
    // Not a network failure: the page cancelled it (checker-ended-by-page.test.ts has the shapes).
    name: 'net::ERR_ABORTED before any response: ended by the page',
    call: observedCall({ state: 'errored', error: 'net::ERR_ABORTED', hops: [hop({ request: null, response: null })] }),
    want: { outcome: 'ended-by-page', code: null, networkError: 'net::ERR_ABORTED', says: ['net::ERR_ABORTED', 'cancelled'] },
  },
  {
    name: 'preflight failed at the network level',
    call: observedCall({
      method: 'PUT',
      state: 'errored',
      error: 'net::ERR_CONNECTION_RESET',
      hops: [hop({ preflight: preflight({ response: null, error: 'net::ERR_CONNECTION_RESET' }), request: null })],
    }),
    want: {
      outcome: 'failed',
      code: null,
      networkError: 'net::ERR_CONNECTION_RESET',
      phase: 'preflight',
      says: ['OPTIONS', 'InvalidResponse'],
      preflight: { required: true, status: null, fromCache: false },
    },
  },
  {
    name: 'preflight failed at the network level, actual reported as ERR_FAILED',
    call: blocked({ method: 'PUT', hops: [hop({ preflight: preflight({ response: null, error: 'net::ERR_EMPTY_RESPONSE' }), request: null })] }),
    want: { outcome: 'failed', networkError: 'net::ERR_EMPTY_RESPONSE' },
  },
  {
    name: 'still in flight',
    call: observedCall({ state: 'in-flight', hops: [hop({ response: null })] }),
    want: { outcome: 'pending', code: null, networkError: null },
  },
  {
    name: 'ERR_FAILED that no header explains',
    call: blocked({ hops: [hop({ response: okResponse({ [ACAC]: 'true', Vary: 'Origin' }) })] }),
    want: { outcome: 'blocked', code: null, networkError: 'net::ERR_FAILED', says: ['do not show why'] },
  },
  {
    name: 'ERR_FAILED before any response',
    call: blocked({ hops: [hop({ request: null, response: null })] }),
    want: { outcome: 'blocked', code: null },
  },

  // ── Warnings ───────────────────────────────────────────────────────────────
  {
    name: 'specific ACAO without Vary: Origin',
    call: observedCall({ hops: [hop({ response: okResponse() })] }),
    want: { outcome: 'allowed', warnings: ['MissingVaryOrigin'] },
  },
  {
    name: 'Vary lists Origin among others',
    call: observedCall({ hops: [hop({ response: okResponse({ Vary: 'Accept-Encoding, origin' }) })] }),
    want: { outcome: 'allowed', warnings: [] },
  },
  {
    name: 'origin reflected with credentials (Cookie sent)',
    call: observedCall({ hops: [hop({ request: COOKIE, response: okResponse({ [ACAC]: 'true', Vary: 'Origin' }) })] }),
    want: { outcome: 'allowed', credentials: 'include', warnings: ['OriginReflectedWithCredentials'], noAssumptions: true },
  },

  // ── Local Network Access (local-network.test.ts has the shapes in detail) ─
  {
    name: 'a plain-http page calling a loopback API',
    call: observedCall({
      initiator: 'http://app.test:8000',
      state: 'errored',
      error: ERR_BLOCKED_BY_LOCAL_NETWORK,
      hops: [hop({ url: 'http://127.0.0.1:9000/items', request: null, response: null })],
    }),
    want: { outcome: 'blocked', code: 'InsecureLocalNetwork', param: '', phase: 'actual', header: null, says: ['a loopback address'] },
  },
  {
    name: 'an https page without the local network access permission',
    call: observedCall({
      state: 'errored',
      error: ERR_BLOCKED_BY_LOCAL_NETWORK,
      hops: [hop({ url: 'http://192.168.1.5/items', request: null, response: null })],
    }),
    want: { outcome: 'blocked', code: 'LocalNetworkAccessPermissionDenied', param: '', phase: 'actual', header: null, says: ['a local-network address'] },
  },
];

describe('checkCall', () => {
  test.each(cases)('$name', ({ call, want }) => {
    expectVerdict(checkCall(call), want);
  });

  test('every verdict fills every placeholder', () => {
    for (const { call } of cases) {
      const v = checkCall(call);
      for (const text of [v.explanation, v.fix, ...v.assumptions, ...v.warnings.map((w) => w.message)]) {
        expect(text).not.toMatch(/\{\w+\}/);
      }
      if (v.outcome === 'blocked' && v.corsError !== null) expect(v.fix).not.toBe('');
    }
  });

  test('a same-origin first hop without request headers does not make the verdict claim lost events', () => {
    const sameOrigin = { ...redirectHop(`${PAGE}/go`, API), requestHeaders: null };
    for (const call of [
      observedCall({ hops: [sameOrigin, hop({ response: okResponse({ Vary: 'Origin' }) })] }),
      blocked({ hops: [sameOrigin, hop({ response: response(200) })] }),
    ]) {
      expect(checkCall(call).assumptions.join(' ')).not.toContain('service worker was stopped');
    }
    const lost = { ...hop({ response: response(200) }), requestHeaders: null };
    expect(checkCall(blocked({ hops: [sameOrigin, lost] })).assumptions.join(' ')).toContain('service worker was stopped');
  });

  test('failed verdicts never blame CORS', () => {
    for (const { call } of cases) {
      const v = checkCall(call);
      if (v.outcome === 'failed') {
        expect(v.corsError).toBeNull();
        expect(v.explanation).not.toMatch(/CORS/);
      }
    }
  });
});

// Codes that a webRequest observer cannot see (renderer-side checks, the targetAddressSpace
// option, legacy) or that Chromium uses only as a DevTools warning. The two Local Network codes
// checkCall does produce, from the error webRequest reports (local-network.ts).
const NEVER_PRODUCED: readonly CorsError[] = [
  'DisallowedByMode',
  'NoCorsRedirectModeNotFollow',
  'PreflightMissingAllowExternal',
  'PreflightInvalidAllowExternal',
  'InvalidLocalNetworkAccess',
  'InvalidResponse',
];

describe('conventions', () => {
  test('every code the checker can produce has a unit case, and only those', () => {
    const covered = new Set(cases.map((c) => c.want.code).filter((code): code is CorsError => code !== undefined && code !== null));
    for (const code of CORS_ERRORS) {
      expect(covered.has(code) || NEVER_PRODUCED.includes(code), `${code} has no unit case`).toBe(true);
      expect(covered.has(code) && NEVER_PRODUCED.includes(code), `${code} is produced but listed as never produced`).toBe(false);
    }
  });
});

// ── Property test: hostile input never throws ────────────────────────────────

// Issue #4 asks for at least 100,000 hostile cases. Checks are gathered and asserted once, so
// the loop measures the checker rather than the assertion library.
test('100k random and hostile calls never throw and give one of the five outcomes', () => {
  const r = rng(156);
  const outcomes = new Map<string, number>();
  const wrong: string[] = [];
  for (let i = 0; i < 100_000; i++) {
    const call = randomCall(r);
    const verdict = checkCall(r() < 0.1 ? { ...call, incomplete: true } : call);
    outcomes.set(verdict.outcome, (outcomes.get(verdict.outcome) ?? 0) + 1);
    const badCode = verdict.corsError !== null && !CORS_ERRORS.includes(verdict.corsError.code);
    if (typeof verdict.explanation !== 'string' || typeof verdict.fix !== 'string' || badCode) wrong.push(JSON.stringify(call));
  }
  expect(wrong.slice(0, 3)).toEqual([]);
  expect([...outcomes.keys()].sort()).toEqual(['allowed', 'blocked', 'ended-by-page', 'failed', 'pending']);
  // About 5 s alone; CI runs test files in parallel on two cores, so allow for sharing them.
}, 60_000);
