import { expect, test } from 'vitest';
import { checkAccess, type AccessErrorCode } from './check-access';

const ORIGIN = 'https://app.example';

type Case = {
  name: string;
  acao: string | null;
  acac?: string | null;
  creds?: boolean;
  origin?: string;
  http?: boolean;
  want: AccessErrorCode | null;
  param?: string;
};

const cases: readonly Case[] = [
  { name: 'echoed origin passes', acao: ORIGIN, want: null },
  { name: 'wildcard passes without credentials', acao: '*', want: null },
  { name: 'wildcard ignores a bad ACAC without credentials', acao: '*', acac: 'nope', want: null },
  { name: 'wildcard with credentials', acao: '*', acac: 'true', creds: true, want: 'WildcardOriginNotAllowed', param: '' },
  // Chromium skips the wildcard error for non-HTTP(S) response URLs and checks ACAC instead.
  { name: 'wildcard, credentials, non-http URL, ACAC true', acao: '*', acac: 'true', creds: true, http: false, want: null },
  { name: 'wildcard, credentials, non-http URL, no ACAC', acao: '*', creds: true, http: false, want: 'InvalidAllowCredentials', param: '' },
  { name: 'missing', acao: null, want: 'MissingAllowOriginHeader', param: '' },
  { name: 'missing with credentials', acao: null, creds: true, want: 'MissingAllowOriginHeader', param: '' },
  { name: 'list of origins', acao: `${ORIGIN}, https://admin.example`, want: 'MultipleAllowOriginValues', param: `${ORIGIN}, https://admin.example` },
  { name: 'duplicate lines joined', acao: `${ORIGIN}, ${ORIGIN}`, want: 'MultipleAllowOriginValues', param: `${ORIGIN}, ${ORIGIN}` },
  { name: 'space-separated', acao: `${ORIGIN} https://b.example`, want: 'MultipleAllowOriginValues', param: `${ORIGIN} https://b.example` },
  { name: 'trailing comma', acao: `${ORIGIN},`, want: 'MultipleAllowOriginValues', param: `${ORIGIN},` },
  { name: 'wildcard twice', acao: '*, *', want: 'MultipleAllowOriginValues', param: '*, *' },
  { name: 'null for a real origin', acao: 'null', want: 'AllowOriginMismatch', param: 'null' },
  { name: 'null for a null origin', acao: 'null', origin: 'null', want: null },
  { name: 'trailing slash', acao: `${ORIGIN}/`, want: 'AllowOriginMismatch', param: `${ORIGIN}/` },
  { name: 'upper-case host', acao: 'https://App.example', want: 'AllowOriginMismatch', param: 'https://App.example' },
  { name: 'explicit default port', acao: `${ORIGIN}:443`, want: 'AllowOriginMismatch', param: `${ORIGIN}:443` },
  { name: 'other port', acao: `${ORIGIN}:8443`, want: 'AllowOriginMismatch', param: `${ORIGIN}:8443` },
  { name: 'http vs https', acao: 'http://app.example', want: 'AllowOriginMismatch', param: 'http://app.example' },
  { name: 'empty value', acao: '', want: 'InvalidAllowOriginValue', param: '' },
  { name: 'no scheme', acao: 'app.example', want: 'InvalidAllowOriginValue', param: 'app.example' },
  { name: 'wildcard subdomain without scheme', acao: '*.example', want: 'InvalidAllowOriginValue', param: '*.example' },
  { name: 'scheme without host', acao: 'https://', want: 'InvalidAllowOriginValue', param: 'https://' },
  { name: 'true', acao: 'true', want: 'InvalidAllowOriginValue', param: 'true' },
  { name: 'match without credentials ignores ACAC', acao: ORIGIN, acac: 'false', want: null },
  { name: 'credentials need ACAC', acao: ORIGIN, creds: true, want: 'InvalidAllowCredentials', param: '' },
  { name: 'ACAC is case-sensitive', acao: ORIGIN, acac: 'True', creds: true, want: 'InvalidAllowCredentials', param: 'True' },
  { name: 'ACAC repeated', acao: ORIGIN, acac: 'true, true', creds: true, want: 'InvalidAllowCredentials', param: 'true, true' },
  { name: 'ACAC true with credentials', acao: ORIGIN, acac: 'true', creds: true, want: null },
];

test.each(cases)('$name', ({ acao, acac, creds, origin, http, want, param }) => {
  const result = checkAccess({
    allowOrigin: acao,
    allowCredentials: acac ?? null,
    credentialsInclude: creds ?? false,
    origin: origin ?? ORIGIN,
    responseIsHttp: http ?? true,
  });
  expect(result?.code ?? null).toBe(want);
  if (param !== undefined) expect(result?.failedParameter).toBe(param);
});
