import { describe, expect, test } from 'vitest';
import { CliError } from './cli-error';
import { jsonErrorOffset } from './json-error-offset';
import { parseJson } from './read-har';

describe('parseJson', () => {
  test('a syntax error names the file and the line', () => {
    const text = '{\n  "log": {\n    "entries": [,]\n  }\n}';
    expect(() => parseJson(text, 'x.har')).toThrow(CliError);
    expect(() => parseJson(text, 'x.har')).toThrow(/^x\.har is not valid JSON \(line 3\b/);
  });
  test('an empty file says so', () => {
    expect(() => parseJson('', 'x.har')).toThrow(/x\.har is not valid JSON \((the file is empty|line 1)/);
  });
});

describe('jsonErrorOffset', () => {
  const cases: readonly { text: string; want: number | null }[] = [
    { text: '{"a": [1, 2.5e3, true, null, "x\\u0041"]}', want: null },
    { text: '{"a": [,]}', want: 7 },
    { text: '{"a": 1,}', want: 8 },
    { text: '{"a": tru}', want: 9 },
    { text: '{"a": 1} x', want: 9 },
    { text: '{"a": "b', want: 8 },
  ];
  test.each(cases)('$text', ({ text, want }) => {
    expect(jsonErrorOffset(text)).toBe(want);
  });
});
