// The trial log: every trial rule CORS Lens added in a tab, active or ended. The background keeps
// it in chrome.storage.session and marks each call it hands out against it, so a call made under
// a trial rule can never pass for the server's real behaviour, even after the rule is gone.
import { lowerAscii } from '../cors/headers';
import type { ObservedCall } from '../observed-call';
import type { TrialMark } from './trial-mark';
import type { TrialPlan } from './trial-plan';

export type TrialEndReason = 'removed' | 'expired' | 'devtools-closed' | 'tab-closed' | 'replaced';

export interface TrialRecord {
  readonly id: string;
  readonly tabId: number;
  /** The call whose fix is being tried. */
  readonly callId: string;
  readonly ruleIds: readonly number[];
  readonly plan: TrialPlan;
  readonly startedAt: number;
  readonly expiresAt: number;
  readonly endedAt: number | null;
  readonly endReason: TrialEndReason | null;
}

export function isActive(record: TrialRecord): boolean {
  return record.endedAt === null;
}

/** Ten minutes: long enough to reload and click around, short enough that a forgotten rule goes. */
export const TRIAL_LIFETIME_MS = 10 * 60 * 1000;

/** Ended trials kept per tab, so calls made under them stay marked. */
export const ENDED_TRIALS_KEPT = 50;

function markOf(record: TrialRecord): TrialMark {
  return {
    trialId: record.id,
    urlPattern: record.plan.urlPattern,
    preflightChanges: record.plan.preflightChanges,
    responseChanges: record.plan.responseChanges,
  };
}

function compile(pattern: string): RegExp | null {
  try {
    return new RegExp(pattern);
  } catch {
    return null;
  }
}

/** The trial whose rule could have touched this call: same tab, type and method, a URL the rule
 * matches, and a lifetime overlapping the call's (a generous test, so no trialled call escapes). */
export function trialFor(call: ObservedCall, records: readonly TrialRecord[]): TrialRecord | null {
  let found: TrialRecord | null = null;
  for (const record of records) {
    if (record.tabId !== call.tabId || record.plan.resourceType !== call.type) continue;
    if (lowerAscii(record.plan.method) !== lowerAscii(call.method)) continue;
    if (call.startedAt > (record.endedAt ?? Infinity) || (call.endedAt ?? Infinity) < record.startedAt) continue;
    const re = compile(record.plan.urlPattern);
    if (re === null || !call.hops.some((hop) => re.test(hop.url))) continue;
    if (found === null || record.startedAt > found.startedAt) found = record;
  }
  return found;
}

/** The calls with `trial` set on each one a trial rule could have touched. Unchanged calls keep
 * their identity, so per-object verdict caches stay valid. */
export function markTrialCalls(calls: readonly ObservedCall[], records: readonly TrialRecord[]): readonly ObservedCall[] {
  // The common case, on every delta: no trial was ever started in this worker session.
  if (records.length === 0) return calls;
  return calls.map((call) => {
    const record = trialFor(call, records);
    if (record === null) return call;
    if (call.trial?.trialId === record.id) return call;
    return { ...call, trial: markOf(record) };
  });
}

/** Keeps every active trial and the newest ended ones. */
export function boundTrials(records: readonly TrialRecord[]): TrialRecord[] {
  const ended = records.filter((r) => !isActive(r)).sort((a, b) => (b.endedAt ?? 0) - (a.endedAt ?? 0));
  const keep = new Set([...records.filter(isActive), ...ended.slice(0, ENDED_TRIALS_KEPT)]);
  return records.filter((r) => keep.has(r));
}

/** Untrusted storage content enters here; anything else reads as an empty log. */
export function isTrialRecordList(x: unknown): x is TrialRecord[] {
  return (
    Array.isArray(x) &&
    x.every(
      (r: unknown) =>
        typeof r === 'object' &&
        r !== null &&
        typeof (r as { id?: unknown }).id === 'string' &&
        typeof (r as { tabId?: unknown }).tabId === 'number' &&
        typeof (r as { plan?: unknown }).plan === 'object',
    )
  );
}
