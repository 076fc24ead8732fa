// The trial lifecycle in the worker against stand-ins for storage.session, declarativeNetRequest and
// alarms that record the order of their calls, and whose storage writes can fail (quota, a worker
// stopped mid-write). What real Chromium does with the rules is covered in e2e/try-fix.spec.ts.
import { afterEach, beforeEach, expect, test, vi } from 'vitest';
import { blocked, hop, response } from '../shared/cors/test-calls';
import type { ObservedCall } from '../shared/observed-call';
import type * as TrialsModule from './trials';

const TAB = 7;
const CALL: ObservedCall = blocked({ hops: [hop({ response: response(200) })] });

vi.mock('./tab-store', () => ({ readCalls: () => Promise.resolve({ calls: [CALL] }) }));

interface Alarm {
  readonly name: string;
  readonly scheduledTime: number;
}

/** The parts of chrome the trials module uses, kept across "lives" of the worker like the real
 * ones: storage.session, session rules and alarms outlive a worker restart. */
class FakeChrome {
  readonly steps: string[] = [];
  readonly items = new Map<string, unknown>();
  readonly rules = new Map<number, unknown>();
  readonly alarms = new Map<string, Alarm>();
  failTrialWrites = false;

  readonly storage = {
    session: {
      get: (key: string) => Promise.resolve(this.items.has(key) ? { [key]: this.items.get(key) } : {}),
      set: (items: Record<string, unknown>) => {
        this.steps.push(`storage.set ${Object.keys(items).join(' ')}`);
        if (this.failTrialWrites && 'trials' in items) return Promise.reject(new Error('QUOTA_BYTES quota exceeded'));
        for (const [key, value] of Object.entries(items)) this.items.set(key, structuredClone(value));
        return Promise.resolve();
      },
      remove: (key: string) => {
        this.items.delete(key);
        return Promise.resolve();
      },
    },
  };

  readonly declarativeNetRequest = {
    getSessionRules: () => Promise.resolve([...this.rules.entries()].map(([id, rule]) => ({ ...(rule as object), id }))),
    updateSessionRules: ({ addRules = [], removeRuleIds = [] }: { addRules?: { id: number }[]; removeRuleIds?: number[] }) => {
      this.steps.push(`rules ${addRules.length > 0 ? 'add' : 'remove'}`);
      for (const id of removeRuleIds) this.rules.delete(id);
      for (const rule of addRules) this.rules.set(rule.id, rule);
      return Promise.resolve();
    },
  };

  readonly alarmsApi = {
    create: (name: string, info: { when: number }) => {
      this.steps.push(`alarm create ${name}`);
      this.alarms.set(name, { name, scheduledTime: info.when });
      return Promise.resolve();
    },
    clear: (name: string) => {
      this.steps.push(`alarm clear ${name}`);
      return Promise.resolve(this.alarms.delete(name));
    },
    onAlarm: { addListener: () => undefined },
  };

  /** What a fresh worker sees as `chrome`. */
  global(): object {
    return {
      storage: this.storage,
      declarativeNetRequest: this.declarativeNetRequest,
      alarms: this.alarmsApi,
      tabs: { onRemoved: { addListener: () => undefined } },
    };
  }
}

let fake: FakeChrome;

/** The trials module as a newly started worker loads it. */
async function startWorker(): Promise<typeof TrialsModule> {
  vi.resetModules();
  vi.stubGlobal('chrome', fake.global());
  const trials = await import('./trials');
  await trials.trialsReady();
  return trials;
}

beforeEach(() => {
  fake = new FakeChrome();
});

afterEach(() => {
  vi.unstubAllGlobals();
});

test('a trial whose record cannot be written leaves nothing behind: no trial in memory, no rule, no alarm, calls unmarked', async () => {
  const trials = await startWorker();
  fake.failTrialWrites = true;
  // Caught, so the state it leaves is checked whatever the start does with the failure.
  const outcome = await trials.startTrial(TAB, CALL.id, 'exact-url').catch((err: unknown) => ({ ok: false as const, reason: `threw ${String(err)}` }));
  expect(trials.trialRecords()).toEqual([]);
  expect(trials.markCalls([CALL])[0]?.trial).toBeUndefined();
  expect(fake.rules.size).toBe(0);
  expect(fake.alarms.size).toBe(0);
  // The panel is told why, instead of the start failing with nothing said.
  expect(outcome.ok ? '' : outcome.reason).toMatch(/^Could not record the trial, so no rule was added: QUOTA_BYTES quota exceeded$/);
});

test('the expiry alarm is created before the record and the rule', async () => {
  const trials = await startWorker();
  const outcome = await trials.startTrial(TAB, CALL.id, 'exact-url');
  if (!outcome.ok) throw new Error(outcome.reason);
  const alarm = fake.steps.indexOf(`alarm create cors-lens-trial:${outcome.trial.id}`);
  expect(alarm).toBeGreaterThanOrEqual(0);
  expect(alarm).toBeLessThan(fake.steps.indexOf('storage.set trials'));
  expect(alarm).toBeLessThan(fake.steps.indexOf('rules add'));
  expect(fake.alarms.get(`cors-lens-trial:${outcome.trial.id}`)?.scheduledTime).toBe(outcome.trial.expiresAt);
  expect(trials.trialRecords().map((r) => r.id)).toEqual([outcome.trial.id]);
});

test('a worker start re-arms the expiry of every active trial, whose alarm may never have been made', async () => {
  const first = await startWorker();
  const outcome = await first.startTrial(TAB, CALL.id, 'exact-url');
  if (!outcome.ok) throw new Error(outcome.reason);
  // The worker stopped before its alarm existed (or the alarm was lost): the rule has no expiry.
  fake.alarms.clear();
  const second = await startWorker();
  second.registerTrialListeners();
  await vi.waitFor(() => expect(fake.alarms.get(`cors-lens-trial:${outcome.trial.id}`)?.scheduledTime).toBe(outcome.trial.expiresAt));
  expect(fake.rules.size).toBe(outcome.trial.ruleIds.length);
});
