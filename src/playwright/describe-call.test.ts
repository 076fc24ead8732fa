import { describe, expect, test } from 'vitest';
import { buildReport } from '../shared/report';
import { printable } from '../shared/printable';
import { NO_ACAO } from '../shared/report-test-calls';
import { blockedByAllowOrigin, HOSTILE_VALUES, RAW_UNPRINTABLE } from '../shared/unprintable-test-values';
import { describeCalls } from './describe-call';

describe('describeCalls', () => {
  test('a failure message names the worker that made the call', () => {
    const [pageCall, workerCall] = buildReport([NO_ACAO, { ...NO_ACAO, caller: 'service-worker' }]).calls;
    expect(describeCalls(workerCall ? [workerCall] : [])).toContain('(from service worker)');
    expect(describeCalls(pageCall ? [pageCall] : [])).not.toContain('worker');
  });
});

describe('a failure message carries no terminal escape, bidi override or C1 control from the wire', () => {
  test.each(HOSTILE_VALUES)('Access-Control-Allow-Origin %j', (value) => {
    const calls = buildReport([blockedByAllowOrigin(value)]).calls;
    expect(calls[0]?.corsError?.failedParameter).toBe(value);
    const message = describeCalls(calls);
    expect(message).not.toMatch(RAW_UNPRINTABLE);
    expect(message).toContain(`blocked by CORS: ${calls[0]?.corsError?.code ?? ''} (${printable(value)})\n`);
    expect(message).toContain(`?next=${printable(value)}`);
  });
});
