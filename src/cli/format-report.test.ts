import { describe, expect, test } from 'vitest';
import { buildReport } from '../shared/report';
import { NO_ACAO } from '../shared/report-test-calls';
import { reportText } from './format-report';

describe('reportText', () => {
  test('names the worker that made a call, and says nothing of the caller for a page call', () => {
    const report = buildReport([NO_ACAO, { ...NO_ACAO, id: 'req-worker', caller: 'shared-worker' }]);
    const [pageLine, workerLine] = reportText(report).split('\n').filter((l) => l.startsWith('BLOCKED'));
    expect(workerLine).toContain('(from shared worker)');
    expect(pageLine).not.toContain('worker');
  });
});
