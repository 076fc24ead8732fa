// Try this fix: adds, repeats under and removes the declarativeNetRequest session rules that apply
// a computed CORS fix to one tab. The trial log lives in chrome.storage.session (gone with the
// browser, like session rules themselves); `records` mirrors it so calls can be marked
// synchronously, and is rebuilt from storage whenever the worker starts.
import { checkCall } from '../shared/cors/checker';
import { classifyRequest } from '../shared/cors/classify-request';
import { headerValue, lowerAscii } from '../shared/cors/headers';
import { isUnrecordedCredential } from '../shared/credential-values';
import type { ObservedCall } from '../shared/observed-call';
import type { TrialRepeat } from '../shared/protocol';
import { trialRules, type DnrRule } from '../shared/trial/dnr-rules';
import {
  boundTrials,
  isActive,
  isTrialRecordList,
  markTrialCalls,
  TRIAL_LIFETIME_MS,
  type TrialEndReason,
  type TrialRecord,
} from '../shared/trial/trial-record';
import { credentialsWarning, pageDomain } from '../shared/trial/credentials-warning';
import { planTrial } from '../shared/trial/trial-plan';
import type { TrialScope } from '../shared/trial/url-pattern';
import { SEAMS_BUILD } from './build-mode';
import { readCalls } from './tab-store';

const STORAGE_KEY = 'trials';
/** Seams build only (build-mode.ts): a shorter lifetime for tests, kept in storage so it outlives
 * worker restarts. */
const LIFETIME_KEY = 'trialLifetimeMs';
const ALARM_PREFIX = 'cors-lens-trial:';

export type TrialOutcome = { readonly ok: true; readonly trial: TrialRecord } | { readonly ok: false; readonly reason: string };

// Cache of storage, rebuilt on start; every write goes through `update`, one at a time.
let records: TrialRecord[] = [];
const loaded: Promise<void> = load();
let writes: Promise<void> = loaded.catch(() => undefined);
const changeListeners = new Set<(tabId: number) => void>();

async function load(): Promise<void> {
  const stored: Record<string, unknown> = await chrome.storage.session.get(STORAGE_KEY);
  const list = stored[STORAGE_KEY];
  records = isTrialRecordList(list) ? list : [];
}

/** Resolves once the trial log is read after a worker start. */
export function trialsReady(): Promise<void> {
  return loaded;
}

/** The trial log as it is now (read after trialsReady). */
export function trialRecords(): readonly TrialRecord[] {
  return records;
}

export function trialsOfTab(tabId: number): TrialRecord[] {
  return records.filter((r) => r.tabId === tabId);
}

export function markCalls(calls: readonly ObservedCall[]): readonly ObservedCall[] {
  return markTrialCalls(calls, records);
}

export function onTrialsChange(listener: (tabId: number) => void): () => void {
  changeListeners.add(listener);
  return () => changeListeners.delete(listener);
}

/** Applies `work` to the log: storage first, then the cache, so a write that fails leaves no
 * trial in memory that storage (and so the next life of the worker) does not have. */
function update<T>(work: (current: readonly TrialRecord[]) => { next: TrialRecord[]; result: T }): Promise<T> {
  const run = writes.then(async () => {
    const before = records;
    const { next, result } = work(before);
    const bounded = boundTrials(next);
    await chrome.storage.session.set({ [STORAGE_KEY]: bounded });
    records = bounded;
    const tabs = new Set([...before, ...records].filter((r) => !records.includes(r) || !before.includes(r)).map((r) => r.tabId));
    for (const tabId of tabs) for (const listener of changeListeners) listener(tabId);
    return result;
  });
  writes = run.then(
    () => undefined,
    () => undefined,
  );
  return run;
}

async function lifetimeMs(): Promise<number> {
  if (!SEAMS_BUILD) return TRIAL_LIFETIME_MS;
  const stored: Record<string, unknown> = await chrome.storage.session.get(LIFETIME_KEY);
  const value = stored[LIFETIME_KEY];
  return typeof value === 'number' && value > 0 ? value : TRIAL_LIFETIME_MS;
}

