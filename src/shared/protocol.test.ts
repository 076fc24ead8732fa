import { describe, expect, test } from 'vitest';
import { isPanelMessage, isTrialMessage, isTrialRequest } from './protocol';

describe('trial requests from a panel', () => {
  const valid: readonly unknown[] = [
    { kind: 'trial-start', callId: '12', scope: 'exact-url' },
    { kind: 'trial-start', callId: '12', scope: 'path' },
    { kind: 'trial-start', callId: '12', scope: 'path', credentialsConfirmed: true },
    { kind: 'trial-remove', trialId: 'trial-3' },
    { kind: 'trial-repeat', trialId: 'trial-3', how: 'reissue', confirmed: false },
  ];
  const invalid: readonly unknown[] = [
    null,
    'trial-start',
    { kind: 'trial-start', callId: 12, scope: 'exact-url' },
    { kind: 'trial-start', callId: '12', scope: '*' },
    { kind: 'trial-start', callId: '12', scope: 'path', credentialsConfirmed: 'yes' },
    { kind: 'trial-remove' },
    { kind: 'trial-repeat', trialId: 'trial-3', how: 'navigate', confirmed: false },
    { kind: 'trial-repeat', trialId: 'trial-3', how: 'reload' },
  ];
  test.each(valid.map((m) => [JSON.stringify(m), m]))('accepts %s', (_name, message) => {
    expect(isTrialRequest(message)).toBe(true);
    expect(isPanelMessage(message)).toBe(true);
  });
  test.each(invalid.map((m) => [JSON.stringify(m), m]))('rejects %s', (_name, message) => {
    expect(isTrialRequest(message)).toBe(false);
    expect(isPanelMessage(message)).toBe(false);
  });
  test('trial messages from the worker are told apart from call messages', () => {
    expect(isTrialMessage({ kind: 'trials', trials: [] })).toBe(true);
    expect(isTrialMessage({ kind: 'snapshot' })).toBe(false);
  });
});
