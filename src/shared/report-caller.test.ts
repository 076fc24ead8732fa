// A call a worker made carries its caller through every export; a page's call says `page`.
import { describe, expect, test } from 'vitest';
import { buildReport } from './report';
import { reportHar } from './report-har';
import { reportMarkdown } from './report-markdown';
import { NO_ACAO } from './report-test-calls';

const FROM_WORKER = { ...NO_ACAO, id: 'req-worker', caller: 'service-worker' as const };
const env = { browser: 'Chrome 156', pageOrigin: 'https://app.example', generatedAt: new Date('2026-12-03T06:00:00Z') };

describe('the caller in the exports', () => {
  const report = buildReport([NO_ACAO, FROM_WORKER]);

  test('JSON report: page, or the kind of worker', () => {
    expect(report.calls.map((c) => c.caller)).toEqual(['page', 'service-worker']);
  });

  test('Markdown: the summary row and the blocked section name the worker', () => {
    const md = reportMarkdown([FROM_WORKER], env);
    // Table cells escape Markdown's brackets, so the parentheses come backslashed.
    expect(md).toMatch(/^\| 1 \| GET \| .* \\\(from service worker\\\) \|/m);
    expect(md).toContain('participant Page as Service worker');
    expect(md).toContain('**Caller:** from service worker.');
    expect(reportMarkdown([NO_ACAO], env)).not.toContain('Caller');
  });

  test('HAR: every entry of the call is tagged with its caller', () => {
    const har = reportHar([FROM_WORKER], { name: 'CORS Lens', version: 'test' });
    expect(har.log.entries.map((e) => e._corsLens.caller)).toEqual(har.log.entries.map(() => 'service-worker'));
  });
});
