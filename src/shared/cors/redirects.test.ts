import { describe, expect, test } from 'vitest';
import { checkRedirectLocation, methodAfterRedirect, redirectTarget, taintsOrigin } from './redirects';
import { API, hop, PAGE, redirectHop, response } from './test-calls';
import { parseUrl } from './url';

describe('taintsOrigin', () => {
  const page = parseUrl(PAGE);
  test.each([
    ['A→B (first hop from the page origin)', PAGE, 'https://api.example/', false],
    ['B→C', 'https://api.example/', 'https://cdn.example/', true],
    ['B→A', 'https://api.example/', `${PAGE}/data`, true],
    ['B→B', 'https://api.example/a', 'https://api.example/b', false],
    ['A→B from the page origin', `${PAGE}/a`, 'https://api.example/', false],
    ['B→custom scheme', 'https://api.example/', 'myapp://x', true],
  ] as const)('%s', (_name, from, to, want) => {
    expect(taintsOrigin(page, parseUrl(from), parseUrl(to))).toBe(want);
  });

  test('opaque page origin: every cross-origin hop taints', () => {
    expect(taintsOrigin(null, parseUrl('https://api.example/'), parseUrl('https://cdn.example/'))).toBe(true);
  });
});

describe('checkRedirectLocation', () => {
  type Case = {
    name: string;
    target: string;
    corsFlag?: boolean;
    tainted?: boolean;
    want: ReturnType<typeof checkRedirectLocation>;
  };
  const cases: readonly Case[] = [
    { name: 'plain https target', target: 'https://cdn.example/x', want: null },
    { name: 'http target', target: 'http://cdn.example/x', want: null },
    { name: 'userinfo, cross-origin', target: 'https://u:p@cdn.example/', want: 'RedirectContainsCredentials' },
    { name: 'user only', target: 'https://u@cdn.example/', want: 'RedirectContainsCredentials' },
    // Same-origin target with userinfo before the CORS flag is set: Chromium blocks it elsewhere.
    { name: 'userinfo, same-origin, no CORS flag', target: `https://u:p@app.example/`, corsFlag: false, want: null },
    { name: 'userinfo, same-origin, tainted', target: `https://u:p@app.example/`, corsFlag: false, tainted: true, want: 'RedirectContainsCredentials' },
    { name: 'custom scheme', target: 'myapp://callback', want: 'CorsDisabledScheme' },
    { name: 'ftp', target: 'ftp://files.example/x', want: 'CorsDisabledScheme' },
    { name: 'data: is a net error instead', target: 'data:text/plain,hi', want: null },
    { name: 'unparsable target', target: 'https://', want: null },
  ];
  test.each(cases)('$name', ({ target, corsFlag, tainted, want }) => {
    expect(
      checkRedirectLocation({
        target: parseUrl(target),
        initiator: parseUrl(PAGE),
        corsFlag: corsFlag ?? true,
        tainted: tainted ?? false,
      }),
    ).toBe(want);
  });
});

describe('redirectTarget', () => {
  test('followed redirect uses redirectUrl', () => {
    expect(redirectTarget(redirectHop(API, 'https://cdn.example/x'))).toMatchObject({
      url: 'https://cdn.example/x',
      followed: true,
    });
  });
  test('blocked redirect falls back to Location, resolved', () => {
    expect(redirectTarget(redirectHop(API, '/v2/items', 307, {}, false))).toMatchObject({
      url: 'https://api.example/v2/items',
      followed: false,
    });
  });
  test('3xx without Location is no redirect', () => {
    expect(redirectTarget(hop({ response: response(302) }))).toBeNull();
  });
  test('304 is no redirect', () => {
    expect(redirectTarget(hop({ response: response(304, { Location: '/x' }) }))).toBeNull();
  });
});

describe('methodAfterRedirect', () => {
  test.each([
    ['POST', 301, 'GET'],
    ['POST', 302, 'GET'],
    ['PUT', 302, 'PUT'],
    ['PUT', 303, 'GET'],
    ['HEAD', 303, 'HEAD'],
    ['POST', 307, 'POST'],
    ['POST', 308, 'POST'],
  ] as const)('%s after %i → %s', (method, status, want) => {
    expect(methodAfterRedirect(method, status)).toBe(want);
  });
});
