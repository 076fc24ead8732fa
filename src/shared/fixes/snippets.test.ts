import { describe, expect, test } from 'vitest';
import type { ServerCorsConfig } from './server-config';
import { printable } from '../printable';
import { HOSTILE_VALUES, RAW_UNPRINTABLE } from '../unprintable-test-values';
import { renderSnippet, STACK_LABELS, STACK_LANGUAGES, STACKS, type Stack } from './snippets';

const full: ServerCorsConfig = {
  origin: 'http://app.test:5173',
  methods: ['PATCH'],
  allowHeaders: ['authorization', 'x-token'],
  credentials: true,
  maxAge: 600,
  varyOrigin: true,
  handlePreflight: true,
  url: 'http://api.test:8080/v1/items?x=1',
};
/** Apache matches the origin with a regex, so its dots come escaped. */
const ORIGIN = /http:\/\/app\\?\.test:5173/;
const bare: ServerCorsConfig = { ...full, methods: [], allowHeaders: [], credentials: false, maxAge: null, handlePreflight: false };

/** How each stack spells credentials, a header entry and the max age. */
interface StackCase {
  readonly stack: Stack;
  readonly credentials: string;
  readonly header: string;
  readonly maxAge: string;
  readonly method: string;
}
const stackCases: readonly StackCase[] = [
  { stack: 'express', credentials: 'credentials: true', header: 'allowedHeaders: ["authorization", "x-token"]', maxAge: 'maxAge: 600', method: 'methods: ["PATCH"]' },
  { stack: 'fastify', credentials: 'credentials: true', header: 'allowedHeaders: ["authorization", "x-token"]', maxAge: 'maxAge: 600', method: 'methods: ["PATCH"]' },
  { stack: 'koa', credentials: 'credentials: true', header: 'allowHeaders: ["authorization", "x-token"]', maxAge: 'maxAge: 600', method: 'allowMethods: ["PATCH"]' },
  { stack: 'nginx', credentials: 'Access-Control-Allow-Credentials "true"', header: '"authorization, x-token"', maxAge: 'Access-Control-Max-Age           600', method: '"PATCH"' },
  { stack: 'apache', credentials: 'Access-Control-Allow-Credentials "true"', header: '"authorization, x-token"', maxAge: 'Max-Age "600"', method: 'Allow-Methods "PATCH"' },
  { stack: 'django', credentials: 'CORS_ALLOW_CREDENTIALS = True', header: '["authorization", "x-token"]', maxAge: 'CORS_PREFLIGHT_MAX_AGE = 600', method: 'CORS_ALLOW_METHODS = ["PATCH"]' },
  { stack: 'flask', credentials: 'supports_credentials=True', header: 'allow_headers=["authorization", "x-token"]', maxAge: 'max_age=600', method: 'methods=["PATCH"]' },
  { stack: 'spring', credentials: 'setAllowCredentials(true)', header: 'setAllowedHeaders(List.of("authorization", "x-token"))', maxAge: 'setMaxAge(600L)', method: 'setAllowedMethods(List.of("PATCH"))' },
  { stack: 'aspnet', credentials: '.AllowCredentials()', header: '.WithHeaders("authorization", "x-token")', maxAge: 'FromSeconds(600)', method: '.WithMethods("PATCH")' },
  { stack: 'go', credentials: 'AllowCredentials: true', header: '[]string{"authorization", "x-token"}', maxAge: 'MaxAge:           600', method: '[]string{"PATCH"}' },
  { stack: 'rails', credentials: 'credentials: true', header: '%w[authorization x-token]', maxAge: 'max_age: 600', method: '%i[patch options]' },
];

