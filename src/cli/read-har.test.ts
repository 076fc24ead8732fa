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
  test('200,000 unclosed [ is "not valid JSON", not a stack overflow', () => {
    const text = '['.repeat(200_000);
    expect(jsonErrorOffset(text)).toBe(200_000);
    expect(() => parseJson(text, 'deep.har')).toThrow(CliError);
    expect(() => parseJson(text, 'deep.har')).toThrow(/^deep\.har is not valid JSON \(line 1\)/);
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
    { text: '[[1, {"b": [{}, []]}], {"c": {"d": "e"}}]', want: null },
    { text: '{"a": {"b": 1]}', want: 13 },
    { text: '[1 2]', want: 3 },
    { text: '{"a" 1}', want: 5 },
    { text: '[[]', want: 3 },
  ];
  test.each(cases)('$text', ({ text, want }) => {
    expect(jsonErrorOffset(text)).toBe(want);
  });
});