/** Above every id in use and every id an ended trial still names, so trial ids never repeat. */
async function nextRuleId(): Promise<number> {
  const rules = await chrome.declarativeNetRequest.getSessionRules();
  const used = [...rules.map((r) => r.id), ...records.flatMap((r) => r.ruleIds)];
  return used.reduce((max, id) => Math.max(max, id), 0) + 1;
}

// Starts run one at a time: two at once would pick the same rule id.
let starting: Promise<unknown> = Promise.resolve();

/** `credentialsConfirmed`: the user agreed, after reading credentialsWarning, to let the page read
 * a response sent with their cookies; without it such a trial is refused. */
export function startTrial(tabId: number, callId: string, scope: TrialScope, credentialsConfirmed = false): Promise<TrialOutcome> {
  const run = starting.then(() => startOne(tabId, callId, scope, credentialsConfirmed));
  starting = run.catch(() => undefined);
  return run;
}

async function startOne(tabId: number, callId: string, scope: TrialScope, credentialsConfirmed: boolean): Promise<TrialOutcome> {
  await loaded;
  const { calls } = await readCalls(tabId);
  const stored = calls.find((c) => c.id === callId);
  if (stored === undefined) return { ok: false, reason: 'This call is no longer in the log.' };
  // A call made under an earlier trial is judged on its changed headers, so a trial can build on one.
  const call = markCalls([stored])[0] ?? stored;
  const decision = planTrial(call, checkCall(call), scope);
  if (!decision.ok) return { ok: false, reason: decision.reason };
  const { plan } = decision;
  const warning = credentialsWarning(plan, call.initiator);
  if (warning !== null && !credentialsConfirmed) return { ok: false, reason: `${warning} Confirm in the panel to apply the rule.` };
  // One trial per URL and method in a tab: a new one replaces the old rather than stacking on it.
  const replaced = records.filter(
    (r) => isActive(r) && r.tabId === tabId && r.plan.urlPattern === plan.urlPattern && lowerAscii(r.plan.method) === lowerAscii(plan.method),
  );
  for (const old of replaced) await endTrial(old.id, 'replaced');
  const firstId = await nextRuleId();
  const rules = trialRules(plan, tabId, firstId, pageDomain(call.initiator));
  const startedAt = Date.now();
  const trial: TrialRecord = {
    id: `trial-${firstId}`,
    tabId,
    callId,
    ruleIds: rules.map((r) => r.id),
    plan,
    startedAt,
    expiresAt: startedAt + (await lifetimeMs()),
    endedAt: null,
    endReason: null,
  };
  // The alarm first: whatever step fails or wherever the worker stops from here, a rule that
  // gets added always has an expiry armed. An alarm without a trial finds nothing to end.
  await armExpiry(trial);
  try {
    // Recorded before the rule exists, so no call the rule touches can be captured unmarked.
    await update((current) => ({ next: [...current, trial], result: undefined }));
  } catch (err) {
    await chrome.alarms.clear(ALARM_PREFIX + trial.id);
    return { ok: false, reason: `Could not record the trial, so no rule was added: ${errorText(err)}` };
  }
  try {
    await chrome.declarativeNetRequest.updateSessionRules({ addRules: rules.map(toChromeRule) });
  } catch (err) {
    await update((current) => ({ next: current.filter((r) => r.id !== trial.id), result: undefined }));
    await chrome.alarms.clear(ALARM_PREFIX + trial.id);
    return { ok: false, reason: `Chromium refused the rule: ${errorText(err)}` };
  }
  return { ok: true, trial };
}

function errorText(err: unknown): string {
  return err instanceof Error ? err.message : String(err);
}

/** The alarm that ends the trial, which survives a sleeping worker, and a timer for when Chromium
 * clamps the alarm later than a short (seams build) lifetime. Creating it again replaces it. */
