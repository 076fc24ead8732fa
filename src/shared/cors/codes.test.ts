import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { CORS_CODES, CORS_ERRORS, codesWhere, isCorsError, type CorsError } from './codes';

const schema = JSON.parse(readFileSync(new URL('../../../docs/report.schema.json', import.meta.url), 'utf8')) as {
  $defs: { corsErrorCode: { enum: readonly string[] } };
};

describe('the code table', () => {
  test('the report schema lists exactly the table codes, in its order', () => {
    expect(schema.$defs.corsErrorCode.enum).toEqual(CORS_ERRORS);
  });

  test('isCorsError accepts the table codes only', () => {
    for (const code of CORS_ERRORS) expect(isCorsError(code)).toBe(true);
    for (const other of ['NotACode', 'toString', 'constructor', '', null, 3]) expect(isCorsError(other)).toBe(false);
  });

  test('each origin code on the actual response has one twin, its preflight form', () => {
    const actual = codesWhere((row) => row.family === 'origin' && row.phase === 'actual');
    const preflight = codesWhere((row) => row.family === 'origin' && row.phase === 'preflight');
    const twins = actual.map((code) => CORS_CODES[code].preflightTwin);
    expect(twins.sort()).toEqual([...preflight].sort());
    for (const code of actual) expect(CORS_CODES[code].preflightTwin).toBe(`Preflight${code}`);
    for (const code of CORS_ERRORS) {
      if (!actual.includes(code)) expect(CORS_CODES[code].preflightTwin, code).toBeNull();
    }
  });

  test('a twin means what its actual-response code means', () => {
    for (const code of CORS_ERRORS) {
      const twin = CORS_CODES[code].preflightTwin as CorsError | null;
      if (twin === null) continue;
      const [a, b] = [CORS_CODES[code], CORS_CODES[twin]];
      expect([b.failedParameter, b.serverFixable, b.issuesPanelGroup, b.firefox], twin).toEqual([
        a.failedParameter,
        a.serverFixable,
        a.issuesPanelGroup,
        a.firefox,
      ]);
    }
  });

  test('the origin family is the ACAO/ACAC check, on any response', () => {
    expect(codesWhere((row) => row.family === 'origin')).toEqual([
      'WildcardOriginNotAllowed',
      'MissingAllowOriginHeader',
      'MultipleAllowOriginValues',
      'InvalidAllowOriginValue',
      'AllowOriginMismatch',
      'InvalidAllowCredentials',
      'PreflightWildcardOriginNotAllowed',
      'PreflightMissingAllowOriginHeader',
      'PreflightMultipleAllowOriginValues',
      'PreflightInvalidAllowOriginValue',
      'PreflightAllowOriginMismatch',
      'PreflightInvalidAllowCredentials',
    ]);
  });

  test('a trial removes a header only for the code that says it does not parse', () => {
    const removing = CORS_ERRORS.filter((code) => CORS_CODES[code].trialRemoves !== null);
    expect(Object.fromEntries(removing.map((code) => [code, CORS_CODES[code].trialRemoves]))).toEqual({
      InvalidAllowMethodsPreflightResponse: 'access-control-allow-methods',
      InvalidAllowHeadersPreflightResponse: 'access-control-allow-headers',
    });
  });

  test('a code whose failedParameter names a request method or header is a preflight code', () => {
    for (const code of CORS_ERRORS) {
      const row = CORS_CODES[code];
      if (row.failedParameter === 'request-method' || row.failedParameter === 'request-header') {
        expect(row.phase, code).toBe('preflight');
      }
    }
  });
});
