import { describe, expect, test } from 'vitest';
import { printable } from '../shared/printable';
import { buildReport, type CorsReport } from '../shared/report';
import { NO_ACAO } from '../shared/report-test-calls';
import { blockedByAllowOrigin, HOSTILE_VALUES, RAW_UNPRINTABLE } from '../shared/unprintable-test-values';
import type { OutputFormat } from './args';
import { formatReport, reportText, summary } from './format-report';

describe('reportText', () => {
  test('names the worker that made a call, and says nothing of the caller for a page call', () => {
    const report = buildReport([NO_ACAO, { ...NO_ACAO, id: 'req-worker', caller: 'shared-worker' }]);
    const [pageLine, workerLine] = reportText(report).split('\n').filter((l) => l.startsWith('BLOCKED'));
    expect(workerLine).toContain('(from shared worker)');
    expect(pageLine).not.toContain('worker');
  });

  test('shows a call the page ended as ENDED, counted apart from blocked calls', () => {
    const streamed = { ...NO_ACAO.hops[0]!, response: { ...NO_ACAO.hops[0]!.response!, headers: [{ name: 'Access-Control-Allow-Origin', value: '*' }] } };
    const ended = { ...NO_ACAO, id: 'req-ended', state: 'errored' as const, error: 'net::ERR_FAILED', hops: [{ ...streamed, responseStartedAt: 3 }] };
    const report = buildReport([NO_ACAO, ended]);
    expect(reportText(report).split('\n').filter((l) => l.startsWith('ENDED'))).toHaveLength(1);
    expect(summary(report)).toContain('1 blocked, 0 allowed, 0 failed, 1 ended by the page, 0 pending');
    expect(summary(buildReport([NO_ACAO]))).not.toContain('ended');
  });
});

describe('formatReport prints no terminal escape, bidi override or C1 control from the wire', () => {
  const formats: readonly OutputFormat[] = ['text', 'json', 'md'];
  const cases = formats.flatMap((format) => HOSTILE_VALUES.map((value) => ({ format, value })));
  test.each(cases)('$format with Access-Control-Allow-Origin $value', ({ format, value }) => {
    const calls = [blockedByAllowOrigin(value)];
    const out = formatReport({ calls, report: buildReport(calls), source: 'HAR file x.har' }, format);
    expect(out).not.toMatch(RAW_UNPRINTABLE);
    if (format === 'json') expect((JSON.parse(out) as CorsReport).calls[0]?.corsError?.failedParameter).toBe(value);
    else expect(out).toContain(printable(value));
  });
});
