import { describe, expect, test } from 'vitest';
import { checkCall } from '../cors/checker';
import { API, blocked, hop, observedCall, PAGE, response } from '../cors/test-calls';
import type { ObservedCall } from '../observed-call';
import { applyHeaderChanges } from './effective-headers';
import { boundTrials, ENDED_TRIALS_KEPT, markTrialCalls, type TrialRecord } from './trial-record';
import { planTrial } from './trial-plan';

const original = blocked({ hops: [hop({ url: API, response: response(200) })] });
const decision = planTrial(original, checkCall(original));
if (!decision.ok) throw new Error(decision.reason);

function record(over: Partial<TrialRecord> = {}): TrialRecord {
  return {
    id: 't1',
    tabId: 7,
    callId: 'req-1',
    ruleIds: [1],
    plan: decision.ok ? decision.plan : (undefined as never),
    startedAt: 10,
    expiresAt: 1000,
    endedAt: null,
    endReason: null,
    ...over,
  };
}

function callAt(startedAt: number, endedAt: number, over: Partial<ObservedCall> = {}): ObservedCall {
  return { ...observedCall({ hops: [hop({ url: API, response: response(200) })] }), id: `c${startedAt}`, startedAt, endedAt, ...over };
}

describe('markTrialCalls', () => {
  test('marks calls overlapping the trial, in its tab, on its URL and method only', () => {
    const calls = [
      callAt(1, 5), // before the rule
      callAt(12, 14), // during
      callAt(8, 11), // straddles the start
      callAt(12, 14, { tabId: 8 }), // another tab
      callAt(12, 14, { method: 'POST' }),
      callAt(12, 14, { hops: [hop({ url: `${API}/other`, response: response(200) })] }),
    ];
    const marked = markTrialCalls(calls, [record()]);
    expect(marked.map((c) => c.trial?.trialId ?? null)).toEqual([null, 't1', 't1', null, null, null]);
    expect(marked[0]).toBe(calls[0]);
  });

  test('an ended trial still marks the calls made while it was active, not later ones', () => {
    const marked = markTrialCalls([callAt(12, 14), callAt(30, 31)], [record({ endedAt: 20, endReason: 'removed' })]);
    expect(marked.map((c) => c.trial?.trialId ?? null)).toEqual(['t1', null]);
  });

  test('a marked call is judged on the headers the rule produced, with the trial note', () => {
    const [marked] = markTrialCalls([callAt(12, 14)], [record()]);
    // Unmarked, a completed call without ACAO contradicts the checks; marked, the rule explains it.
    expect(checkCall(callAt(12, 14)).assumptions.join(' ')).toMatch(/checks say/);
    const verdict = checkCall(marked!);
    expect(verdict.outcome).toBe('allowed');
    expect(verdict.assumptions[0]).toMatch(/trial rule/);
    expect(verdict.assumptions.join(' ')).not.toMatch(/checks say/);
  });

  test('a blocked trial call names the next failing check: credentials the rule did not allow', () => {
    const withCookie = blocked({ hops: [hop({ url: API, request: { Cookie: 'sid=1' }, response: response(200) })] });
    expect(checkCall(withCookie).corsError?.code).toBe('MissingAllowOriginHeader');
    const [marked] = markTrialCalls([{ ...withCookie, startedAt: 12, endedAt: 14 }], [record()]);
    expect(checkCall(marked!).corsError?.code).toBe('InvalidAllowCredentials');
  });
});

describe('applyHeaderChanges', () => {
  test('set replaces every line, append adds a missing token once, remove drops the header', () => {
    const lines = [
      { name: 'Access-Control-Allow-Origin', value: '*' },
      { name: 'access-control-allow-origin', value: 'x' },
      { name: 'Vary', value: 'Accept-Encoding' },
      { name: 'Access-Control-Allow-Headers', value: 'bad value' },
    ];
    const changes = [
      { header: 'access-control-allow-origin', operation: 'set', value: PAGE },
      { header: 'vary', operation: 'append', value: 'Origin' },
      { header: 'access-control-allow-headers', operation: 'remove', value: '' },
    ] as const;
    const once = applyHeaderChanges(lines, changes);
    expect(once).toEqual([
      { name: 'access-control-allow-origin', value: PAGE },
      { name: 'Vary', value: 'Accept-Encoding' },
      { name: 'vary', value: 'Origin' },
    ]);
    expect(applyHeaderChanges(once, changes)).toEqual(once);
  });
});

describe('boundTrials', () => {
  test('keeps every active trial and the newest ended ones', () => {
    const ended = Array.from({ length: ENDED_TRIALS_KEPT + 5 }, (_, i) => record({ id: `e${i}`, endedAt: i, endReason: 'expired' }));
    const kept = boundTrials([record({ id: 'active' }), ...ended]);
    expect(kept).toHaveLength(ENDED_TRIALS_KEPT + 1);
    expect(kept.some((r) => r.id === 'active')).toBe(true);
    expect(kept.some((r) => r.id === 'e0')).toBe(false);
  });
});
