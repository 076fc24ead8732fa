import { describe, expect, test } from 'vitest';
import { buildReport } from '../shared/report';
import { NO_ACAO } from '../shared/report-test-calls';
import { describeCalls } from './describe-call';

describe('describeCalls', () => {
  test('a failure message names the worker that made the call', () => {
    const [pageCall, workerCall] = buildReport([NO_ACAO, { ...NO_ACAO, caller: 'service-worker' }]).calls;
    expect(describeCalls(workerCall ? [workerCall] : [])).toContain('(from service worker)');
    expect(describeCalls(pageCall ? [pageCall] : [])).not.toContain('worker');
  });
});
