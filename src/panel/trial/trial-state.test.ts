import { describe, expect, test } from 'vitest';
import { observedCall } from '../../shared/cors/test-calls';
import type { TrialRecord } from '../../shared/trial/trial-record';
import { initialTrialState, latestTrialOf, trialReducer, trialResultCall } from './trial-state';

const trial = (id: string, callId: string, startedAt: number): TrialRecord =>
  ({ id, callId, startedAt, tabId: 1, ruleIds: [1], expiresAt: startedAt + 10, endedAt: null, endReason: null }) as unknown as TrialRecord;

describe('trialReducer', () => {
  test('trials replace the list; notices are kept per call until cleared', () => {
    let state = trialReducer(initialTrialState, { kind: 'trials', trials: [trial('t1', 'c1', 1)] });
    state = trialReducer(state, { kind: 'trial-notice', callId: 'c1', trialId: null, tone: 'refused', text: 'no' });
    expect(state.trials.map((t) => t.id)).toEqual(['t1']);
    expect(state.notices.get('c1')?.text).toBe('no');
    state = trialReducer(state, { kind: 'trial-notice-cleared', callId: 'c1' });
    expect(state.notices.has('c1')).toBe(false);
  });
});

describe('finding a trial and its result', () => {
  test('the newest trial of a call, and the newest call its rule touched', () => {
    const trials = [trial('t1', 'c1', 1), trial('t2', 'c1', 5), trial('t3', 'c2', 9)];
    expect(latestTrialOf(trials, 'c1')?.id).toBe('t2');
    expect(latestTrialOf(trials, 'c9')).toBeNull();
    const mark = (trialId: string) => ({ trialId, urlPattern: '', preflightChanges: [], responseChanges: [] });
    const calls = [
      { ...observedCall(), id: 'a', startedAt: 6, trial: mark('t2') },
      { ...observedCall(), id: 'b', startedAt: 8, trial: mark('t2') },
      { ...observedCall(), id: 'c', startedAt: 9, trial: mark('t3') },
    ];
    expect(trialResultCall(calls, 't2')?.id).toBe('b');
    expect(trialResultCall(calls, 't1')).toBeNull();
  });
});
