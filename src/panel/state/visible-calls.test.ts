import { expect, test } from 'vitest';
import type { Verdict } from '../../shared/cors/types';
import type { ObservedCall } from '../../shared/observed-call';
import type { OutcomeFilter } from './panel-state';
import { call, hop, verdict } from './test-calls';
import { visibleCalls } from './visible-calls';

const blocked = call('blocked', { method: 'PUT', hops: [hop('https://api.test/items')] });
const allowed = call('allowed', {
  hops: [hop('https://a.test/start', { redirectUrl: 'https://b.test/final' }), hop('https://b.test/final')],
});
const failed = call('failed', { hops: [hop('https://down.test/x')] });
const pending = call('pending', { hops: [hop('https://slow.test/x')] });
const ended = call('ended', { hops: [hop('https://stream.test/events')] });
const all = [blocked, allowed, failed, pending, ended];

const verdicts = new Map<ObservedCall, Verdict>([
  [blocked, verdict({ outcome: 'blocked', corsError: { code: 'AllowOriginMismatch', failedParameter: '' } })],
  [allowed, verdict({ outcome: 'allowed' })],
  [failed, verdict({ outcome: 'failed', networkError: 'net::ERR_CONNECTION_REFUSED' })],
  [pending, verdict({ outcome: 'pending' })],
  [ended, verdict({ outcome: 'ended-by-page', networkError: 'net::ERR_FAILED' })],
]);
const verdictOf = (c: ObservedCall): Verdict => verdicts.get(c) ?? verdict();

type Case = { name: string; text: string; outcome: OutcomeFilter; want: readonly string[] };
const cases: readonly Case[] = [
  { name: 'no filter shows everything', text: '', outcome: 'all', want: ['blocked', 'allowed', 'failed', 'pending', 'ended'] },
  { name: 'blocked only', text: '', outcome: 'blocked', want: ['blocked'] },
  { name: 'allowed only', text: '', outcome: 'allowed', want: ['allowed'] },
  { name: 'failed only (pending is never in an outcome filter)', text: '', outcome: 'failed', want: ['failed'] },
  { name: 'ended by the page only', text: '', outcome: 'ended-by-page', want: ['ended'] },
  { name: 'text matches the URL, case-insensitively', text: 'API.test', outcome: 'all', want: ['blocked'] },
  { name: 'text matches a redirect target', text: 'b.test/final', outcome: 'all', want: ['allowed'] },
  { name: 'text matches the method', text: 'put', outcome: 'all', want: ['blocked'] },
  { name: 'text matches the reason code', text: 'originmismatch', outcome: 'all', want: ['blocked'] },
  { name: 'text matches the network error', text: 'refused', outcome: 'all', want: ['failed'] },
  { name: 'surrounding spaces are ignored', text: '  slow  ', outcome: 'all', want: ['pending'] },
  { name: 'text and outcome combine', text: 'api', outcome: 'allowed', want: [] },
];

test.each(cases)('$name', ({ text, outcome, want }) => {
  expect(visibleCalls(all, text, outcome, verdictOf).map((c) => c.id)).toEqual(want);
});

test('no filter returns the same array, so memoized lists keep their identity', () => {
  expect(visibleCalls(all, ' ', 'all', verdictOf)).toBe(all);
});
