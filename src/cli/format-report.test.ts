import { describe, expect, test } from 'vitest';
import { buildReport } from '../shared/report';
import { NO_ACAO } from '../shared/report-test-calls';
import { reportText, summary } from './format-report';

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