async function armExpiry(trial: TrialRecord): Promise<void> {
  await chrome.alarms.create(ALARM_PREFIX + trial.id, { when: trial.expiresAt });
  setTimeout(() => void expireDue(), trial.expiresAt - Date.now() + 50);
}

/** At worker start: the alarm of a trial is re-armed, in case the worker stopped before it was
 * made or it was lost; the timers of the last life are gone. */
async function rearmActiveTrials(): Promise<void> {
  await loaded;
  for (const trial of records.filter(isActive)) await armExpiry(trial);
}

function toChromeRule(rule: DnrRule): chrome.declarativeNetRequest.Rule {
  return {
    id: rule.id,
    priority: rule.priority,
    condition: {
      tabIds: [...rule.condition.tabIds],
      ...(rule.condition.initiatorDomains === undefined ? {} : { initiatorDomains: [...rule.condition.initiatorDomains] }),
      regexFilter: rule.condition.regexFilter,
      isUrlFilterCaseSensitive: rule.condition.isUrlFilterCaseSensitive,
      requestMethods: rule.condition.requestMethods.map((m) => m as chrome.declarativeNetRequest.RequestMethod),
      resourceTypes: rule.condition.resourceTypes.map((t) => t as chrome.declarativeNetRequest.ResourceType),
    },
    action: {
      type: 'modifyHeaders',
      responseHeaders: rule.action.responseHeaders.map((h) => ({
        header: h.header,
        operation: h.operation as chrome.declarativeNetRequest.HeaderOperation,
        ...(h.value === undefined ? {} : { value: h.value }),
      })),
    },
  };
}

/** Removes the trial's rules and closes its record; the record stays so its calls stay marked. */
export async function endTrial(trialId: string, reason: TrialEndReason): Promise<boolean> {
  await loaded;
  const trial = records.find((r) => r.id === trialId && isActive(r));
  if (trial === undefined) return false;
  await chrome.declarativeNetRequest.updateSessionRules({ removeRuleIds: [...trial.ruleIds] });
  await chrome.alarms.clear(ALARM_PREFIX + trialId);
  const endedAt = Date.now();
  await update((current) => ({
    next: current.map((r) => (r.id === trialId ? { ...r, endedAt, endReason: reason } : r)),
    result: undefined,
  }));
  return true;
}

export async function endTabTrials(tabId: number, reason: TrialEndReason): Promise<void> {
  await loaded;
  for (const trial of records.filter((r) => r.tabId === tabId && isActive(r))) await endTrial(trial.id, reason);
}

async function expireDue(): Promise<void> {
  await loaded;
  const now = Date.now();
  for (const trial of records.filter((r) => isActive(r) && r.expiresAt <= now)) await endTrial(trial.id, 'expired');
}

async function forgetTabTrials(tabId: number): Promise<void> {
  await endTabTrials(tabId, 'tab-closed');
  await update((current) => ({ next: current.filter((r) => r.tabId !== tabId), result: undefined }));
}

/** Rules without a record (a record write lost to a crash) would outlive everything: drop them. */
async function dropUnknownRules(): Promise<void> {
  await loaded;
  const known = new Set(records.filter(isActive).flatMap((r) => r.ruleIds));
  const rules = await chrome.declarativeNetRequest.getSessionRules();
  const stray = rules.map((r) => r.id).filter((id) => !known.has(id));
  if (stray.length > 0) await chrome.declarativeNetRequest.updateSessionRules({ removeRuleIds: stray });
}

