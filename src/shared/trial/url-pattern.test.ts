import { describe, expect, test } from 'vitest';
import { escapeRegex, trialUrlPattern } from './url-pattern';

describe('trialUrlPattern', () => {
  const url = 'https://api.example:8443/v1/items(1)?q=a+b&x=[*]|^$';
  test('exact-url matches only that URL, every metacharacter literal', () => {
    const re = new RegExp(trialUrlPattern(url, 'exact-url')!);
    expect(re.test(url)).toBe(true);
    expect(re.test(`${url}&more`)).toBe(false);
    expect(re.test('https://api.example:8443/v1/items(1)?q=aab&x=[*]|^$')).toBe(false);
    expect(re.test(`https://evil.example/?u=${url}`)).toBe(false);
  });

  test('path matches any query string on the same path, nothing else', () => {
    const re = new RegExp(trialUrlPattern(url, 'path')!);
    expect(re.test('https://api.example:8443/v1/items(1)')).toBe(true);
    expect(re.test('https://api.example:8443/v1/items(1)?other=1')).toBe(true);
    expect(re.test('https://api.example:8443/v1/items(1)/x')).toBe(false);
    expect(re.test('https://api.example:8443/v1/itemsX1)')).toBe(false);
  });

  test('non-http URLs cannot be trialled', () => {
    expect(trialUrlPattern('data:text/plain,hi', 'exact-url')).toBeNull();
    expect(trialUrlPattern('file:///etc/passwd', 'path')).toBeNull();
  });

  test('escapeRegex leaves nothing special', () => {
    const literal = '\\^$.*+?()[]{}|';
    expect(new RegExp(`^${escapeRegex(literal)}$`).test(literal)).toBe(true);
  });
});
