import { describe, expect, test } from 'vitest';
import { checkCall } from '../cors/checker';
import { blocked, hop, PAGE, preflight, response } from '../cors/test-calls';
import { credentialsWarning, pageDomain } from './credentials-warning';
import { dnrMethod, trialRules } from './dnr-rules';
import { planTrial, type TrialPlan } from './trial-plan';

function planFor(call: Parameters<typeof checkCall>[0]): TrialPlan {
  const decision = planTrial(call, checkCall(call));
  if (!decision.ok) throw new Error(decision.reason);
  return decision.plan;
}

describe('trialRules', () => {
  test('a simple call gets one rule: this tab, requests from the page\'s domain, this URL, its method and type', () => {
    const plan = planFor(blocked({ hops: [hop({ response: response(200) })] }));
    const rules = trialRules(plan, 42, 10, pageDomain(PAGE));
    expect(rules).toHaveLength(1);
    expect(rules[0]).toEqual({
      id: 10,
      priority: 1,
      condition: {
        tabIds: [42],
        initiatorDomains: ['app.example'],
        regexFilter: plan.urlPattern,
        isUrlFilterCaseSensitive: true,
        requestMethods: ['get'],
        resourceTypes: ['xmlhttprequest'],
      },
      action: {
        type: 'modifyHeaders',
        responseHeaders: [
          { header: 'access-control-allow-origin', operation: 'set', value: PAGE },
          { header: 'vary', operation: 'append', value: 'Origin' },
        ],
      },
    });
  });

  test('a preflighted call gets a second rule for OPTIONS only', () => {
    const call = blocked({
      method: 'PUT',
      hops: [hop({ request: null, preflight: preflight({ method: 'PUT', response: response(204, { 'Access-Control-Allow-Origin': PAGE }) }) })],
    });
    const rules = trialRules(planFor(call), 3, 7, pageDomain(PAGE));
    expect(rules.map((r) => [r.id, r.condition.requestMethods])).toEqual([
      [7, ['put']],
      [8, ['options']],
    ]);
    expect(rules[1]?.action.responseHeaders).toContainEqual({ header: 'access-control-allow-methods', operation: 'set', value: 'PUT' });
    expect(rules.every((r) => r.condition.tabIds.length === 1 && r.condition.tabIds[0] === 3)).toBe(true);
  });

  test('methods DNR cannot name fall back to "other"; case is ignored', () => {
    expect(dnrMethod('patch')).toBe('patch');
    expect(dnrMethod('DELETE')).toBe('delete');
    expect(dnrMethod('PROPFIND')).toBe('other');
  });

  test('a page with an opaque origin has no domain to name: the rule stays on the tab alone', () => {
    expect(pageDomain('null')).toBeNull();
    const plan = planFor(blocked({ hops: [hop({ response: response(200) })] }));
    expect(trialRules(plan, 1, 1, pageDomain('null'))[0]?.condition).not.toHaveProperty('initiatorDomains');
  });
});

describe('credentialsWarning', () => {
  test('a call that carried a cookie: says the page can read the response with the user\'s cookies for 10 minutes', () => {
    const call = blocked({ hops: [hop({ request: { Cookie: 'sid=1' }, response: response(200, { 'Access-Control-Allow-Origin': PAGE }) })] });
    const plan = planFor(call);
    expect(plan.config.credentials).toBe(true);
    expect(credentialsWarning(plan, PAGE)).toBe(
      'This call carried your cookies or other credentials to https://api.example. With this rule, https://app.example will be ' +
        'able to read that response, sent with your cookies, for up to 10 minutes in this tab.',
    );
    const rules = trialRules(plan, 5, 1, pageDomain(call.initiator));
    expect(rules.map((r) => r.condition.initiatorDomains)).toEqual([['app.example']]);
  });

  test('a call without credentials needs no warning', () => {
    expect(credentialsWarning(planFor(blocked({ hops: [hop({ response: response(200) })] })), PAGE)).toBeNull();
  });
});