/** Repeats the page's request under the trial, as the user chose. */
export async function repeatUnderTrial(trialId: string, how: TrialRepeat, confirmed: boolean): Promise<string> {
  await loaded;
  const trial = records.find((r) => r.id === trialId && isActive(r));
  if (trial === undefined) return 'This trial rule is no longer active.';
  if (how === 'reload') {
    await chrome.tabs.reload(trial.tabId);
    return 'Reloaded the page under the trial rule.';
  }
  const { calls } = await readCalls(trial.tabId);
  const call = calls.find((c) => c.id === trial.callId);
  if (call === undefined) return 'The original call is no longer in the log; reload the page instead.';
  if (call.type !== 'xmlhttprequest') return `A ${call.type} request cannot be re-sent with fetch; reload the page instead.`;
  if (!isSafeToRepeat(call.method) && !confirmed) return `${call.method} may change data on the server; confirm before re-sending it.`;
  return reissue(call, trial);
}

function isSafeToRepeat(method: string): boolean {
  const upper = method.toUpperCase();
  return upper === 'GET' || upper === 'HEAD' || upper === 'OPTIONS';
}

/** The script-set headers of the original request: the CORS-unsafe ones and Content-Type. A
 * credential whose value was not recorded (an Authorization marker) is left out rather than sent
 * as the marker; the browser still adds cookies itself. */
function authorHeaders(call: ObservedCall): [string, string][] {
  const sent = call.hops[0]?.requestHeaders ?? [];
  const unsafe = new Set(classifyRequest(call.method, sent).unsafeHeaders);
  const out: [string, string][] = [];
  for (const line of sent) {
    const lower = lowerAscii(line.name);
    if (isUnrecordedCredential(line.value)) continue;
    if (unsafe.has(lower) || lower === 'content-type') out.push([line.name, line.value]);
  }
  return out;
}

async function reissue(call: ObservedCall, trial: TrialRecord): Promise<string> {
  const sentCookie = headerValue(call.hops[0]?.requestHeaders ?? null, 'cookie') !== null;
  const credentials: RequestCredentials = sentCookie || checkCall(call).credentials === 'include' ? 'include' : 'same-origin';
  const url = call.hops[0]?.url ?? trial.plan.url;
  const [injection] = await chrome.scripting.executeScript({
    target: { tabId: trial.tabId, frameIds: [call.frameId] },
    world: 'MAIN',
    args: [url, call.method, authorHeaders(call), credentials, call.initiator],
    // Runs in the page: the request must come from the page's own origin, as the original did.
    func: async (target: string, method: string, headers: [string, string][], mode: RequestCredentials, origin: string) => {
      if (location.origin !== origin) return `The page is now ${location.origin}, not ${origin}; reload it instead.`;
      try {
        const response = await fetch(target, { method, headers, credentials: mode });
        return `Re-sent from the page: status ${response.status}.`;
      } catch (error) {
        return `Re-sent from the page: ${String(error)}.`;
      }
    },
  });
  const result: unknown = injection?.result;
  return typeof result === 'string' ? result : 'Re-sent from the page.';
}

/** Listeners for the trial lifecycle; called once, synchronously, from the worker's top level. */
export function registerTrialListeners(): void {
  chrome.alarms.onAlarm.addListener((alarm) => {
    if (alarm.name.startsWith(ALARM_PREFIX)) void expireDue();
  });
  chrome.tabs.onRemoved.addListener((tabId) => void forgetTabTrials(tabId));
  // A worker that slept past an expiry catches up as soon as it runs again; what is left gets
  // its expiry armed again.
  void expireDue().finally(() => {
    void rearmActiveTrials();
    void dropUnknownRules();
  });
}

/** The `corsLens.trials` test seam, on `corsLens` in the seams build only. */
export const trialSeam = {
  async setLifetimeMs(ms: number | null): Promise<void> {
    if (ms === null) await chrome.storage.session.remove(LIFETIME_KEY);
    else await chrome.storage.session.set({ [LIFETIME_KEY]: ms });
  },
  async list(tabId?: number): Promise<TrialRecord[]> {
    await loaded;
    return tabId === undefined ? [...records] : trialsOfTab(tabId);
  },
  start: startTrial,
  end: (trialId: string) => endTrial(trialId, 'removed'),
};
