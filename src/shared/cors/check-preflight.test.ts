import { describe, expect, test } from 'vitest';
import { checkPreflight, isRedirectStatus, parseMaxAge } from './check-preflight';
import { lines, PAGE, type HeaderSpec } from './test-calls';
import type { CorsError } from './types';

type Case = {
  name: string;
  status?: number;
  headers: HeaderSpec;
  method?: string;
  unsafe?: readonly string[];
  creds?: boolean;
  want: CorsError | null;
  param?: string;
  authWildcard?: boolean;
};

const GOOD = { 'Access-Control-Allow-Origin': PAGE };
const GOOD_CREDS = { 'Access-Control-Allow-Origin': PAGE, 'Access-Control-Allow-Credentials': 'true' };

const cases: readonly Case[] = [
  { name: 'ok with listed method and headers', headers: { ...GOOD, 'Access-Control-Allow-Methods': 'PUT', 'Access-Control-Allow-Headers': 'x-token' }, unsafe: ['x-token'], want: null },
  { name: 'redirect with Location', status: 301, headers: { ...GOOD, Location: 'https://api.example/' }, want: 'PreflightDisallowedRedirect', param: '' },
  { name: 'redirect beats missing ACAO', status: 307, headers: { Location: '/x' }, want: 'PreflightDisallowedRedirect' },
  { name: '3xx without Location is a bad status', status: 302, headers: GOOD, want: 'PreflightInvalidStatus', param: '' },
  { name: '300 with Location is not a redirect', status: 300, headers: { ...GOOD, Location: '/x' }, want: 'PreflightInvalidStatus' },
  { name: 'ACAO is checked before status', status: 401, headers: {}, want: 'PreflightMissingAllowOriginHeader', param: '' },
  { name: '404 with ACAO', status: 404, headers: GOOD, want: 'PreflightInvalidStatus' },
  { name: '200 is ok', status: 200, headers: { ...GOOD, 'Access-Control-Allow-Methods': 'PUT' }, want: null },
  { name: '299 is ok', status: 299, headers: { ...GOOD, 'Access-Control-Allow-Methods': 'PUT' }, want: null },
  { name: 'multiple ACAO', headers: [['Access-Control-Allow-Origin', PAGE], ['Access-Control-Allow-Origin', PAGE]], want: 'PreflightMultipleAllowOriginValues', param: `${PAGE}, ${PAGE}` },
  { name: 'invalid ACAO', headers: { 'Access-Control-Allow-Origin': 'app.example' }, want: 'PreflightInvalidAllowOriginValue', param: 'app.example' },
  { name: 'mismatched ACAO', headers: { 'Access-Control-Allow-Origin': 'https://other.example' }, want: 'PreflightAllowOriginMismatch', param: 'https://other.example' },
  { name: 'wildcard ACAO with credentials', headers: { 'Access-Control-Allow-Origin': '*' }, creds: true, want: 'PreflightWildcardOriginNotAllowed', param: '' },
  { name: 'missing ACAC with credentials', headers: GOOD, creds: true, want: 'PreflightInvalidAllowCredentials', param: '' },
  { name: 'wrong ACAC with credentials', headers: { ...GOOD, 'Access-Control-Allow-Credentials': 'yes' }, creds: true, want: 'PreflightInvalidAllowCredentials', param: 'yes' },
  { name: 'space-separated ACAM', headers: { ...GOOD, 'Access-Control-Allow-Methods': 'GET PUT' }, want: 'InvalidAllowMethodsPreflightResponse', param: '' },
  { name: 'ACAM parsed before the method is needed', headers: { ...GOOD, 'Access-Control-Allow-Methods': 'GET;PUT' }, method: 'GET', want: 'InvalidAllowMethodsPreflightResponse' },
  { name: 'bad ACAH', headers: { ...GOOD, 'Access-Control-Allow-Methods': 'PUT', 'Access-Control-Allow-Headers': 'x-token content-type' }, want: 'InvalidAllowHeadersPreflightResponse', param: '' },
  { name: 'ACAM checked before ACAH', headers: { ...GOOD, 'Access-Control-Allow-Methods': 'a b', 'Access-Control-Allow-Headers': 'c d' }, want: 'InvalidAllowMethodsPreflightResponse' },
  { name: 'method missing', headers: { ...GOOD, 'Access-Control-Allow-Methods': 'GET, POST' }, want: 'MethodDisallowedByPreflightResponse', param: 'PUT' },
  { name: 'ACAM absent', headers: GOOD, want: 'MethodDisallowedByPreflightResponse', param: 'PUT' },
  { name: 'method match is case-sensitive', headers: { ...GOOD, 'Access-Control-Allow-Methods': 'put' }, want: 'MethodDisallowedByPreflightResponse', param: 'PUT' },
  { name: 'lower-case method sent verbatim', headers: { ...GOOD, 'Access-Control-Allow-Methods': 'PATCH' }, method: 'patch', want: 'MethodDisallowedByPreflightResponse', param: 'patch' },
  { name: 'lower-case method listed', headers: { ...GOOD, 'Access-Control-Allow-Methods': 'patch' }, method: 'patch', want: null },
  { name: 'safelisted method needs no listing', headers: GOOD, method: 'POST', want: null },
  { name: 'ACAM * without credentials', headers: { ...GOOD, 'Access-Control-Allow-Methods': '*' }, want: null },
  { name: 'ACAM * with credentials is literal', headers: { ...GOOD_CREDS, 'Access-Control-Allow-Methods': '*' }, creds: true, want: 'MethodDisallowedByPreflightResponse', param: 'PUT' },
  { name: 'header missing', headers: { ...GOOD, 'Access-Control-Allow-Methods': 'PUT', 'Access-Control-Allow-Headers': 'content-type' }, unsafe: ['content-type', 'x-token'], want: 'HeaderDisallowedByPreflightResponse', param: 'x-token' },
  { name: 'first missing in check order', headers: { ...GOOD, 'Access-Control-Allow-Methods': 'PUT' }, unsafe: ['x-b', 'x-a'], want: 'HeaderDisallowedByPreflightResponse', param: 'x-b' },
  { name: 'header match ignores case', headers: { ...GOOD, 'Access-Control-Allow-Methods': 'PUT', 'Access-Control-Allow-Headers': 'X-Token' }, unsafe: ['x-token'], want: null },
  { name: 'ACAH * without credentials', headers: { ...GOOD, 'Access-Control-Allow-Methods': 'PUT', 'Access-Control-Allow-Headers': '*' }, unsafe: ['x-token'], want: null },
  { name: 'ACAH * with credentials is literal', headers: { ...GOOD_CREDS, 'Access-Control-Allow-Methods': 'PUT', 'Access-Control-Allow-Headers': '*' }, unsafe: ['x-token'], creds: true, want: 'HeaderDisallowedByPreflightResponse', param: 'x-token' },
  { name: 'ACAH * covers Authorization in Chromium 156', headers: { ...GOOD, 'Access-Control-Allow-Methods': 'PUT', 'Access-Control-Allow-Headers': '*' }, unsafe: ['authorization'], want: null, authWildcard: true },
  { name: 'Authorization listed next to *', headers: { ...GOOD, 'Access-Control-Allow-Methods': 'PUT', 'Access-Control-Allow-Headers': '*, Authorization' }, unsafe: ['authorization'], want: null, authWildcard: false },
];

