import { describe, expect, test } from 'vitest';
import {
  classifyFromPreflight,
  classifyRequest,
  corsUnsafeRequestHeaderNames,
  isCorsSafelistedMethod,
  isCorsSafelistedRequestHeader,
  isForbiddenRequestHeader,
} from './classify-request';
import { browserHeaders, lines } from './test-calls';

describe('isCorsSafelistedMethod', () => {
  test.each([
    ['GET', true],
    ['HEAD', true],
    ['POST', true],
    ['get', true], // Chromium upper-cases before comparing
    ['PUT', false],
    ['patch', false],
    ['OPTIONS', false],
    ['po\u017Ft', false], // ſ must not upper-case to S
    ['', false],
  ] as const)('%j → %s', (method, want) => {
    expect(isCorsSafelistedMethod(method)).toBe(want);
  });
});

describe('isCorsSafelistedRequestHeader', () => {
  type Case = { name: string; value: string; want: boolean };
  const cases: readonly Case[] = [
    { name: 'accept', value: 'application/json', want: true },
    { name: 'accept', value: 'text/html, */*;q=0.8', want: true },
    { name: 'accept', value: 'a"b', want: false },
    { name: 'accept', value: 'x'.repeat(128), want: true },
    { name: 'accept', value: 'x'.repeat(129), want: false },
    { name: 'accept', value: 'é'.repeat(64), want: true }, // 128 bytes
    { name: 'accept', value: `${'é'.repeat(64)}x`, want: false }, // 129 bytes, 65 UTF-16 units
    { name: 'accept', value: 'a\tb', want: true },
    { name: 'accept', value: 'a\u0001b', want: false },
    { name: 'accept', value: 'a\u007fb', want: false },
    { name: 'accept-language', value: 'en-US,en;q=0.9', want: true },
    { name: 'accept-language', value: 'en_US', want: false },
    { name: 'content-language', value: 'de-DE, *', want: true },
    { name: 'content-language', value: 'fr(CA)', want: false },
    { name: 'content-type', value: 'text/plain', want: true },
    { name: 'content-type', value: 'Text/Plain; charset=utf-8', want: true },
    { name: 'content-type', value: 'multipart/form-data; boundary=----x', want: true },
    { name: 'content-type', value: 'application/x-www-form-urlencoded', want: true },
    { name: 'content-type', value: ' text/plain ', want: true },
    { name: 'content-type', value: 'application/json', want: false },
    { name: 'content-type', value: 'text/plain;charset="utf-8"', want: false }, // quote is an unsafe byte
    { name: 'content-type', value: 'text/plain, application/json', want: false }, // two combined values
    { name: 'content-type', value: 'text/plain/x', want: false },
    { name: 'content-type', value: 'text /plain', want: false },
    { name: 'content-type', value: 'text/ plain', want: false },
    { name: 'content-type', value: '\ttext/plain\t; x=1', want: true },
    { name: 'content-type', value: '/plain', want: false },
    { name: 'content-type', value: 'text/', want: false },
    { name: 'content-type', value: ' ', want: false },
    { name: 'content-type', value: '', want: false },
    { name: 'range', value: 'bytes=0-', want: true },
    { name: 'range', value: 'bytes=0-499', want: true },
    { name: 'range', value: 'Bytes=10-10', want: true },
    { name: 'range', value: 'bytes=-500', want: false },
    { name: 'range', value: 'bytes=0-1,5-6', want: false },
    { name: 'range', value: 'bytes= 0-1', want: false },
    { name: 'range', value: 'bytes=5-1', want: false },
    { name: 'range', value: 'items=0-1', want: false },
    { name: 'range', value: 'bytes=99999999999999999999-', want: false },
    { name: 'intervention', value: '<https://x>; level="warning"', want: true },
    { name: 'save-data', value: 'on', want: true },
    { name: 'save-data', value: 'ON', want: true },
    { name: 'save-data', value: 'off', want: false },
    { name: 'dpr', value: '2.5', want: true },
    { name: 'dpr', value: '2.', want: false },
    { name: 'device-memory', value: '8', want: true },
    { name: 'downlink', value: '1.45', want: true },
    { name: 'downlink', value: '.5', want: false },
    { name: 'width', value: '1200', want: true },
    { name: 'viewport-width', value: '12.5', want: false },
    { name: 'rtt', value: '50', want: true },
    { name: 'ect', value: '4g', want: true },
    { name: 'ect', value: 'slow-2g', want: true },
    { name: 'ect', value: '4G', want: false },
    { name: 'ect', value: '5g', want: false },
    { name: 'x-token', value: 'abc', want: false },
    { name: 'authorization', value: 'Bearer x', want: false },
  ];
  test.each(cases)('$name: $value → $want', ({ name, value, want }) => {
    expect(isCorsSafelistedRequestHeader(name, value)).toBe(want);
  });
});

