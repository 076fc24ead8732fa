import { describe, expect, test } from 'vitest';
import {
  combineHeaders,
  headerValue,
  isCorsHeaderName,
  isToken,
  listHasToken,
  lowerAscii,
  parseTokenList,
  splitList,
  trimOws,
  utf8Length,
} from './headers';
import { lines } from './test-calls';

describe('headerValue', () => {
  type Case = {
    name: string;
    headers: readonly (readonly [string, string])[];
    lookup?: string;
    want: string | null;
  };
  const cases: readonly Case[] = [
    { name: 'absent', headers: [['Vary', 'Origin']], want: null },
    { name: 'one line', headers: [['Access-Control-Allow-Origin', 'https://a.example']], want: 'https://a.example' },
    { name: 'name is case-insensitive', headers: [['access-control-allow-ORIGIN', '*']], want: '*' },
    {
      name: 'repeated lines join with ", " in wire order',
      headers: [
        ['Access-Control-Allow-Origin', 'https://a.example'],
        ['X-Other', '1'],
        ['access-control-allow-origin', 'https://b.example'],
      ],
      want: 'https://a.example, https://b.example',
    },
    {
      name: 'identical repeats still join',
      headers: [
        ['Access-Control-Allow-Origin', '*'],
        ['Access-Control-Allow-Origin', '*'],
      ],
      want: '*, *',
    },
    { name: 'spaces and tabs trimmed', headers: [['Access-Control-Allow-Origin', ' \t* \t']], want: '*' },
    { name: 'empty value kept', headers: [['Access-Control-Allow-Origin', '']], want: '' },
    {
      name: 'empty line joins too',
      headers: [
        ['Access-Control-Allow-Origin', ''],
        ['Access-Control-Allow-Origin', 'https://a.example'],
      ],
      want: ', https://a.example',
    },
    // Chromium lower-cases ASCII only: a Kelvin sign is not a K.
    { name: 'non-ASCII name does not fold', headers: [['\u212Aeep', 'x']], lookup: 'keep', want: null },
  ];
  test.each(cases)('$name', ({ headers, lookup, want }) => {
    expect(headerValue(lines(headers), lookup ?? 'access-control-allow-origin')).toBe(want);
  });

  test('null header list', () => {
    expect(headerValue(null, 'origin')).toBeNull();
  });
});

describe('combineHeaders', () => {
  test('one entry per lower-cased name, first-seen order', () => {
    expect(
      combineHeaders(
        lines([
          ['X-B', '1'],
          ['X-A', '2'],
          ['x-b', '3'],
        ]),
      ),
    ).toEqual([
      { name: 'x-b', value: '1, 3' },
      { name: 'x-a', value: '2' },
    ]);
  });
});

describe('tokens and lists', () => {
  type Case = { value: string | null; want: string[] | null };
  const cases: readonly Case[] = [
    { value: null, want: [] },
    { value: '', want: [] },
    { value: 'GET, POST', want: ['GET', 'POST'] },
    { value: 'GET,,POST, ', want: ['GET', 'POST'] },
    { value: ' x-token ,\tcontent-type', want: ['x-token', 'content-type'] },
    { value: '*', want: ['*'] },
    { value: 'GET POST', want: null },
    { value: 'GET;POST', want: null },
    { value: '"GET", POST', want: null },
    { value: 'x-token:', want: null },
    { value: 'x-tökén', want: null },
  ];
  test.each(cases)('parseTokenList($value)', ({ value, want }) => {
    expect(parseTokenList(value)).toEqual(want);
  });

  test.each([
    ['x-token', true],
    ["!#$%&'*+-.^_`|~09AZaz", true],
    ['', false],
    ['a b', false],
    ['a\u0000', false],
  ] as const)('isToken(%j) = %s', (value, want) => {
    expect(isToken(value)).toBe(want);
  });

  test.each([
    ['Accept-Encoding, Origin', true],
    ['origin', true],
    ['ORIGIN', true],
    ['Origins', false],
    ['Accept-Encoding', false],
    [null, false],
    ['', false],
    [' , ,origin\t', true],
    ['x,\torigin ,y', true],
    ['or igin', false],
    ['ORİGIN', false],
  ] as const)('listHasToken(%j, origin) = %s', (value, want) => {
    expect(listHasToken(value, 'origin')).toBe(want);
  });

  test('splitList and listHasToken agree with splitting on commas and trimming', () => {
    const pieces = ['', ' ', '\t', ',', 'origin', 'Origin', '*', 'x', 'originx'];
    const tokens = ['origin', '*', '', 'Origin'];
    for (let i = 0; i < 5000; i++) {
      let value = '';
      for (let n = i; n > 0; n = Math.floor(n / pieces.length)) value += pieces[n % pieces.length];
      expect(splitList(value), JSON.stringify(value)).toEqual(value.split(',').map(trimOws).filter((item) => item !== ''));
      for (const token of tokens) {
        const split = splitList(value).some((item) => lowerAscii(item) === token);
        expect(listHasToken(value, token), `${JSON.stringify(value)} ${token}`).toBe(split);
      }
    }
  });
});

describe('small helpers', () => {
  test.each([
    ['', 0],
    ['abc', 3],
    ['é', 2],
    ['€', 3],
    ['😀', 4],
    ['\ud800', 3],
  ] as const)('utf8Length(%j) = %i', (value, want) => {
    expect(utf8Length(value)).toBe(want);
  });

  test('lowerAscii leaves non-ASCII alone', () => {
    expect(lowerAscii('X-ÄB')).toBe('x-Äb');
    expect(lowerAscii('already')).toBe('already');
  });

  test('trimOws trims only spaces and tabs', () => {
    expect(trimOws(' \t a \n')).toBe('a \n');
  });
});

describe('isCorsHeaderName', () => {
  test.each([
    ['Access-Control-Allow-Origin', true],
    ['access-control-request-headers', true],
    ['Origin', true],
    ['Vary', true],
    ['Cookie', true],
    ['Authorization', true],
    ['Location', true],
    ['Sec-Fetch-Mode', true],
    ['Content-Type', false],
    ['X-Access-Control', false],
    ['', false],
  ] as const)('%s → %s', (name, want) => {
    expect(isCorsHeaderName(name)).toBe(want);
  });
});