test.each(cases)('$name', ({ status, headers, method, unsafe, creds, want, param, authWildcard }) => {
  const result = checkPreflight({
    status: status ?? 204,
    headers: lines(headers),
    method: method ?? 'PUT',
    unsafeHeaders: unsafe ?? [],
    credentialsInclude: creds ?? false,
    origin: PAGE,
    responseIsHttp: true,
  });
  expect(result.failure?.code ?? null).toBe(want);
  if (param !== undefined) expect(result.failure?.failedParameter).toBe(param);
  if (authWildcard !== undefined) expect(result.authorizationCoveredByWildcard).toBe(authWildcard);
});

describe('parseMaxAge', () => {
  test.each([
    [null, 5],
    ['600', 600],
    ['0', 0],
    ['-1', 0],
    ['-0', 0],
    ['+10', 10],
    ['86400', 7200],
    ['abc', 5],
    [' 60', 5],
    ['60, 60', 5],
    ['1.5', 5],
    ['99999999999999999999', 5],
  ] as const)('%j → %i', (value, want) => {
    expect(parseMaxAge(value)).toBe(want);
  });
});

test.each([
  [301, true],
  [302, true],
  [303, true],
  [307, true],
  [308, true],
  [300, false],
  [304, false],
  [200, false],
] as const)('isRedirectStatus(%i) = %s', (status, want) => {
  expect(isRedirectStatus(status)).toBe(want);
});