describe('isForbiddenRequestHeader', () => {
  test.each([
    ['origin', 'https://a.example', true],
    ['cookie', 'a=b', true],
    ['user-agent', 'x', true],
    ['accept-encoding', 'gzip', true],
    ['sec-fetch-mode', 'cors', true],
    ['sec-ch-ua', 'x', true],
    ['proxy-authorization', 'x', true],
    ['referer', 'x', true],
    ['host', 'x', true],
    ['connection', 'keep-alive', true],
    ['x-http-method-override', 'TRACE', true],
    ['x-http-method-override', 'PATCH', false],
    ['authorization', 'Bearer x', false],
    ['x-token', 'x', false],
  ] as const)('%s: %s → %s', (name, value, want) => {
    expect(isForbiddenRequestHeader(name, value)).toBe(want);
  });
});

describe('classifyRequest', () => {
  type Case = {
    name: string;
    method: string;
    headers: readonly (readonly [string, string])[];
    preflight: boolean;
    unsafe: string[];
    inOrder?: string[];
  };
  const cases: readonly Case[] = [
    { name: 'plain GET with browser headers', method: 'GET', headers: [], preflight: false, unsafe: [] },
    { name: 'PUT', method: 'PUT', headers: [], preflight: true, unsafe: [] },
    {
      name: 'form POST',
      method: 'POST',
      headers: [['Content-Type', 'application/x-www-form-urlencoded']],
      preflight: false,
      unsafe: [],
    },
    {
      name: 'JSON POST',
      method: 'POST',
      headers: [['Content-Type', 'application/json']],
      preflight: true,
      unsafe: ['content-type'],
    },
    {
      name: 'custom headers sorted, checked in request order',
      method: 'GET',
      headers: [
        ['X-Token', 'a'],
        ['Authorization', 'Bearer b'],
      ],
      preflight: true,
      unsafe: ['authorization', 'x-token'],
      inOrder: ['x-token', 'authorization'],
    },
    {
      name: 'repeated header counted once',
      method: 'GET',
      headers: [
        ['X-Token', 'a'],
        ['x-token', 'b'],
      ],
      preflight: true,
      unsafe: ['x-token'],
    },
    {
      name: 'client hints with valid values stay simple',
      method: 'GET',
      headers: [
        ['Save-Data', 'on'],
        ['DPR', '2'],
        ['ECT', '4g'],
      ],
      preflight: false,
      unsafe: [],
    },
    {
      name: 'client hint with an invalid value',
      method: 'GET',
      headers: [['DPR', 'high']],
      preflight: true,
      unsafe: ['dpr'],
    },
    {
      name: 'safelisted values over 1024 bytes in total all become unsafe',
      method: 'GET',
      headers: [
        ['Accept', 'a'.repeat(120)],
        ['Content-Language', 'b'.repeat(120)],
        ['Intervention', 'c'.repeat(120)],
        ['DPR', '1'.repeat(120)],
        ['Width', '2'.repeat(120)],
        ['Viewport-Width', '3'.repeat(120)],
        ['RTT', '4'.repeat(120)],
        ['Device-Memory', '5'.repeat(120)],
        ['Downlink', '6'.repeat(120)],
      ],
      preflight: true,
      // Accept combines with the fixture's `*/*` (125 bytes, still safelisted); with the browser's
      // Accept-Language the safelisted values add up to 1099 bytes.
      unsafe: [
        'accept',
        'accept-language',
        'content-language',
        'device-memory',
        'downlink',
        'dpr',
        'intervention',
        'rtt',
        'viewport-width',
        'width',
      ],
      inOrder: [
        'accept',
        'accept-language',
        'content-language',
        'intervention',
        'dpr',
        'width',
        'viewport-width',
        'rtt',
        'device-memory',
        'downlink',
      ],
    },
    {
      name: 'browser-added headers never count',
      method: 'GET',
      headers: [
        ['Cookie', 'session=1'],
        ['Sec-Fetch-Storage-Access', 'none'],
        ['Proxy-Connection', 'keep-alive'],
        ['DNT', '1'],
      ],
      preflight: false,
      unsafe: [],
    },
    {
      name: 'simple Range',
      method: 'GET',
      headers: [['Range', 'bytes=0-1023']],
      preflight: false,
      unsafe: [],
    },
  ];
  test.each(cases)('$name', ({ method, headers, preflight, unsafe, inOrder }) => {
    const result = classifyRequest(method, [...browserHeaders(), ...lines(headers)]);
    expect(result.preflightRequired).toBe(preflight);
    expect(result.unsafeHeaders).toEqual(unsafe);
    if (inOrder) expect(result.unsafeHeadersInOrder).toEqual(inOrder);
  });

  test('corsUnsafeRequestHeaderNames keeps request order', () => {
    expect(corsUnsafeRequestHeaderNames(lines([['X-B', '1'], ['X-A', '2']]))).toEqual(['x-b', 'x-a']);
  });
});

describe('classifyFromPreflight', () => {
  test.each([
    ['PUT', null, true, []],
    ['GET', 'x-token', true, ['x-token']],
    ['GET', 'content-type,x-token', true, ['content-type', 'x-token']],
    ['POST', '', false, []],
    ['POST', ' X-Token , x-token ', true, ['x-token']],
  ] as const)('%s %j', (method, headers, preflight, unsafe) => {
    const result = classifyFromPreflight(method, headers);
    expect(result.preflightRequired).toBe(preflight);
    expect(result.unsafeHeaders).toEqual(unsafe);
  });
});
