import { describe, expect, test } from 'vitest';
import { CORS_CODES } from './codes';
import {
  ASSUMPTION_TEXTS,
  displayValue,
  formatMessage,
  FRAGMENTS,
  nameList,
  netErrorText,
  STATUS_TEXTS,
  WARNING_TEXTS,
  type Explanation,
} from './explanations';
import type { LocalNetworkCode } from './local-network-explanations';
import { CORS_ERRORS, WARNING_CODES, type CorsError, type WarningCode } from './types';

// Every placeholder a template may use; the checker fills each of them.
const KNOWN_PLACEHOLDERS = new Set([
  'origin', 'originNote', 'url', 'host', 'response', 'value', 'header', 'method', 'status', 'location',
  'scheme', 'allowMethods', 'allowHeaders', 'credentialsHint', 'wildcardNote', 'mode', 'error',
  'errorText', 'otherCode', 'headers', 'reported',
]);

// The codes localNetworkVerdict explains, with the placeholders it fills; their texts are two
// sentences on purpose (the second says no header can help).
const LOCAL_NETWORK_CODES: readonly LocalNetworkCode[] = ['InsecureLocalNetwork', 'LocalNetworkAccessPermissionDenied'];
const LOCAL_NETWORK_PLACEHOLDERS = new Set(['url', 'host', 'origin', 'targetSpace']);

function isLocalNetworkCode(code: CorsError): boolean {
  return (LOCAL_NETWORK_CODES as readonly CorsError[]).includes(code);
}

/** The texts of every code the header checks explain, that is all but the Local Network ones. */
const EXPLANATIONS: readonly Explanation[] = CORS_ERRORS.filter((code) => !isLocalNetworkCode(code)).map(
  (code) => CORS_CODES[code].text,
);

function placeholders(template: string): string[] {
  return [...template.matchAll(/\{(\w+)\}/g)].map((m) => m[1] ?? '');
}

describe('conventions', () => {
  test('every CorsError has an explanation with a why and a fix', () => {
    for (const code of CORS_ERRORS) {
      const entry: Explanation = CORS_CODES[code].text;
      expect(entry.why, code).not.toBe('');
      expect(entry.fix, code).not.toBe('');
    }
    expect(Object.keys(CORS_CODES).sort()).toEqual([...CORS_ERRORS].sort());
  });

  test('every warning code has a message', () => {
    const codes: readonly WarningCode[] = WARNING_CODES;
    for (const code of codes) expect(WARNING_TEXTS[code]).not.toBe('');
    expect(Object.keys(WARNING_TEXTS).sort()).toEqual([...codes].sort());
  });

  test('templates use only placeholders the checker fills', () => {
    const templates = [
      ...EXPLANATIONS.flatMap((e) => [
        e.why,
        e.whyAbsent ?? '',
        e.fix,
        e.whySeveral ?? '',
        e.whySeveralAbsent ?? '',
        e.fixSeveral ?? '',
      ]),
      ...Object.values(WARNING_TEXTS),
      ...Object.values(STATUS_TEXTS),
      ...Object.values(ASSUMPTION_TEXTS),
      ...Object.values(FRAGMENTS),
    ];
    for (const t of templates) for (const p of placeholders(t)) expect(KNOWN_PLACEHOLDERS, `{${p}} in: ${t}`).toContain(p);
  });

  test('Local Network texts use only placeholders localNetworkVerdict fills', () => {
    for (const code of LOCAL_NETWORK_CODES) {
      const { why, fix } = CORS_CODES[code].text;
      for (const t of [why, fix]) for (const p of placeholders(t)) expect(LOCAL_NETWORK_PLACEHOLDERS, `{${p}} in: ${t}`).toContain(p);
    }
  });

  test('each explanation is one sentence', () => {
    for (const entry of EXPLANATIONS) {
      for (const why of [entry.why, entry.whyAbsent ?? 'x.', entry.whySeveral ?? 'x.', entry.whySeveralAbsent ?? 'x.']) {
        expect(why.trimEnd().endsWith('.')).toBe(true);
        expect(why.slice(0, -1)).not.toMatch(/\.\s+[A-Z]/);
      }
    }
  });
});

describe('formatMessage', () => {
  type Case = { name: string; template: string; params: Record<string, string>; want: string };
  const cases: readonly Case[] = [
    { name: 'fills', template: 'a {x} b', params: { x: '1' }, want: 'a 1 b' },
    { name: 'repeats', template: '{x}{x}', params: { x: 'y' }, want: 'yy' },
    { name: 'leaves unknown placeholders', template: '{x} {y}', params: { x: '1' }, want: '1 {y}' },
    { name: 'escapes control characters', template: '{x}', params: { x: 'a\r\nb\u0000' }, want: 'a\\x0d\\x0ab\\x00' },
    { name: 'escapes C1 controls', template: '{x}', params: { x: 'a\u009b2Jb\u0085' }, want: 'a\\x9b2Jb\\x85' },
    { name: 'escapes bidi overrides and invisible characters', template: '{x}', params: { x: 'a\u202eb\u2066c\u200bd' }, want: 'a\\u202eb\\u2066c\\u200bd' },
    { name: 'does not re-expand values', template: '{x}', params: { x: '{x}' }, want: '{x}' },
    { name: 'truncates huge values', template: '{x}', params: { x: 'a'.repeat(1000) }, want: `${'a'.repeat(300)}…` },
  ];
  test.each(cases)('$name', ({ template, params, want }) => {
    expect(formatMessage(template, params)).toBe(want);
  });
});

describe('nameList', () => {
  test.each([
    [[], ''],
    [['x-a'], '`x-a`'],
    [['x-a', 'x-b'], '`x-a` and `x-b`'],
    [['x-a', 'x-b', 'x-c'], '`x-a`, `x-b` and `x-c`'],
  ] as const)('%j → %s', (names, want) => {
    expect(nameList(names)).toBe(want);
  });
});

describe('several names at fault', () => {
  test('an entry with whySeveralAbsent also has whySeveral and fixSeveral, and they list {headers}', () => {
    for (const [code, { text: entry }] of Object.entries(CORS_CODES) as [string, { text: Explanation }][]) {
      if (entry.whySeveral === undefined && entry.whySeveralAbsent === undefined && entry.fixSeveral === undefined) continue;
      for (const template of [entry.whySeveral, entry.fixSeveral]) expect(template, code).toContain('{headers}');
      expect(entry.whySeveral, code).toContain('{reported}');
    }
  });
});

describe('displayValue', () => {
  test.each([
    [null, 'missing'],
    ['', 'empty'],
    ['x-token', '`x-token`'],
    ['a\tb', '`a\\x09b`'],
    ['b'.repeat(200), `\`${'b'.repeat(120)}…\``],
  ] as const)('%j → %s', (value, want) => {
    expect(displayValue(value)).toBe(want);
  });
});

describe('netErrorText', () => {
  test.each([
    ['net::ERR_CONNECTION_REFUSED', 'refused'],
    ['net::ERR_CERT_DATE_INVALID', 'certificate'],
    ['net::ERR_WHATEVER', 'network stack'],
    ['', 'network stack'],
  ] as const)('%s', (error, words) => {
    expect(netErrorText(error).text).toContain(words);
  });
});