describe('renderSnippet', () => {
  test('every stack has a case here, a label and a language', () => {
    expect([...stackCases.map((c) => c.stack), 'cloudflare'].sort()).toEqual([...STACKS].sort());
    for (const stack of STACKS) {
      expect(STACK_LABELS[stack]).not.toBe('');
      expect(STACK_LANGUAGES[stack]).not.toBe('');
    }
  });

  test.each(stackCases)('$stack: uses the call’s origin, method, headers, credentials and max age', (c) => {
    const snippet = renderSnippet(c.stack, full);
    expect(snippet).toMatch(ORIGIN);
    for (const part of [c.credentials, c.header, c.maxAge, c.method]) expect(snippet).toContain(part);
  });

  test.each(stackCases)('$stack: leaves out what the call does not need', (c) => {
    const snippet = renderSnippet(c.stack, bare);
    expect(snippet).toMatch(ORIGIN);
    for (const part of [c.credentials, c.header, c.maxAge]) expect(snippet).not.toContain(part);
  });

  test.each(STACKS.map((stack) => ({ stack })))('$stack: never widens to any origin, says why', ({ stack }) => {
    for (const config of [full, bare]) {
      const snippet = renderSnippet(stack, config);
      expect(snippet).not.toMatch(/origin:\s*(true|"\*")|Allow-Origin\s+"?\*|AllowAnyOrigin|CORS_ALLOW_ALL_ORIGINS/);
      expect(snippet).toMatch(/\/\/|#/); // has comments
      expect(snippet).toMatch(/Vary|vary/);
      expect(snippet.length).toBeLessThan(1600);
    }
  });

  test.each(['nginx', 'apache', 'rails', 'spring', 'django', 'flask'] as const)('%s: scoped to the call’s path', (stack) => {
    expect(renderSnippet(stack, full)).toMatch(/\/v1\\?\/items/);
    expect(renderSnippet(stack, full)).not.toContain('?x=1');
  });

  test('only safelisted methods when the call used one', () => {
    expect(renderSnippet('express', bare)).toContain('methods: ["GET", "HEAD", "POST"]');
  });

  test.each([
    ['http://api.test/v1/a%20b;c{d}?x=1', 'location = "/v1/a b;c{d}" {'],
    ['http://api.test/caf%C3%A9/%22q%22\\x', 'location = "/café/\\"q\\"\\\\x" {'],
    ['http://api.test/bad%zz%E9', 'location = "/bad%zz%E9" {'],
    ['http://api.test/', 'location = "/" {'],
  ])('nginx: the location path of %s is decoded and quoted', (url, line) => {
    expect(renderSnippet('nginx', { ...full, url })).toContain(line);
  });

  test.each([
    ['an origin', { origin: 'http://a$host.test' }],
    ['a method', { methods: ['PA$TCH'] }],
    ['a header name', { allowHeaders: ['x-$http_cookie'] }],
  ])('nginx: %s with $ is refused, not written where nginx would read a variable', (_what, change) => {
    const snippet = renderSnippet('nginx', { ...full, ...change });
    expect(snippet).not.toMatch(/^\s*(add_header|map|location)/m);
    expect(snippet).toMatch(/^# CORS Lens cannot write this nginx snippet: .* contains "\$"/);
    for (const line of snippet.split('\n')) expect(line).toMatch(/^#/);
  });

  test('nginx answers OPTIONS only when a preflight is needed', () => {
    expect(renderSnippet('nginx', full)).toContain('return 204;');
    expect(renderSnippet('nginx', bare)).not.toContain('return 204;');
  });

  test("an opaque 'null' origin is flagged, not silently allowed", () => {
    expect(renderSnippet('express', { ...bare, origin: 'null' })).toContain("'null' is this page's real (opaque) origin");
  });

  test('cloudflare explains Vary and the cache key with the URL', () => {
    const note = renderSnippet('cloudflare', full);
    expect(note).toContain(full.url);
    expect(note).toContain('cache key');
    expect(note).toContain('response.headers.append("Vary", "Origin")');
  });

  test('express output (golden)', () => {
    expect(renderSnippet('express', full)).toMatchInlineSnapshot(`
      "import cors from "cors";

      // First middleware, before auth: preflights carry no credentials; cors answers OPTIONS with 204.
      app.use(cors({
        origin: ["http://app.test:5173"], // exact page origin, echoed back with Vary: Origin; never reflect any origin
        methods: ["PATCH"], // methods are case-sensitive: exactly as the page sends them
        allowedHeaders: ["authorization", "x-token"], // the non-safelisted request headers; list Authorization explicitly, * does not cover it
        credentials: true, // the call sends cookies/auth, so Access-Control-Allow-Credentials: true (and no *)
        maxAge: 600, // cache the preflight instead of one OPTIONS per call
      }));"
    `);
  });

  describe('no terminal escape, bidi override or C1 control from the wire reaches a snippet raw', () => {
    const cases = STACKS.flatMap((stack) => HOSTILE_VALUES.map((value) => ({ stack, value })));
    // The path holds the value percent-encoded, as a browser sends it (nginx's snippet decodes
    // it), and raw, as a HAR file may hold it.
    const hostile = (value: string): ServerCorsConfig => ({
      ...full,
      origin: value,
      url: `http://api.test/${encodeURIComponent(value)}/${value}?x=${value}`,
    });

    test.each(cases)('$stack with $value', ({ stack, value }) => {
      expect(renderSnippet(stack, hostile(value))).not.toMatch(RAW_UNPRINTABLE);
    });

    test.each(HOSTILE_VALUES)('a string literal reads back as the same value: %j', (value) => {
      const literal = /origin: \[("[^\n]*")\]/.exec(renderSnippet('express', hostile(value)))?.[1] ?? '';
      expect(JSON.parse(literal)).toBe(value);
    });

    test.each([
      ['nginx', { origin: 'http://app.test\u202e' }],
      ['nginx', { url: 'http://api.test/a%E2%80%AEb' }],
      ['apache', { origin: 'http://app.test\u009b' }],
      ['rails', { allowHeaders: ['x-a\u001bb'] }],
    ] as const)('%s refuses a value its syntax cannot escape: %j', (stack, change) => {
      const snippet = renderSnippet(stack, { ...full, ...change });
      expect(snippet).toMatch(/^# CORS Lens cannot write this \w+ snippet: ".*" contains a control, bidi or invisible\n/);
      expect(snippet).not.toMatch(RAW_UNPRINTABLE);
    });

    test('Ruby reads an interpolation in a value as text, not code', () => {
      const snippet = renderSnippet('rails', { ...full, origin: 'http://app.test#{system("id")}#@x#$y' });
      expect(snippet).toContain('origins "http://app.test\\#{system(\\"id\\")}\\#@x\\#$y"');
    });

    test('a path in a Python raw regex string is escaped the way Python\'s re reads it back', () => {
      expect(renderSnippet('django', { ...full, url: 'http://api.test/a\u202eb\u001b.c' })).toContain(
        `CORS_URLS_REGEX = r"^/${printable('a\u202eb\u001b')}\\.c$"`,
      );
    });
  });
});
