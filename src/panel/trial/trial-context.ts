// What the Try this fix components need from the container, without threading it through every
// component between: the tab's trials, notices, all calls (to find a trial's result) and intents.
import { createContext, useContext } from 'react';
import type { ObservedCall } from '../../shared/observed-call';
import type { TrialRepeat } from '../../shared/protocol';
import type { TrialScope } from '../../shared/trial/url-pattern';
import { initialTrialState, type TrialState } from './trial-state';

export interface TrialActions {
  /** `credentialsConfirmed`: the user agreed to the credentials warning shown for this call. */
  readonly start: (callId: string, scope: TrialScope, credentialsConfirmed: boolean) => void;
  readonly remove: (trialId: string) => void;
  readonly repeat: (trialId: string, how: TrialRepeat, confirmed: boolean) => void;
  readonly clearNotice: (callId: string) => void;
}

export interface TrialContextValue extends TrialActions {
  readonly state: TrialState;
  readonly calls: readonly ObservedCall[];
}

const noop = (): void => undefined;

export const TrialContext = createContext<TrialContextValue>({
  state: initialTrialState,
  calls: [],
  start: noop,
  remove: noop,
  repeat: noop,
  clearNotice: noop,
});

export function useTrials(): TrialContextValue {
  return useContext(TrialContext);
}
