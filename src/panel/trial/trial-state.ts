// The panel's view of Try this fix: the tab's trials as the background last sent them, and the
// latest notice per call (a refusal, or what repeating the request did). Pure, like panel-state.
import type { ObservedCall } from '../../shared/observed-call';
import type { TrialMessage } from '../../shared/protocol';
import type { TrialRecord } from '../../shared/trial/trial-record';

export interface TrialNotice {
  readonly trialId: string | null;
  readonly tone: 'refused' | 'error' | 'info';
  readonly text: string;
}

export interface TrialState {
  readonly trials: readonly TrialRecord[];
  readonly notices: ReadonlyMap<string, TrialNotice>;
}

export const initialTrialState: TrialState = { trials: [], notices: new Map() };

export type TrialAction = TrialMessage | { readonly kind: 'trial-notice-cleared'; readonly callId: string };

export function trialReducer(state: TrialState, action: TrialAction): TrialState {
  switch (action.kind) {
    case 'trials':
      return { ...state, trials: action.trials };
    case 'trial-notice': {
      const notices = new Map(state.notices);
      notices.set(action.callId, { trialId: action.trialId, tone: action.tone, text: action.text });
      return { ...state, notices };
    }
    case 'trial-notice-cleared': {
      if (!state.notices.has(action.callId)) return state;
      const notices = new Map(state.notices);
      notices.delete(action.callId);
      return { ...state, notices };
    }
  }
}

export function activeTrials(trials: readonly TrialRecord[]): TrialRecord[] {
  return trials.filter((t) => t.endedAt === null);
}

/** The newest trial started from this call. */
export function latestTrialOf(trials: readonly TrialRecord[], callId: string): TrialRecord | null {
  let found: TrialRecord | null = null;
  for (const t of trials) if (t.callId === callId && (found === null || t.startedAt > found.startedAt)) found = t;
  return found;
}

/** The newest call the trial's rule touched, finished or not: the trial's result. */
export function trialResultCall(calls: readonly ObservedCall[], trialId: string): ObservedCall | null {
  let found: ObservedCall | null = null;
  for (const c of calls) if (c.trial?.trialId === trialId && (found === null || c.startedAt >= found.startedAt)) found = c;
  return found;
}
