import { describe, expect, test } from 'vitest';
import { isSameOrigin, isValidUrl, parseUrl, resolveLocation } from './url';

describe('parseUrl', () => {
  type Case = { input: string; origin: string | null; credentials?: boolean };
  const cases: readonly Case[] = [
    { input: 'https://api.example/v1?x=1#f', origin: 'https://api.example' },
    { input: 'HTTPS://API.Example:443/', origin: 'https://api.example' },
    { input: 'http://api.example:80', origin: 'http://api.example' },
    { input: 'http://api.example:8080/x', origin: 'http://api.example:8080' },
    { input: 'https://api.example:0443', origin: 'https://api.example' },
    { input: 'https://[::1]:8443/', origin: 'https://[::1]:8443' },
    { input: 'https://u:p@api.example/', origin: 'https://api.example', credentials: true },
    { input: 'https://u@api.example/', origin: 'https://api.example', credentials: true },
    { input: 'https://@api.example/', origin: 'https://api.example', credentials: false },
    { input: 'https:api.example', origin: 'https://api.example' },
    { input: '  https://api.example  ', origin: 'https://api.example' },
    { input: 'https://bücher.example', origin: 'https://bücher.example' },
    { input: 'myapp://callback', origin: 'null' },
    { input: 'myapp://u:p@host', origin: 'null', credentials: false },
    { input: 'data:text/plain,hi', origin: 'null' },
    { input: 'file:///etc/passwd', origin: 'null' },
    { input: 'localhost:3000', origin: 'null' },
    { input: 'https://', origin: null },
    { input: 'https://a b/', origin: null },
    { input: 'https://api.example:99999/', origin: null },
    { input: 'https://api.example:12x/', origin: null },
    { input: 'https://[::1/', origin: null },
    { input: 'api.example', origin: null },
    { input: '//api.example', origin: null },
    { input: '', origin: null },
    { input: 'null', origin: null },
    { input: '*', origin: null },
    { input: '\u0000', origin: null },
  ];
  test.each(cases)('$input', ({ input, origin, credentials }) => {
    const parsed = parseUrl(input);
    expect(parsed?.origin ?? null).toBe(origin);
    if (credentials !== undefined) expect(parsed?.hasCredentials).toBe(credentials);
    expect(isValidUrl(input)).toBe(origin !== null);
  });
});

describe('parseUrl, parsing each origin once', () => {
  test('URLs that share scheme and authority share the result, whatever follows', () => {
    expect(parseUrl('https://api.example/a?x=1')).toBe(parseUrl('https://api.example/b#c'));
    expect(parseUrl('https://api.example')).toBe(parseUrl('https://api.example/'));
  });

  test('a different authority is parsed on its own', () => {
    expect(parseUrl('https://u:p@api.example/')?.hasCredentials).toBe(true);
    expect(parseUrl('https://api.example/')?.hasCredentials).toBe(false);
    expect(parseUrl('https://api.example:8443/')?.origin).toBe('https://api.example:8443');
    expect(parseUrl('http://api.example/')?.origin).toBe('http://api.example');
    expect(parseUrl('https://api.example:99999/x')).toBeNull();
  });

  test('stays correct past the cache bound', () => {
    for (let i = 0; i < 1200; i++) expect(parseUrl(`https://h${i}.example/p`)?.origin).toBe(`https://h${i}.example`);
  });
});

describe('isSameOrigin', () => {
  test.each([
    ['https://a.example', 'https://a.example/x', true],
    ['https://a.example', 'https://a.example:443/x', true],
    ['https://a.example', 'http://a.example/x', false],
    ['https://a.example', 'https://b.a.example/', false],
    ['null', 'https://a.example/', false],
    ['myapp://x', 'myapp://x', false],
  ] as const)('%s vs %s', (a, b, want) => {
    expect(isSameOrigin(parseUrl(a), parseUrl(b))).toBe(want);
  });
});

describe('resolveLocation', () => {
  test.each([
    ['https://cdn.example/x', 'https://api.example/a', 'https://cdn.example/x'],
    ['//cdn.example/x', 'https://api.example/a', 'https://cdn.example/x'],
    ['/v2/items', 'https://api.example/v1/items', 'https://api.example/v2/items'],
    ['items?page=2', 'https://api.example/v1/items', 'https://api.example/items?page=2'],
    ['myapp://cb', 'https://api.example/', 'myapp://cb'],
    ['/x', 'not a url', '/x'],
  ] as const)('%s against %s', (location, base, want) => {
    expect(resolveLocation(location, base)).toBe(want);
  });
});

describe('recently parsed authorities', () => {
  // Each pair parses `first`, then checks that `second`, which starts like it, is not answered
  // from what `first` left behind unless their authorities really are the same.
  const pairs: readonly (readonly [first: string, second: string, expectedOrigin: string | null])[] = [
    ['https://api.example/a', 'https://api.example/b?x#y', 'https://api.example'],
    ['https://api.example/a', 'https://api.example', 'https://api.example'],
    ['https://api.example/a', 'https://api.example.evil/b', 'https://api.example.evil'],
    ['https://api.example/a', 'https://api.example:8443/b', 'https://api.example:8443'],
    ['https://api.example/a', 'https://api.example\t/b', 'https://api.example'],
    ['https://api.example/a', 'https://api.example/b\tc ', 'https://api.example'],
    ['https://u@api.example/a', 'https://u@api.example@b/', 'https://b'],
    ['http://a b/x', 'http://a ', 'http://a'],
    ['file:///etc', 'file:////x', 'null'],
  ];
  test.each(pairs)('%s then %s', (first, second, expectedOrigin) => {
    parseUrl(first);
    expect(parseUrl(second)?.origin ?? null).toBe(expectedOrigin);
  });
});
