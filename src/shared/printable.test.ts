import { describe, expect, test } from 'vitest';
import { hasUnprintable, printable, printableJson, printableWith } from './printable';
import { BIDI_OVERRIDE, C1_CSI, HOSTILE_VALUES, RAW_UNPRINTABLE, TERMINAL_ESCAPES } from './unprintable-test-values';

describe('printable', () => {
  test.each([
    { name: "the issue's terminal escapes", input: TERMINAL_ESCAPES, want: 'https://x.example\\x1b]0;OWNED\\x07\\x1b[2J' },
    { name: 'a right-to-left override', input: BIDI_OVERRIDE, want: 'https://x.example\\u202e/moc.elgoog' },
    { name: 'a C1 CSI', input: C1_CSI, want: 'https://x.example\\x9b2J' },
    { name: 'tab, LF, CR, NUL and DEL', input: 'a\tb\nc\rd\u0000e\u007f', want: 'a\\x09b\\x0ac\\x0dd\\x00e\\x7f' },
    { name: 'bidi marks, embeddings and isolates', input: '\u061c\u200e\u200f\u202a\u202b\u202c\u202d\u2066\u2067\u2068\u2069', want: '\\u061c\\u200e\\u200f\\u202a\\u202b\\u202c\\u202d\\u2066\\u2067\\u2068\\u2069' },
    { name: 'zero-width and other invisible characters', input: 'a\u200bb\u200dc\u2060d\ufeffe\u00adf', want: 'a\\u200bb\\u200dc\\u2060d\\ufeffe\\xadf' },
    { name: 'line and paragraph separators', input: 'a\u2028b\u2029c', want: 'a\\u2028b\\u2029c' },
    { name: 'a tag character above the BMP', input: 'a\u{e0041}b', want: 'a\\U000e0041b' },
    { name: 'a lone surrogate half', input: 'a\ud800b', want: 'a\\ud800b' },
    { name: 'text in any script stays as it is', input: 'café ñ 日本 עברית 😀 ∑', want: 'café ñ 日本 עברית 😀 ∑' },
  ])('$name', ({ input, want }) => {
    expect(printable(input)).toBe(want);
    expect(hasUnprintable(input)).toBe(input !== want);
  });

  test('writing an escape twice changes nothing: the escapes are plain ASCII', () => {
    for (const value of HOSTILE_VALUES) expect(printable(printable(value))).toBe(printable(value));
  });

  test('printableWith lets a caller render some characters its own way', () => {
    expect(printableWith('a\u001bb\u202ec', (c) => (c === '\u001b' ? '␛' : null))).toBe('a␛b\\u202ec');
  });
});

describe('printableJson', () => {
  const value = { url: HOSTILE_VALUES.join(' '), more: ['a\u{e0041}b', 'x\ud800', '\u007f\u0085\u2028\ufeff'] };

  test('no raw control, bidi or invisible character, and it parses back to the same value', () => {
    const json = printableJson(value, 2);
    expect(json).not.toMatch(RAW_UNPRINTABLE);
    expect(json).toContain('\\u001b]0;OWNED\\u0007\\u001b[2J');
    expect(json).toContain('\\u202e');
    expect(json).toContain('\\u009b');
    expect(json).toContain('a\\udb40\\udc41b');
    expect(JSON.parse(json)).toEqual(value);
  });

  test('keeps the indentation', () => {
    expect(printableJson({ a: '\u202e' }, 2)).toBe('{\n  "a": "\\u202e"\n}');
    expect(printableJson('plain')).toBe('"plain"');
  });
});
