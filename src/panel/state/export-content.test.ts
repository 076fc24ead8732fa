import { describe, expect, test } from 'vitest';
import { HOSTILE_VALUES, RAW_UNPRINTABLE } from '../../shared/unprintable-test-values';
import { call, hop } from './test-calls';
import { browserName, callsInScope, exportFile, type ExportFormat } from './export-content';

const secret = call('s1', {
  hops: [hop('https://api.test/items', { requestHeaders: [{ name: 'Authorization', value: 'Bearer secret-token' }] })],
});
const other = call('s2');
const env = { browser: 'Chrome 156', version: '0.1.0', now: new Date(0) };

describe('export content', () => {
  test('scopes pick the selected call, the filtered list or every call', () => {
    const sources = { selected: secret, shown: [secret], all: [secret, other] };
    expect(callsInScope('call', sources)).toEqual([secret]);
    expect(callsInScope('shown', sources)).toEqual([secret]);
    expect(callsInScope('all', sources)).toEqual([secret, other]);
    expect(callsInScope('call', { ...sources, selected: undefined })).toEqual([]);
  });

  test.each<[ExportFormat, string]>([
    ['markdown', 'cors-lens-report.md'],
    ['json', 'cors-lens-report.json'],
    ['har', 'cors-lens.har'],
  ])('%s names its file', (format, fileName) => {
    expect(exportFile(format, [secret], { keepSecrets: false, extraNames: [], env }).fileName).toBe(fileName);
  });

  test('HAR redacts Authorization unless asked to keep it', () => {
    expect(exportFile('har', [secret], { keepSecrets: false, extraNames: [], env }).text).not.toContain('secret-token');
    expect(exportFile('har', [secret], { keepSecrets: false, extraNames: [], env }).text).toContain('<redacted>');
    expect(exportFile('har', [secret], { keepSecrets: true, extraNames: [], env }).text).toContain('Bearer secret-token');
  });

  test.each<ExportFormat>(['markdown', 'json', 'har'])('%s masks the new names, URL secrets and names the user added', (format) => {
    const leaky = call('s3', {
      hops: [
        hop('https://api.test/items?access_token=t0k-url&page=2', {
          requestHeaders: [
            { name: 'X-Api-Key', value: 'k-123' },
            { name: 'X-Tenant', value: 'acme-tenant' },
          ],
        }),
      ],
    });
    const text = exportFile(format, [leaky], { keepSecrets: false, extraNames: ['x-tenant'], env }).text;
    for (const secret of ['t0k-url', 'k-123', 'acme-tenant']) expect(text).not.toContain(secret);
    expect(text).toMatch(/access\\?_token=redacted/);
    const kept = exportFile(format, [leaky], { keepSecrets: true, extraNames: ['x-tenant'], env }).text;
    expect(kept).toContain('t0k-url');
  });

  test('HAR masks the headers real apps send, and the URLs in Link and Refresh, keeping the rest', () => {
    const realApp = call('s4', {
      hops: [
        hop('https://api.test/v1/me;jsessionid=js-1?accessToken=at-1&page=2', {
          requestHeaders: [
            { name: 'Origin', value: 'https://app.test' },
            { name: 'Sec-Fetch-Site', value: 'cross-site' },
            { name: 'X-CSRFToken', value: 'h-csrf' },
            { name: 'Authentication', value: 'h-authn' },
            { name: 'X-Session', value: 'h-session' },
            { name: 'X-Session-Id', value: 'h-session-id' },
            { name: 'X-Auth', value: 'h-auth' },
            { name: 'DPoP', value: 'h-dpop' },
          ],
          response: {
            status: 200,
            headers: [
              { name: 'Access-Control-Allow-Origin', value: 'https://app.test' },
              { name: 'Link', value: '<https://api.test/v1/me?page=3&sid=link-sid>; rel="next"' },
              { name: 'Refresh', value: '0; url=https://app.test/login?token=refresh-token' },
            ],
            fromCache: false,
            ip: null,
          },
        }),
      ],
    });
    const har = JSON.parse(exportFile('har', [realApp], { keepSecrets: false, extraNames: [], env }).text) as {
      log: { entries: { request: { url: string; headers: { name: string; value: string }[] }; response: { headers: { name: string; value: string }[] } }[] };
    };
    const entry = har.log.entries[0]!;
    const value = (lines: { name: string; value: string }[], name: string) => lines.find((h) => h.name === name)?.value;
    for (const name of ['X-CSRFToken', 'Authentication', 'X-Session', 'X-Session-Id', 'X-Auth', 'DPoP']) {
      expect(value(entry.request.headers, name), name).toBe('<redacted>');
    }
    expect(value(entry.request.headers, 'Origin')).toBe('https://app.test');
    expect(value(entry.request.headers, 'Sec-Fetch-Site')).toBe('cross-site');
    expect(entry.request.url).toBe('https://api.test/v1/me;jsessionid=redacted?accessToken=redacted&page=2');
    expect(value(entry.response.headers, 'Access-Control-Allow-Origin')).toBe('https://app.test');
    expect(value(entry.response.headers, 'Link')).toBe('<https://api.test/v1/me?page=3&sid=redacted>; rel="next"');
    expect(value(entry.response.headers, 'Refresh')).toBe('0; url=https://app.test/login?token=redacted');
  });

  test('browserName', () => {
    expect(browserName('Mozilla/5.0 (X11) AppleWebKit/537.36 Chrome/156.0.1.2 Safari/537.36')).toBe('Chrome 156.0.1.2');
    expect(browserName('Other')).toBe('Other');
  });

  test.each<ExportFormat>(['markdown', 'json', 'har'])('%s carries no raw terminal escape, bidi override or C1 control', (format) => {
    const hostile = HOSTILE_VALUES.map((value, i) =>
      call(`h${i}`, { hops: [hop(`https://api.test/items?next=${value}`, { requestHeaders: [{ name: 'X-Next', value }] })] }),
    );
    const text = exportFile(format, hostile, { keepSecrets: false, extraNames: [], env }).text;
    expect(text).not.toMatch(RAW_UNPRINTABLE);
    // JSON.parse reads the \u escapes back: the export still holds each value as it was.
    if (format !== 'markdown') for (const value of HOSTILE_VALUES) expect(JSON.stringify(JSON.parse(text))).toContain(JSON.stringify(value).slice(1, -1));
  });
});
