// The one-pass readers must give exactly what headerValue gives for each name, or the checker
// would judge on different values than the rest of the code shows.
import { expect, test } from 'vitest';
import type { HeaderLine } from '../observed-call';
import { readCorsRequestHeaders, readCorsResponseHeaders } from './cors-headers';
import { hasHeader, headerValue } from './headers';
import { pick, rng } from './verdict-corpus';

const RESPONSE_FIELDS = {
  allowOrigin: 'access-control-allow-origin',
  allowCredentials: 'access-control-allow-credentials',
  allowMethods: 'access-control-allow-methods',
  allowHeaders: 'access-control-allow-headers',
  exposeHeaders: 'access-control-expose-headers',
  maxAge: 'access-control-max-age',
  vary: 'vary',
  location: 'location',
} as const;

const NAMES = [
  ...Object.values(RESPONSE_FIELDS),
  'Access-Control-Allow-Origin', 'VARY', 'Location ', 'access-control-allow-origin2', 'Access-Control-Request-Method',
  'access-control-request-headers', 'Sec-Fetch-Mode', 'Origin', 'cookie', 'If-None-Match', 'if-modified-since',
  'Content-Type', 'X-Custom', 'ＶＡＲＹ', 'vary\u0000',
];
const VALUES = ['', ' * ', 'https://app.example', '\tGET, PUT\t', 'true', 'x, y', 'ÄÖ'];

function randomLines(r: () => number): HeaderLine[] {
  return Array.from({ length: Math.floor(r() * 10) }, () => ({ name: pick(r, NAMES), value: pick(r, VALUES) }));
}

test('response headers read in one pass equal headerValue for each name', () => {
  const r = rng(27);
  for (let i = 0; i < 2000; i++) {
    const lines = randomLines(r);
    const read = readCorsResponseHeaders(lines);
    for (const [field, name] of Object.entries(RESPONSE_FIELDS)) {
      expect(read[field as keyof typeof RESPONSE_FIELDS], `${name} in ${JSON.stringify(lines)}`).toBe(headerValue(lines, name));
    }
  }
});

test('request headers read in one pass equal headerValue and hasHeader', () => {
  const r = rng(28);
  for (let i = 0; i < 2000; i++) {
    const lines = randomLines(r);
    expect(readCorsRequestHeaders(lines), JSON.stringify(lines)).toEqual({
      requestMethod: headerValue(lines, 'access-control-request-method'),
      requestHeaders: headerValue(lines, 'access-control-request-headers'),
      fetchMode: headerValue(lines, 'sec-fetch-mode'),
      hasOrigin: hasHeader(lines, 'origin'),
      hasCookie: hasHeader(lines, 'cookie'),
      revalidates: hasHeader(lines, 'if-none-match') || hasHeader(lines, 'if-modified-since'),
    });
  }
});
