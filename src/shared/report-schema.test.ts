import { readFileSync } from 'node:fs';
import { Ajv2020 } from 'ajv/dist/2020';
import { describe, expect, test } from 'vitest';
import { buildReport } from './report';
import { REALISTIC_CALLS } from './report-test-calls';

const schema: unknown = JSON.parse(readFileSync(new URL('../../docs/report.schema.json', import.meta.url), 'utf8'));
// `format: date-time` is an annotation here; ajv-formats is not a dependency.
const ajv = new Ajv2020({ strict: true, allErrors: true, validateFormats: false });
const validate = ajv.compile(schema as object);

describe('docs/report.schema.json', () => {
  test('accepts buildReport output for a realistic mix of calls', () => {
    const report: unknown = JSON.parse(JSON.stringify(buildReport(REALISTIC_CALLS, new Date(0))));
    const ok = validate(report);
    expect(validate.errors ?? []).toEqual([]);
    expect(ok).toBe(true);
  });

  test('covers every outcome in the fixture set', () => {
    expect(new Set(buildReport(REALISTIC_CALLS).calls.map((c) => c.outcome))).toEqual(
      new Set(['allowed', 'blocked', 'failed', 'pending']),
    );
  });

  type Break = { name: string; mutate: (doc: Record<string, unknown>, call: Record<string, unknown>) => void };
  const breaks: readonly Break[] = [
    { name: 'wrong format', mutate: (doc) => (doc.format = 'cors-lens/other') },
    { name: 'unknown code', mutate: (_d, call) => (call.corsError = { code: 'NotACode', failedParameter: '' }) },
    { name: 'missing outcome', mutate: (_d, call) => delete call.outcome },
    { name: 'status as string', mutate: (_d, call) => (call.status = '200') },
    { name: 'extra field', mutate: (_d, call) => (call.surprise = true) },
  ];
  test.each(breaks)('rejects a broken document: $name', ({ mutate }) => {
    const doc = JSON.parse(JSON.stringify(buildReport(REALISTIC_CALLS))) as Record<string, unknown> & { calls: Record<string, unknown>[] };
    mutate(doc, doc.calls[1]!);
    expect(validate(doc)).toBe(false);
  });
});
